import type { Kysely } from "kysely";

/**
 * The site's identity (types in site-settings.tables.ts): one row with id 1. Part of migration
 * 0020-calendar-site (src/app/migrations.ts).
 */
export async function createSiteSettingsTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("site_settings")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("ward_name", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("emblem_png", "text")
    .addColumn("address", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("opening_hours", "text")
    .addColumn("editor_in_charge", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
