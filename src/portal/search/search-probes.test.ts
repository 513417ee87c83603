import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { insertAndIndex, publishedArticle } from "../../../test/support/search-articles.js";
import type { Database } from "../../core/db/database.js";
import { searchArticles } from "./search.service.js";

/**
 * A ranking property held only by old articles, beyond the newest window of 128 that PostgreSQL
 * tests row by row first (postgres-tiers.repo.ts): the probe must still find it, so that those
 * articles rank first on both engines.
 */
const NOW = new Date("2026-07-01T00:00:00Z");
const ARTICLES = 400;

describe.each(ENGINES)("ranking properties found only in old articles on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const unitId = await createUnit(database.db, { name: "Thượng Thanh" });
    const rows = Array.from({ length: ARTICLES }, (_, i) => {
      // The two oldest have the accented spelling, the run of words and the words in the title.
      const old = i < 2;
      return publishedArticle(unitId, {
        slug: `bai-${i}`,
        title: old ? "Phòng cháy chữa cháy ở thượng nguồn" : `Tin số ${i}`,
        bodyHtml: old
          ? "<p>Thượng nguồn: phòng cháy chữa cháy</p>"
          : "<p>thuong nguon phong chay va chua chay</p>",
        publishedAt: new Date(NOW.getTime() - (ARTICLES - i) * 3_600_000).toISOString(),
      });
    });
    await insertAndIndex(database.db, rows);
  });
  afterAll(async () => {
    await database.close();
  });

  it.each(["Thượng", "phong chay chua chay"])("ranks the old articles first for %s", async (q) => {
    const found = await searchArticles(database.db, { q, page: 1 }, NOW);
    expect(found.total).toBe(ARTICLES);
    expect(found.items.slice(0, 3).map((i) => i.slug)).toEqual(["bai-1", "bai-0", "bai-399"]);
  });
});
