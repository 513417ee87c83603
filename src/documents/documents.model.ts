/**
 * The kinds of documents a ward's library holds (NĐ 30/2020/NĐ-CP Phụ lục III for State bodies,
 * HD 36-HD/VPTW for Party bodies), as English codes with their Vietnamese names.
 */
export const DOCUMENT_TYPES = [
  "decree",
  "resolution",
  "decision",
  "directive",
  "conclusion",
  "notice",
  "plan",
  "official_letter",
  "report",
  "programme",
  "guidance",
  "regulation",
  "submission",
  "other",
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  decree: "Nghị định",
  resolution: "Nghị quyết",
  decision: "Quyết định",
  directive: "Chỉ thị",
  conclusion: "Kết luận",
  notice: "Thông báo",
  plan: "Kế hoạch",
  official_letter: "Công văn",
  report: "Báo cáo",
  programme: "Chương trình",
  guidance: "Hướng dẫn",
  regulation: "Quy chế, quy định",
  submission: "Tờ trình",
  other: "Văn bản khác",
};

/** Documents that lay down rules or decide (schema.org `Legislation`); the rest are `DigitalDocument`. */
export const LEGISLATIVE_TYPES: ReadonlySet<DocumentType> = new Set([
  "decree",
  "resolution",
  "decision",
  "directive",
  "regulation",
]);

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

export function documentTypeLabel(code: string): string {
  return isDocumentType(code) ? DOCUMENT_TYPE_LABELS[code] : code;
}

/** The files a library keeps: PDF and Word (.docx). */
export const DOCUMENT_FILE_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export type DocumentFileKind = keyof typeof DOCUMENT_FILE_TYPES;

/** One document as the rooms and pages read it. */
export interface DocumentRecord {
  id: number;
  /** The unit whose library holds it: permissions follow it. */
  unitId: number;
  type: string;
  /** Số, ký hiệu: "136-TB/QU", "112/TB-VP". */
  number: string;
  /** Trích yếu. */
  title: string;
  issuer: { unitId: number; organisationId: number | null } | null;
  /** The issuing body's name as printed ("Quận ủy Long Biên", or an outside body typed in). */
  issuingBody: string;
  signerName: string | null;
  signerTitle: string | null;
  issuedOn: string;
  effectiveOn: string | null;
  isPublic: boolean;
  /** What it was published from ("notice:12"), if it came from a record of giaoban. */
  sourceKey: string | null;
  createdAt: string;
  updatedAt: string;
  files: DocumentFile[];
}

export interface DocumentFile {
  id: number;
  name: string;
  mimeType: string;
  byteSize: number;
}
