import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { insertAndIndex, publishedArticle } from "../../../test/support/search-articles.js";
import { migrateToLatest } from "../../app/migrations.js";
import { type Database, openDatabase } from "../../core/db/database.js";
import { type SearchOutcome, searchArticles } from "./search.service.js";

/**
 * On PostgreSQL a search counts its total on a second pool connection while the page is read on the
 * first (search.repo.ts). Both ways — alongside, and one after the other inside a caller's transaction
 * — give the same page, total and page count, for a word past the count's cap, a rare one and none;
 * and searches running together on a pool of one connection all finish.
 */
const NOW = new Date("2026-07-01T00:00:00Z");
/** More than the count's cap of 1.000. */
const ARTICLES = 1100;
const QUERIES = ["phuong", "Phường", "hiếm", '"nghèo bền vững"', "khong co"];
const PAGES = [1, 2, 11, 100, 101];

type Shape = [string, number, number, boolean, number, string[]];

const shape = (q: string, r: SearchOutcome): Shape => [
  q,
  r.page,
  r.total,
  r.more,
  r.pageCount,
  r.items.map((i) => i.slug),
];

describe("a PostgreSQL search's total counted alongside its page", () => {
  let url: string;
  let database: Database;
  let onePool: Database;

  beforeAll(async () => {
    url = await createPostgresDatabase();
    database = await openDatabase({ kind: "postgres", url }, { poolSize: 4 });
    await migrateToLatest(database.db, "postgres");
    onePool = await openDatabase({ kind: "postgres", url }, { poolSize: 1 });
    const unitId = await createUnit(database.db, { name: "Thượng Thanh" });
    const rows = Array.from({ length: ARTICLES }, (_, i) =>
      publishedArticle(unitId, {
        slug: `bai-${i}`,
        title: i % 7 === 0 ? `Phường giảm nghèo ${i}` : `Tin số ${i}`,
        bodyHtml: `<p>phuong ${i % 3 === 0 ? "giảm nghèo bền vững" : "giam ngheo"}${i % 97 === 0 ? " hiếm" : ""}</p>`,
        publishedAt: new Date(NOW.getTime() - (ARTICLES - i) * 3_600_000).toISOString(),
      }),
    );
    await insertAndIndex(database.db, rows);
  });
  afterAll(async () => {
    await onePool?.close();
    await database?.close();
  });

  it("gives the same pages and totals as counting first in one transaction", async () => {
    const alongside: Shape[] = [];
    const inOne: Shape[] = [];
    for (const q of QUERIES)
      for (const page of PAGES) {
        alongside.push(shape(q, await searchArticles(database.db, { q, page }, NOW)));
        inOne.push(
          shape(q, await database.db.transaction().execute((trx) => searchArticles(trx, { q, page }, NOW))),
        );
      }
    expect(alongside).toEqual(inOne);
    const at = (q: string, page: number) => alongside.find((s) => s[0] === q && s[1] === page);
    // Past the cap: "more than 1.000", 100 pages, the 101st empty.
    expect(at("phuong", 1)?.slice(2, 5)).toEqual([1000, true, 100]);
    expect(at("phuong", 100)?.[5]).toHaveLength(10);
    expect(at("phuong", 101)?.[5]).toEqual([]);
    // Rare: every 97th article, all on the first two pages.
    expect(at("hiếm", 1)?.slice(2, 5)).toEqual([12, false, 2]);
    expect(at("hiếm", 2)?.[5]).toHaveLength(2);
    expect(at("khong co", 1)?.slice(2, 6)).toEqual([0, false, 1, []]);
  });

  it("finishes searches running together on a pool of one connection", async () => {
    const expected = await Promise.all(
      QUERIES.map(async (q) => shape(q, await searchArticles(database.db, { q, page: 2 }, NOW))),
    );
    const together = await Promise.all(
      QUERIES.map(async (q) => shape(q, await searchArticles(onePool.db, { q, page: 2 }, NOW))),
    );
    expect(together).toEqual(expected);
  });
});
