import type { Kysely } from "kysely";
import { recordAudit } from "../accounts/audit.repo.js";
import { type Action, type Actor, authorize, can, grantedRoots } from "../accounts/policy.js";
import { isUniqueViolation } from "../core/db/dialect.js";
import type { DB } from "../core/db/schema.js";
import { formatDateVi } from "../core/format/vi-date.js";
import { ConflictError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { type Hierarchy, isValidAt } from "../units/hierarchy.rules.js";
import { unitDisplayName } from "../units/unit-labels.js";
import {
  type ArticleImageRow,
  type ArticleRecord,
  type ArticleStatus,
  type ArticleValues,
  categoryExists,
  deleteArticleImages,
  deleteArticleRow,
  type EditorArticleRow,
  findArticleById,
  insertArticle,
  insertArticleImage,
  isSlugTaken,
  listArticlesOfUnits,
  listImagesOfArticles,
  listUnitNames,
  updateArticleImage,
  updateArticleRow,
} from "./articles.repo.js";
import { MESSAGES } from "./articles.schema.js";
import { splitTopLevelBlocks } from "./body-blocks.js";
import { deleteUnusedMedia, insertMedia } from "./media.repo.js";
import { thumbnailKeyOf } from "./media.rules.js";
import {
  PhotoRejected,
  preparePhoto,
  removeMediaFiles,
  type StoredPhoto,
  writePhotoFiles,
} from "./media.service.js";
import { sanitizeArticleHtml } from "./sanitize.js";
import { firstFreeSlug, slugify } from "./slug.js";

/** Who is acting, and the facts every permission check needs. */
export interface Caller {
  actor: Actor;
  /** `YYYY-MM-DD` in Vietnam. */
  today: string;
  now: Date;
  hierarchy: Hierarchy;
  ip: string | null;
}

/** Where articles and their photos are kept. */
export interface ArticleStore {
  db: Kysely<DB>;
  mediaDir: string;
}

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
  /** null: now, when publishing. */
  publishedAt: Date | null;
  status: ArticleStatus;
}

export interface PhotoInput {
  bytes: Uint8Array;
  originalName: string;
  caption: string;
  altText: string;
  /** Body blocks before the photo; null: after the body. */
  position: number | null;
}

export interface ImageChange {
  id: number;
  caption: string;
  altText: string;
  position: number | null;
  remove: boolean;
}

// ---- permissions -------------------------------------------------------------------------------

function unitPathOf(caller: Caller, unitId: number): number[] {
  return caller.hierarchy.pathForToday(unitId, caller.today);
}

function authorizeOn(
  caller: Caller,
  action: Action,
  article: { unitId: number; authorId: number | null; status: string },
) {
  authorize(
    caller.actor,
    action,
    { unitPath: unitPathOf(caller, article.unitId), ownerUserId: article.authorId, status: article.status },
    caller.today,
  );
}

/** Whether the caller may do `action` on the article (to show or hide a button). */
export function canOnArticle(
  caller: Caller,
  action: Action,
  article: { unitId: number; authorId: number | null; status: string },
): boolean {
  return can(
    caller.actor,
    action,
    { unitPath: unitPathOf(caller, article.unitId), ownerUserId: article.authorId, status: article.status },
    caller.today,
  );
}

/** Ids of the units whose articles the caller may work on, or "all" for a system admin. */
export function editableUnitIds(caller: Caller): number[] | "all" {
  const roots = grantedRoots(caller.actor, "article.create", caller.today);
  return roots === "all" ? "all" : caller.hierarchy.unitIdsUnder(roots, caller.today);
}

export interface UnitChoice {
  id: number;
  /** With its level: "Phường Thượng Thanh". */
  name: string;
  /** The name, with the validity for units that do not exist today ("… (đến 30/06/2025)"). */
  label: string;
  current: boolean;
}

/**
 * The units the caller may choose as an article's owner: every unit in their scope, those that
 * exist today first (highest level first, then by name), then former and future ones, labelled with
 * their dates. Former units stay choosable: news about 2019 belongs to the ward that existed then,
 * and a grant on a dissolved district still covers its former wards.
 */
