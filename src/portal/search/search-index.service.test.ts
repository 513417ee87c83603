import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import type { Database } from "../../core/db/database.js";
import { deleteArticleRow, insertArticle, updateArticleRow } from "../articles/articles.repo.js";
import { engineOf, rebuildSearchIndex, reindexArticle } from "./search-index.service.js";
import { articleIdOfKey } from "./search-text.rules.js";

const NOW = new Date("2020-01-05T03:00:00Z");

describe.each(ENGINES)("search index upkeep on %s", (engine) => {
  let database: Database;
  let unitId: number;

  const entries = async () =>
    (
      await database.db.selectFrom("search_documents").select("article_id").orderBy("article_id").execute()
    ).map((r) => r.article_id);

  /** Ids the full-text part finds for one folded word, straight from the engine. */
  const fullTextHits = async (word: string): Promise<number[]> => {
    if (engine === "sqlite") {
      const r = await sql<{
        id: number;
      }>`SELECT rowid AS id FROM article_search WHERE article_search MATCH ${`"${word}"`} ORDER BY rowid`.execute(
        database.db,
      );
      return r.rows.map((x) => articleIdOfKey(Number(x.id))).sort((a, b) => a - b);
    }
    const r = await sql<{
      id: number;
    }>`SELECT article_id AS id FROM search_documents WHERE folded_tsv @@ ${`'${word}'`}::tsquery ORDER BY article_id`.execute(
      database.db,
    );
    return r.rows.map((x) => Number(x.id));
  };

  const add = (slug: string, title: string, status: "draft" | "published" = "published") =>
    insertArticle(database.db, {
      slug,
      title,
      lead: null,
      bodyHtml: "<p>Đảng viên &amp; nhân dân</p>",
      status,
      publishedAt: "2020-01-02T14:49:00.000Z",
      unitId,
      categoryId: null,
      authorId: null,
      now: NOW,
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    unitId = await createUnit(database.db, { name: "Thượng Thanh" });
  });
  afterAll(async () => {
    await database.close();
  });

  it("knows which engine it talks to, inside a transaction too", async () => {
    expect(engineOf(database.db)).toBe(engine);
    await database.db.transaction().execute(async (trx) => {
      expect(engineOf(trx)).toBe(engine);
    });
  });

  it("indexes published articles, removes drafts and deleted ones, and rebuilds from scratch", async () => {
    const published = await add("bai-dang", "Phường Thượng Thanh");
    const draft = await add("ban-nhap", "Bản nháp Thượng Thanh", "draft");
    await database.db.transaction().execute(async (trx) => {
      await reindexArticle(trx, published);
      await reindexArticle(trx, draft);
    });
    expect(await entries()).toEqual([published]);
    expect(await fullTextHits("thuong")).toEqual([published]);
    expect(await fullTextHits("dang")).toEqual([published]);

    // Unpublishing removes the entry; publishing the draft adds it.
    await updateArticleRow(
      database.db,
      published,
      {
        slug: "bai-dang",
        title: "Phường Thượng Thanh",
        lead: null,
        bodyHtml: "<p>x</p>",
        status: "draft",
        publishedAt: null,
        unitId,
        categoryId: null,
      },
      NOW,
    );
    await database.db.updateTable("articles").set({ status: "published" }).where("id", "=", draft).execute();
    await reindexArticle(database.db, published);
    await reindexArticle(database.db, draft);
    expect(await entries()).toEqual([draft]);
    expect(await fullTextHits("thuong")).toEqual([draft]);

    // Reindexing twice leaves one entry.
    await reindexArticle(database.db, draft);
    expect(await fullTextHits("ban")).toEqual([draft]);

    await deleteArticleRow(database.db, draft);
    await reindexArticle(database.db, draft);
    expect(await entries()).toEqual([]);
    expect(await fullTextHits("thuong")).toEqual([]);

    const third = await add("bai-ba", "Hội nghị Đảng ủy");
    await database.db
      .updateTable("articles")
      .set({ status: "published", published_at: "2020-01-02T14:49:00.000Z" })
      .where("id", "=", published)
      .execute();
    expect(await rebuildSearchIndex(database.db)).toBe(2);
    expect(await entries()).toEqual([published, third].sort((a, b) => a - b));
    expect(await fullTextHits("uy")).toEqual([third]);
  });
});
