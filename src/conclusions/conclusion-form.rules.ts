/**
 * The review form of a conclusion notice: the header fields and one row per proposed item (number,
 * area, text, lead, coordinating units, deadline), filled from the reader's proposals, corrected by a
 * person, and read back into a NoticeInput. Field names are flat ("item-3-lead") so the form works
 * without any script.
 */

import { isIsoDate } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { formText, formTexts } from "../core/http/params.js";
import { AREA_CODES } from "../directives/areas.js";
import { DEADLINE_KINDS, type DeadlineKind, lastDayCovered } from "../directives/deadline.js";
import type { PartyOption } from "../units/parties.repo.js";
import type { NoticeInput } from "./conclusions.service.js";
import type { ParsedItem } from "./reader/reader.service.js";

export const HEADER_FIELDS = [
  "number",
  "issuedOn",
  "issuingUnit",
  "issuingBody",
  "parentBody",
  "placeName",
  "title",
  "preamble",
  "signer",
  "signerName",
  "signerTitle",
  "signingAuthority",
  "recipients",
] as const;

export interface ReviewRow {
  number: string;
  area: string;
  text: string;
  lead: string;
  coordinators: string[];
  deadlineKind: string;
  deadlineDate: string;
  phrase: string;
  /** Row index of the item this is a sub-item of, or "". */
  parent: string;
  /** Make a directive of this row. */
  directive: boolean;
  /** What the reader saw but could not match, shown next to the row. */
  hint: string;
}

export interface ReviewValues {
  header: Record<string, string>;
  rows: ReviewRow[];
}

export function emptyRow(): ReviewRow {
  return {
    number: "",
    area: "other",
    text: "",
    lead: "",
    coordinators: [],
    deadlineKind: "none",
    deadlineDate: "",
    phrase: "",
    parent: "",
    directive: true,
    hint: "",
  };
}

/** Rows from the reader's proposals; sub-items become rows under their item. `defaultLead` fills unknown leads. */
export function rowsFromParsed(items: ParsedItem[], defaultLead: string): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const item of items) {
    const unresolved = [item.leadUnit, ...item.coordinatingUnits]
      .filter((u) => u && u.key === null)
      .map((u) => u?.text);
    const index = rows.length;
    rows.push({
      number: String(item.number),
      area: item.area,
      text: item.text,
      lead: item.leadUnit?.key ?? defaultLead,
      coordinators: item.coordinatingUnits.flatMap((u) => (u.key ? [u.key] : [])),
      deadlineKind: item.deadline.kind,
      deadlineDate: item.deadline.date ?? "",
      phrase: item.deadline.phrase ?? "",
      parent: "",
      directive: true,
      hint:
        unresolved.length > 0 ? `Trong văn bản: ${unresolved.join("; ")} (chưa xác định được đơn vị)` : "",
    });
    for (const sub of item.subItems) {
      rows.push({
        ...emptyRow(),
        number: sub.marker.replace(/[()\s.]/g, "") || "-",
        area: item.area,
        text: sub.text,
        lead: sub.leadUnit?.key ?? item.leadUnit?.key ?? defaultLead,
        deadlineKind: sub.deadline.kind,
        deadlineDate: sub.deadline.date ?? "",
        phrase: sub.deadline.phrase ?? "",
        parent: String(index),
      });
    }
  }
  return rows;
}

type Body = Record<string, string | File | (string | File)[]>;

/** The posted review form as values (to show again) — rows with empty text are dropped. */
export function readReviewValues(body: Body): ReviewValues {
  const header = Object.fromEntries(HEADER_FIELDS.map((k) => [k, formText(body, k).trim()]));
  // The imported original (a stored file id), carried by the review form until the notice is saved.
  const source = formText(body, "sourceFileId").trim();
  if (/^[1-9]\d{0,8}$/.test(source)) header.sourceFileId = source; // fits an integer column
  const count = Math.min(Number(formText(body, "rowCount")) || 0, 200);
  const rows: ReviewRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const p = (k: string) => formText(body, `item-${i}-${k}`);
    rows.push({
      number: p("number").trim(),
      area: p("area"),
      text: p("text").trim(),
      lead: p("lead"),
      coordinators: formTexts(body, `item-${i}-coordinators`),
      deadlineKind: p("deadlineKind"),
      deadlineDate: p("deadlineDate"),
      phrase: p("phrase"),
      parent: p("parent"),
      directive: p("directive") === "1",
      hint: p("hint"),
    });
  }
  return { header, rows };
}

