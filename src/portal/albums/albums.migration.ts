import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../../core/db/dialect.js";

/** 0021-albums: photo albums and their photos (types and meaning in albums.tables.ts). */
export function albumsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await withAutoId(db.schema.createTable("albums"), dialect)
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("published_at", "text")
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await withAutoId(db.schema.createTable("album_photos"), dialect)
        .addColumn("album_id", "integer", (c) => c.notNull().references("albums.id").onDelete("cascade"))
        .addColumn("media_id", "integer", (c) => c.notNull().references("media.id"))
        .addColumn("caption", "text", (c) => c.notNull())
        .addColumn("alt_text", "text", (c) => c.notNull())
        .addColumn("sort_order", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("album_photos_album_idx")
        .on("album_photos")
        .columns(["album_id", "sort_order"])
        .execute();
      await db.schema.createIndex("album_photos_media_idx").on("album_photos").column("media_id").execute();
    },
  };
}
