/**
 * Reporting periods of the office calendar (domain.md §9): a year ("2019"), a five-year term
 * ("2015-2020"), a month ("2019-07"), a quarter ("2019-Q3"), the first n months of a year ("2019-6T":
 * 6 tháng đầu năm, "2019-9T") or a custom period with its own key, each with a reporting window of
 * dates. Pure: no I/O.
 *
 * Windows are configurable because practice differs: the calendar, or the cut-off windows of NĐ
 * 09/2019 (reports close on the 14th: a year runs from 15/12 of the year before to 14/12, six months
 * from 15/12 to 14/6, a quarter from the 15th of the month before it to the 14th of its last month).
 */

export type PeriodKind = "year" | "term" | "month" | "quarter" | "cumulative" | "custom";
/** The kinds of period that lie inside one year and are judged against the year's target as progress. */
export const PART_YEAR_KINDS = ["month", "quarter", "cumulative"] as const;
export type PartYearKind = (typeof PART_YEAR_KINDS)[number];
export const PERIOD_KINDS = ["year", "term", "month", "quarter", "cumulative", "custom"] as const;
/** calendar: 1/1–31/12; nd09: 15/12 of the previous year – 14/12 (NĐ 09/2019/NĐ-CP, Điều 12). */
export type WindowRule = "calendar" | "nd09";

export interface Period {
  key: string;
  kind: PeriodKind;
  /** Inclusive `YYYY-MM-DD`. */
  start: string;
  end: string;
}

export const WINDOW_RULE_LABELS: Record<WindowRule, string> = {
  calendar: "Năm dương lịch (01/01 – 31/12)",
  nd09: "Theo Nghị định 09/2019/NĐ-CP (15/12 năm trước – 14/12)",
};

/** The message every period field shows for a malformed key, with one example of each kind. */
export const PERIOD_KEY_MESSAGE =
  "Kỳ không hợp lệ: nhập năm (2019), nhiệm kỳ (2015-2020), tháng (2019-07), quý (2019-Q3), " +
  "số tháng đầu năm (2019-6T) hoặc mã kỳ riêng.";

