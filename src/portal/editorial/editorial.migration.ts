import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import { type DialectName, withAutoId } from "../../core/db/dialect.js";

/**
 * Tables of the portal's editorial workflow, revisions, media library, categories, tags and links of
 * articles (types and meaning in editorial.tables.ts). Schema builder only, so both engines get the
 * same tables; the backfills are plain SQL that both engines read the same way.
 */
export function editorialMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);
      const article = (c: ColumnDefinitionBuilder) =>
        c.notNull().references("articles.id").onDelete("cascade");

      await table("article_revisions")
        .addColumn("article_id", "integer", article)
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("lead", "text")
        .addColumn("body_html", "text", (c) => c.notNull())
        .addColumn("fields_json", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("author_name", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("article_revisions_number_uq", ["article_id", "number"])
        .execute();

      await table("article_reviews")
        .addColumn("article_id", "integer", article)
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("comment", "text")
        .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("article_reviews_article_idx")
        .on("article_reviews")
        .column("article_id")
        .execute();

      await table("media_variants")
        .addColumn("media_id", "integer", (c) => c.notNull().references("media.id").onDelete("cascade"))
        .addColumn("width", "integer", (c) => c.notNull())
        .addColumn("height", "integer")
        .addColumn("storage_key", "text", (c) => c.notNull().unique())
        .addColumn("byte_size", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("media_variants_media_idx")
        .on("media_variants")
        .column("media_id")
        .execute();

      await db.schema
        .createTable("media_details")
        .addColumn("media_id", "integer", (c) => c.primaryKey().references("media.id").onDelete("cascade"))
        .addColumn("caption", "text", (c) => c.notNull())
        .addColumn("alt_text", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await table("tags")
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      const link = async (name: string, column: string, references: string) => {
        await db.schema
          .createTable(name)
          .addColumn("article_id", "integer", article)
          .addColumn(column, "integer", (c) => c.notNull().references(references).onDelete("cascade"))
          .addPrimaryKeyConstraint(`${name}_pk`, ["article_id", column])
          .execute();
        await db.schema.createIndex(`${name}_${column}_idx`).on(name).column(column).execute();
      };
      await link("article_tags", "tag_id", "tags.id");
      await link("article_sessions", "session_id", "working_sessions.id");
      await link("article_units", "unit_id", "units.id");

      // Before this module, a future publish time on a "published" article meant "scheduled".
      await sql`UPDATE articles SET status = 'scheduled'
        WHERE status = 'published' AND published_at > ${new Date().toISOString()}`.execute(db);

      // List copies were media rows of their own (`<key>-t.<ext>`): they become variants of their
      // photo. 480 is the width they were made at (smaller only when the photo itself was).
      await sql`INSERT INTO media_variants (media_id, width, height, storage_key, byte_size)
        SELECT o.id, 480, NULL, t.storage_key, t.byte_size
        FROM media t JOIN media o ON o.storage_key = replace(t.storage_key, '-t.', '.')
        WHERE t.storage_key LIKE '%-t.%'
          AND NOT EXISTS (SELECT 1 FROM article_images ai WHERE ai.media_id = t.id)`.execute(db);
      await sql`DELETE FROM media WHERE storage_key IN (SELECT storage_key FROM media_variants)`.execute(db);

      // Photos already in articles enter the library with the caption they were first shown with.
      await sql`INSERT INTO media_details (media_id, caption, alt_text, updated_at)
        SELECT m.id,
          (SELECT ai.caption FROM article_images ai WHERE ai.media_id = m.id ORDER BY ai.id LIMIT 1),
          (SELECT ai.alt_text FROM article_images ai WHERE ai.media_id = m.id ORDER BY ai.id LIMIT 1),
          m.created_at
        FROM media m
        WHERE EXISTS (SELECT 1 FROM article_images ai WHERE ai.media_id = m.id)`.execute(db);
    },
  };
}
