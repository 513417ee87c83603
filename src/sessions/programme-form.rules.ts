/**
 * The form of an entry of the programme of work: plain strings in, a ProgramItemInput or Vietnamese
 * messages per field out; and an entry written back as form values for editing. Pure.
 */
import type { FieldErrors } from "../core/http/errors.js";
import type { ProgramItem, ProgramItemInput } from "./programme.repo.js";
import { programItemErrors } from "./programme.rules.js";

export const PROGRAMME_FORM_FIELDS = ["owner", "year", "month", "title", "host"] as const;
export type ProgrammeFormValues = Partial<Record<(typeof PROGRAMME_FORM_FIELDS)[number], string>>;

/** "u12" → 12 when it is one of the offered units. */
function unitOf(key: string | undefined, unitIds: ReadonlySet<number>): number | null {
  const m = /^u(\d+)$/.exec(key ?? "");
  return m && unitIds.has(Number(m[1])) ? Number(m[1]) : null;
}

/**
 * Reads the posted form. `ownerUnitIds` are the units the person may plan for, `unitIds` every unit
 * offered as the host. Field names in the errors are the form's.
 */
export function readProgrammeForm(
  v: ProgrammeFormValues,
  options: { ownerUnitIds: ReadonlySet<number>; unitIds: ReadonlySet<number> },
): { input: ProgramItemInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const owner = unitOf(v.owner, options.ownerUnitIds);
  if (owner === null) errors.owner = "Vui lòng chọn đơn vị lập chương trình.";
  const yearText = (v.year ?? "").trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  const monthText = (v.month ?? "").trim();
  const month = monthText === "" ? null : /^\d{1,2}$/.test(monthText) ? Number(monthText) : Number.NaN;
  const host = v.host ? unitOf(v.host, options.unitIds) : null;
  if (v.host && host === null) errors.host = "Không có đơn vị này.";
  const input: ProgramItemInput = {
    ownerUnitId: owner ?? 0,
    year,
    title: (v.title ?? "").trim(),
    plannedMonth: month,
    hostUnitId: host,
  };
  const rules = programItemErrors(input);
  if (rules.year) errors.year = rules.year;
  if (rules.title) errors.title = rules.title;
  if (rules.plannedMonth) errors.month = rules.plannedMonth;
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input, errors };
}

export function programmeFormValues(item: ProgramItem): ProgrammeFormValues {
  return {
    owner: `u${item.ownerUnitId}`,
    year: String(item.year),
    month: item.plannedMonth === null ? "" : String(item.plannedMonth),
    title: item.title,
    host: item.hostUnitId === null ? "" : `u${item.hostUnitId}`,
  };
}
