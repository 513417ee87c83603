/**
 * The form that corrects a saved conclusion notice: the header fields of the review form (without the
 * issuing unit, which the directives hang on) and one row per item ("item-3-text"), plus an empty row
 * to add one. Reads the posted body into a NoticeEdit and writes a notice back as values. Pure.
 */
import type { FieldErrors } from "../core/http/errors.js";
import { formText } from "../core/http/params.js";
import { HEADER_FIELDS } from "./conclusion-form.rules.js";
import type { NoticeRecord } from "./conclusions.repo.js";
import type { NoticeEdit } from "./conclusions.service.js";

export const EDIT_HEADER_FIELDS = HEADER_FIELDS.filter((k) => k !== "issuingUnit");

export interface EditRow {
  /** "" for a new item. */
  id: string;
  number: string;
  area: string;
  text: string;
  remove: boolean;
}

export interface NoticeEditValues {
  header: Record<string, string>;
  rows: EditRow[];
}

type Body = Record<string, string | File | (string | File)[]>;

export function noticeEditValues(n: NoticeRecord): NoticeEditValues {
  return {
    header: {
      number: n.number,
      issuedOn: n.issuedOn,
      issuingBody: n.issuingBody,
      parentBody: n.parentBody ?? "",
      placeName: n.placeName,
      title: n.title,
      preamble: n.preamble ?? "",
      signer: n.signerPersonId === null ? "" : String(n.signerPersonId),
      signerName: n.signerName,
      signerTitle: n.signerTitle,
      signingAuthority: n.signingAuthority ?? "",
      recipients: n.recipients ?? "",
    },
    rows: [
      ...n.items.map((i) => ({
        id: String(i.id),
        number: i.number,
        area: i.area,
        text: i.text,
        remove: false,
      })),
      { id: "", number: "", area: "other", text: "", remove: false },
    ],
  };
}

export function readNoticeEditValues(body: Body): NoticeEditValues {
  const header = Object.fromEntries(EDIT_HEADER_FIELDS.map((k) => [k, formText(body, k).trim()]));
  const count = Math.min(Number(formText(body, "rowCount")) || 0, 201);
  const rows: EditRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const p = (k: string) => formText(body, `item-${i}-${k}`);
    rows.push({
      id: /^[1-9]\d{0,9}$/.test(p("id")) ? p("id") : "",
      number: p("number").trim(),
      area: p("area"),
      text: p("text").trim(),
      remove: p("remove") === "1",
    });
  }
  return { header, rows };
}

/** The values as a NoticeEdit; a new row left empty is no item. */
export function noticeEditInput(v: NoticeEditValues): NoticeEdit {
  const h = v.header;
  return {
    number: h.number ?? "",
    issuedOn: h.issuedOn ?? "",
    issuingBody: h.issuingBody ?? "",
    parentBody: h.parentBody || null,
    placeName: h.placeName ?? "",
    title: h.title ?? "",
    preamble: h.preamble || null,
    signerPersonId: h.signer ? Number(h.signer) || null : null,
    signerName: h.signerName ?? "",
    signerTitle: h.signerTitle ?? "",
    signingAuthority: h.signingAuthority || null,
    recipients: h.recipients || null,
    items: v.rows
      .filter((r) => r.id !== "" || r.text !== "" || r.number !== "")
      .map((r) => ({
        id: r.id ? Number(r.id) : null,
        number: r.number,
        area: r.area,
        text: r.text,
        remove: r.remove,
      })),
  };
}

/**
 * The service's field names ("items.2.text", counted among the kept rows) as the form's ("item-5-text").
 */
export function formErrorsOf(errors: FieldErrors, v: NoticeEditValues): FieldErrors {
  const rowIndex = v.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.id !== "" || r.text !== "" || r.number !== "");
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^items\.(\d+)\.(\w+)$/.exec(key);
    const row = m ? rowIndex[Number(m[1])] : undefined;
    out[m && row ? `item-${row.i}-${m[2]}` : key === "items" ? "rows" : key] = message;
  }
  return out;
}
