/**
 * Term figures (nhiệm kỳ, e.g. 2015–2020) from annual values, following domain.md §2: a sum over the
 * term, the annual mean ("bình quân hàng năm 37,6 tỷ đồng"), geometric growth ("tăng bình quân X%/năm"),
 * the end-of-term value, or a count of years. Pure: no I/O; full precision, no rounding.
 *
 * Missing years are never skipped silently: a term figure computed from fewer years than the term has
 * is a different number (a mean of four good years is not a five-year mean). Unless the caller passes
 * `allowMissing`, a figure that needs a missing year is refused with the years named.
 */

import { meanOf, sumOf } from "./exact.math.js";

/**
 * How a term figure is made from the annual ones. These codes are the vocabulary of the whole module:
 * stored in indicators.term_aggregation and targets.aggregation, accepted by the API and the forms,
 * and read here, so the choice made on screen is the one computed. sum: total over the term; mean:
 * annual mean ("bình quân hàng năm"); growth: geometric mean growth in %/year; end: the last year's
 * value; count: the number of years with a value > 0 (years a milestone was met).
 */
export const TERM_AGGREGATIONS = ["sum", "mean", "growth", "end", "count"] as const;
export type TermAggregation = (typeof TERM_AGGREGATIONS)[number];

/** One year's figure; null = the year is known to have no figure yet. */
export interface AnnualValue {
  year: number;
  value: number | null;
}

export interface TermFigureInput {
  /** Every year the term covers (see {@link termYears}); order does not matter. */
  years: readonly number[];
  /** Figures for some or all of those years; a year absent here counts as missing. */
  values: readonly AnnualValue[];
}

export interface TermFigureOptions {
  /** Compute from the years that have figures when some are missing (default false: refuse). */
  allowMissing?: boolean;
}

export type TermFigureFailure = "missing_years" | "not_enough_data" | "non_positive_start" | "negative_end";

export type TermFigure =
  | {
      ok: true;
      aggregation: TermAggregation;
      /** Percent per year for growth (5 = 5%/năm); otherwise in the indicator's unit. */
      value: number;
      /** Years whose figures went into the value, ascending. */
      yearsUsed: number[];
      /** Term years without a figure, ascending (may be non-empty even when ok, see `note`). */
      missingYears: number[];
      /** Every term year has a figure. */
      complete: boolean;
      /** growth only: the number of yearly intervals between the first and last year used. */
      intervals: number | null;
      /** Vietnamese note when the figure rests on fewer years than the term has; null when complete. */
      note: string | null;
    }
  | {
      ok: false;
      aggregation: TermAggregation;
      reason: TermFigureFailure;
      missingYears: number[];
      /** Vietnamese, ready to show: "Thiếu số liệu năm 2017, 2018." */
      message: string;
    };

/** The years from `fromYear` to `toYear` inclusive: termYears(2016, 2020) → [2016, …, 2020]. */
export function termYears(fromYear: number, toYear: number): number[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`termYears: need whole years with from ≤ to, got ${fromYear}–${toYear}`);
  }
  return Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
}

/**
 * Geometric mean growth in percent per year: ((end ÷ start)^(1/intervals) − 1) × 100, where intervals is
 * the number of yearly steps (2016 → 2020 is 4). Throws RangeError when start ≤ 0, end < 0 or
 * intervals is not a positive whole number: the formula has no meaning there.
 */
export function geometricGrowthPct(start: number, end: number, intervals: number): number {
  if (!(start > 0) || !(end >= 0) || !Number.isFinite(start) || !Number.isFinite(end)) {
    throw new RangeError(`geometric growth needs start > 0 and end ≥ 0, got ${start} → ${end}`);
  }
  if (!Number.isInteger(intervals) || intervals < 1) {
    throw new RangeError(`geometric growth needs at least one whole interval, got ${intervals}`);
  }
  return ((end / start) ** (1 / intervals) - 1) * 100;
}

const listYears = (years: readonly number[]) => years.join(", ");

/**
 * What a term figure is computed from: the annual figures of the term's years, summed up. The
 * single-unit evaluation makes them from the years it reads ({@link aggregateAnnual}); the ranking reads
 * them kept for every unit by the result summaries (summaries/summary-pack.math, with the same
 * function). Both then go through {@link termFigureFromAggregates}, so a unit's page and its ranking agree.
 */
export interface TermAggregates {
  /** Term years with a figure, ascending. */
  yearsPresent: readonly number[];
  /** Sum of those figures (here in year order; the database sums in its own order, equal within binary noise). */
  sum: number;
  /** How many of those figures are > 0 (the `count` aggregation). */
  positive: number;
  /** The figure of the first and of the last year present; null when no year has one. */
  first: number | null;
  last: number | null;
}

/** No figure in any year of the term. */
export const NO_TERM_FIGURES: TermAggregates = Object.freeze({
  yearsPresent: Object.freeze([]) as readonly number[],
  sum: 0,
  positive: 0,
  first: null,
  last: null,
});

/**
 * Validates annual values against the term years and sums them up: the years sorted, and the
 * aggregates of the figures present (summed in year order). Throws RangeError for malformed input
 * (no years, duplicate years, a figure outside the term, NaN).
 */
