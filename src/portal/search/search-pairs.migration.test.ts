import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { insertAndIndex, publishedArticle } from "../../../test/support/search-articles.js";
import type { Database } from "../../core/db/database.js";
import { searchArticles } from "./search.service.js";
import { searchPairsMigration } from "./search-pairs.migration.js";
import { indexStreams } from "./search-text.rules.js";
import { tsvectorLiteral } from "./search-tsvector.rules.js";

const NOW = new Date("2026-07-01T00:00:00Z");
const TEXTS = [
  ["Hỗ trợ hộ nghèo", "Phường Thượng Thanh rà soát hộ nghèo"],
  ["Tin phường", "họ nghèo, hộ dân thuong thanh"],
];

describe("migration 0027 (no pairs in the accent-exact vectors) on postgres", () => {
  let database: Database;
  const search = async (q: string) =>
    (await searchArticles(database.db, { q, page: 1 }, NOW)).items.map((i) => i.slug);

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const unitId = await createUnit(database.db, { name: "Thượng Thanh" });
    await insertAndIndex(
      database.db,
      TEXTS.map(([title, body], i) =>
        publishedArticle(unitId, {
          slug: `bai-${i}`,
          title: title as string,
          bodyHtml: `<p>${body}</p>`,
          publishedAt: new Date(NOW.getTime() - (i + 1) * 60_000).toISOString(),
        }),
      ),
    );
    // The accent-exact vectors as they were before 0027: with the pair lexemes.
    const { rows } = await sql<{ article_id: number; title: string; body_html: string }>`
      SELECT article_id, a.title, a.body_html FROM search_documents d JOIN articles a ON a.id = d.article_id`.execute(
      database.db,
    );
    for (const row of rows) {
      const { title, body } = indexStreams({ title: row.title, body: row.body_html.replace(/<[^>]*>/g, "") });
      const old = tsvectorLiteral(title.exact, body.exact, { pairs: true });
      await sql`UPDATE search_documents SET exact_tsv = ${old}::tsvector WHERE article_id = ${row.article_id}`.execute(
        database.db,
      );
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it("finds the same articles before and after, and leaves no pair lexeme in exact_tsv", async () => {
    const queries = ["hộ nghèo", "ho ngheo", "Thượng Thanh", "thuong thanh", '"rà soát hộ nghèo"'];
    const before = await Promise.all(queries.map(search));
    const pairsBefore = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM search_documents, unnest(exact_tsv) AS u WHERE u.lexeme LIKE '% %'`.execute(
      database.db,
    );
    expect(pairsBefore.rows[0]?.n).toBeGreaterThan(0);

    await searchPairsMigration("postgres").up(database.db);

    const pairsAfter = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM search_documents, unnest(exact_tsv) AS u WHERE u.lexeme LIKE '% %'`.execute(
      database.db,
    );
    expect(pairsAfter.rows[0]?.n).toBe(0);
    expect(await Promise.all(queries.map(search))).toEqual(before);
    expect(before[0]).toEqual(["bai-0", "bai-1"]);
  });
});