export async function unitChoices(db: Kysely<DB>, caller: Caller): Promise<UnitChoice[]> {
  const scope = editableUnitIds(caller);
  const ids =
    scope === "all" ? (await db.selectFrom("units").select("id").execute()).map((r) => r.id) : scope;
  const units = await listUnitNames(db, ids);
  const choices = units.map((unit): UnitChoice & { depth: number } => {
    const span = caller.hierarchy.unit(unit.id);
    const current = span === undefined || isValidAt(span, caller.today);
    const name = unitDisplayName(unit);
    let label = name;
    if (span && !current) {
      label =
        span.validTo !== null && span.validTo < caller.today
          ? `${name} (đến ${formatDateVi(span.validTo)})`
          : `${name} (từ ${formatDateVi(span.validFrom)})`;
    }
    return { id: unit.id, name, label, current, depth: unitPathOf(caller, unit.id).length };
  });
  const collator = new Intl.Collator("vi");
  return choices
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        a.depth - b.depth ||
        collator.compare(a.name, b.name) ||
        a.id - b.id,
    )
    .map(({ depth: _depth, ...choice }) => choice);
}

// ---- helpers -----------------------------------------------------------------------------------

async function checkReferences(
  db: Kysely<DB>,
  caller: Caller,
  input: { unitId: number; categoryId: number | null },
) {
  const fields: Record<string, string> = {};
  if (!caller.hierarchy.unit(input.unitId)) fields.unitId = MESSAGES.unitUnknown;
  if (input.categoryId !== null && !(await categoryExists(db, input.categoryId)))
    fields.categoryId = MESSAGES.categoryUnknown;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

function cleanBody(raw: string): string {
  const body = splitTopLevelBlocks(sanitizeArticleHtml(raw)).join("\n");
  if (body === "") throw new ValidationError({ bodyHtml: MESSAGES.bodyEmptyAfterSanitize });
  return body;
}

function slugConflict(): ConflictError {
  return new ConflictError(MESSAGES.slugTaken, { slug: MESSAGES.slugTaken });
}

/** The slug to store: the requested one (slugified; 409 when taken) or one generated from the title. */
async function resolveSlug(
  db: Kysely<DB>,
  requested: string | null,
  title: string,
  exceptId?: number,
): Promise<string> {
  if (requested !== null && requested.trim() !== "") {
    const slug = slugify(requested);
    if (slug === "") throw new ValidationError({ slug: MESSAGES.slugEmpty });
    if (await isSlugTaken(db, slug, exceptId)) throw slugConflict();
    return slug;
  }
  const base = slugify(title) || "bai-viet";
  return firstFreeSlug(base, (candidate) => isSlugTaken(db, candidate, exceptId));
}

function publishedAtFor(status: ArticleStatus, requested: Date | null, now: Date): string | null {
  if (requested) return requested.toISOString();
  return status === "published" ? now.toISOString() : null;
}

/** What the audit log keeps of an article: every field a person edits, and its photos. */
function snapshot(article: ArticleValues & { authorId: number | null }, images: ArticleImageRow[]) {
  return {
    slug: article.slug,
    title: article.title,
    lead: article.lead,
    bodyHtml: article.bodyHtml,
    status: article.status,
    publishedAt: article.publishedAt,
    unitId: article.unitId,
    categoryId: article.categoryId,
    authorId: article.authorId,
    images: images.map((i) => ({
      media: i.storageKey,
      caption: i.caption,
      alt: i.altText,
      position: i.position,
    })),
  };
}

function statusAction(before: ArticleStatus | null, after: ArticleStatus): string {
  if (before === null) return "create";
  if (before !== after) return after === "published" ? "publish" : "unpublish";
  return "update";
}

async function prepareAndWrite(
  store: ArticleStore,
  photo: PhotoInput | undefined,
): Promise<StoredPhoto | null> {
  if (!photo) return null;
  try {
    return await writePhotoFiles(store.mediaDir, await preparePhoto(photo.bytes));
  } catch (error) {
    if (error instanceof PhotoRejected) throw new ValidationError({ photo: error.message });
    throw error;
  }
}

async function attachPhoto(
  trx: Kysely<DB>,
  caller: Caller,
  article: { id: number; unitId: number },
  photo: PhotoInput,
  stored: StoredPhoto,
  sortOrder: number,
): Promise<void> {
  const common = {
    originalName: photo.originalName.slice(0, 200),
    mimeType: stored.mimeType,
    uploadedBy: caller.actor.userId,
    unitId: article.unitId,
    now: caller.now,
  };
  const mediaId = await insertMedia(trx, { ...common, storageKey: stored.key, byteSize: stored.byteSize });
  await insertMedia(trx, { ...common, storageKey: stored.thumbnailKey, byteSize: stored.thumbnailByteSize });
  await insertArticleImage(trx, {
    articleId: article.id,
    mediaId,
    caption: photo.caption,
    altText: photo.altText,
    position: photo.position,
    sortOrder,
  });
}

/**
 * Runs `work` in one transaction. When it fails, the photo files written for it are deleted too, and
 * a unique violation (two people saving the same slug at once) becomes the 409 of the slug field.
 */
async function inTransaction<T>(
  store: ArticleStore,
  stored: StoredPhoto | null,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  try {
    return await store.db.transaction().execute(work);
  } catch (error) {
    if (stored) await removeMediaFiles(store.mediaDir, [stored.key, stored.thumbnailKey]).catch(() => {});
    if (isUniqueViolation(error)) throw slugConflict();
    throw error;
  }
}

// ---- use cases ---------------------------------------------------------------------------------

/**
 * Creates an article, with an optional photo. Writers may create drafts in their units; publishing
 * needs an editor. The article, its photo rows and the audit event are written together or not at all.
 */
export async function createArticle(
  store: ArticleStore,
  caller: Caller,
  input: ArticleInput,
  photo?: PhotoInput,
): Promise<number> {
  await checkReferences(store.db, caller, input);
  const draftTarget = { unitId: input.unitId, authorId: caller.actor.userId, status: "draft" };
  authorizeOn(caller, "article.create", draftTarget);
  if (input.status === "published") authorizeOn(caller, "article.publish", draftTarget);

  const values: ArticleValues = {
    slug: await resolveSlug(store.db, input.slug, input.title),
    title: input.title,
    lead: input.lead,
    bodyHtml: cleanBody(input.bodyHtml),
    status: input.status,
    publishedAt: publishedAtFor(input.status, input.publishedAt, caller.now),
    unitId: input.unitId,
    categoryId: input.categoryId,
  };
  const stored = await prepareAndWrite(store, photo);
  return inTransaction(store, stored, async (trx) => {
    const id = await insertArticle(trx, { ...values, authorId: caller.actor.userId, now: caller.now });
    if (photo && stored) await attachPhoto(trx, caller, { id, unitId: values.unitId }, photo, stored, 0);
    const images = await listImagesOfArticles(trx, [id]);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "create",
      entityType: "article",
      entityId: id,
      unitId: values.unitId,
      after: snapshot({ ...values, authorId: caller.actor.userId }, images),
      ip: caller.ip,
      at: caller.now,
    });
    return id;
  });
}

