import { type Kysely, sql } from "kysely";
import type { DialectName } from "../../core/db/dialect.js";

/**
 * Tables of the portal's search index of articles, satisfaction ratings, view statistics and the
 * units' portal pages (history, boundary, area and population, leaders' duties).
 *
 * The search index holds ready-made token streams (see `search.text.ts`): on SQLite an FTS5 table
 * without stored content (the articles table has the text), on PostgreSQL two tsvector columns with
 * GIN indexes. Neither engine needs an extension.
 */
export function searchMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Filter columns first: SQLite then reads them without touching the pages of long values.
      let documents = db.schema
        .createTable("search_documents")
        // No foreign key: deleting an article must leave its entry for reindexArticle to find (the
        // FTS5 row is found through rank_key); a stale entry only drops out of result pages.
        .addColumn("article_id", "integer", (c) => c.primaryKey())
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("rank_key", "bigint", (c) => c.notNull())
        .addColumn("unit_id", "integer", (c) => c.notNull())
        .addColumn("category_id", "integer")
        .addColumn("indexed_at", "text", (c) => c.notNull());
      if (dialect === "postgres") {
        documents = documents
          .addColumn("folded_tsv", sql`tsvector`, (c) => c.notNull())
          .addColumn("exact_tsv", sql`tsvector`, (c) => c.notNull());
      }
      await documents.execute();
      await db.schema
        .createIndex("search_documents_rank_idx")
        .on("search_documents")
        .column("rank_key")
        .unique()
        .execute();
      if (dialect === "postgres") {
        await sql`CREATE INDEX search_documents_folded_idx ON search_documents USING gin (folded_tsv)`.execute(
          db,
        );
        await sql`CREATE INDEX search_documents_exact_idx ON search_documents USING gin (exact_tsv)`.execute(
          db,
        );
      } else {
        // rowid = rank_key. Columns: folded title, folded body, exact title, exact body, and filter
        // tokens (c<category> u<unit>). `remove_diacritics 0`: the folding is ours (unicode61 would
        // keep đ), and the exact columns must keep their accents.
        await sql`CREATE VIRTUAL TABLE article_search USING fts5(
          title_f, body_f, title_x, body_x, meta,
          content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
        )`.execute(db);
      }

      await db.schema
        .createTable("article_ratings")
        .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
        .addColumn("visitor", "text", (c) => c.notNull())
        .addColumn("score", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("article_ratings_pk", ["article_id", "visitor"])
        .execute();

      await db.schema
        .createTable("article_daily_views")
        .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("views", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("article_daily_views_pk", ["article_id", "day"])
        .execute();
      // The most-read ranking reads one period of days across all articles.
      await db.schema
        .createIndex("article_daily_views_day_idx")
        .on("article_daily_views")
        .columns(["day", "article_id"])
        .execute();

      // The public lists: newest of a category (category pages, feeds, home sections) and of a unit.
      await db.schema
        .createIndex("articles_category_published_idx")
        .on("articles")
        .columns(["category_id", "published_at"])
        .execute();
      await db.schema
        .createIndex("articles_unit_published_idx")
        .on("articles")
        .columns(["unit_id", "published_at"])
        .execute();

      // What the portal decree asks units to publish, beside the units module's profile.
      await db.schema
        .createTable("unit_portal_profiles")
        .addColumn("unit_id", "integer", (c) => c.primaryKey().references("units.id").onDelete("cascade"))
        .addColumn("history", "text")
        .addColumn("boundary", "text")
        .addColumn("area_km2", "double precision")
        .addColumn("population", "integer")
        .addColumn("population_year", "integer")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("leader_duties")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id").onDelete("cascade"))
        .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
        .addColumn("duties", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("leader_duties_pk", ["unit_id", "person_id"])
        .execute();
      // The index is filled by the next migration (0007), which remakes the FTS5 table.
    },
  };
}
