/**
 * The files of library documents: uploads taken by their bytes (PDF or Word .docx, never by name) and
 * kept with core/files, and downloads that follow the document's visibility: a public document's
 * files are open to everyone, the others only to those who manage the library.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import type { Actor } from "../core/access/policy.js";
import type { DB } from "../core/db/schema.js";
import { findFile } from "../core/files/files.repo.js";
import { MAX_FILE_BYTES, storeBytes, storedFileResponse } from "../core/files/files.service.js";
import { NotFoundError, ValidationError } from "../core/http/errors.js";
import { documentFileKind, fileMimeType, fileNameFor } from "./documents.rules.js";
import { getDocumentFor } from "./documents.service.js";

/** The chosen files of a form (an empty file input posts one unnamed, empty file). */
export function chosenFiles(value: unknown): File[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));
}

/**
 * Checks every upload first, then stores them all: a PDF or .docx of at most 10 MB each, or a field
 * error on `files` and nothing stored. Returns the stored files' ids in the order given.
 */
export async function storeDocumentFiles(
  db: Kysely<DB>,
  dataDir: string,
  files: File[],
  owner: { unitId: number; userId: number | null; now: Date },
): Promise<number[]> {
  const checked: { name: string; bytes: Uint8Array; kind: "pdf" | "docx" }[] = [];
  for (const file of files) {
    if (file.size === 0) throw new ValidationError({ files: `Tệp “${file.name}” rỗng.` });
    if (file.size > MAX_FILE_BYTES) throw new ValidationError({ files: `Tệp “${file.name}” quá 10 MB.` });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = documentFileKind(bytes);
    if (!kind) throw new ValidationError({ files: `Tệp “${file.name}” không phải PDF hay Word (.docx).` });
    checked.push({ name: file.name, bytes, kind });
  }
  const ids: number[] = [];
  for (const f of checked)
    ids.push(
      await storeBytes(db, dataDir, {
        name: fileNameFor(f.name, f.kind),
        mimeType: fileMimeType(f.kind),
        bytes: f.bytes,
        owner,
      }),
    );
  return ids;
}

/** A file of a document the caller may see; PDF shown in the browser, Word downloaded. */
export async function openDocumentFile(
  db: Kysely<DB>,
  dataDir: string,
  ids: { documentId: number; fileId: number },
  ctx: ActorContext<Actor | null>,
): Promise<Response> {
  const document = await getDocumentFor(db, ids.documentId, ctx);
  if (!document.files.some((f) => f.id === ids.fileId)) throw new NotFoundError("Không tìm thấy tệp này.");
  const row = await findFile(db, ids.fileId);
  if (!row) throw new NotFoundError("Không tìm thấy tệp này.");
  return storedFileResponse(dataDir, row, row.mimeType === "application/pdf" ? "inline" : "attachment");
}
