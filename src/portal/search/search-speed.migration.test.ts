import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import type { Database } from "../../core/db/database.js";
import { insertArticle } from "../articles/articles.repo.js";
import { searchArticles } from "./search.service.js";
import { rebuildSearchIndex } from "./search-index.service.js";
import { searchSpeedMigration } from "./search-speed.migration.js";

const NOW = new Date("2020-01-05T03:00:00Z");

describe.each(ENGINES)("migration 0025 (search speed) on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const unitId = await createUnit(db, { name: "Thượng Thanh" });
    for (const [slug, title] of [
      ["ma", "Ma trận công việc"],
      ["ma-dau", "Má ơi phường Thượng Thanh"],
    ])
      await insertArticle(db, {
        slug: slug as string,
        title: title as string,
        lead: null,
        bodyHtml: "<p>Nội dung</p>",
        status: "published",
        publishedAt: "2020-01-02T14:49:00.000Z",
        unitId,
        categoryId: null,
        authorId: null,
        now: NOW,
      });
    // The index as it was before 0025: on SQLite 0007's FTS5 table (unicode61), filled.
    if (engine === "sqlite") {
      await sql`DROP TABLE article_search`.execute(db);
      await sql`CREATE VIRTUAL TABLE article_search USING fts5(
        title_f, body_f, title_x, body_x, title_t, meta, content='', contentless_delete=1,
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
      )`.execute(db);
    }
    await rebuildSearchIndex(db);
    await searchSpeedMigration(engine).up(db);
  });
  afterAll(async () => {
    await database.close();
  });

  it("keeps every article findable, the reader's own spelling first", async () => {
    const found = await searchArticles(database.db, { q: "má", page: 1 }, NOW);
    expect(found.items.map((i) => i.slug)).toEqual(["ma-dau", "ma"]);
    const folded = await searchArticles(database.db, { q: "thuong thanh", page: 1 }, NOW);
    expect(folded.items.map((i) => i.slug)).toEqual(["ma-dau"]);
  });

  it.runIf(engine === "sqlite")("splits the ready-made tokens with the ascii tokenizer", async () => {
    const { rows } = await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE name = 'article_search'`.execute(database.db);
    expect(rows[0]?.sql).toContain(`tokenize="ascii tokenchars '_'"`);
  });
});