const NEEDS_DATE: readonly DeadlineKind[] = ["date", "month", "quarter", "year", "term"];

/** Checks the values and builds the notice; errors are keyed like the fields ("item-3-lead"). */
export function reviewToNotice(
  v: ReviewValues,
  options: { sessionId: number; parties: readonly PartyOption[] },
): { input: NoticeInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const h = v.header;
  const party = (key: string) => options.parties.find((p) => p.key === key) ?? null;
  const issuing = party(h.issuingUnit ?? "");
  if (!h.number) errors.number = "Vui lòng nhập số thông báo (ví dụ 136-TB/QU).";
  if (!isIsoDate(h.issuedOn ?? "")) errors.issuedOn = "Vui lòng chọn ngày ban hành.";
  if (!issuing) errors.issuingUnit = "Vui lòng chọn đơn vị ban hành.";
  for (const [k, message] of [
    ["issuingBody", "Vui lòng nhập tên cơ quan ban hành."],
    ["placeName", "Vui lòng nhập địa danh."],
    ["title", "Vui lòng nhập trích yếu."],
    ["signerName", "Vui lòng nhập người ký."],
    ["signerTitle", "Vui lòng nhập chức vụ người ký."],
  ] as const) {
    if (!h[k]) errors[k] = message;
  }
  const kept = v.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.text !== "");
  if (kept.length === 0) errors.rows = "Cần ít nhất một nội dung kết luận.";
  const newIndex = new Map(kept.map(({ i }, j) => [i, j]));
  const items: NoticeInput["items"] = kept.map(({ r, i }) => {
    if (!(AREA_CODES as readonly string[]).includes(r.area))
      errors[`item-${i}-area`] = "Vui lòng chọn lĩnh vực.";
    if (!r.number) errors[`item-${i}-number`] = "Vui lòng nhập số thứ tự.";
    const lead = party(r.lead);
    if (r.directive && !lead) errors[`item-${i}-lead`] = "Vui lòng chọn đơn vị chủ trì.";
    const kind = (DEADLINE_KINDS as readonly string[]).includes(r.deadlineKind)
      ? (r.deadlineKind as DeadlineKind)
      : null;
    if (!kind) errors[`item-${i}-deadlineKind`] = "Vui lòng chọn loại thời hạn.";
    const date = r.deadlineDate || null;
    if (kind && NEEDS_DATE.includes(kind) && (!date || !isIsoDate(date)))
      errors[`item-${i}-deadlineDate`] = "Vui lòng chọn ngày hết hạn.";
    const coordinators = r.coordinators.map(party).filter((p): p is PartyOption => p !== null);
    const parentIndex = r.parent === "" ? null : (newIndex.get(Number(r.parent)) ?? null);
    return {
      number: r.number,
      area: r.area,
      text: r.text,
      parentIndex,
      directives:
        r.directive && lead && kind
          ? [
              {
                lead: { unitId: lead.unitId, organisationId: lead.organisationId },
                coordinators: coordinators.map((c) => ({
                  unitId: c.unitId,
                  organisationId: c.organisationId,
                })),
                deadline: {
                  kind,
                  date: NEEDS_DATE.includes(kind) ? (lastDayCovered(kind, date) ?? date) : null,
                  phrase: r.phrase || null,
                },
              },
            ]
          : [],
    };
  });
  if (Object.keys(errors).length > 0 || !issuing) return { input: null, errors };
  return {
    errors,
    input: {
      sessionId: options.sessionId,
      number: h.number as string,
      issuedOn: h.issuedOn as string,
      issuingUnitId: issuing.unitId,
      issuingBody: h.issuingBody as string,
      parentBody: h.parentBody || null,
      placeName: h.placeName as string,
      title: h.title as string,
      preamble: h.preamble || null,
      signerPersonId: h.signer ? Number(h.signer) || null : null,
      signerName: h.signerName as string,
      signerTitle: h.signerTitle as string,
      signingAuthority: h.signingAuthority || null,
      recipients: h.recipients || null,
      sourceFileId: h.sourceFileId ? Number(h.sourceFileId) : null,
      items,
    },
  };
}
