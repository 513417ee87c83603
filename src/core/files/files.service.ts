/**
 * Files attached to sessions and progress reports. They are not public (unlike the portal's media):
 * kept under `<dataDir>/session-files/` with a random name and served only after a permission check
 * on the unit they belong to.
 */
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { Hierarchy } from "../access/hierarchy.rules.js";
import { mayOnUnit } from "../access/needs.js";
import type { Actor } from "../access/policy.js";
import type { DB } from "../db/schema.js";
import { NotFoundError, ValidationError } from "../http/errors.js";
import { findFile, insertFile, type StoredFile } from "./files.repo.js";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function filesDir(dataDir: string): string {
  return path.join(dataDir, "session-files");
}

/** Keeps letters (any script), digits, dots, dashes and spaces; never a path. */
function safeName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, "/"))
    .replace(/[^\p{L}\p{N}. _-]+/gu, "_")
    .trim();
  return (base || "tep").slice(0, 150);
}

/** Writes the upload and records it; returns the file id. Empty inputs (no file chosen) give null. */
export async function storeUpload(
  db: Kysely<DB>,
  dataDir: string,
  file: File,
  owner: { unitId: number; userId: number | null; now: Date },
): Promise<number | null> {
  if (file.size === 0 && !file.name) return null;
  if (file.size === 0) throw new ValidationError({ file: "Tệp đính kèm rỗng." });
  if (file.size > MAX_FILE_BYTES) throw new ValidationError({ file: "Tệp đính kèm tối đa 10 MB." });
  return storeBytes(db, dataDir, {
    name: file.name,
    mimeType: file.type,
    bytes: Buffer.from(await file.arrayBuffer()),
    owner,
  });
}

/** Writes bytes made on the server (a generated Word file) or already read, and records them. */
export async function storeBytes(
  db: Kysely<DB>,
  dataDir: string,
  f: {
    name: string;
    mimeType: string;
    bytes: Uint8Array;
    owner: { unitId: number; userId: number | null; now: Date };
  },
): Promise<number> {
  const name = safeName(f.name);
  const ext = path
    .extname(name)
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, "")
    .slice(0, 10);
  const key = `${randomBytes(16).toString("hex")}${ext}`;
  const dir = filesDir(dataDir);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, key), f.bytes, { flag: "wx" });
  try {
    return await insertFile(db, {
      storageKey: key,
      originalName: name,
      mimeType: f.mimeType || "application/octet-stream",
      byteSize: f.bytes.byteLength,
      unitId: f.owner.unitId,
      uploadedBy: f.owner.userId,
      now: f.owner.now,
    });
  } catch (error) {
    await unlink(path.join(dir, key)).catch(() => {});
    throw error;
  }
}

/** The file as a download, if the actor may read its unit's records. */
export async function openFile(
  db: Kysely<DB>,
  dataDir: string,
  id: number,
  ctx: { actor: Actor; hierarchy: Hierarchy; today: string },
): Promise<Response> {
  const row = await findFile(db, id);
  if (!row || !mayOnUnit(ctx.actor, "session.read", row.unitId, ctx.hierarchy, ctx.today)) {
    throw new NotFoundError("Không tìm thấy tệp này.");
  }
  return storedFileResponse(dataDir, row);
}

/**
 * A stored file as a response, for a caller the room has already allowed (a public document's file is
 * open to everyone): `inline` lets the browser show a PDF itself.
 */
export async function storedFileResponse(
  dataDir: string,
  row: StoredFile,
  disposition: "attachment" | "inline" = "attachment",
): Promise<Response> {
  const file = path.join(filesDir(dataDir), path.basename(row.storageKey));
  const info = await stat(file).catch(() => null);
  if (!info) throw new NotFoundError("Tệp không còn trên máy chủ.");
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream;
  return new Response(stream, {
    headers: {
      "content-type": row.mimeType,
      "content-length": String(info.size),
      "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(row.originalName)}`,
    },
  });
}

/**
 * May the caller read the stored file `id` (the rule {@link openFile} applies)? A record that links a
 * file shows its name, so a write may name only files its caller could open.
 */
export async function mayReadFile(
  db: Kysely<DB>,
  id: number,
  ctx: { actor: Actor | null; hierarchy: Hierarchy; today: string },
): Promise<boolean> {
  const row = await findFile(db, id);
  return !!row && mayOnUnit(ctx.actor, "session.read", row.unitId, ctx.hierarchy, ctx.today);
}
