import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { DB } from "../../core/db/schema.js";
import { ValidationError } from "../../core/http/errors.js";
import { insertMedia, insertMediaVariants, saveMediaDetails } from "../media/media.repo.js";
import { PhotoRejected, preparePhoto, type StoredPhoto, writePhotoFiles } from "../media/media.service.js";
import { findLibraryItem } from "../media/media-library.repo.js";
import { editableUnitIds } from "./article-access.js";
import {
  type ArticleImageRow,
  deleteArticleImages,
  insertArticleImage,
  updateArticleImage,
} from "./article-images.repo.js";
import type { ArticleStore } from "./article-write.service.js";
import { MESSAGES } from "./articles.schema.js";

/** Photos of an article: new uploads (which also enter the library), reused library photos, edits. */

/** A new photo uploaded with the article. */
export interface PhotoInput {
  bytes: Uint8Array;
  originalName: string;
  caption: string;
  altText: string;
  /** Body blocks before the photo; null: after the body. */
  position: number | null;
}

/** A photo chosen from the library; empty caption or alt text take the library's. */
export interface LibraryPick {
  mediaId: number;
  caption: string;
  altText: string;
  position: number | null;
}

/** A change to a photo already in the article. */
export interface ImageChange {
  id: number;
  caption: string;
  altText: string;
  position: number | null;
  remove: boolean;
}

/** Checks, resizes and writes an uploaded photo before the transaction (422 on the photo field). */
export async function storeUpload(
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

/**
 * Records an uploaded photo in the library (main file, sizes, caption and alt text) and returns its
 * id. The photo belongs to `unitId`: the unit of the article it came with, or the one chosen.
 */
export async function addToLibrary(
  trx: Kysely<DB>,
  caller: ActorContext,
  upload: { originalName: string; caption: string; altText: string; unitId: number },
  stored: StoredPhoto,
): Promise<number> {
  const mediaId = await insertMedia(trx, {
    storageKey: stored.key,
    originalName: upload.originalName.slice(0, 200),
    mimeType: stored.mimeType,
    byteSize: stored.byteSize,
    uploadedBy: caller.actor.userId,
    unitId: upload.unitId,
    now: caller.now,
  });
  await insertMediaVariants(trx, mediaId, stored.files);
  await saveMediaDetails(trx, { mediaId, caption: upload.caption, altText: upload.altText, now: caller.now });
  return mediaId;
}

/**
 * Adds the new photo (uploaded, or picked from the library) at the end of the article's photos. A
 * picked photo must be one the caller can see in the library; its caption and alt text default to
 * the library's and are required either way.
 */
export async function attachNewPhoto(
  trx: Kysely<DB>,
  caller: ActorContext,
  article: { id: number; unitId: number },
  photo: { upload?: PhotoInput; stored?: StoredPhoto | null; pick?: LibraryPick },
  sortOrder: number,
): Promise<void> {
  if (photo.upload && photo.stored) {
    const { upload, stored } = photo;
    const mediaId = await addToLibrary(trx, caller, { ...upload, unitId: article.unitId }, stored);
    await insertArticleImage(trx, {
      articleId: article.id,
      mediaId,
      caption: upload.caption,
      altText: upload.altText,
      position: upload.position,
      sortOrder,
    });
    return;
  }
  const pick = photo.pick;
  if (!pick) return;
  const item = await findLibraryItem(trx, pick.mediaId);
  const scope = editableUnitIds(caller);
  const visible = item && (scope === "all" || (item.unitId !== null && scope.includes(item.unitId)));
  if (!item || !visible) throw new ValidationError({ mediaId: MESSAGES.mediaUnknown });
  const caption = pick.caption || item.caption || "";
  const altText = pick.altText || item.altText || "";
  const missing: Record<string, string> = {};
  if (caption === "") missing.caption = MESSAGES.captionRequired;
  if (altText === "") missing.alt = MESSAGES.altRequired;
  if (Object.keys(missing).length > 0) throw new ValidationError(missing);
  await insertArticleImage(trx, {
    articleId: article.id,
    mediaId: item.id,
    caption,
    altText,
    position: pick.position,
    sortOrder,
  });
}

/**
 * Applies caption, alt text and position edits and removals to the article's photos. A removed
 * photo stays in the library for reuse.
 */
export async function applyImageChanges(
  trx: Kysely<DB>,
  articleId: number,
  current: ArticleImageRow[],
  changes: ImageChange[],
): Promise<void> {
  const known = new Set(current.map((i) => i.id));
  const relevant = changes.filter((c) => known.has(c.id));
  for (const change of relevant) {
    if (change.remove) continue;
    await updateArticleImage(trx, {
      id: change.id,
      articleId,
      caption: change.caption,
      altText: change.altText,
      position: change.position,
    });
  }
  await deleteArticleImages(
    trx,
    articleId,
    relevant.filter((c) => c.remove).map((c) => c.id),
  );
}