const YEAR = /^(\d{4})$/;
const TERM = /^(\d{4})-(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
/** 1 to 11 months: "2019-12T" would be the year itself, written "2019". */
const CUMULATIVE = /^(\d{4})-([1-9]|1[01])T$/;
const CUSTOM = /^[0-9A-Za-z][0-9A-Za-z._-]{0,29}$/;

/** The kind of a period key, or null when the key is malformed. "2015-2020" needs from < to. */
export function periodKindOf(key: string): PeriodKind | null {
  const year = YEAR.exec(key);
  if (year) return plausibleYear(Number(year[1])) ? "year" : null;
  const term = TERM.exec(key);
  if (term) {
    const from = Number(term[1]);
    const to = Number(term[2]);
    return plausibleYear(from) && plausibleYear(to) && from < to ? "term" : null;
  }
  for (const [pattern, kind] of [
    [MONTH, "month"],
    [QUARTER, "quarter"],
    [CUMULATIVE, "cumulative"],
  ] as const) {
    const match = pattern.exec(key);
    if (match) return plausibleYear(Number(match[1])) ? kind : null;
  }
  // A custom key must not look like a broken year, term, month or part of a year ("2019-", "20190",
  // "2019-13", "2019-Q5", "2019-12T"), which is a typo.
  if (/^\d+$/.test(key) || /^\d{4}-\d*$/.test(key) || /^\d{4}-(Q\d*|\d+T)$/i.test(key)) return null;
  return CUSTOM.test(key) ? "custom" : null;
}

function plausibleYear(year: number): boolean {
  return year >= 1945 && year <= 2200;
}

export function isPartYear(kind: PeriodKind | null): kind is PartYearKind {
  return kind === "month" || kind === "quarter" || kind === "cumulative";
}

/**
 * Where a part-year key lies in its year: the year, the first and last month it covers (1–12), and
 * how many months that is. "2019-6T" → 2019, months 1–6; "2019-Q3" → 7–9; "2019-07" → 7–7. Null for
 * any other key.
 */
export function yearPartOf(
  key: string,
): { year: number; firstMonth: number; lastMonth: number; months: number } | null {
  const kind = periodKindOf(key);
  if (!isPartYear(kind)) return null;
  const year = Number(key.slice(0, 4));
  const n = Number(/\d+/.exec(key.slice(5))?.[0]);
  const [firstMonth, lastMonth] =
    kind === "month" ? [n, n] : kind === "quarter" ? [3 * n - 2, 3 * n] : [1, n];
  return { year, firstMonth, lastMonth, months: lastMonth - firstMonth + 1 };
}

/** The year key of a part-year key ("2019-6T" → "2019"); null for any other key. */
export function yearKeyOf(key: string): string | null {
  const part = yearPartOf(key);
  return part ? String(part.year) : null;
}

/** The same part of another year: ("2019-6T", 2018) → "2018-6T"; a year key gives that year; null for terms and custom keys. */
export function sameKeyInYear(key: string, year: number): string | null {
  const kind = periodKindOf(key);
  if (kind === "year") return String(year);
  if (!isPartYear(kind) || !plausibleYear(year)) return null;
  return `${year}${key.slice(4)}`;
}

/** The first and last year written in a term key: "2015-2020" → [2015, 2020]. */
export function termBounds(key: string): [number, number] | null {
  const match = TERM.exec(key);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * The default window of a key, or null for a custom key (which always needs explicit dates). A term
 * "A-B" covers the years A … B−1: the party congress opens the term in year A and the end-of-term
 * report is written before year B ends (the reference article, 02/01/2020, reports on 2015–2019 for
 * "nhiệm kỳ 2015 – 2020"). Set explicit dates on the target for another convention. A part of a year
 * runs over its months, or under NĐ 09 from the 15th of the month before its first month to the 14th
 * of its last ("2019-6T": 15/12/2018 – 14/06/2019).
 */
export function defaultWindow(
  key: string,
  rule: WindowRule = "calendar",
): { start: string; end: string } | null {
  const kind = periodKindOf(key);
  if (kind === "year") return yearWindow(Number(key), rule);
  if (kind === "term") {
    const [from, to] = termBounds(key) as [number, number];
    return { start: yearWindow(from, rule).start, end: yearWindow(to - 1, rule).end };
  }
  const part = yearPartOf(key);
  if (!part) return null;
  const { year, firstMonth, lastMonth } = part;
  if (rule === "nd09") {
    const start = firstMonth === 1 ? `${year - 1}-12-15` : `${year}-${pad(firstMonth - 1)}-15`;
    return { start, end: `${year}-${pad(lastMonth)}-14` };
  }
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The window of one year under a rule: 2019 calendar → 2019-01-01…2019-12-31; nd09 → 2018-12-15…2019-12-14. */
export function yearWindow(year: number, rule: WindowRule = "calendar"): { start: string; end: string } {
  return rule === "nd09"
    ? { start: `${year - 1}-12-15`, end: `${year}-12-14` }
    : { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** A period with its default window; throws RangeError for a custom key or a malformed key. */
export function periodOf(key: string, rule: WindowRule = "calendar"): Period {
  const kind = periodKindOf(key);
  const window = defaultWindow(key, rule);
  if (!kind || !window) throw new RangeError(`period "${key}" has no default window`);
  return { key, kind, ...window };
}

/**
 * The annual period keys inside a window: the years whose reporting year ends inside it. A year is
 * counted by the date 31 days after the window starts, so both 2015-01-01 and 2014-12-15 (NĐ 09)
 * start with 2015. termYearsOf("2015-01-01", "2019-12-31") → [2015, …, 2019]. The array is shared:
 * do not change it.
 */
export function termYearsOf(start: string, end: string): readonly number[] {
  const key = `${start}|${end}`;
  let years = termYearsCache.get(key);
  if (!years) {
    years = computeTermYears(start, end);
    // Bulk evaluation asks for the same few windows 200.000 times; the cache stays tiny.
    if (termYearsCache.size < 1000) termYearsCache.set(key, years);
  }
  return years;
}

const termYearsCache = new Map<string, number[]>();

function computeTermYears(start: string, end: string): number[] {
  const first = new Date(`${start}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() + 31);
  const from = first.getUTCFullYear();
  const to = Number(end.slice(0, 4));
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/**
 * What is wrong with explicit dates for a period, or null. The end must not come before the start;
 * for a year, a term or a part of a year the dates must lie in it ("2026" with dates in 2019 is a
 * typo, and would file the figure under the wrong year): from 15/12 of the year before its first year
 * (NĐ 09) to 31/12 of its last written year. A custom key says nothing about its dates and takes any.
 */
export function windowProblem(
  key: string,
  start: string,
  end: string,
): { field: "periodStart" | "periodEnd"; message: string } | null {
  if (start > end) return { field: "periodEnd", message: "Ngày kết thúc phải sau ngày bắt đầu." };
  const kind = periodKindOf(key);
  if (kind === null || kind === "custom") return null;
  const [from, to] =
    kind === "term"
      ? (termBounds(key) as [number, number])
      : [Number(key.slice(0, 4)), Number(key.slice(0, 4))];
  const earliest = yearWindow(from, "nd09").start;
  const latest = yearWindow(to, "calendar").end;
  if (start >= earliest && end <= latest) return null;
  const within = `Ngày phải nằm trong ${periodLabel(key)} (từ ${dmy(earliest)} đến ${dmy(latest)}).`;
  return { field: start < earliest || start > latest ? "periodStart" : "periodEnd", message: within };
}

/** "2019-12-15" → "15/12/2019". */
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The same period one year earlier, for "so với cùng kỳ": "2019" → "2018", "2019-6T" → "2018-6T",
 * "2019-Q3" → "2018-Q3", "2019-07" → "2018-07"; null for terms and custom keys.
 */
export function previousYearKey(key: string): string | null {
  const kind = periodKindOf(key);
  if (kind !== "year" && !isPartYear(kind)) return null;
  return sameKeyInYear(key, Number(key.slice(0, 4)) - 1);
}

const ROMAN = ["I", "II", "III", "IV"];

/**
 * How a period reads inside a sentence: "năm 2019", "nhiệm kỳ 2015–2020", "6 tháng đầu năm 2019",
 * "quý III/2019", "tháng 7/2019", "kỳ X" for a custom key.
 */
export function periodLabel(key: string): string {
  const kind = periodKindOf(key);
  if (kind === "year") return `năm ${key}`;
  if (kind === "term") return `nhiệm kỳ ${key.replace("-", "–")}`;
  const part = yearPartOf(key);
  if (part && kind === "month") return `tháng ${part.firstMonth}/${part.year}`;
  if (part && kind === "quarter") return `quý ${ROMAN[part.lastMonth / 3 - 1]}/${part.year}`;
  if (part) return `${part.months} tháng đầu năm ${part.year}`;
  return `kỳ ${key}`;
}
