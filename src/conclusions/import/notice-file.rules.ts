/**
 * What an uploaded notice file is, from its bytes ("magic numbers"), never from its name or the
 * type the browser claims: a Word document (.docx, a ZIP holding word/document.xml) or a PDF. A
 * .docx is also checked before it is unzipped: the sizes its ZIP directory declares must stay small
 * (a few kilobytes of ZIP can claim gigabytes), and it must not be the old binary Word format.
 * Messages are the Vietnamese ones shown next to the file field.
 */

export type NoticeFileKind = "docx" | "pdf";

/** As the attachments of sessions (core/files): 10 MB. */
export const MAX_NOTICE_FILE_BYTES = 10 * 1024 * 1024;
/** What all parts of a .docx may hold once unzipped; a notice with photos stays far below it. */
export const MAX_DOCX_UNZIPPED_BYTES = 64 * 1024 * 1024;

export const FILE_MESSAGES = {
  empty: "Tệp rỗng. Vui lòng chọn tệp văn bản (.docx hoặc .pdf).",
  tooBig: "Tệp tối đa 10 MB.",
  legacyWord:
    "Tệp Word cũ (.doc) chưa đọc được. Hãy mở bằng Word, chọn Lưu thành (Save As) dạng .docx, hoặc xuất ra PDF, rồi tải lên lại.",
  notWordZip: "Tệp nén này không phải văn bản Word (.docx).",
  docxTooBig: "Tệp Word quá lớn khi giải nén (trên 64 MB); hãy bỏ bớt ảnh hoặc lưu thành PDF.",
  unknown: "Chỉ nhận tệp Word (.docx) hoặc PDF; tệp này không phải một trong hai loại đó.",
  brokenDocx: "Tệp Word bị hỏng hoặc không đọc được. Hãy mở bằng Word, lưu lại rồi tải lên lại.",
  brokenPdf: "Tệp PDF bị hỏng hoặc không đọc được.",
  passwordPdf: "Tệp PDF được đặt mật khẩu. Hãy bỏ mật khẩu (hoặc in lại ra PDF) rồi tải lên lại.",
  scannedPdf:
    "Tệp PDF không có lớp chữ (bản quét): hệ thống không đọc được chữ trong ảnh chụp. Hãy tải lên bản Word hoặc bản PDF xuất từ Word, hoặc dán nội dung vào ô bên dưới.",
  noText: "Không đọc được chữ nào trong tệp này.",
} as const;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= end; i += 1) if (startsWith(bytes, PDF, i)) return true;
  return false;
}

export interface ZipEntry {
  name: string;
  /** Declared size once unzipped. */
  size: number;
}

/**
 * The entries of a ZIP's central directory, or null when there is none to read (not a ZIP, cut short,
 * or ZIP64, which a notice never needs).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65535, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length || size === 0xffffffff) return null;
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The file's kind, or the message that refuses it. */
export function checkNoticeFile(bytes: Uint8Array): { kind: NoticeFileKind } | { error: string } {
  if (bytes.length === 0) return { error: FILE_MESSAGES.empty };
  if (bytes.length > MAX_NOTICE_FILE_BYTES) return { error: FILE_MESSAGES.tooBig };
  if (startsWith(bytes, OLE)) return { error: FILE_MESSAGES.legacyWord };
  if (startsWith(bytes, ZIP_LOCAL)) {
    const entries = zipEntries(bytes);
    if (!entries) return { error: FILE_MESSAGES.brokenDocx };
    if (!entries.some((e) => e.name === "word/document.xml")) return { error: FILE_MESSAGES.notWordZip };
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total > MAX_DOCX_UNZIPPED_BYTES) return { error: FILE_MESSAGES.docxTooBig };
    return { kind: "docx" };
  }
  if (hasPdfHeader(bytes)) return { kind: "pdf" };
  return { error: FILE_MESSAGES.unknown };
}

/** The text of a reading: lines trimmed, runs of blank lines cut to one, no blank start or end. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\t ]+/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A PDF "has a text layer" when its pages give at least a few letters per page on average. */
export function looksScanned(pages: readonly string[]): boolean {
  const letters = pages.join("").replace(/[^\p{L}]/gu, "").length;
  return letters < Math.max(20, pages.length * 10);
}