export function aggregateAnnual(input: TermFigureInput): { years: number[]; aggregates: TermAggregates } {
  const years = [...input.years].sort((a, b) => a - b);
  if (years.length === 0) throw new RangeError("a term needs at least one year");
  const termSet = new Set(years);
  if (termSet.size !== years.length) throw new RangeError("a term year is listed twice");
  const seen = new Set<number>();
  const present = new Map<number, number>();
  for (const { year, value } of input.values) {
    if (!termSet.has(year)) throw new RangeError(`year ${year} is outside the term ${listYears(years)}`);
    if (seen.has(year)) throw new RangeError(`two figures for year ${year}`);
    seen.add(year);
    if (value === null) continue;
    if (!Number.isFinite(value)) throw new RangeError(`figure for ${year} is not a finite number`);
    present.set(year, value);
  }
  const yearsPresent = years.filter((y) => present.has(y));
  const values = yearsPresent.map((y) => present.get(y) as number);
  const sum = sumOf(values);
  const positive = values.filter((v) => v > 0).length;
  const first = yearsPresent[0];
  const last = yearsPresent[yearsPresent.length - 1];
  return {
    years,
    aggregates: {
      yearsPresent,
      sum,
      positive,
      first: first === undefined ? null : (present.get(first) as number),
      last: last === undefined ? null : (present.get(last) as number),
    },
  };
}

/**
 * Computes a term figure from annual values.
 * - sum, mean, count (years whose value is > 0, e.g. years a title was won, stored as 1/0):
 *   every term year is needed unless `allowMissing`, then the years with figures are used.
 * - growth: needs the first and last term years (middle years do not enter the formula and
 *   are only reported); with `allowMissing`, the earliest and latest years with figures are used.
 *   Refused when the start is ≤ 0 or the end < 0.
 * - end: the last term year; with `allowMissing`, the latest year with a figure.
 * Throws RangeError for malformed input (no years, duplicate years, a figure outside the term, NaN).
 */
export function computeTermFigure(
  aggregation: TermAggregation,
  input: TermFigureInput,
  options: TermFigureOptions = {},
): TermFigure {
  const { years, aggregates } = aggregateAnnual(input);
  return termFigureFromAggregates(aggregation, years, aggregates, options);
}

/**
 * {@link computeTermFigure} from the aggregates of the annual figures. `years` are the term's years,
 * ascending and distinct; `aggregates.yearsPresent` must be among them. Throws RangeError when
 * `years` is empty.
 */
export function termFigureFromAggregates(
  aggregation: TermAggregation,
  years: readonly number[],
  aggregates: TermAggregates,
  options: TermFigureOptions = {},
): TermFigure {
  if (years.length === 0) throw new RangeError("a term needs at least one year");
  const available = aggregates.yearsPresent;
  const has = (y: number) => available.includes(y);
  const missing = available.length === years.length ? [] : years.filter((y) => !has(y));
  const allowMissing = options.allowMissing ?? false;
  const fail = (reason: TermFigureFailure, message: string): TermFigure => ({
    ok: false,
    aggregation,
    reason,
    missingYears: missing,
    message,
  });
  const first = years[0] as number;
  const last = years[years.length - 1] as number;

  // The years this aggregation cannot do without.
  const required = aggregation === "growth" ? [first, last] : aggregation === "end" ? [last] : years;
  const requiredMissing = missing.length === 0 ? [] : required.filter((y) => !has(y));
  if (requiredMissing.length > 0 && !allowMissing) {
    return fail("missing_years", `Thiếu số liệu năm ${listYears(requiredMissing)}.`);
  }

  let used: readonly number[];
  let value: number;
  let intervals: number | null = null;
  if (aggregation === "growth") {
    const start = available[0];
    const end = available[available.length - 1];
    if (start === undefined || end === undefined || start === end) {
      return fail("not_enough_data", "Cần số liệu của ít nhất hai năm để tính tăng trưởng bình quân.");
    }
    const startValue = aggregates.first as number;
    const endValue = aggregates.last as number;
    if (startValue <= 0) {
      return fail(
        "non_positive_start",
        `Không tính được tăng trưởng bình quân: số liệu năm ${start} bằng 0 hoặc âm.`,
      );
    }
    if (endValue < 0) {
      return fail("negative_end", `Không tính được tăng trưởng bình quân: số liệu năm ${end} âm.`);
    }
    used = [start, end];
    intervals = end - start;
    value = geometricGrowthPct(startValue, endValue, intervals);
  } else if (available.length === 0) {
    return fail("not_enough_data", "Chưa có số liệu năm nào trong nhiệm kỳ.");
  } else if (aggregation === "end") {
    used = [available[available.length - 1] as number];
    value = aggregates.last as number;
  } else {
    used = available;
    value =
      aggregation === "sum"
        ? aggregates.sum
        : aggregation === "mean"
          ? meanOf(aggregates.sum, used.length)
          : aggregates.positive;
  }

  const usedAll = requiredMissing.length === 0;
  const note = usedAll
    ? missing.length > 0
      ? `Chưa có số liệu năm ${listYears(missing)} (không cần cho cách tính này).`
      : null
    : `Tính trên số liệu năm ${listYears(used)}; thiếu số liệu năm ${listYears(missing)}.`;
  return {
    ok: true,
    aggregation,
    value,
    yearsUsed: [...used],
    missingYears: missing,
    complete: missing.length === 0,
    intervals,
    note,
  };
}
