/**
 * The week of the leaders' calendar (lịch công tác tuần): Monday to Sunday in Vietnam, the events of
 * each day, and the wording of an event's time. Pure; instants are ISO-8601 UTC, days `YYYY-MM-DD`.
 */
import { formatDateVi, formatTimeVi, vnDateString } from "../../core/format/vi-date.js";

export const WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];

/** A public event: a working session or a calendar entry marked public, with only its public facts. */
export interface PublicEvent {
  /** Stable across feeds: "session-12", "entry-3". */
  key: string;
  title: string;
  startsAt: string;
  /** Exclusive end; null when the session gave none. */
  endsAt: string | null;
  allDay: boolean;
  place: string;
  /** Who chairs or hosts it ("Chủ trì: Đ/c …", "UBND phường"). */
  host: string | null;
  /** The leaders involved, "Name – title". */
  people: string[];
  /** The public page it links to, if any. */
  href?: string | null;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function shiftWeek(monday: string, weeks: number): string {
  return addDays(monday, 7 * weeks);
}

/** The week's first instant (Monday 00:00 in Vietnam) and the next week's, as ISO UTC. */
export function weekRange(monday: string): { from: string; to: string } {
  return {
    from: new Date(`${monday}T00:00:00+07:00`).toISOString(),
    to: new Date(`${addDays(monday, 7)}T00:00:00+07:00`).toISOString(),
  };
}

/** "Tuần từ 29/12/2025 đến 04/01/2026". */
export function weekLabel(monday: string): string {
  return `Tuần từ ${formatDateVi(monday)} đến ${formatDateVi(addDays(monday, 6))}`;
}

/** A `?tuan=` value: any date names its week; anything else is the week of `today`. */
export function weekOfQuery(raw: string | undefined, today: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw ?? "") && !Number.isNaN(Date.parse(raw as string)) ? raw : today;
  return mondayOf(day as string);
}

/** The Vietnamese days an event covers (an all-day entry of three days covers three). */
function daysOf(event: PublicEvent): string[] {
  const first = vnDateString(event.startsAt);
  if (!event.allDay || !event.endsAt) return [first];
  // The end is exclusive: an entry ending at 00:00 of the 5th lasts until the 4th.
  const last = vnDateString(new Date(new Date(event.endsAt).getTime() - 1));
  const days: string[] = [];
  for (let d = first; d <= last && days.length < 31; d = addDays(d, 1)) days.push(d);
  return days;
}

export interface CalendarDay {
  day: string;
  /** "Thứ Hai, 29/12/2025" */
  label: string;
  events: PublicEvent[];
}

/** The seven days of the week, each with its events (all-day first, then by start). */
export function weekDays(monday: string, events: readonly PublicEvent[]): CalendarDay[] {
  const sorted = [...events].sort(
    (a, b) => Number(b.allDay) - Number(a.allDay) || a.startsAt.localeCompare(b.startsAt),
  );
  return WEEKDAY_NAMES.map((name, i) => {
    const day = addDays(monday, i);
    return {
      day,
      label: `${name}, ${formatDateVi(day)}`,
      events: sorted.filter((e) => daysOf(e).includes(day)),
    };
  });
}

/** "08:00 – 11:30", "14:00", or "Cả ngày". */
export function eventTimeText(event: PublicEvent): string {
  if (event.allDay) return "Cả ngày";
  const start = formatTimeVi(event.startsAt);
  return event.endsAt ? `${start} – ${formatTimeVi(event.endsAt)}` : start;
}

/** Vietnamese instants of a day and time typed in a form. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}
