import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { RatingScore, RatingSummary } from "./ratings.rules.js";

/** Satisfaction ratings of articles: one row per article and visitor key. */

/** Records a visitor's rating; a second rating by the same visitor replaces the first. */
export async function saveRating(
  db: Kysely<DB>,
  rating: { articleId: number; visitor: string; score: RatingScore; now: Date },
): Promise<void> {
  const at = rating.now.toISOString();
  await db
    .insertInto("article_ratings")
    .values({
      article_id: rating.articleId,
      visitor: rating.visitor,
      score: rating.score,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(["article_id", "visitor"]).doUpdateSet((eb) => ({
        score: eb.ref("excluded.score"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

export async function summariseRatings(db: Kysely<DB>, articleId: number): Promise<RatingSummary> {
  const rows = await db
    .selectFrom("article_ratings")
    .select(["score", (eb) => eb.fn.countAll<number>().as("n")])
    .where("article_id", "=", articleId)
    .groupBy("score")
    .execute();
  const counts: Record<RatingScore, number> = { 1: 0, 2: 0, 3: 0 };
  let total = 0;
  for (const row of rows) {
    const score = Number(row.score);
    if (score === 1 || score === 2 || score === 3) {
      counts[score] = Number(row.n);
      total += Number(row.n);
    }
  }
  return { total, counts };
}

export async function findVisitorRating(
  db: Kysely<DB>,
  articleId: number,
  visitor: string,
): Promise<RatingScore | null> {
  const row = await db
    .selectFrom("article_ratings")
    .select("score")
    .where("article_id", "=", articleId)
    .where("visitor", "=", visitor)
    .executeTakeFirst();
  const score = row ? Number(row.score) : null;
  return score === 1 || score === 2 || score === 3 ? score : null;
}

/**
 * Visitor keys of an article's raters, at most `limit` (null beyond it): the page cache keeps them
 * to tell, without a query per visit, who must see their own choice.
 */
export async function listRaters(db: Kysely<DB>, articleId: number, limit: number): Promise<string[] | null> {
  const rows = await db
    .selectFrom("article_ratings")
    .select("visitor")
    .where("article_id", "=", articleId)
    .limit(limit + 1)
    .execute();
  return rows.length > limit ? null : rows.map((r) => r.visitor);
}