/** Loads an article the caller may edit (404 when missing, 403 when not theirs to edit). */
export async function loadEditableArticle(
  db: Kysely<DB>,
  caller: Caller,
  id: number,
): Promise<ArticleRecord> {
  const article = await findArticleById(db, id);
  if (!article) throw new NotFoundError("Không tìm thấy bài viết.");
  authorizeOn(caller, "article.update", article);
  return article;
}

/**
 * Changes an article: the fields given, a new photo, caption/position edits and removals of existing
 * photos. Moving it to another unit needs rights there too; a status change needs `article.publish`.
 * One transaction with its audit event (action publish/unpublish/update, values before and after).
 */
export async function updateArticle(
  store: ArticleStore,
  caller: Caller,
  id: number,
  changes: Partial<ArticleInput>,
  extra: { photo?: PhotoInput; imageChanges?: ImageChange[] } = {},
): Promise<void> {
  const before = await loadEditableArticle(store.db, caller, id);
  const unitId = changes.unitId ?? before.unitId;
  const categoryId = changes.categoryId === undefined ? before.categoryId : changes.categoryId;
  await checkReferences(store.db, caller, { unitId, categoryId });
  if (unitId !== before.unitId) authorizeOn(caller, "article.create", { ...before, unitId });
  const status = changes.status ?? before.status;
  if (status !== before.status) {
    authorizeOn(caller, "article.publish", before);
    if (unitId !== before.unitId) authorizeOn(caller, "article.publish", { ...before, unitId });
  }

  const title = changes.title ?? before.title;
  const slug =
    changes.slug !== undefined &&
    changes.slug !== null &&
    changes.slug.trim() !== "" &&
    slugify(changes.slug) !== before.slug
      ? await resolveSlug(store.db, changes.slug, title, id)
      : before.slug;
  const publishedAt =
    changes.publishedAt !== undefined
      ? publishedAtFor(status, changes.publishedAt, caller.now)
      : (before.publishedAt ?? publishedAtFor(status, null, caller.now));
  const values: ArticleValues = {
    slug,
    title,
    lead: changes.lead === undefined ? before.lead : changes.lead,
    bodyHtml: changes.bodyHtml === undefined ? before.bodyHtml : cleanBody(changes.bodyHtml),
    status,
    publishedAt,
    unitId,
    categoryId,
  };
  const imagesBefore = await listImagesOfArticles(store.db, [id]);
  const known = new Map(imagesBefore.map((i) => [i.id, i]));
  const imageChanges = (extra.imageChanges ?? []).filter((change) => known.has(change.id));
  const removed = imageChanges.filter((c) => c.remove).map((c) => c.id);
  const removedKeys = imagesBefore
    .filter((i) => removed.includes(i.id))
    .flatMap((i) => [i.storageKey, thumbnailKeyOf(i.storageKey)]);

  const stored = await prepareAndWrite(store, extra.photo);
  const deletedKeys = await inTransaction(store, stored, async (trx) => {
    await updateArticleRow(trx, id, values, caller.now);
    for (const change of imageChanges) {
      if (!change.remove) {
        await updateArticleImage(trx, {
          id: change.id,
          articleId: id,
          caption: change.caption,
          altText: change.altText,
          position: change.position,
        });
      }
    }
    await deleteArticleImages(trx, id, removed);
    const gone = await deleteUnusedMedia(trx, removedKeys);
    if (extra.photo && stored) {
      const nextOrder = Math.max(-1, ...imagesBefore.map((i) => i.sortOrder)) + 1;
      await attachPhoto(trx, caller, { id, unitId }, extra.photo, stored, nextOrder);
    }
    const imagesAfter = await listImagesOfArticles(trx, [id]);
    await recordAudit(trx, {
      actor: caller.actor,
      action: statusAction(before.status, status),
      entityType: "article",
      entityId: id,
      unitId,
      before: snapshot(before, imagesBefore),
      after: snapshot({ ...values, authorId: before.authorId }, imagesAfter),
      ip: caller.ip,
      at: caller.now,
    });
    return gone;
  });
  // The rows are gone for good now; a file left behind by a failed unlink is only wasted space.
  await removeMediaFiles(store.mediaDir, deletedKeys).catch(() => {});
}

