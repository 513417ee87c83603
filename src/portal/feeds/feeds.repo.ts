import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { readerVisibleArticles } from "../articles/articles.repo.js";

/** Reading for feeds and sitemaps: visible articles with what those documents print. */

export interface FeedArticle {
  id: number;
  slug: string;
  title: string;
  lead: string | null;
  bodyHtml: string;
  publishedAt: string;
  updatedAt: string;
  unitName: string;
  categoryName: string | null;
}

/** The newest visible articles (of one category when given), for a feed. */
export async function listFeedArticles(
  db: Kysely<DB>,
  query: { nowIso: string; categoryId?: number; limit: number },
): Promise<FeedArticle[]> {
  let q = readerVisibleArticles(db, query.nowIso)
    .innerJoin("units", "units.id", "articles.unit_id")
    .leftJoin("categories", "categories.id", "articles.category_id");
  if (query.categoryId !== undefined) q = q.where("articles.category_id", "=", query.categoryId);
  const rows = await q
    .select([
      "articles.id",
      "articles.slug",
      "articles.title",
      "articles.lead",
      "articles.body_html",
      "articles.published_at",
      "articles.updated_at",
      "units.name as unit_name",
      "units.level as unit_level",
      "categories.name as category_name",
    ])
    .orderBy("articles.published_at", "desc")
    .orderBy("articles.id", "desc")
    .limit(query.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    bodyHtml: r.body_html,
    publishedAt: r.published_at as string,
    updatedAt: r.updated_at,
    unitName: unitDisplayName({ name: r.unit_name, level: r.unit_level }),
    categoryName: r.category_name,
  }));
}

export async function countSitemapArticles(db: Kysely<DB>, nowIso: string): Promise<number> {
  const row = await readerVisibleArticles(db, nowIso)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Slugs and change times of visible articles, oldest first (stable pages of the sitemap). */
export async function listSitemapArticles(
  db: Kysely<DB>,
  query: { nowIso: string; limit: number; offset: number },
): Promise<{ slug: string; updatedAt: string; publishedAt: string }[]> {
  const rows = await readerVisibleArticles(db, query.nowIso)
    .select(["articles.slug", "articles.updated_at", "articles.published_at"])
    .orderBy("articles.id")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at, publishedAt: r.published_at as string }));
}

/** Units existing on `today`, for their public pages in the sitemap. */
export async function listSitemapUnits(db: Kysely<DB>, today: string): Promise<{ id: number }[]> {
  return db
    .selectFrom("units")
    .select("id")
    .where("valid_from", "<=", today)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
    .orderBy("id")
    .execute();
}
