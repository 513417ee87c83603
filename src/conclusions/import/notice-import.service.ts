/**
 * Importing a notice from a Word or PDF file: the file is checked by its bytes and size, its text read
 * for the conclusion reader, and a view of it prepared to show beside the review (Word: its
 * paragraphs, lists and tables as sanitised HTML; PDF: its text page by page). The original is kept
 * as a stored file (core/files) until the notice that links it is saved.
 */
import type { Kysely } from "kysely";
import type sanitizeHtml from "sanitize-html";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { DB } from "../../core/db/schema.js";
import { mayReadFile, openFile, storeUpload } from "../../core/files/files.service.js";
import { ValidationError } from "../../core/http/errors.js";
import { loadSanitizeHtml } from "../../core/lazy-libraries.js";
import {
  checkNoticeFile,
  FILE_MESSAGES,
  MAX_NOTICE_FILE_BYTES,
  type NoticeFileKind,
} from "./notice-file.rules.js";
import { readNoticePdf } from "./notice-pdf-text.js";
import { readNoticeDocx } from "./notice-text.docx.js";

export interface NoticeFileReading {
  kind: NoticeFileKind;
  text: string;
  /** Word: the document as safe HTML. */
  html: string | null;
  /** PDF: the text of each page. */
  pages: string[] | null;
}

/** The original beside the review: the stored file and its reading. */
export interface NoticeSource extends Omit<NoticeFileReading, "text"> {
  fileId: number;
  name: string;
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const PREVIEW_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "sup",
    "sub",
    "br",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
  ],
  allowedAttributes: { td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  disallowedTagsMode: "discard",
};

/** Checks and reads the bytes; a refused or unreadable file throws ValidationError on `field`. */
export async function readNoticeFile(bytes: Uint8Array, field = "file"): Promise<NoticeFileReading> {
  const checked = checkNoticeFile(bytes);
  if ("error" in checked) throw new ValidationError({ [field]: checked.error });
  try {
    if (checked.kind === "pdf") {
      const { text, pages } = await readNoticePdf(bytes);
      return { kind: "pdf", text, html: null, pages };
    }
    const { text, html } = await readNoticeDocx(bytes);
    if (!text) throw new Error(FILE_MESSAGES.noText);
    const sanitizeHtml = await loadSanitizeHtml();
    return { kind: "docx", text, html: sanitizeHtml(html, PREVIEW_HTML), pages: null };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError({ [field]: error instanceof Error ? error.message : FILE_MESSAGES.noText });
  }
}

/** The upload's bytes, refused on `field` when it is no file, empty or over the limit. */
export async function uploadBytes(upload: unknown, field = "file"): Promise<Uint8Array<ArrayBuffer>> {
  if (!(upload instanceof File) || (upload.size === 0 && !upload.name))
    throw new ValidationError({ [field]: "Vui lòng chọn tệp văn bản (.docx hoặc .pdf)." });
  if (upload.size === 0) throw new ValidationError({ [field]: FILE_MESSAGES.empty });
  // Refused before reading it whole: the request's own limit (12 MB) is above the file's.
  if (upload.size > MAX_NOTICE_FILE_BYTES) throw new ValidationError({ [field]: FILE_MESSAGES.tooBig });
  return new Uint8Array(await upload.arrayBuffer());
}

/**
 * Reads an uploaded notice and keeps the original, filed under `unitId` (the session's host: its
 * officers and the offices above it may open it). Nothing is stored when the file is refused.
 */
export async function importNoticeFile(
  db: Kysely<DB>,
  dataDir: string,
  upload: File,
  owner: { unitId: number; ctx: ActorContext },
): Promise<{ text: string; source: NoticeSource }> {
  const bytes = await uploadBytes(upload);
  const reading = await readNoticeFile(bytes);
  const type = reading.kind === "pdf" ? "application/pdf" : DOCX_TYPE;
  const fileId = await storeUpload(db, dataDir, new File([bytes], upload.name, { type }), {
    unitId: owner.unitId,
    userId: owner.ctx.actor.userId,
    now: owner.ctx.now,
  });
  if (fileId === null) throw new ValidationError({ file: FILE_MESSAGES.empty });
  const { text, ...view } = reading;
  return { text, source: { ...view, fileId, name: upload.name } };
}

/** The stored original again (the review shown a second time), or null if the actor may not read it. */
export async function loadNoticeSource(
  db: Kysely<DB>,
  dataDir: string,
  fileId: number,
  ctx: ActorContext,
): Promise<NoticeSource | null> {
  if (!(await mayReadFile(db, fileId, ctx))) return null;
  try {
    const response = await openFile(db, dataDir, fileId, ctx);
    const name = decodeURIComponent(
      response.headers.get("content-disposition")?.match(/filename\*=UTF-8''(.+)$/)?.[1] ?? "",
    );
    const { text: _, ...view } = await readNoticeFile(new Uint8Array(await response.arrayBuffer()));
    return { ...view, fileId, name };
  } catch {
    return null;
  }
}