/** Deletes an article and the photos only it used; audited with the values it had. */
export async function deleteArticle(store: ArticleStore, caller: Caller, id: number): Promise<void> {
  const before = await findArticleById(store.db, id);
  if (!before) throw new NotFoundError("Không tìm thấy bài viết.");
  authorizeOn(caller, "article.delete", before);
  const images = await listImagesOfArticles(store.db, [id]);
  const keys = images.flatMap((i) => [i.storageKey, thumbnailKeyOf(i.storageKey)]);
  const deletedKeys = await inTransaction(store, null, async (trx) => {
    await deleteArticleRow(trx, id);
    const gone = await deleteUnusedMedia(trx, keys);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "delete",
      entityType: "article",
      entityId: id,
      unitId: before.unitId,
      before: snapshot(before, images),
      ip: caller.ip,
      at: caller.now,
    });
    return gone;
  });
  await removeMediaFiles(store.mediaDir, deletedKeys).catch(() => {});
}

export interface EditorListItem extends EditorArticleRow {
  canEdit: boolean;
  canDelete: boolean;
}

/** One page of the articles the caller may work on, with what they may do to each. */
export async function listEditorArticles(
  db: Kysely<DB>,
  caller: Caller,
  page: { limit: number; offset: number },
): Promise<{ rows: EditorListItem[]; total: number }> {
  const { rows, total } = await listArticlesOfUnits(db, { unitIds: editableUnitIds(caller), ...page });
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      canEdit: canOnArticle(caller, "article.update", row),
      canDelete: canOnArticle(caller, "article.delete", row),
    })),
  };
}
