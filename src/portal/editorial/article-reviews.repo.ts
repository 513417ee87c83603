import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** The review trail of articles: who submitted, returned (with what comment), published, unpublished. */

export interface ReviewRow {
  id: number;
  articleId: number;
  /** submit | return | publish | schedule | unpublish | auto_publish */
  action: string;
  comment: string | null;
  actorUserId: number | null;
  actorName: string;
  createdAt: string;
}

export async function insertReview(
  db: Kysely<DB>,
  review: {
    articleId: number;
    action: string;
    comment: string | null;
    actor: { userId: number | null; name: string };
    at: string;
  },
): Promise<void> {
  await db
    .insertInto("article_reviews")
    .values({
      article_id: review.articleId,
      action: review.action,
      comment: review.comment,
      actor_user_id: review.actor.userId,
      actor_name: review.actor.name,
      created_at: review.at,
    })
    .execute();
}

function toRow(r: {
  id: number;
  article_id: number;
  action: string;
  comment: string | null;
  actor_user_id: number | null;
  actor_name: string;
  created_at: string;
}): ReviewRow {
  return {
    id: r.id,
    articleId: r.article_id,
    action: r.action,
    comment: r.comment,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    createdAt: r.created_at,
  };
}

/** An article's review trail, newest first. */
export async function listReviews(db: Kysely<DB>, articleId: number): Promise<ReviewRow[]> {
  const rows = await db
    .selectFrom("article_reviews")
    .selectAll()
    .where("article_id", "=", articleId)
    .orderBy("id", "desc")
    .execute();
  return rows.map(toRow);
}

/** The newest review event of each of these articles (to mark returned drafts in the list). */
export async function latestReviews(db: Kysely<DB>, articleIds: number[]): Promise<Map<number, ReviewRow>> {
  const out = new Map<number, ReviewRow>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom("article_reviews")
    .selectAll()
    .where("article_id", "in", articleIds)
    .orderBy("id", "desc")
    .execute();
  for (const row of rows) if (!out.has(row.article_id)) out.set(row.article_id, toRow(row));
  return out;
}
