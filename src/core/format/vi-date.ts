/**
 * Dates and times as Vietnamese readers expect them, always in Asia/Ho_Chi_Minh whatever the
 * server's own time zone: "02/01/2020", "21:49".
 */

const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function partsOf(instant: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of dateParts.formatToParts(instant)) out[part.type] = part.value;
  return out;
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
