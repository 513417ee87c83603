/** The admin form of a document: what it posts, read into values, and values into the service's input. */
import { type FormBody, formText } from "../core/http/params.js";
import type { DocumentRecord } from "./documents.model.js";
import type { DocumentInput } from "./documents.service.js";

export interface DocumentFormValues {
  type: string;
  number: string;
  title: string;
  /** A party key ("u12" / "o34") or empty for an outside body. */
  issuer: string;
  issuingBody: string;
  /** The library's unit as "u12", or empty: the issuer's unit. */
  unit: string;
  signerName: string;
  signerTitle: string;
  issuedOn: string;
  effectiveOn: string;
  isPublic: boolean;
  /** Files of the document to remove (edit form). */
  removeFiles: string[];
}

export function emptyDocumentValues(): DocumentFormValues {
  return {
    type: "notice",
    number: "",
    title: "",
    issuer: "",
    issuingBody: "",
    unit: "",
    signerName: "",
    signerTitle: "",
    issuedOn: "",
    effectiveOn: "",
    isPublic: true,
    removeFiles: [],
  };
}

export function documentValues(d: DocumentRecord): DocumentFormValues {
  return {
    type: d.type,
    number: d.number,
    title: d.title,
    issuer: d.issuer ? (d.issuer.organisationId ? `o${d.issuer.organisationId}` : `u${d.issuer.unitId}`) : "",
    // An issuer's name is the registry's; only an outside body's name is typed.
    issuingBody: d.issuer ? "" : d.issuingBody,
    unit: `u${d.unitId}`,
    signerName: d.signerName ?? "",
    signerTitle: d.signerTitle ?? "",
    issuedOn: d.issuedOn,
    effectiveOn: d.effectiveOn ?? "",
    isPublic: d.isPublic,
    removeFiles: [],
  };
}

export function readDocumentForm(body: FormBody): DocumentFormValues {
  const remove = body.removeFiles;
  return {
    type: formText(body, "type"),
    number: formText(body, "number"),
    title: formText(body, "title"),
    issuer: formText(body, "issuer"),
    issuingBody: formText(body, "issuingBody"),
    unit: formText(body, "unit"),
    signerName: formText(body, "signerName"),
    signerTitle: formText(body, "signerTitle"),
    issuedOn: formText(body, "issuedOn"),
    effectiveOn: formText(body, "effectiveOn"),
    isPublic: formText(body, "isPublic") === "1",
    removeFiles: (Array.isArray(remove) ? remove : remove === undefined ? [] : [remove]).map(String),
  };
}

/**
 * The service's input, or the fields the form itself refuses. A party key is resolved by `partyOf`
 * (the picker's options); an unknown one is refused on its field.
 */
export function documentInputOf(
  v: DocumentFormValues,
  partyOf: (key: string) => { unitId: number; organisationId: number | null } | null,
): { input: DocumentInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const issuer = v.issuer ? partyOf(v.issuer) : null;
  if (v.issuer && !issuer) errors.issuer = "Không có cơ quan này trong danh mục.";
  const unit = v.unit ? partyOf(v.unit) : null;
  if (v.unit && !unit) errors.unit = "Không có đơn vị này.";
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      unitId: unit?.unitId ?? null,
      issuer,
      issuingBody: v.issuingBody,
      type: v.type,
      number: v.number,
      title: v.title,
      signerName: v.signerName || null,
      signerTitle: v.signerTitle || null,
      issuedOn: v.issuedOn,
      effectiveOn: v.effectiveOn || null,
      isPublic: v.isPublic,
    },
    errors,
  };
}
