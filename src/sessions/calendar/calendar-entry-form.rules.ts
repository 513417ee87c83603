/**
 * The form of a leaders' calendar entry: posted strings in, an entry or Vietnamese messages per field
 * out; and a stored entry back as form values. Pure. Times are wall-clock times in Vietnam.
 */
import { formatTimeVi, isIsoDate, vnDateString, vnWallTimeToInstant } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import type { CalendarEntry, CalendarEntryInput } from "./calendar-entries.repo.js";
import { nextDay } from "./week.rules.js";

export const ENTRY_FORM_FIELDS = [
  "unit",
  "title",
  "date",
  "endDate",
  "allDay",
  "startTime",
  "endTime",
  "place",
  "host",
  "isPublic",
] as const;
export type CalendarEntryFormValues = Partial<Record<(typeof ENTRY_FORM_FIELDS)[number], string>> & {
  people?: string[];
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_DAYS = 31;

function required(text: string | undefined, errors: FieldErrors, field: string, message: string): string {
  const value = (text ?? "").trim();
  if (value === "") errors[field] = message;
  else if (value.length > 300) errors[field] = "Tối đa 300 ký tự.";
  return value;
}

/**
 * Reads the posted form. `unitIds` are the units whose calendar the person keeps, `personIds` the
 * people offered in the picker.
 */
export function readEntryForm(
  v: CalendarEntryFormValues,
  options: { unitIds: ReadonlySet<number>; personIds: ReadonlySet<number> },
): { input: CalendarEntryInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const unitText = (v.unit ?? "").trim();
  const unitId = /^\d+$/.test(unitText) ? Number(unitText) : Number.NaN;
  if (!options.unitIds.has(unitId)) errors.unit = "Vui lòng chọn đơn vị có lịch công tác bạn được quản lý.";
  const title = required(v.title, errors, "title", "Vui lòng nhập nội dung công tác.");
  const place = required(v.place, errors, "place", "Vui lòng nhập địa điểm.");
  const host = required(v.host, errors, "host", "Vui lòng nhập đơn vị chủ trì (ví dụ: UBND phường).");
  const date = (v.date ?? "").trim();
  if (!isIsoDate(date)) errors.date = "Vui lòng chọn ngày (ngày/tháng/năm).";
  const allDay = v.allDay === "1";
  let startsAt = "";
  let endsAt = "";
  if (allDay) {
    const endDate = (v.endDate ?? "").trim() || date;
    if (!isIsoDate(endDate)) errors.endDate = "Ngày kết thúc chưa đúng.";
    else if (isIsoDate(date) && endDate < date) errors.endDate = "Ngày kết thúc không trước ngày bắt đầu.";
    else if (isIsoDate(date) && Date.parse(endDate) - Date.parse(date) >= MAX_DAYS * 86_400_000)
      errors.endDate = `Một mục lịch kéo dài tối đa ${MAX_DAYS} ngày.`;
    if (!errors.date && !errors.endDate) {
      startsAt = vnWallTimeToInstant(date, "00:00").toISOString();
      endsAt = vnWallTimeToInstant(nextDay(endDate), "00:00").toISOString();
    }
  } else {
    const start = (v.startTime ?? "").trim();
    const end = (v.endTime ?? "").trim();
    if (!TIME.test(start)) errors.startTime = "Vui lòng nhập giờ bắt đầu (giờ:phút, ví dụ 08:00).";
    if (!TIME.test(end)) errors.endTime = "Vui lòng nhập giờ kết thúc (giờ:phút, ví dụ 11:30).";
    else if (TIME.test(start) && end <= start) errors.endTime = "Giờ kết thúc phải sau giờ bắt đầu.";
    if (!errors.date && !errors.startTime && !errors.endTime) {
      startsAt = vnWallTimeToInstant(date, start).toISOString();
      endsAt = vnWallTimeToInstant(date, end).toISOString();
    }
  }
  const people: number[] = [];
  for (const raw of v.people ?? []) {
    const id = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!options.personIds.has(id)) errors.people = "Có người không có trong danh sách.";
    else if (!people.includes(id)) people.push(id);
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: { unitId, title, startsAt, endsAt, allDay, place, host, isPublic: v.isPublic === "1", people },
    errors,
  };
}

export function entryFormValues(entry: CalendarEntry): CalendarEntryFormValues {
  const lastDay = vnDateString(new Date(new Date(entry.endsAt).getTime() - 1));
  return {
    unit: String(entry.unitId),
    title: entry.title,
    date: vnDateString(entry.startsAt),
    endDate: entry.allDay ? lastDay : "",
    allDay: entry.allDay ? "1" : "",
    startTime: entry.allDay ? "" : formatTimeVi(entry.startsAt),
    endTime: entry.allDay ? "" : formatTimeVi(entry.endsAt),
    place: entry.place,
    host: entry.host,
    isPublic: entry.isPublic ? "1" : "",
    people: entry.people.map((p) => String(p.personId)),
  };
}
