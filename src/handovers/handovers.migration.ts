import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/** The decisions of hand-overs (types in handovers.tables.ts); migration 0009 of src/app/migrations.ts. */
export function handoversMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await withAutoId(db.schema.createTable("handover_decisions"), dialect)
        .addColumn("item_kind", "text", (c) => c.notNull())
        .addColumn("item_id", "integer", (c) => c.notNull())
        .addColumn("from_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("to_unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("new_item_id", "integer")
        .addColumn("assigning_unit_id", "integer", (c) => c.references("units.id"))
        .addColumn("legal_basis", "text", (c) => c.notNull())
        .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("decided_at", "text", (c) => c.notNull())
        .execute();
      // The queue leaves out items already decided: looked up by kind and id.
      await db.schema
        .createIndex("handover_decisions_item_idx")
        .on("handover_decisions")
        .columns(["item_kind", "item_id"])
        .execute();
      await db.schema
        .createIndex("handover_decisions_from_idx")
        .on("handover_decisions")
        .columns(["from_unit_id"])
        .execute();
    },
  };
}
