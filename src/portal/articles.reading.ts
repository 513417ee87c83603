import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { NotFoundError } from "../core/http/errors.js";
import {
  type ArticleDetailRow,
  type ArticleImageRow,
  type ArticleSummary,
  countPublishedArticles,
  findArticleBySlug,
  listImagesOfArticles,
  listPublishedArticles,
} from "./articles.repo.js";
import { existingMediaKeys } from "./media.repo.js";
import { thumbnailKeyOf } from "./media.rules.js";

/** What readers see: published articles whose publish time has come. */

export const HOME_PAGE_SIZE = 10;

/** The public address of a stored file. */
export function mediaPath(storageKey: string): string {
  return `/media/${storageKey}`;
}

export interface ArticleCard extends ArticleSummary {
  thumbnail: { src: string; alt: string } | null;
}

export interface ArticlePage {
  items: ArticleCard[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * One page of the newest published articles, each with its first photo (the list-size copy when
 * there is one). `page` beyond the last page gives an empty list; the caller decides what to show.
 */
export async function listLatestArticles(
  db: Kysely<DB>,
  now: Date,
  page: number,
  pageSize = HOME_PAGE_SIZE,
): Promise<ArticlePage> {
  const nowIso = now.toISOString();
  const [total, summaries] = await Promise.all([
    countPublishedArticles(db, nowIso),
    listPublishedArticles(db, { nowIso, limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  const images = await listImagesOfArticles(
    db,
    summaries.map((s) => s.id),
  );
  const first = new Map<number, ArticleImageRow>();
  for (const image of images) if (!first.has(image.articleId)) first.set(image.articleId, image);
  const thumbnails = await existingMediaKeys(
    db,
    [...first.values()].map((i) => thumbnailKeyOf(i.storageKey)),
  );
  const items = summaries.map((summary) => {
    const image = first.get(summary.id);
    if (!image) return { ...summary, thumbnail: null };
    const thumbKey = thumbnailKeyOf(image.storageKey);
    return {
      ...summary,
      thumbnail: {
        src: mediaPath(thumbnails.has(thumbKey) ? thumbKey : image.storageKey),
        alt: image.altText,
      },
    };
  });
  return { items, page, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The newest published articles for the API list. */
export async function latestSummaries(db: Kysely<DB>, now: Date, limit: number): Promise<ArticleSummary[]> {
  return listPublishedArticles(db, { nowIso: now.toISOString(), limit, offset: 0 });
}

export interface PublishedArticle extends ArticleDetailRow {
  publishedAt: string;
  images: ArticleImageRow[];
}

/** An article a reader may see, with its photos; 404 for unknown slugs, drafts and future articles. */
export async function getPublishedArticle(
  db: Kysely<DB>,
  slug: string,
  now: Date,
): Promise<PublishedArticle> {
  const article = await findArticleBySlug(db, slug);
  const visible =
    article?.status === "published" &&
    article.publishedAt !== null &&
    article.publishedAt <= now.toISOString();
  if (!article || !visible || article.publishedAt === null)
    throw new NotFoundError("Không tìm thấy bài viết.");
  const images = await listImagesOfArticles(db, [article.id]);
  return { ...article, publishedAt: article.publishedAt, images };
}
