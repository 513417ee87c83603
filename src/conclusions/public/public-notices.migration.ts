import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../../core/db/dialect.js";

/**
 * Published conclusion notices (types in public-notices.tables.ts): one row per notice its owner chose
 * to publish, with what is shown, and the items shown. Part of migration 0016 (src/app/migrations.ts).
 * Withdrawing deletes both; the audit log keeps who published and withdrew what, and when.
 */
export async function createNoticePublicationTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await withAutoId(db.schema.createTable("notice_publications"), dialect)
    .addColumn("notice_id", "integer", (c) =>
      c.notNull().unique().references("conclusion_notices.id").onDelete("cascade"),
    )
    .addColumn("show_reports", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("published_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await withAutoId(db.schema.createTable("notice_public_items"), dialect)
    .addColumn("notice_id", "integer", (c) =>
      c.notNull().references("notice_publications.notice_id").onDelete("cascade"),
    )
    .addColumn("item_id", "integer", (c) => c.notNull().references("conclusion_items.id").onDelete("cascade"))
    .execute();
  await db.schema
    .createIndex("notice_public_items_notice_idx")
    .on("notice_public_items")
    .columns(["notice_id", "item_id"])
    .unique()
    .execute();
}
