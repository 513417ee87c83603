import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** Photos placed in articles: which library photo, with which caption and alt text, where in the body. */

export interface ArticleImageRow {
  id: number;
  articleId: number;
  mediaId: number;
  storageKey: string;
  caption: string;
  altText: string;
  position: number | null;
  sortOrder: number;
}

/** Photos of these articles in display order. */
export async function listImagesOfArticles(db: Kysely<DB>, articleIds: number[]): Promise<ArticleImageRow[]> {
  if (articleIds.length === 0) return [];
  const rows = await db
    .selectFrom("article_images")
    .innerJoin("media", "media.id", "article_images.media_id")
    .select([
      "article_images.id",
      "article_images.article_id",
      "article_images.media_id",
      "media.storage_key",
      "article_images.caption",
      "article_images.alt_text",
      "article_images.position",
      "article_images.sort_order",
    ])
    .where("article_images.article_id", "in", articleIds)
    .orderBy("article_images.article_id")
    .orderBy("article_images.sort_order")
    .orderBy("article_images.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    mediaId: r.media_id,
    storageKey: r.storage_key,
    caption: r.caption,
    altText: r.alt_text,
    position: r.position === null ? null : Number(r.position),
    sortOrder: Number(r.sort_order),
  }));
}

export async function insertArticleImage(
  db: Kysely<DB>,
  image: {
    articleId: number;
    mediaId: number;
    caption: string;
    altText: string;
    position: number | null;
    sortOrder: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("article_images")
    .values({
      article_id: image.articleId,
      media_id: image.mediaId,
      caption: image.caption,
      alt_text: image.altText,
      position: image.position,
      sort_order: image.sortOrder,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticleImage(
  db: Kysely<DB>,
  image: { id: number; articleId: number; caption: string; altText: string; position: number | null },
): Promise<void> {
  await db
    .updateTable("article_images")
    .set({ caption: image.caption, alt_text: image.altText, position: image.position })
    .where("id", "=", image.id)
    .where("article_id", "=", image.articleId)
    .execute();
}

export async function deleteArticleImages(
  db: Kysely<DB>,
  articleId: number,
  imageIds: number[],
): Promise<void> {
  if (imageIds.length === 0) return;
  await db
    .deleteFrom("article_images")
    .where("article_id", "=", articleId)
    .where("id", "in", imageIds)
    .execute();
}

/** Makes the article's photos exactly these, in this order (restoring a revision). */
export async function replaceArticleImages(
  db: Kysely<DB>,
  articleId: number,
  images: { mediaId: number; caption: string; altText: string; position: number | null }[],
): Promise<void> {
  await db.deleteFrom("article_images").where("article_id", "=", articleId).execute();
  for (const [index, image] of images.entries()) {
    await insertArticleImage(db, { articleId, ...image, sortOrder: index });
  }
}

/** Which of these library photos still exist. */
export async function existingMediaIds(db: Kysely<DB>, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("media").select("id").where("id", "in", ids).execute();
  return new Set(rows.map((r) => r.id));
}
