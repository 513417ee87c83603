/** A document as the API gives it. */
import type { DocumentRecord, DocumentType } from "./documents.model.js";
import { documentTypeLabel } from "./documents.model.js";
import { documentFileHref, documentHref } from "./documents.rules.js";

export function presentDocument(d: DocumentRecord) {
  return {
    id: d.id,
    type: d.type as DocumentType,
    typeLabel: documentTypeLabel(d.type),
    number: d.number,
    title: d.title,
    issuingBody: d.issuingBody,
    issuer: d.issuer,
    unitId: d.unitId,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    issuedOn: d.issuedOn,
    effectiveOn: d.effectiveOn,
    isPublic: d.isPublic,
    url: documentHref(d.id),
    files: d.files.map((f) => ({ ...f, url: documentFileHref(d.id, f.id) })),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
