import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { insertAndIndex, publishedArticle } from "../../../test/support/search-articles.js";
import type { Database } from "../../core/db/database.js";
import { searchArticles } from "./search.service.js";

/**
 * The reader's own spelling of a phrase ranks first only where the article has that phrase as typed:
 * both syllables, side by side, in order, with the same accents, inside one field. On PostgreSQL the
 * accent-exact column has no pair lexemes (migration 0027), so this is checked on word positions;
 * every decoy below has the folded phrase and some of the exact words, so only that check tells them
 * apart. The exact articles sit in each of PostgreSQL's windows (postgres-tiers.repo.ts: the newest
 * 128 and the 1.024 after them tested row by row, the rest through the GIN indexes).
 */

const NOW = new Date("2026-07-01T00:00:00Z");
const ARTICLES = 1300;

/** Decoys: each holds "ho ngheo" folded, but never "hộ nghèo" as typed. */
const DECOYS: { title: string; body: string }[] = [
  // The two syllables apart.
  { title: "Tin phường", body: "hộ gia đình thoát nghèo bền vững, ho ngheo" },
  // One accent different.
  { title: "Tin phường", body: "họ nghèo hơn năm trước; hộ dân" },
  // In the other order.
  { title: "Tin phường", body: "nghèo hộ ho ngheo" },
  // Across the end of the title and the start of the body.
  { title: "Rà soát hộ", body: "nghèo đa chiều, ho ngheo" },
  // Without accents at all.
  { title: "Tin phường", body: "ho ngheo ho ngheo" },
];

/** Articles with the phrase as typed, by age (index 0 the oldest): old, middle window, newest window. */
const EXACT_AT = new Map<number, { slug: string; title: string; body: string }>([
  [0, { slug: "exact-oldest", title: "Tin phường", body: "Rà soát hộ nghèo năm 2026" }],
  [5, { slug: "exact-title", title: "Hỗ trợ hộ nghèo", body: "ho ngheo" }],
  [700, { slug: "exact-middle", title: "Tin phường", body: "giảm hộ nghèo" }],
  [1250, { slug: "exact-newest", title: "Tin phường", body: "các hộ nghèo" }],
]);

describe.each(ENGINES)("the reader's own spelling of a phrase on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const unitId = await createUnit(database.db, { name: "Thượng Thanh" });
    const rows = Array.from({ length: ARTICLES }, (_, i) => {
      const exact = EXACT_AT.get(i);
      const decoy = DECOYS[i % DECOYS.length] as { title: string; body: string };
      return publishedArticle(unitId, {
        slug: exact?.slug ?? `decoy-${i}`,
        title: exact?.title ?? decoy.title,
        bodyHtml: `<p>${exact?.body ?? decoy.body}</p>`,
        publishedAt: new Date(NOW.getTime() - (ARTICLES - i) * 60_000).toISOString(),
      });
    });
    await insertAndIndex(database.db, rows);
  });
  afterAll(async () => {
    await database.close();
  });

  it.each(['"hộ nghèo"', "hộ nghèo"])("ranks only the articles with %s as typed first", async (q) => {
    const found = await searchArticles(database.db, { q, page: 1 }, NOW);
    // More than the 1.000 matches a search pages through: counted as "more than".
    expect([found.total, found.more]).toEqual([1000, true]);
    expect(found.items.map((i) => i.slug)).toEqual([
      "exact-title",
      "exact-newest",
      "exact-middle",
      "exact-oldest",
      ...[1299, 1298, 1297, 1296, 1295, 1294].map((i) => `decoy-${i}`),
    ]);
  });

  it("checks a longer quoted phrase word by word, and one spelling without accents", async () => {
    const longer = await searchArticles(database.db, { q: '"các hộ nghèo"', page: 1 }, NOW);
    expect(longer.items.map((i) => i.slug)).toEqual(["exact-newest"]);
    // Typed without accents: the articles holding "ho ngheo" as typed come first (the title match
    // first of them), newest first; "họ nghèo" (decoy 1 of each five) and the accented ones after.
    const plain = await searchArticles(database.db, { q: "ho ngheo", page: 1, pageSize: 20 }, NOW);
    const withPlain: string[] = [];
    for (let i = ARTICLES - 1; withPlain.length < 19; i--)
      if (!EXACT_AT.has(i) && i % DECOYS.length !== 1) withPlain.push(`decoy-${i}`);
    expect(plain.items.map((i) => i.slug)).toEqual(["exact-title", ...withPlain]);
  });
});
