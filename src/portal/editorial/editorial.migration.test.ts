import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import type { Database } from "../../core/db/database.js";
import { insertArticle, insertArticleImage } from "../articles/articles.repo.js";
import { insertMedia } from "../media/media.repo.js";
import { editorialMigration } from "./editorial.migration.js";

const EDITORIAL_TABLES = [
  "article_tags",
  "article_sessions",
  "article_units",
  "tags",
  "article_revisions",
  "article_reviews",
  "media_variants",
  "media_details",
];

describe.each(ENGINES)("editorial migration on %s", (engine) => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // Back to the state before this migration, with data written by the earlier version.
    for (const name of EDITORIAL_TABLES) await db().schema.dropTable(name).execute();
    const unitId = await createUnit(db(), { name: "Thượng Thanh" });
    const now = new Date("2020-01-02T00:00:00Z");
    const article = (slug: string, publishedAt: string) =>
      insertArticle(db(), {
        slug,
        title: slug,
        lead: null,
        bodyHtml: "<p>x</p>",
        status: "published",
        publishedAt,
        unitId,
        categoryId: null,
        authorId: null,
        now,
      });
    const past = await article("da-dang", "2020-01-02T14:49:00.000Z");
    await article("hen-gio", "2999-01-01T00:00:00.000Z");
    const media = (storageKey: string, byteSize: number) =>
      insertMedia(db(), {
        storageKey,
        originalName: "a.jpg",
        mimeType: "image/jpeg",
        byteSize,
        uploadedBy: null,
        unitId,
        now,
      });
    const main = await media("0123456789abcdef0123456789abcdef.jpg", 9000);
    await media("0123456789abcdef0123456789abcdef-t.jpg", 1200);
    for (const [index, caption] of ["Chú thích đầu", "Chú thích sau"].entries()) {
      await insertArticleImage(db(), {
        articleId: past,
        mediaId: main,
        caption,
        altText: `Mô tả ${index}`,
        position: null,
        sortOrder: index,
      });
    }
    await editorialMigration(engine).up(db());
  });
  afterAll(() => database.close());

  it("turns published articles with a future time into scheduled ones", async () => {
    const rows = await db().selectFrom("articles").select(["slug", "status"]).orderBy("slug").execute();
    expect(rows).toEqual([
      { slug: "da-dang", status: "published" },
      { slug: "hen-gio", status: "scheduled" },
    ]);
  });

  it("makes old list copies variants of their photo, and gives used photos their first caption", async () => {
    const media = await db().selectFrom("media").select(["id", "storage_key"]).execute();
    expect(media.map((m) => m.storage_key)).toEqual(["0123456789abcdef0123456789abcdef.jpg"]);
    expect(
      await db()
        .selectFrom("media_variants")
        .select(["media_id", "width", "storage_key", "byte_size"])
        .execute(),
    ).toEqual([
      {
        media_id: media[0]?.id,
        width: 480,
        storage_key: "0123456789abcdef0123456789abcdef-t.jpg",
        byte_size: 1200,
      },
    ]);
    expect(
      await db().selectFrom("media_details").select(["media_id", "caption", "alt_text"]).execute(),
    ).toEqual([{ media_id: media[0]?.id, caption: "Chú thích đầu", alt_text: "Mô tả 0" }]);
  });
});
