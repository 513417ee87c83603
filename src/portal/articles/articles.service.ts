import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { Action } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, NotFoundError } from "../../core/http/errors.js";
import { insertReview } from "../editorial/article-reviews.repo.js";
import { ensureBaselineRevision, recordRevision } from "../editorial/revisions.service.js";
import { keysOf } from "../media/media.service.js";
import { type ArticleTarget, authorizeOn, authorOf } from "./article-access.js";
import { setArticleLinks } from "./article-links.repo.js";
import {
  applyImageChanges,
  attachNewPhoto,
  type ImageChange,
  type LibraryPick,
  type PhotoInput,
  storeUpload,
} from "./article-photos.service.js";
import { type ArticleState, auditSnapshot, loadArticleState } from "./article-state.model.js";
import {
  type ArticleStatus,
  applyTransition,
  auditActionOf,
  statusAfterSave,
} from "./article-workflow.rules.js";
import {
  type ArticleStore,
  afterArticleChange,
  checkReferences,
  cleanBody,
  inTransaction,
  resolveSlug,
} from "./article-write.service.js";
import {
  type ArticleRecord,
  type ArticleValues,
  deleteArticleRow,
  insertArticle,
  updateArticleRow,
} from "./articles.repo.js";
import { slugify } from "./slug.rules.js";
import { ensureTags, setArticleTags } from "./tags.repo.js";
import type { ParsedTag } from "./tags.rules.js";

export type { UnitChoice } from "./article-access.js";
export { canOnArticle, editableUnitIds, unitChoices } from "./article-access.js";
export type { ImageChange, LibraryPick, PhotoInput } from "./article-photos.service.js";
export type { ArticleStore } from "./article-write.service.js";

/**
 * Writing articles: create, edit (with photos, tags and links), delete. Each is one transaction
 * with its revision, review-trail entry, audit event and search index update.
 */

/**
 * What the person asked for with the save: keep the status ("save"), send a draft for review
 * ("submit"), or publish now or at a future moment ("publish", editors only).
 */
export type SaveIntent = "save" | "submit" | "publish";

/** An article as the editor or API client submitted it, already checked field by field. */
export interface ArticleInput {
  title: string;
  /** null or empty: generated from the title (new articles) or kept (existing ones). */
  slug: string | null;
  lead: string | null;
  /** Untrusted HTML; sanitised here. */
  bodyHtml: string;
  categoryId: number | null;
  unitId: number;
  /** null: none chosen (publishing then uses now). A future moment schedules the article. */
  publishedAt: Date | null;
  tags: ParsedTag[];
  sessionIds: number[];
  linkedUnitIds: number[];
  intent: SaveIntent;
}

export interface SaveExtras {
  /**
   * The action that lets the caller create the article: `article.create` (writers, editors) unless a
   * use case grants drafting on other terms (`article.draft_from_session`: a session's leaders too).
   */
  createAs?: Action;
  photo?: PhotoInput;
  pick?: LibraryPick;
  imageChanges?: ImageChange[];
}

function auditAction(before: ArticleStatus | null, after: ArticleStatus, intent: SaveIntent): string {
  if (before === null) return "create";
  if (intent === "submit") return "submit";
  if (before !== after) return auditActionOf("publish", after);
  return "update";
}

/** Tags, links and photos: the parts of a save beyond the article row. */
async function writeParts(
  trx: Kysely<DB>,
  caller: ActorContext,
  article: { id: number; unitId: number },
  input: Partial<ArticleInput>,
  extras: SaveExtras & { stored: Awaited<ReturnType<typeof storeUpload>>; before: ArticleState | null },
): Promise<void> {
  if (input.tags) await setArticleTags(trx, article.id, await ensureTags(trx, input.tags, caller.now));
  if (input.sessionIds || input.linkedUnitIds) {
    await setArticleLinks(trx, article.id, {
      sessionIds: input.sessionIds ?? extras.before?.links.sessionIds ?? [],
      unitIds: input.linkedUnitIds ?? extras.before?.links.unitIds ?? [],
    });
  }
  const current = extras.before?.images ?? [];
  await applyImageChanges(trx, article.id, current, extras.imageChanges ?? []);
  const nextOrder = Math.max(-1, ...current.map((i) => i.sortOrder)) + 1;
  await attachNewPhoto(
    trx,
    caller,
    article,
    { upload: extras.photo, stored: extras.stored, pick: extras.pick },
    nextOrder,
  );
}

