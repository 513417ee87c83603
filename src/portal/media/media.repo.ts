import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/**
 * Photos of the media library: one `media` row per photo (its main file), its stored sizes in
 * `media_variants` (main file included) and its default caption and alt text in `media_details`.
 */

export interface MediaRow {
  id: number;
  storageKey: string;
  originalName: string;
  mimeType: string;
  byteSize: number;
}

export interface NewMedia {
  storageKey: string;
  originalName: string;
  mimeType: string;
  byteSize: number;
  uploadedBy: number | null;
  unitId: number | null;
  now: Date;
}

export async function insertMedia(db: Kysely<DB>, media: NewMedia): Promise<number> {
  const row = await db
    .insertInto("media")
    .values({
      storage_key: media.storageKey,
      original_name: media.originalName,
      mime_type: media.mimeType,
      byte_size: media.byteSize,
      uploaded_by: media.uploadedBy,
      unit_id: media.unitId,
      created_at: media.now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the stored sizes of a photo (its main file included). */
export async function insertMediaVariants(
  db: Kysely<DB>,
  mediaId: number,
  files: { key: string; width: number; height: number | null; byteSize: number }[],
): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto("media_variants")
    .values(
      files.map((f) => ({
        media_id: mediaId,
        width: f.width,
        height: f.height,
        storage_key: f.key,
        byte_size: f.byteSize,
      })),
    )
    .execute();
}

/** Sets the library's caption and alt text of a photo. */
export async function saveMediaDetails(
  db: Kysely<DB>,
  details: { mediaId: number; caption: string; altText: string; now: Date },
): Promise<void> {
  const values = {
    caption: details.caption,
    alt_text: details.altText,
    updated_at: details.now.toISOString(),
  };
  await db
    .insertInto("media_details")
    .values({ media_id: details.mediaId, ...values })
    .onConflict((oc) => oc.column("media_id").doUpdateSet(values))
    .execute();
}

/**
 * The stored file behind a public `/media/<key>` address, looked up exactly (never pattern-matched):
 * a photo's main file, or one of its smaller copies (served with the photo's type).
 */
export async function findMediaByKey(db: Kysely<DB>, storageKey: string): Promise<MediaRow | undefined> {
  const main = await db
    .selectFrom("media")
    .select(["id", "storage_key", "original_name", "mime_type", "byte_size"])
    .where("storage_key", "=", storageKey)
    .executeTakeFirst();
  const row =
    main ??
    (await db
      .selectFrom("media_variants")
      .innerJoin("media", "media.id", "media_variants.media_id")
      .select([
        "media.id",
        "media_variants.storage_key",
        "media.original_name",
        "media.mime_type",
        "media_variants.byte_size",
      ])
      .where("media_variants.storage_key", "=", storageKey)
      .executeTakeFirst());
  return row
    ? {
        id: row.id,
        storageKey: row.storage_key,
        originalName: row.original_name,
        mimeType: row.mime_type,
        byteSize: row.byte_size,
      }
    : undefined;
}

/**
 * True when the photo is shown in an article readers may see at `nowIso`: the media row itself, or
 * (for a copy stored as its own row, as older uploads were) the row of its main file.
 */
export async function isShownToReaders(
  db: Kysely<DB>,
  photo: { mediaId: number; mainKey: string | null },
  visibleStatuses: readonly string[],
  nowIso: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("article_images")
    .innerJoin("articles", "articles.id", "article_images.article_id")
    .innerJoin("media", "media.id", "article_images.media_id")
    .select("article_images.id")
    .where((eb) =>
      photo.mainKey === null
        ? eb("article_images.media_id", "=", photo.mediaId)
        : eb.or([
            eb("article_images.media_id", "=", photo.mediaId),
            eb("media.storage_key", "=", photo.mainKey),
          ]),
    )
    .where("articles.status", "in", [...visibleStatuses])
    .where("articles.published_at", "<=", nowIso)
    .limit(1)
    .executeTakeFirst();
  if (row !== undefined) return true;
  // A photo of a published album is public too.
  const inAlbum = await db
    .selectFrom("album_photos")
    .innerJoin("albums", "albums.id", "album_photos.album_id")
    .innerJoin("media", "media.id", "album_photos.media_id")
    .select("album_photos.id")
    .where((eb) =>
      photo.mainKey === null
        ? eb("album_photos.media_id", "=", photo.mediaId)
        : eb.or([
            eb("album_photos.media_id", "=", photo.mediaId),
            eb("media.storage_key", "=", photo.mainKey),
          ]),
    )
    .where("albums.published", "=", 1)
    .limit(1)
    .executeTakeFirst();
  return inAlbum !== undefined;
}

/** Which of these keys exist, as main files or copies (to prefer a list-size copy when there is one). */
export async function existingMediaKeys(db: Kysely<DB>, storageKeys: string[]): Promise<Set<string>> {
  if (storageKeys.length === 0) return new Set();
  const [mains, copies] = await Promise.all([
    db.selectFrom("media").select("storage_key").where("storage_key", "in", storageKeys).execute(),
    db.selectFrom("media_variants").select("storage_key").where("storage_key", "in", storageKeys).execute(),
  ]);
  return new Set([...mains, ...copies].map((r) => r.storage_key));
}

export interface PhotoSource {
  storageKey: string;
  width: number;
  height: number | null;
}

/**
 * Every stored size of these photos, narrowest first, for `srcset` ("/media/<key> <width>w").
 * Photos stored before sizes were recorded have no entry (or only their list copy): show them with
 * a plain `src`.
 */
export async function listPhotoSources(
  db: Kysely<DB>,
  mediaIds: number[],
): Promise<Map<number, PhotoSource[]>> {
  const out = new Map<number, PhotoSource[]>();
  if (mediaIds.length === 0) return out;
  const rows = await db
    .selectFrom("media_variants")
    .select(["media_id", "storage_key", "width", "height"])
    .where("media_id", "in", mediaIds)
    .orderBy("media_id")
    .orderBy("width")
    .orderBy("byte_size")
    .execute();
  for (const r of rows) {
    const list = out.get(r.media_id) ?? [];
    list.push({
      storageKey: r.storage_key,
      width: Number(r.width),
      height: r.height === null ? null : Number(r.height),
    });
    out.set(r.media_id, list);
  }
  return out;
}

/** Every file key of a photo: the main file and its copies. */
export async function listFileKeysOfMedia(db: Kysely<DB>, mediaId: number): Promise<string[]> {
  const [main, copies] = await Promise.all([
    db.selectFrom("media").select("storage_key").where("id", "=", mediaId).executeTakeFirst(),
    db.selectFrom("media_variants").select("storage_key").where("media_id", "=", mediaId).execute(),
  ]);
  return [...new Set([...(main ? [main.storage_key] : []), ...copies.map((c) => c.storage_key)])];
}

/** How many article photos and album photos use this library photo. */
export async function countMediaUses(db: Kysely<DB>, mediaId: number): Promise<number> {
  const [inArticles, inAlbums] = await Promise.all([
    db
      .selectFrom("article_images")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("media_id", "=", mediaId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("album_photos")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("media_id", "=", mediaId)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(inArticles.n) + Number(inAlbums.n);
}

/** Deletes a photo's rows (sizes and details go with it by cascade). The caller checked it is unused. */
export async function deleteMediaRow(db: Kysely<DB>, mediaId: number): Promise<void> {
  await db.deleteFrom("media_variants").where("media_id", "=", mediaId).execute();
  await db.deleteFrom("media_details").where("media_id", "=", mediaId).execute();
  await db.deleteFrom("media").where("id", "=", mediaId).execute();
}
