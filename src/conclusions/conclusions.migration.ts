import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/**
 * Tables of conclusion notices and their items (types in conclusions.tables.ts).
 * Part of migration 0004, which the composition root runs as one step (src/app/migrations.ts).
 */
export async function createConclusionTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);
  const index = (name: string, on: string, columns: string[]) =>
    db.schema.createIndex(name).on(on).columns(columns).execute();

  await table("conclusion_notices")
    .addColumn("session_id", "integer", (c) => c.references("working_sessions.id").onDelete("set null"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("issuing_unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("issuing_body", "text", (c) => c.notNull())
    .addColumn("parent_body", "text")
    .addColumn("place_name", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("preamble", "text")
    .addColumn("signer_person_id", "integer", (c) => c.references("people.id"))
    .addColumn("signer_name", "text", (c) => c.notNull())
    .addColumn("signer_title", "text", (c) => c.notNull())
    .addColumn("signing_authority", "text")
    .addColumn("recipients", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await index("conclusion_notices_session_idx", "conclusion_notices", ["session_id"]);

  await table("conclusion_items")
    .addColumn("notice_id", "integer", (c) =>
      c.notNull().references("conclusion_notices.id").onDelete("cascade"),
    )
    .addColumn("parent_item_id", "integer", (c) => c.references("conclusion_items.id").onDelete("cascade"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await index("conclusion_items_notice_idx", "conclusion_items", ["notice_id"]);
}
