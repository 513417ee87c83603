/**
 * Dates and times as Vietnamese readers expect them, always in Asia/Ho_Chi_Minh whatever the
 * server's own time zone: "02/01/2020", "21:49".
 */

/**
 * Vietnam keeps UTC+7 all year, with no daylight saving, since 13/06/1975: wall-clock parts are the
 * UTC parts of the instant shifted by seven hours. This is the same rule `vnWallTimeToInstant` uses
 * the other way, and it is many times cheaper than Intl.DateTimeFormat#formatToParts, which the
 * public pages call for every date they print. The tests check it against the time zone database.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, "0");

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function partsOf(instant: Date): WallClock {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: String(shifted.getUTCFullYear()).padStart(4, "0"),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
  };
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** `YYYY-MM-DD` of the instant in Vietnam: the "today" used for validity checks. */
export function vnDateString(instant: Date | string): string {
  const p = partsOf(toDate(instant));
  return `${p.year}-${p.month}-${p.day}`;
}

/** "02/01/2020" for an instant (read in Vietnam) or a `YYYY-MM-DD` date. */
export function formatDateVi(value: Date | string): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-");
    return `${d}/${m}/${y}`;
  }
  const p = partsOf(toDate(value));
  return `${p.day}/${p.month}/${p.year}`;
}

/** "21:49" in Vietnam. */
export function formatTimeVi(value: Date | string): string {
  const p = partsOf(toDate(value));
  return `${p.hour}:${p.minute}`;
}

/** "02/01/2020 21:49" in Vietnam. */
export function formatDateTimeVi(value: Date | string): string {
  return `${formatDateVi(toDate(value))} ${formatTimeVi(value)}`;
}

/**
 * The UTC instant of a wall-clock time in Vietnam (UTC+7 all year: no daylight saving since 1975).
 * `date` is `YYYY-MM-DD`, `time` is `HH:mm`.
 */
export function vnWallTimeToInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}
