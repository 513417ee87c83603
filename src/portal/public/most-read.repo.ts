import { type Kysely, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { readerVisibleArticles } from "../articles/articles.repo.js";

/**
 * Views per article and day, for the "most read" ranking of a period. Written by the view counter's
 * flush next to `articles.views` (which stays the all-time figure printed on the article).
 */

/**
 * Adds buffered view counts to the given day (`YYYY-MM-DD` in Vietnam). Additive, like
 * `addArticleViews`: flushes from several processes add up. Counts for an article deleted since the
 * view are dropped (inserting them would break the foreign key and fail the whole flush).
 */
export async function addDailyViews(db: Kysely<DB>, counts: Map<number, number>, day: string): Promise<void> {
  if (counts.size === 0) return;
  const write = async (trx: Kysely<DB>) => {
    for (const [articleId, n] of counts) {
      // INSERT … SELECT … WHERE: SQLite needs the WHERE before ON CONFLICT, and it skips deleted articles.
      await sql`
        INSERT INTO article_daily_views (article_id, day, views)
        SELECT id, ${day}, ${n} FROM articles WHERE id = ${articleId}
        ON CONFLICT (article_id, day) DO UPDATE SET views = article_daily_views.views + excluded.views
      `.execute(trx);
    }
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

export interface MostReadRow {
  id: number;
  slug: string;
  title: string;
  publishedAt: string;
  /** Views in the period (all time: `articles.views`). */
  views: number;
}

function toMostRead(
  r: { id: number; slug: string; title: string; published_at: string | null },
  views: number | string,
): MostReadRow {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    publishedAt: r.published_at as string,
    views: Number(views),
  };
}

/**
 * The most-read visible articles of the days from `fromDay` to `toDay` (inclusive), or of all time
 * when `fromDay` is null. Ties go to the newer article.
 */
export async function listMostRead(
  db: Kysely<DB>,
  query: { fromDay: string | null; toDay: string; nowIso: string; limit: number },
): Promise<MostReadRow[]> {
  const visible = readerVisibleArticles(db, query.nowIso);
  if (query.fromDay === null) {
    const rows = await visible
      .select(["id", "slug", "title", "published_at", "views"])
      .where("views", ">", 0)
      .orderBy("views", "desc")
      .orderBy("published_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit)
      .execute();
    return rows.map((r) => toMostRead(r, r.views));
  }
  const rows = await visible
    .innerJoin("article_daily_views as v", "v.article_id", "articles.id")
    .where("v.day", ">=", query.fromDay)
    .where("v.day", "<=", query.toDay)
    .select([
      "articles.id",
      "articles.slug",
      "articles.title",
      "articles.published_at",
      (eb) => eb.fn.sum<number>("v.views").as("period_views"),
    ])
    .groupBy(["articles.id", "articles.slug", "articles.title", "articles.published_at"])
    .orderBy("period_views", "desc")
    .orderBy("articles.published_at", "desc")
    .orderBy("articles.id", "desc")
    .limit(query.limit)
    .execute();
  return rows.map((r) => toMostRead(r, r.period_views));
}
