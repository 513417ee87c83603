/**
 * The periods of the "most read" ranking, as readers choose them in the address (`?ky=tuan`).
 * Days are Vietnamese calendar days; a period ends today and includes it.
 */

export const MOST_READ_PERIODS = {
  ngay: { label: "Hôm nay", days: 1 },
  tuan: { label: "7 ngày qua", days: 7 },
  thang: { label: "30 ngày qua", days: 30 },
  nam: { label: "365 ngày qua", days: 365 },
  "tat-ca": { label: "Mọi thời gian", days: null },
} as const;

export type MostReadPeriod = keyof typeof MOST_READ_PERIODS;

export const DEFAULT_MOST_READ_PERIOD: MostReadPeriod = "tuan";

export function isMostReadPeriod(value: string): value is MostReadPeriod {
  return Object.hasOwn(MOST_READ_PERIODS, value);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** First and last day of the period ending `today`; `fromDay` null means all time. */
export function periodDays(period: MostReadPeriod, today: string): { fromDay: string | null; toDay: string } {
  const days = MOST_READ_PERIODS[period].days;
  return { fromDay: days === null ? null : addDays(today, 1 - days), toDay: today };
}
