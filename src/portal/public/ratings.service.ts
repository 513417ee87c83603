import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { getPublishedArticle } from "../articles/reader-visibility.rules.js";
import { findVisitorRating, saveRating, summariseRatings } from "./ratings.repo.js";
import type { RatingScore, RatingSummary } from "./ratings.rules.js";

/**
 * Records a reader's satisfaction with an article they can see (404 otherwise). One rating per
 * visitor key and article: rating again changes the earlier choice instead of adding a vote.
 */
export async function rateArticle(
  db: Kysely<DB>,
  input: { slug: string; score: RatingScore; visitor: string; now: Date },
): Promise<{ articleId: number }> {
  const article = await getPublishedArticle(db, input.slug, input.now);
  await saveRating(db, { articleId: article.id, visitor: input.visitor, score: input.score, now: input.now });
  return { articleId: article.id };
}

/** The results shown under the article, and this visitor's own choice if any. */
export async function ratingsOf(
  db: Kysely<DB>,
  articleId: number,
  visitor: string,
): Promise<{ summary: RatingSummary; mine: RatingScore | null }> {
  const [summary, mine] = await Promise.all([
    summariseRatings(db, articleId),
    findVisitorRating(db, articleId, visitor),
  ]);
  return { summary, mine };
}
