import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

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

/** The stored file behind a public `/media/<key>` address, looked up exactly (never pattern-matched). */
export async function findMediaByKey(db: Kysely<DB>, storageKey: string): Promise<MediaRow | undefined> {
  const row = await db
    .selectFrom("media")
    .select(["id", "storage_key", "original_name", "mime_type", "byte_size"])
    .where("storage_key", "=", storageKey)
    .executeTakeFirst();
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

/** Which of these keys exist (to prefer a list-size copy when there is one). */
export async function existingMediaKeys(db: Kysely<DB>, storageKeys: string[]): Promise<Set<string>> {
  if (storageKeys.length === 0) return new Set();
  const rows = await db
    .selectFrom("media")
    .select("storage_key")
    .where("storage_key", "in", storageKeys)
    .execute();
  return new Set(rows.map((r) => r.storage_key));
}

/** Deletes media rows by key that no article image refers to; returns the keys deleted. */
export async function deleteUnusedMedia(db: Kysely<DB>, storageKeys: string[]): Promise<string[]> {
  if (storageKeys.length === 0) return [];
  const unused = await db
    .selectFrom("media")
    .select(["id", "storage_key"])
    .where("storage_key", "in", storageKeys)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("article_images")
            .select("article_images.id")
            .whereRef("article_images.media_id", "=", "media.id"),
        ),
      ),
    )
    .execute();
  if (unused.length === 0) return [];
  await db
    .deleteFrom("media")
    .where(
      "id",
      "in",
      unused.map((r) => r.id),
    )
    .execute();
  return unused.map((r) => r.storage_key);
}
