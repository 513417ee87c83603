import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { insertReview } from "../editorial/article-reviews.repo.js";
import { authorizeOn, authorOf, canOnArticle } from "./article-access.js";
import {
  type ArticleStatus,
  applyTransition,
  auditActionOf,
  TRANSITION_ACTION,
  type Transition,
} from "./article-workflow.rules.js";
import { type ArticleStore, afterArticleChange } from "./article-write.service.js";
import { changeArticleStatus, findArticleById, listDueScheduledArticles } from "./articles.repo.js";
import { MESSAGES, returnCommentSchema } from "./articles.schema.js";

/**
 * The review steps that change only an article's status: submit, publish (now or scheduled),
 * return with a comment, unpublish; and the job's publishing of scheduled articles. Each is one
 * transaction with its review-trail entry, its audit event (status and time before and after) and
 * the search index update.
 */

export interface TransitionOptions {
  /** For "publish": the moment (null: the stored publish time if any, else now). */
  publishAt?: Date | null;
  /** For "return": what the writer must fix (required). */
  comment?: string;
}

function checkedComment(transition: Transition, comment: string | undefined): string | null {
  if (transition !== "return") return comment?.trim() ? comment.trim() : null;
  const parsed = returnCommentSchema.safeParse(comment ?? "");
  if (!parsed.success)
    throw new ValidationError({ comment: parsed.error.issues[0]?.message ?? MESSAGES.returnCommentRequired });
  return parsed.data;
}

/**
 * Applies a review step to an article. 404 when it does not exist, 403 without the right, 422 for a
 * missing return comment, 409 when the article's status does not allow the step (with the reason)
 * or changed meanwhile. Returns the new status.
 */
export async function transitionArticle(
  store: ArticleStore,
  caller: ActorContext,
  articleId: number,
  transition: Transition,
  options: TransitionOptions = {},
): Promise<ArticleStatus> {
  const article = await findArticleById(store.db, articleId);
  if (!article) throw new NotFoundError("Không tìm thấy bài viết.");
  const action = TRANSITION_ACTION[transition];
  // Someone who could take this step on a draft is told why not (409); anyone else gets the 403.
  if (!canOnArticle(caller, action, { ...article, status: "draft" })) throw new ForbiddenError();
  const comment = checkedComment(transition, options.comment);
  const storedAt = article.publishedAt === null ? null : new Date(article.publishedAt);
  const publishAt = transition === "publish" ? (options.publishAt ?? storedAt) : null;
  const result = applyTransition(article.status, transition, { publishAt, now: caller.now });
  if (!result.ok) throw new ConflictError(result.message);
  authorizeOn(caller, action, article);
  const publishedAt =
    transition === "publish" ? (publishAt ?? caller.now).toISOString() : article.publishedAt;

  await store.db.transaction().execute(async (trx) => {
    const changed = await changeArticleStatus(trx, articleId, {
      from: article.status,
      to: result.status,
      publishedAt,
      now: caller.now,
    });
    if (!changed) throw new ConflictError(MESSAGES.changedMeanwhile);
    const event = auditActionOf(transition, result.status);
    await insertReview(trx, {
      articleId,
      action: event,
      comment,
      actor: authorOf(caller),
      at: caller.now.toISOString(),
    });
    await recordAudit(trx, {
      actor: caller.actor,
      action: event,
      entityType: "article",
      entityId: articleId,
      unitId: article.unitId,
      before: { status: article.status, publishedAt: article.publishedAt },
      after: { status: result.status, publishedAt, ...(comment ? { comment } : {}) },
      ip: caller.ip,
      at: caller.now,
    });
    await afterArticleChange(trx, articleId);
  });
  return result.status;
}

/** At most this many articles per run: a backlog is worked off over the next runs. */
const DUE_BATCH = 100;

/**
 * Publishes every scheduled article whose moment has come (`published_at <= now`, compared as UTC
 * instants, so a time chosen as 08:00 in Hà Nội is due at 01:00 UTC). One transaction per article:
 * one that fails does not hold back the others. The status change is conditional, so an editor
 * unpublishing it at the same moment wins cleanly. Returns the ids published.
 */
export async function publishDueArticles(db: Kysely<DB>, now: Date): Promise<number[]> {
  const due = await listDueScheduledArticles(db, now.toISOString(), DUE_BATCH);
  const published: number[] = [];
  for (const article of due) {
    const done = await db.transaction().execute(async (trx) => {
      const changed = await changeArticleStatus(trx, article.id, {
        from: "scheduled",
        to: "published",
        publishedAt: article.publishedAt,
        now,
      });
      if (!changed) return false;
      const system = { userId: null, name: "hệ thống" };
      await insertReview(trx, {
        articleId: article.id,
        action: "auto_publish",
        comment: null,
        actor: system,
        at: now.toISOString(),
      });
      await recordAudit(trx, {
        actor: null,
        action: "publish",
        entityType: "article",
        entityId: article.id,
        unitId: article.unitId,
        before: { status: "scheduled", publishedAt: article.publishedAt },
        after: { status: "published", publishedAt: article.publishedAt },
        at: now,
      });
      await afterArticleChange(trx, article.id);
      return true;
    });
    if (done) published.push(article.id);
  }
  return published;
}
