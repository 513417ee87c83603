/** Records of files attached to sessions and progress reports (the bytes live on disk, see files.service.ts). */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export interface StoredFile {
  storageKey: string;
  originalName: string;
  mimeType: string;
  byteSize: number;
  unitId: number;
}

export async function insertFile(
  db: Kysely<DB>,
  f: StoredFile & { uploadedBy: number | null; now: Date },
): Promise<number> {
  const row = await db
    .insertInto("session_files")
    .values({
      storage_key: f.storageKey,
      original_name: f.originalName,
      mime_type: f.mimeType,
      byte_size: f.byteSize,
      unit_id: f.unitId,
      uploaded_by: f.uploadedBy,
      created_at: f.now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findFile(db: Kysely<DB>, id: number): Promise<StoredFile | undefined> {
  const row = await db.selectFrom("session_files").selectAll().where("id", "=", id).executeTakeFirst();
  return row
    ? {
        storageKey: row.storage_key,
        originalName: row.original_name,
        mimeType: row.mime_type,
        byteSize: row.byte_size,
        unitId: row.unit_id,
      }
    : undefined;
}
