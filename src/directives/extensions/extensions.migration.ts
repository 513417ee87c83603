import type { Kysely } from "kysely";
import { sql } from "kysely";
import { type DialectName, withAutoId } from "../../core/db/dialect.js";

/** Deadline extension requests of directives (types in extensions.tables.ts). */
export function directiveExtensionsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await withAutoId(db.schema.createTable("directive_extensions"), dialect)
        .addColumn("directive_id", "integer", (c) => c.notNull().references("directives.id"))
        .addColumn("requested_date", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("requested_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("requester_name", "text", (c) => c.notNull())
        .addColumn("requested_at", "text", (c) => c.notNull())
        .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("decider_name", "text")
        .addColumn("decided_at", "text")
        .addColumn("decision_reason", "text")
        .addColumn("previous_deadline_kind", "text", (c) => c.notNull())
        .addColumn("previous_deadline_date", "text")
        .addColumn("previous_deadline_phrase", "text")
        .execute();
      await db.schema
        .createIndex("directive_extensions_directive_idx")
        .on("directive_extensions")
        .columns(["directive_id", "status"])
        .execute();
      // One waiting request per directive, even when two people ask at the same moment.
      await db.schema
        .createIndex("directive_extensions_one_pending_idx")
        .on("directive_extensions")
        .column("directive_id")
        .unique()
        .where(sql.ref("status"), "=", "pending")
        .execute();
    },
  };
}
