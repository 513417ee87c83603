/** Rules of the programme of work's entries: what a valid entry is, and how its timing reads. Pure. */
import type { ProgramItemInput } from "./programme.repo.js";

/** Field messages for an entry's values, keyed by the input's names; empty when it is valid. */
export function programItemErrors(input: ProgramItemInput): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100)
    fields.year = "Năm là số có 4 chữ số, từ 1990 đến 2100.";
  if (!input.title.trim()) fields.title = "Vui lòng nhập nội dung công tác.";
  else if (input.title.length > 500) fields.title = "Nội dung dài tối đa 500 ký tự.";
  const m = input.plannedMonth;
  if (m !== null && (!Number.isInteger(m) || m < 1 || m > 12))
    fields.plannedMonth = "Tháng dự kiến từ 1 đến 12.";
  return fields;
}

/** "Tháng 01/2020", or "Năm 2020" when no month is planned. */
export function plannedLabel(item: { year: number; plannedMonth: number | null }): string {
  return item.plannedMonth === null
    ? `Năm ${item.year}`
    : `Tháng ${String(item.plannedMonth).padStart(2, "0")}/${item.year}`;
}

/**
 * The day a new session from an entry starts on in the form: today when today falls in the planned
 * month (or year), else the first day of it.
 */
export function plannedDate(item: { year: number; plannedMonth: number | null }, today: string): string {
  const prefix =
    item.plannedMonth === null
      ? `${item.year}-`
      : `${item.year}-${String(item.plannedMonth).padStart(2, "0")}-`;
  if (today.startsWith(prefix)) return today;
  return item.plannedMonth === null ? `${item.year}-01-01` : `${prefix}01`;
}
