import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { editableUnitIds } from "../articles/article-access.js";
import { addToLibrary, storeUpload } from "../articles/article-photos.service.js";
import { type ArticleStore, inTransaction } from "../articles/article-write.service.js";
import { altSchema, captionSchema, fieldError, MESSAGES } from "../articles/articles.schema.js";
import {
  countMediaUses,
  deleteMediaRow,
  insertMedia,
  insertMediaVariants,
  listFileKeysOfMedia,
  listPhotoSources,
  type PhotoSource,
  saveMediaDetails,
} from "./media.repo.js";
import { keysOf, removeMediaFiles } from "./media.service.js";
import { findLibraryItem, type LibraryItem, listLibraryItems } from "./media-library.repo.js";

/**
 * The media library: photos uploaded once, in several sizes, with a caption and alt text that are
 * required, then reused in any article of the caller's units. Every change is audited.
 */

export interface LibraryUpload {
  bytes: Uint8Array;
  originalName: string;
  caption: string;
  altText: string;
  unitId: number;
}

function authorizeOnUnit(caller: ActorContext, unitId: number | null): void {
  const unitPath = unitId === null ? [] : caller.hierarchy.pathForToday(unitId, caller.today);
  authorize(caller.actor, "media.upload", { unitPath }, caller.today);
}

function checkDetails(details: { caption: string; altText: string }): void {
  const fields: Record<string, string> = {};
  const caption = fieldError(captionSchema, details.caption);
  const alt = fieldError(altSchema, details.altText);
  if (caption) fields.caption = caption;
  if (alt) fields.alt = alt;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/** Loads a photo the caller may manage (404 when it does not exist or is outside their units). */
async function loadManageable(db: Kysely<DB>, caller: ActorContext, mediaId: number): Promise<LibraryItem> {
  const item = await findLibraryItem(db, mediaId);
  const scope = editableUnitIds(caller);
  if (!item || (scope !== "all" && (item.unitId === null || !scope.includes(item.unitId))))
    throw new NotFoundError("Không tìm thấy ảnh trong thư viện.");
  authorizeOnUnit(caller, item.unitId);
  return item;
}

/** One page of the caller's units' photos, newest first. */
export async function listLibrary(
  db: Kysely<DB>,
  caller: ActorContext,
  page: { limit: number; offset: number },
): Promise<{ items: LibraryItem[]; total: number }> {
  return listLibraryItems(db, { unitIds: editableUnitIds(caller), ...page });
}

/** A photo with all its stored sizes, for its page in the library. */
export async function getLibraryItem(
  db: Kysely<DB>,
  caller: ActorContext,
  mediaId: number,
): Promise<{ item: LibraryItem; sources: PhotoSource[] }> {
  const item = await loadManageable(db, caller, mediaId);
  return { item, sources: (await listPhotoSources(db, [mediaId])).get(mediaId) ?? [] };
}

/** Uploads a photo into the library of `unitId` (caption and alt text required). Returns its id. */
export async function uploadToLibrary(
  store: ArticleStore,
  caller: ActorContext,
  upload: LibraryUpload,
): Promise<number> {
  if (!caller.hierarchy.unit(upload.unitId)) throw new ValidationError({ unitId: MESSAGES.unitUnknown });
  authorizeOnUnit(caller, upload.unitId);
  checkDetails(upload);
  const stored = await storeUpload(store, { ...upload, position: null });
  if (!stored) throw new ValidationError({ photo: MESSAGES.photoMissing });
  return inTransaction(store, keysOf(stored), async (trx) => {
    const id = await addToLibrary(trx, caller, upload, stored);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "create",
      entityType: "media",
      entityId: id,
      unitId: upload.unitId,
      after: {
        key: stored.key,
        caption: upload.caption,
        alt: upload.altText,
        sizes: stored.files.map((f) => f.width),
      },
      ip: caller.ip,
      at: caller.now,
    });
    return id;
  });
}

/**
 * Keeps the photo chosen in an article form that came back with errors, so the person need not
 * choose it again: stored like any library photo of the article's unit (or the caller's first
 * unit), without caption or alt text until the article uses it. Returns null when it cannot be kept
 * (not a photo, no unit the caller may upload to); the form then says so on the photo field.
 */
export async function keepPendingPhoto(
  store: ArticleStore,
  caller: ActorContext,
  photo: { bytes: Uint8Array; originalName: string },
  unitId: number | null,
): Promise<number | null> {
  const scope = editableUnitIds(caller);
  const owner =
    unitId !== null && caller.hierarchy.unit(unitId) && (scope === "all" || scope.includes(unitId))
      ? unitId
      : scope === "all"
        ? null
        : (scope[0] ?? null);
  if (owner === null) return null;
  const stored = await storeUpload(store, { ...photo, caption: "", altText: "", position: null }).catch(
    () => null,
  );
  if (!stored) return null;
  return inTransaction(store, keysOf(stored), async (trx) => {
    const mediaId = await insertMedia(trx, {
      storageKey: stored.key,
      originalName: photo.originalName.slice(0, 200),
      mimeType: stored.mimeType,
      byteSize: stored.byteSize,
      uploadedBy: caller.actor.userId,
      unitId: owner,
      now: caller.now,
    });
    await insertMediaVariants(trx, mediaId, stored.files);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "create",
      entityType: "media",
      entityId: mediaId,
      unitId: owner,
      after: { key: stored.key, pending: true, sizes: stored.files.map((f) => f.width) },
      ip: caller.ip,
      at: caller.now,
    });
    return mediaId;
  });
}

/** Changes a library photo's default caption and alt text (articles keep their own). */
export async function updateLibraryDetails(
  db: Kysely<DB>,
  caller: ActorContext,
  mediaId: number,
  details: { caption: string; altText: string },
): Promise<void> {
  const item = await loadManageable(db, caller, mediaId);
  checkDetails(details);
  const caption = details.caption.trim();
  const altText = details.altText.trim();
  await db.transaction().execute(async (trx) => {
    await saveMediaDetails(trx, { mediaId, caption, altText, now: caller.now });
    await recordAudit(trx, {
      actor: caller.actor,
      action: "update",
      entityType: "media",
      entityId: mediaId,
      unitId: item.unitId,
      before: { caption: item.caption, alt: item.altText },
      after: { caption, alt: altText },
      ip: caller.ip,
      at: caller.now,
    });
  });
}

/** Deletes a photo no article uses, with all its files (409 while an article uses it). */
export async function deleteLibraryItem(
  store: ArticleStore,
  caller: ActorContext,
  mediaId: number,
): Promise<void> {
  const item = await loadManageable(store.db, caller, mediaId);
  const keys = await listFileKeysOfMedia(store.db, mediaId);
  await store.db.transaction().execute(async (trx) => {
    const uses = await countMediaUses(trx, mediaId);
    if (uses > 0)
      throw new ConflictError(
        `Ảnh đang được dùng ${uses} lần trong bài viết hoặc album; gỡ ảnh khỏi đó trước khi xóa khỏi thư viện.`,
      );
    await deleteMediaRow(trx, mediaId);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "delete",
      entityType: "media",
      entityId: mediaId,
      unitId: item.unitId,
      before: { key: item.storageKey, caption: item.caption, alt: item.altText },
      ip: caller.ip,
      at: caller.now,
    });
  });
  // The rows are gone for good; a file left behind by a failed unlink is only wasted space.
  await removeMediaFiles(store.mediaDir, keys).catch(() => {});
}
