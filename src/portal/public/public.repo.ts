import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { type ArticleSummary, readerVisibleArticles, toArticleSummary } from "../articles/articles.repo.js";

/**
 * Queries of the public portal's lists: newest articles overall, of a category, of a unit, tagged,
 * related to an article. Only articles readers may see (a visible status, publish time come).
 */

export interface ListFilter {
  nowIso: string;
  categoryId?: number;
  unitId?: number;
  /** Articles about any of these units: written by one of them or linked to one of them. */
  aboutUnitIds?: number[];
  /** Articles carrying this tag (the "noi-bat" tag marks featured news). */
  tagSlug?: string;
  /** Newer than this instant only (feeds, sitemaps of recent news). */
  sinceIso?: string;
}

function visible(db: Kysely<DB>, filter: ListFilter) {
  let query = readerVisibleArticles(db, filter.nowIso);
  if (filter.categoryId !== undefined) query = query.where("articles.category_id", "=", filter.categoryId);
  if (filter.unitId !== undefined) query = query.where("articles.unit_id", "=", filter.unitId);
  if (filter.sinceIso !== undefined) query = query.where("articles.published_at", ">", filter.sinceIso);
  if (filter.aboutUnitIds !== undefined) {
    const units = filter.aboutUnitIds.length > 0 ? filter.aboutUnitIds : [-1];
    query = query.where((eb) =>
      eb.or([
        eb("articles.unit_id", "in", units),
        eb(
          "articles.id",
          "in",
          eb
            .selectFrom("article_units")
            .select("article_units.article_id")
            .where("article_units.unit_id", "in", units),
        ),
      ]),
    );
  }
  if (filter.tagSlug !== undefined) {
    const slug = filter.tagSlug;
    query = query.where("articles.id", "in", (eb) =>
      eb
        .selectFrom("article_tags")
        .innerJoin("tags", "tags.id", "article_tags.tag_id")
        .select("article_tags.article_id")
        .where("tags.slug", "=", slug),
    );
  }
  return query;
}

const SUMMARY_COLUMNS = [
  "articles.id",
  "articles.slug",
  "articles.title",
  "articles.lead",
  "articles.published_at",
  "articles.views",
] as const;

export async function countVisibleArticles(db: Kysely<DB>, filter: ListFilter): Promise<number> {
  const row = await visible(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first; equal times newest id first. */
export async function listVisibleArticles(
  db: Kysely<DB>,
  filter: ListFilter,
  page: { limit: number; offset: number },
): Promise<ArticleSummary[]> {
  const rows = await visible(db, filter)
    .select([...SUMMARY_COLUMNS])
    .orderBy("articles.published_at", "desc")
    .orderBy("articles.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toArticleSummary);
}

/**
 * Articles related to one: those sharing its tags first (most shared tags first), then the newest
 * about the same units (its own and those it is linked to), then the newest of its category. Small
 * queries rather than one scored scan, so it stays fast on a large site.
 */
export async function listRelatedArticles(
  db: Kysely<DB>,
  article: { id: number; categoryId: number | null; unitId: number; linkedUnitIds: number[] },
  nowIso: string,
  limit: number,
): Promise<ArticleSummary[]> {
  const byTags = await visible(db, { nowIso })
    .innerJoin("article_tags as theirs", "theirs.article_id", "articles.id")
    .innerJoin("article_tags as ours", "ours.tag_id", "theirs.tag_id")
    .where("ours.article_id", "=", article.id)
    .where("articles.id", "!=", article.id)
    .select([...SUMMARY_COLUMNS, (eb) => eb.fn.countAll<number>().as("shared")])
    .groupBy([...SUMMARY_COLUMNS])
    .orderBy("shared", "desc")
    .orderBy("articles.published_at", "desc")
    .orderBy("articles.id", "desc")
    .limit(limit)
    .execute();
  const found = byTags.map(toArticleSummary);
  const groups: ListFilter[] = [{ nowIso, aboutUnitIds: [article.unitId, ...article.linkedUnitIds] }];
  if (article.categoryId !== null) groups.push({ nowIso, categoryId: article.categoryId });
  for (const group of groups) {
    if (found.length >= limit) break;
    const rows = await visible(db, group)
      .where("articles.id", "not in", [article.id, ...found.map((a) => a.id)])
      .select([...SUMMARY_COLUMNS])
      .orderBy("articles.published_at", "desc")
      .orderBy("articles.id", "desc")
      .limit(limit - found.length)
      .execute();
    found.push(...rows.map(toArticleSummary));
  }
  return found;
}

export interface LinkedUnit {
  id: number;
  name: string;
  level: string;
}

/** The units an article is linked to (what it is about), by name. */
export async function listLinkedUnitsOfArticle(db: Kysely<DB>, articleId: number): Promise<LinkedUnit[]> {
  return db
    .selectFrom("article_units")
    .innerJoin("units", "units.id", "article_units.unit_id")
    .select(["units.id", "units.name", "units.level"])
    .where("article_units.article_id", "=", articleId)
    .orderBy("units.name")
    .orderBy("units.id")
    .execute();
}

export interface CategoryRef {
  id: number;
  slug: string;
  name: string;
}

/** Categories in display order. */
export async function listPublicCategories(db: Kysely<DB>): Promise<CategoryRef[]> {
  return db
    .selectFrom("categories")
    .select(["id", "slug", "name"])
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
}

export async function findCategoryBySlug(db: Kysely<DB>, slug: string): Promise<CategoryRef | undefined> {
  return db
    .selectFrom("categories")
    .select(["id", "slug", "name"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}
