import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import type { Database } from "../../core/db/database.js";
import { insertArticle } from "../articles/articles.repo.js";
import { searchArticles } from "./search.service.js";
import { rebuildSearchIndex } from "./search-index.service.js";
import { searchTokenKindsMigration } from "./search-token-kinds.migration.js";

const NOW = new Date("2020-01-05T03:00:00Z");

describe.each(ENGINES)("migration 0007 (search token kinds) on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const unitId = await createUnit(db, { name: "Thượng Thanh" });
    const add = (slug: string, title: string) =>
      insertArticle(db, {
        slug,
        title,
        lead: null,
        bodyHtml: "<p>Nội dung</p>",
        status: "published",
        publishedAt: "2020-01-02T14:49:00.000Z",
        unitId,
        categoryId: null,
        authorId: null,
        now: NOW,
      });
    // Articles written before the migration. On PostgreSQL 0006's index is the current one (0007
    // leaves it); on SQLite the FTS5 table is put back as 0006 made it, and 0007 must fill the new one.
    await add("ma", "Ma trận công việc");
    await add("ma-dau", "Má ơi phường Thượng Thanh");
    if (engine === "postgres") await rebuildSearchIndex(db);
    if (engine === "sqlite") {
      await sql`DROP TABLE article_search`.execute(db);
      await sql`CREATE VIRTUAL TABLE article_search USING fts5(
        title_f, body_f, title_x, body_x, meta,
        content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
      )`.execute(db);
    }
    await searchTokenKindsMigration(engine).up(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it("indexes the articles written before it, with the reader's own spelling ranked first", async () => {
    const found = await searchArticles(database.db, { q: "má", page: 1 }, NOW);
    expect(found.items.map((i) => i.slug)).toEqual(["ma-dau", "ma"]);
    const folded = await searchArticles(database.db, { q: "thuong thanh", page: 1 }, NOW);
    expect(folded.items.map((i) => i.slug)).toEqual(["ma-dau"]);
  });
});
