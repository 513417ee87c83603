import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError, ValidationError } from "../../core/http/errors.js";
import { editableUnitIds } from "../articles/article-access.js";
import { altSchema, captionSchema, fieldError, MESSAGES } from "../articles/articles.schema.js";
import { firstFreeSlug, SLUG_PATTERN, slugify } from "../articles/slug.rules.js";
import { findLibraryItems } from "../media/media-library.repo.js";
import {
  type AlbumRow,
  albumSlugTaken,
  deleteAlbumRow,
  findAlbumById,
  insertAlbum,
  listAlbumPhotos,
  replaceAlbumPhotos,
  updateAlbumRow,
} from "./albums.repo.js";
import { orderedPhotos } from "./albums.rules.js";

/**
 * Photo albums: made and published by the unit's editors (`article.publish` on its unit, as for
 * news), from photos of the media library they may use; every change is audited with the album
 * before and after, in the same transaction.
 */

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;

export interface AlbumPhotoInput {
  mediaId: number;
  caption: string;
  altText: string;
  /** The place typed in the form; null keeps the photo after the numbered ones. */
  order: number | null;
}

export interface AlbumInput {
  title: string;
  slug: string;
  description: string;
  unitId: number | null;
  published: boolean;
  photos: AlbumPhotoInput[];
}

function authorizeOnUnit(caller: ActorContext, unitId: number): void {
  authorize(
    caller.actor,
    "article.publish",
    { unitPath: caller.hierarchy.pathForToday(unitId, caller.today) },
    caller.today,
  );
}

async function checkInput(db: Kysely<DB>, caller: ActorContext, input: AlbumInput): Promise<void> {
  const fields: Record<string, string> = {};
  const title = input.title.trim();
  if (title === "") fields.title = "Vui lòng nhập tên album.";
  else if (title.length > MAX_TITLE) fields.title = `Tên album tối đa ${MAX_TITLE} ký tự.`;
  if (input.description.trim().length > MAX_DESCRIPTION)
    fields.description = `Mô tả tối đa ${MAX_DESCRIPTION} ký tự.`;
  if (input.unitId === null || !caller.hierarchy.unit(input.unitId)) fields.unitId = MESSAGES.unitRequired;
  const slug = input.slug.trim();
  if (slug !== "" && !SLUG_PATTERN.test(slug))
    fields.slug = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.";
  if (input.photos.length === 0) fields.photos = "Vui lòng chọn ít nhất một ảnh cho album.";
  for (const photo of input.photos) {
    const caption = fieldError(captionSchema, photo.caption);
    const alt = fieldError(altSchema, photo.altText);
    if (caption) fields[`photo-${photo.mediaId}-caption`] = caption;
    if (alt) fields[`photo-${photo.mediaId}-alt`] = alt;
  }
  const items = await findLibraryItems(
    db,
    input.photos.map((p) => p.mediaId),
  );
  const scope = editableUnitIds(caller);
  const usable = items.filter((i) => scope === "all" || (i.unitId !== null && scope.includes(i.unitId)));
  if (usable.length !== new Set(input.photos.map((p) => p.mediaId)).size)
    fields.photos = MESSAGES.mediaUnknown;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

async function snapshot(db: Kysely<DB>, album: AlbumRow) {
  const photos = (await listAlbumPhotos(db, [album.id])).get(album.id) ?? [];
  return {
    title: album.title,
    slug: album.slug,
    description: album.description,
    unitId: album.unitId,
    published: album.published,
    photos: photos.map((p) => ({ mediaId: p.mediaId, caption: p.caption, alt: p.altText })),
  };
}

/** Loads an album the caller may edit (404 when unknown, 403 outside their units). */
export async function loadEditableAlbum(db: Kysely<DB>, caller: ActorContext, id: number): Promise<AlbumRow> {
  const album = await findAlbumById(db, id);
  if (!album) throw new NotFoundError("Không tìm thấy album.");
  authorizeOnUnit(caller, album.unitId);
  return album;
}

/** Creates (id null) or changes an album with its photos, all or nothing. Returns its id. */
export async function saveAlbum(
  db: Kysely<DB>,
  caller: ActorContext,
  id: number | null,
  input: AlbumInput,
): Promise<number> {
  const before = id === null ? null : await loadEditableAlbum(db, caller, id);
  await checkInput(db, caller, input);
  const unitId = input.unitId as number;
  authorizeOnUnit(caller, unitId);
  const title = input.title.trim();
  const typed = input.slug.trim();
  const description = input.description.trim() === "" ? null : input.description.trim();
  const now = caller.now.toISOString();
  const beforeSnapshot = before ? await snapshot(db, before) : undefined;

  return db.transaction().execute(async (trx) => {
    if (typed !== "" && (await albumSlugTaken(trx, typed, id)))
      throw new ValidationError({ slug: "Đường dẫn này đã được album khác dùng." });
    const slug =
      typed !== ""
        ? typed
        : (before?.slug ??
          (await firstFreeSlug(slugify(title) || "album", (s) => albumSlugTaken(trx, s, id))));
    const fields = {
      unitId,
      slug,
      title,
      description,
      published: input.published,
      publishedAt: input.published ? (before?.publishedAt ?? now) : (before?.publishedAt ?? null),
    };
    const albumId =
      id === null ? await insertAlbum(trx, { ...fields, createdBy: caller.actor.userId, now }) : id;
    if (id !== null) await updateAlbumRow(trx, id, { ...fields, now });
    await replaceAlbumPhotos(trx, albumId, orderedPhotos(input.photos));
    const after = (await findAlbumById(trx, albumId)) as AlbumRow;
    await recordAudit(trx, {
      actor: caller.actor,
      action: id === null ? "create" : "update",
      entityType: "album",
      entityId: albumId,
      unitId,
      before: beforeSnapshot,
      after: await snapshot(trx, after),
      ip: caller.ip,
      at: caller.now,
    });
    return albumId;
  });
}

/** Deletes an album (its photos stay in the library). */
export async function deleteAlbum(db: Kysely<DB>, caller: ActorContext, id: number): Promise<void> {
  const album = await loadEditableAlbum(db, caller, id);
  await db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, album);
    await deleteAlbumRow(trx, id);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "delete",
      entityType: "album",
      entityId: id,
      unitId: album.unitId,
      before,
      ip: caller.ip,
      at: caller.now,
    });
  });
}