/** Writes the revision, review entry, audit event and index update that follow every save. */
async function recordSave(
  trx: Kysely<DB>,
  caller: ActorContext,
  id: number,
  change: { before: ArticleState | null; intent: SaveIntent },
): Promise<void> {
  const after = (await loadArticleState(trx, id)) as ArticleState;
  await recordRevision(trx, id, authorOf(caller), { at: caller.now });
  const fromStatus = change.before?.article.status ?? null;
  const action = auditAction(fromStatus, after.article.status, change.intent);
  if (change.intent !== "save" && (fromStatus !== after.article.status || fromStatus === null)) {
    const review = change.intent === "submit" ? "submit" : auditActionOf("publish", after.article.status);
    await insertReview(trx, {
      articleId: id,
      action: review,
      comment: null,
      actor: authorOf(caller),
      at: caller.now.toISOString(),
    });
  }
  await recordAudit(trx, {
    actor: caller.actor,
    action,
    entityType: "article",
    entityId: id,
    unitId: after.article.unitId,
    ...(change.before ? { before: auditSnapshot(change.before) } : {}),
    after: auditSnapshot(after),
    ip: caller.ip,
    at: caller.now,
  });
  await afterArticleChange(trx, id);
}

/** The status a save with `intent` leads to (409 when the workflow does not allow it). */
function statusFor(
  intent: SaveIntent,
  from: ArticleStatus | null,
  publishedAt: string | null,
  now: Date,
): ArticleStatus {
  // "Publish" on what is already published (an old form, a client sending the status back) is a save.
  const saving =
    intent === "save" || (intent === "publish" && (from === "published" || from === "scheduled"));
  if (saving) return from === null ? "draft" : statusAfterSave(from, publishedAt, now);
  const transition = intent === "submit" ? "submit" : "publish";
  const result = applyTransition(from ?? "draft", transition, {
    publishAt: publishedAt === null ? null : new Date(publishedAt),
    now,
  });
  if (!result.ok) throw new ConflictError(result.message);
  return result.status;
}

/**
 * Creates an article, with an optional photo (uploaded or from the library), tags and links.
 * Writers may create drafts and submit them in their units; publishing needs an editor.
 */
export async function createArticle(
  store: ArticleStore,
  caller: ActorContext,
  input: ArticleInput,
  extras: SaveExtras = {},
): Promise<number> {
  await checkReferences(store.db, caller, input);
  const target: ArticleTarget = { unitId: input.unitId, authorId: caller.actor.userId, status: "draft" };
  authorizeOn(caller, extras.createAs ?? "article.create", target);
  if (input.intent === "publish") authorizeOn(caller, "article.publish", target);
  const requestedAt = input.publishedAt?.toISOString() ?? null;
  const status = statusFor(input.intent, null, requestedAt, caller.now);
  const values: ArticleValues = {
    slug: await resolveSlug(store.db, input.slug, input.title),
    title: input.title,
    lead: input.lead,
    bodyHtml: await cleanBody(input.bodyHtml),
    status,
    publishedAt: input.intent === "publish" ? (requestedAt ?? caller.now.toISOString()) : requestedAt,
    unitId: input.unitId,
    categoryId: input.categoryId,
  };
  const stored = await storeUpload(store, extras.photo);
  return inTransaction(store, stored ? keysOf(stored) : [], async (trx) => {
    const id = await insertArticle(trx, { ...values, authorId: caller.actor.userId, now: caller.now });
    await writeParts(trx, caller, { id, unitId: values.unitId }, input, { ...extras, stored, before: null });
    await recordSave(trx, caller, id, { before: null, intent: input.intent });
    return id;
  });
}

