import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../../core/db/dialect.js";

/**
 * The leaders' calendar entries (types in calendar-entries.tables.ts). Part of migration
 * 0020-calendar-site, which the composition root runs as one step (src/app/migrations.ts).
 */
export async function createCalendarTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await withAutoId(db.schema.createTable("calendar_entries"), dialect)
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("all_day", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("calendar_entries_unit_idx")
    .on("calendar_entries")
    .columns(["unit_id", "starts_at"])
    .execute();
  await withAutoId(db.schema.createTable("calendar_entry_people"), dialect)
    .addColumn("entry_id", "integer", (c) =>
      c.notNull().references("calendar_entries.id").onDelete("cascade"),
    )
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("calendar_entry_people_entry_idx")
    .on("calendar_entry_people")
    .column("entry_id")
    .execute();
}
