/**
 * Pure rules of the document library: how a number and a text are folded for search, which file a
 * library accepts, and the schema.org description of a document.
 */
import { foldVietnamese } from "../core/text/fold.js";
import {
  DOCUMENT_FILE_TYPES,
  type DocumentFileKind,
  type DocumentRecord,
  documentTypeLabel,
  isDocumentType,
  LEGISLATIVE_TYPES,
} from "./documents.model.js";

/**
 * A number and symbol folded for comparison: accents and case ignored, đ → d, spaces dropped, so
 * "136-tb/qu", "136 - TB/QU" and "136-TB/QU" are one key, and "12/TB-ĐU" is "12/tb-du".
 */
export function numberKey(number: string): string {
  return foldVietnamese(number).replace(/\s+/g, "");
}

/** Everything a search reads, folded: number, summary, body, signer. */
export function searchTextOf(d: {
  number: string;
  title: string;
  issuingBody: string;
  signerName: string | null;
  type: string;
}): string {
  return foldVietnamese(
    [
      d.number,
      numberKey(d.number),
      d.title,
      d.issuingBody,
      d.signerName ?? "",
      documentTypeLabel(d.type),
    ].join(" "),
  );
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's own characters escaped by `\`. */
export function likeAnywhere(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The kind of an uploaded file, by its bytes and never its name: a PDF starts with `%PDF-`; a .docx is a
 * ZIP holding `word/document.xml` (the name appears in the ZIP's directory); anything else is refused.
 */
export function documentFileKind(bytes: Uint8Array): DocumentFileKind | null {
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  if (head === "%PDF-") return "pdf";
  if (head.startsWith("PK\u0003\u0004") && Buffer.from(bytes).includes("word/document.xml", 0, "latin1"))
    return "docx";
  return null;
}

export function fileMimeType(kind: DocumentFileKind): string {
  return DOCUMENT_FILE_TYPES[kind];
}

/** The file name a library shows, with the extension its bytes call for. */
export function fileNameFor(name: string, kind: DocumentFileKind): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, "").trim() || "van-ban";
  return `${base}.${kind}`;
}

/** The public page of a document. */
export const documentHref = (id: number) => `/van-ban/${id}`;
/** A file of a document, as its public page links it. */
export const documentFileHref = (id: number, fileId: number) => `/van-ban/${id}/tep/${fileId}`;

/**
 * The schema.org description of a document for search engines: `Legislation` for what lays down rules
 * or decides (nghị quyết, quyết định, chỉ thị, quy chế), `DigitalDocument` for the rest, with its
 * number, dates, issuing body, signer and files.
 */
export function documentJsonLd(d: DocumentRecord, baseUrl: URL): Record<string, unknown> {
  const url = new URL(documentHref(d.id), baseUrl).toString();
  const legislative = isDocumentType(d.type) && LEGISLATIVE_TYPES.has(d.type);
  const issuer = { "@type": "GovernmentOrganization", name: d.issuingBody };
  const files = d.files.map((f) => ({
    "@type": "MediaObject",
    name: f.name,
    contentUrl: new URL(documentFileHref(d.id, f.id), baseUrl).toString(),
    encodingFormat: f.mimeType,
    contentSize: `${f.byteSize} B`,
  }));
  const common = {
    "@context": "https://schema.org",
    "@id": url,
    url,
    name: `${documentTypeLabel(d.type)} ${d.number}`,
    headline: d.title,
    abstract: d.title,
    inLanguage: "vi",
    dateCreated: d.issuedOn,
    dateModified: d.updatedAt,
    ...(d.signerName
      ? { accountablePerson: { "@type": "Person", name: d.signerName, jobTitle: d.signerTitle ?? undefined } }
      : {}),
  };
  if (legislative)
    return {
      ...common,
      "@type": "Legislation",
      legislationIdentifier: d.number,
      legislationType: documentTypeLabel(d.type),
      legislationDate: d.issuedOn,
      ...(d.effectiveOn ? { legislationDateOfApplicability: d.effectiveOn } : {}),
      legislationPassedBy: issuer,
      ...(files.length > 0 ? { encoding: files } : {}),
    };
  return {
    ...common,
    "@type": "DigitalDocument",
    identifier: d.number,
    genre: documentTypeLabel(d.type),
    author: issuer,
    publisher: issuer,
    ...(d.effectiveOn ? { temporalCoverage: `${d.effectiveOn}/..` } : {}),
    ...(files.length > 0 ? { associatedMedia: files } : {}),
  };
}