/** Loads an article the caller may edit (404 when missing, 403 when not theirs to edit). */
export async function loadEditableArticle(
  db: Kysely<DB>,
  caller: ActorContext,
  id: number,
): Promise<ArticleRecord> {
  const article = (await loadArticleState(db, id))?.article;
  if (!article) throw new NotFoundError("Không tìm thấy bài viết.");
  authorizeOn(caller, "article.update", article);
  return article;
}

/**
 * Changes an article: the fields given, photos, tags and links; with intent "submit" or "publish"
 * it also takes that review step. Moving it to another unit needs rights there too.
 */
export async function updateArticle(
  store: ArticleStore,
  caller: ActorContext,
  id: number,
  changes: Partial<ArticleInput>,
  extras: SaveExtras = {},
): Promise<ArticleStatus> {
  const before = await loadArticleState(store.db, id);
  if (!before) throw new NotFoundError("Không tìm thấy bài viết.");
  const old = before.article;
  authorizeOn(caller, "article.update", old);
  const unitId = changes.unitId ?? old.unitId;
  const categoryId = changes.categoryId === undefined ? old.categoryId : changes.categoryId;
  await checkReferences(store.db, caller, { ...changes, unitId, categoryId });
  if (unitId !== old.unitId) authorizeOn(caller, "article.create", { ...old, unitId });
  const intent = changes.intent ?? "save";
  if (intent === "publish") {
    authorizeOn(caller, "article.publish", old);
    if (unitId !== old.unitId) authorizeOn(caller, "article.publish", { ...old, unitId });
  }
  const requestedAt =
    changes.publishedAt === undefined ? old.publishedAt : (changes.publishedAt?.toISOString() ?? null);
  const status = statusFor(intent, old.status, requestedAt, caller.now);
  const title = changes.title ?? old.title;
  const wantsSlug = changes.slug != null && changes.slug.trim() !== "" && slugify(changes.slug) !== old.slug;
  const values: ArticleValues = {
    slug: wantsSlug ? await resolveSlug(store.db, changes.slug ?? null, title, id) : old.slug,
    title,
    lead: changes.lead === undefined ? old.lead : changes.lead,
    bodyHtml: changes.bodyHtml === undefined ? old.bodyHtml : await cleanBody(changes.bodyHtml),
    status,
    publishedAt: intent === "publish" ? (requestedAt ?? caller.now.toISOString()) : requestedAt,
    unitId,
    categoryId,
  };
  if ((status === "published" || status === "scheduled") && values.publishedAt === null)
    values.publishedAt = caller.now.toISOString();
  const stored = await storeUpload(store, extras.photo);
  await inTransaction(store, stored ? keysOf(stored) : [], async (trx) => {
    await ensureBaselineRevision(trx, before);
    await updateArticleRow(trx, id, values, caller.now);
    await writeParts(trx, caller, { id, unitId }, changes, { ...extras, stored, before });
    await recordSave(trx, caller, id, { before, intent });
  });
  return status;
}

/**
 * Deletes an article with its photos' placements, tags, links, revisions and review trail; the
 * photos stay in the library. Audited with the values it had.
 */
export async function deleteArticle(store: ArticleStore, caller: ActorContext, id: number): Promise<void> {
  const before = await loadArticleState(store.db, id);
  if (!before) throw new NotFoundError("Không tìm thấy bài viết.");
  authorizeOn(caller, "article.delete", before.article);
  await inTransaction(store, [], async (trx) => {
    await deleteArticleRow(trx, id);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "delete",
      entityType: "article",
      entityId: id,
      unitId: before.article.unitId,
      before: auditSnapshot(before),
      ip: caller.ip,
      at: caller.now,
    });
    await afterArticleChange(trx, id);
  });
}
