import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/http/errors.js";
import { existingMediaKeys } from "../media/media.repo.js";
import { thumbnailKeyOf } from "../media/media.rules.js";
import {
  type CategoryRef,
  countVisibleArticles,
  type LinkedUnit,
  type ListFilter,
  listLinkedUnitsOfArticle,
  listPublicCategories,
  listRelatedArticles,
  listVisibleArticles,
} from "../public/public.repo.js";
import { listSessionsOfArticle, type SessionChoice } from "./article-links.repo.js";
import { isVisibleToReaders } from "./article-workflow.rules.js";
import {
  type ArticleDetailRow,
  type ArticleImageRow,
  type ArticleSummary,
  findArticleBySlug,
  listImagesOfArticles,
} from "./articles.repo.js";

/** What readers see: articles in a visible status whose publish time has come. */

export const HOME_PAGE_SIZE = 10;
/** Editors feature an article by giving it this tag ("Nổi bật"). */
export const FEATURED_TAG = "noi-bat";
const FEATURED_COUNT = 4;
const CATEGORY_SECTION_SIZE = 4;
const RELATED_COUNT = 5;

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

/** Adds each article's first photo (the list-size copy when there is one). */
export async function withThumbnails(db: Kysely<DB>, summaries: ArticleSummary[]): Promise<ArticleCard[]> {
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
  return summaries.map((summary) => {
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
}

/**
 * One page of the newest visible articles (optionally of one category or unit), with photos.
 * `page` beyond the last page gives an empty list; the caller decides what to show.
 */
export async function listArticlePage(
  db: Kysely<DB>,
  now: Date,
  page: number,
  options: { pageSize?: number; categoryId?: number; unitId?: number } = {},
): Promise<ArticlePage> {
  const pageSize = options.pageSize ?? HOME_PAGE_SIZE;
  const filter: ListFilter = { nowIso: now.toISOString() };
  if (options.categoryId !== undefined) filter.categoryId = options.categoryId;
  if (options.unitId !== undefined) filter.unitId = options.unitId;
  const [total, summaries] = await Promise.all([
    countVisibleArticles(db, filter),
    listVisibleArticles(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  const items = await withThumbnails(db, summaries);
  return { items, page, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One page of the newest visible articles: the home page's "Tin mới nhất". */
export function listLatestArticles(db: Kysely<DB>, now: Date, page: number, pageSize = HOME_PAGE_SIZE) {
  return listArticlePage(db, now, page, { pageSize });
}

/** The newest visible articles for the API list. */
export async function latestSummaries(db: Kysely<DB>, now: Date, limit: number): Promise<ArticleSummary[]> {
  return listVisibleArticles(db, { nowIso: now.toISOString() }, { limit, offset: 0 });
}

export interface HomeSections {
  /** Tagged "noi-bat", newest first; when none is, the newest article with a photo. */
  featured: ArticleCard[];
  /** Each category with its newest articles; categories without any are left out. */
  categories: { category: CategoryRef; items: ArticleSummary[] }[];
}

/** The home page's sections beside "Tin mới nhất". */
export async function loadHomeSections(db: Kysely<DB>, now: Date): Promise<HomeSections> {
  const nowIso = now.toISOString();
  const [tagged, categories] = await Promise.all([
    listVisibleArticles(db, { nowIso, tagSlug: FEATURED_TAG }, { limit: FEATURED_COUNT, offset: 0 }),
    listPublicCategories(db),
  ]);
  let featured = await withThumbnails(db, tagged);
  if (featured.length === 0) {
    const recent = await withThumbnails(db, await latestSummaries(db, now, HOME_PAGE_SIZE));
    featured = recent.filter((a) => a.thumbnail !== null).slice(0, 1);
  }
  const lists = await Promise.all(
    categories.map((category) =>
      listVisibleArticles(
        db,
        { nowIso, categoryId: category.id },
        { limit: CATEGORY_SECTION_SIZE, offset: 0 },
      ),
    ),
  );
  return {
    featured,
    categories: categories
      .map((category, i) => ({ category, items: lists[i] ?? [] }))
      .filter((c) => c.items.length > 0),
  };
}

export interface PublishedArticle extends ArticleDetailRow {
  publishedAt: string;
  images: ArticleImageRow[];
}

/** An article a reader may see, with its photos; 404 for unknown slugs, hidden and future articles. */
export async function getPublishedArticle(
  db: Kysely<DB>,
  slug: string,
  now: Date,
): Promise<PublishedArticle> {
  const article = await findArticleBySlug(db, slug);
  if (!article || !isVisibleToReaders(article, now) || article.publishedAt === null)
    throw new NotFoundError("Không tìm thấy bài viết.");
  const images = await listImagesOfArticles(db, [article.id]);
  return { ...article, publishedAt: article.publishedAt, images };
}

export interface ArticleLinksForReaders {
  /** The units the article is about, besides the unit that wrote it. */
  units: LinkedUnit[];
  /** The working sessions it reports on. */
  sessions: SessionChoice[];
}

export async function articleLinksForReaders(
  db: Kysely<DB>,
  articleId: number,
): Promise<ArticleLinksForReaders> {
  const [units, sessions] = await Promise.all([
    listLinkedUnitsOfArticle(db, articleId),
    listSessionsOfArticle(db, articleId),
  ]);
  return { units, sessions };
}

/**
 * Articles to read next: sharing tags first, then the newest about the same units (the writer and
 * the linked units), then the newest of the same category.
 */
export function relatedArticles(
  db: Kysely<DB>,
  article: { id: number; categoryId: number | null; unitId: number },
  linkedUnitIds: number[],
  now: Date,
): Promise<ArticleSummary[]> {
  return listRelatedArticles(db, { ...article, linkedUnitIds }, now.toISOString(), RELATED_COUNT);
}
