import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/** Migration 0018: the document library (types in documents.tables.ts). */
export function documentsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);
      await table("documents")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("number_key", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("issuer_unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("issuer_organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("issuing_body", "text", (c) => c.notNull())
        .addColumn("signer_name", "text")
        .addColumn("signer_title", "text")
        .addColumn("issued_on", "text", (c) => c.notNull())
        .addColumn("effective_on", "text")
        .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("source_key", "text", (c) => c.unique())
        .addColumn("search_text", "text", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("documents_number_key_idx").on("documents").column("number_key").execute();
      await db.schema
        .createIndex("documents_public_issued_idx")
        .on("documents")
        .columns(["is_public", "issued_on"])
        .execute();
      await db.schema.createIndex("documents_unit_idx").on("documents").column("unit_id").execute();

      await table("document_files")
        .addColumn("document_id", "integer", (c) =>
          c.notNull().references("documents.id").onDelete("cascade"),
        )
        .addColumn("file_id", "integer", (c) => c.notNull().references("session_files.id"))
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex("document_files_document_idx")
        .on("document_files")
        .columns(["document_id", "file_id"])
        .unique()
        .execute();
    },
  };
}
