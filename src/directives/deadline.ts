/**
 * The deadline of a directive and the calendar arithmetic behind it. Deadlines are calendar dates in
 * Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving time): "trước ngày 30/6/2020" means until the end
 * of 30 June as lived in Hà Nội, whatever the server's time zone.
 */

/** The kinds of deadline a conclusion states. */
export const DEADLINE_KINDS = ["date", "month", "quarter", "year", "term", "recurring", "none"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * A deadline as proposed by the reader or entered by a person.
 * - `date` is the LAST calendar day covered (ISO "yyyy-mm-dd"): the day itself for "date", the last day
 *   of the month, quarter or year, the end of the term; null for "recurring" and "none", and null when a
 *   deadline was stated but cannot be placed (a day or month without a year and no session date).
 * - `phrase` is the wording it came from ("trong năm 2020"), null when typed in or absent.
 */
export interface Deadline {
  kind: DeadlineKind;
  date: string | null;
  phrase: string | null;
}

/** Vietnam is UTC+7 all year round. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Number of days in a month (month 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Builds an ISO calendar date "yyyy-mm-dd", or null when the day does not exist (31/2, month 13, year
 * outside 1900–2999: a typo rather than a deadline).
 */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Splits a valid ISO date into numbers; null when the text is not an existing "yyyy-mm-dd" date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isoDate(year, month, day) === text ? { year, month, day } : null;
}

/** Last day of a month as an ISO date. */
export function endOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month)) as string;
}

/** Last day of quarter 1–4 as an ISO date (31/3, 30/6, 30/9, 31/12). */
export function endOfQuarter(year: number, quarter: number): string {
  return endOfMonth(year, quarter * 3);
}

/** Last day of a year as an ISO date. */
export function endOfYear(year: number): string {
  return `${year}-12-31`;
}

/**
 * The last day covered by a deadline of `kind` that falls on or in the period of `date`. A month,
 * quarter or year deadline stored with any day inside the period still ends on the period's last day,
 * so a hand-entered "month 2020-03-01" behaves like "2020-03-31". A date or term deadline ends on the
 * day given (the end of a term is configurable, so it is stored explicitly). Null when there is no end.
 */
export function lastDayCovered(kind: DeadlineKind, date: string | null): string | null {
  if (date === null) return null;
  const parts = parseIsoDate(date);
  if (!parts) return null;
  switch (kind) {
    case "date":
    case "term":
      return date;
    case "month":
      return endOfMonth(parts.year, parts.month);
    case "quarter":
      return endOfQuarter(parts.year, Math.ceil(parts.month / 3));
    case "year":
      return endOfYear(parts.year);
    case "recurring":
    case "none":
      return null;
  }
}

/** The last millisecond of an ISO calendar day in Vietnam (23:59:59.999 UTC+7) as an instant. */
export function endOfVietnamDay(date: string): Date {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day + 1) - VIETNAM_OFFSET_MS - 1);
}

/** Days since 1970-01-01 of the Vietnamese calendar day containing an instant: differences count days. */
export function vietnamDayNumber(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid date");
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The Vietnamese calendar date (ISO "yyyy-mm-dd") of an instant. */
export function vietnamDateOf(instant: Date): string {
  return new Date(vietnamDayNumber(instant) * DAY_MS).toISOString().slice(0, 10);
}
