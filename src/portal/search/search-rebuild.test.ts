import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import type { Database } from "../../core/db/database.js";
import { searchArticles } from "./search.service.js";
import { rebuildSearchIndex, reindexArticle } from "./search-index.service.js";

/**
 * The batched rebuild (500 articles read per batch, 100 FTS5 rows per statement, SQLite's bulk mode,
 * PostgreSQL's GIN indexes built at the end) writes the same index as indexing each article on its
 * own, the path every edit takes: the same entries, token for token, and the same search results.
 */

const NOW = new Date("2026-07-01T00:00:00Z");
/** More than two batches of 500, and a last FTS5 statement shorter than 100 rows. */
const ARTICLES = 1234;
const SYLLABLES = [
  "phường",
  "thượng",
  "thanh",
  "thuong",
  "hộ",
  "nghèo",
  "họ",
  "đảng",
  "dang",
  "viên",
  "chợ",
  "an",
  "toàn",
  "2020",
  "đỗ",
  "mạnh",
  "hải",
];
const QUERIES = [
  "thuong thanh",
  "Thượng Thanh",
  '"hộ nghèo"',
  "đảng viên",
  "do manh hai",
  "chợ an toàn",
  "2020",
  "chú thích ảnh",
];

function words(seed: number, n: number): string {
  return Array.from({ length: n }, (_, i) => SYLLABLES[(seed * 7 + i * i * 3 + i) % SYLLABLES.length]).join(
    " ",
  );
}

describe.each(ENGINES)("batched rebuild of the search index on %s", (engine) => {
  let database: Database;
  let ids: number[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const unitId = await createUnit(db, { name: "Thượng Thanh" });
    const category = await db
      .insertInto("categories")
      .values({ slug: "tin", name: "Tin tức", sort_order: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const media = await db
      .insertInto("media")
      .values({
        storage_key: "a.jpg",
        original_name: "a.jpg",
        mime_type: "image/jpeg",
        byte_size: 1,
        uploaded_by: null,
        unit_id: unitId,
        created_at: NOW.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rows = Array.from({ length: ARTICLES }, (_, i) => {
      const publishedAt = new Date(
        NOW.getTime() - (ARTICLES - i - (i % 9 === 0 ? 1 : 0)) * 3_600_000,
      ).toISOString();
      return {
        slug: `bai-${i}`,
        title: words(i, 3 + (i % 5)),
        lead: i % 4 === 0 ? null : words(i + 1, 6),
        body_html: `<p>${words(i + 2, 10 + (i % 13))} &amp; ${words(i + 3, 4)}</p><ul><li>${words(i, 3)}</li></ul>`,
        status: i % 40 === 0 ? "draft" : "published",
        published_at: i % 40 === 0 ? null : publishedAt,
        author_id: null,
        unit_id: unitId,
        category_id: i % 3 === 0 ? null : category.id,
        views: 0,
        created_at: publishedAt,
        updated_at: publishedAt,
      };
    });
    ids = [];
    for (let i = 0; i < rows.length; i += 200)
      for (const r of await db
        .insertInto("articles")
        .values(rows.slice(i, i + 200))
        .returning("id")
        .execute())
        ids.push(r.id);
    // Photo captions are searched too: two on some articles, in their display order.
    const captions = ids
      .filter((_, i) => i % 17 === 0)
      .flatMap((articleId, i) => [
        {
          article_id: articleId,
          media_id: media.id,
          caption: `Chú thích ảnh ${words(i, 2)}`,
          alt_text: "",
          position: null,
          sort_order: 2,
        },
        {
          article_id: articleId,
          media_id: media.id,
          caption: words(i + 5, 3),
          alt_text: "",
          position: null,
          sort_order: 1,
        },
      ]);
    await db.insertInto("article_images").values(captions).execute();
  });
  afterAll(async () => {
    await database.close();
  });

  /** Everything the index holds but the time of indexing, in a stable order. */
  async function indexContent(): Promise<unknown[]> {
    const db = database.db;
    const documents = await db
      .selectFrom("search_documents")
      .select(["article_id", "published_at", "rank_key", "unit_id", "category_id"])
      .orderBy("article_id")
      .execute();
    if (engine === "postgres") {
      const { rows } = await sql`
        SELECT article_id, folded_tsv::text AS f, exact_tsv::text AS x, title_tsv::text AS t
        FROM search_documents ORDER BY article_id`.execute(db);
      return [documents, rows];
    }
    // Every token of the contentless FTS5 table, with its row, column and position.
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_tokens USING fts5vocab(main, 'article_search', 'instance')`.execute(
      db,
    );
    const { rows } =
      await sql`SELECT term, doc, col, "offset" FROM temp.search_tokens ORDER BY doc, col, "offset"`.execute(
        db,
      );
    return [documents, rows];
  }

  async function results(): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const q of QUERIES)
      for (const page of [1, 3]) {
        const r = await searchArticles(database.db, { q, page, pageSize: 20 }, NOW);
        out.push([q, page, r.total, r.items.map((item) => [item.id, item.snippet])]);
      }
    return out;
  }

  it("writes the same entries and finds the same articles as indexing one article at a time", async () => {
    await database.db.transaction().execute(async (trx) => {
      for (const id of ids) await reindexArticle(trx, id);
    });
    const incremental = await indexContent();
    const found = await results();
    expect((incremental[0] as unknown[]).length).toBe(ARTICLES - Math.ceil(ARTICLES / 40));
    expect((incremental[1] as unknown[]).length).toBeGreaterThan(engine === "sqlite" ? 50_000 : 1000);
    expect(found.some((r) => (r as [string, number, number])[2] > 100)).toBe(true);

    expect(await rebuildSearchIndex(database.db)).toBe(ARTICLES - Math.ceil(ARTICLES / 40));
    expect(await indexContent()).toEqual(incremental);
    expect(await results()).toEqual(found);
  });

  it.runIf(engine === "sqlite")("leaves FTS5 out of its bulk-load mode after a rebuild", async () => {
    await rebuildSearchIndex(database.db);
    const { rows } = await sql<{
      k: string;
      v: number;
    }>`SELECT k, v FROM article_search_config WHERE k IN ('automerge', 'hashsize') ORDER BY k`.execute(
      database.db,
    );
    expect(rows).toEqual([
      { k: "automerge", v: 4 },
      { k: "hashsize", v: 1024 * 1024 },
    ]);
  });
});
