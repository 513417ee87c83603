/**
 * Compare and trend (issue 15 §3): one indicator's approved figures for several units (wards) over
 * several periods (years, or quarters, months, the first n months where such figures exist), with a
 * row for the whole by the indicator's rule: a sum for additive figures, a mean for rates (weighted by
 * population or the weight indicator the catalogue names when every unit has that weight, else the
 * plain mean, said so), nothing for milestones. Pure: no I/O.
 *
 * A whole is given only when every unit has a figure for the period; otherwise it says how many do.
 * Each figure is the period's final one, else its approved estimate, marked as such.
 */
import { compareUnitNames } from "../../units/unit-labels.js";
import type { ComparableRule } from "../comparable/comparable-base.math.js";
import { meanOf, sumOf, weightedMeanOf } from "../evaluation/exact.math.js";
import { defaultWindow, periodKindOf, periodLabel, yearPartOf } from "../period.rules.js";

export const COLUMN_KINDS = ["year", "quarter", "month", "cumulative"] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** The `?cot=` value of each kind (the page's URLs are Vietnamese). */
export const COLUMN_KIND_PARAMS: Record<ColumnKind, string> = {
  year: "nam",
  quarter: "quy",
  month: "thang",
  cumulative: "luy-ke",
};

export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = {
  year: "Theo năm",
  quarter: "Theo quý",
  month: "Theo tháng",
  cumulative: "Lũy kế (6 tháng, 9 tháng đầu năm)",
};

export function columnKindOfParam(param: string | undefined): ColumnKind | null {
  if (param === undefined || param === "") return "year";
  const found = COLUMN_KINDS.find((k) => COLUMN_KIND_PARAMS[k] === param || k === param);
  return found ?? null;
}

/** An approved figure as the comparison reads it. */
export interface CompareFigure {
  unitId: number;
  periodKey: string;
  version: "final" | "estimate";
  value: number;
}

export interface CompareCell {
  value: number | null;
  estimate: boolean;
}

export interface CompareRow {
  unitId: number;
  name: string;
  cells: CompareCell[];
}

/** How a whole was made: the rule's method actually used. */
export type WholeMethod = "sum" | "weighted_mean" | "mean";

export interface WholeCell extends CompareCell {
  method: WholeMethod | null;
  /** Units with a figure for the period, of all the rows. */
  present: number;
}

export interface CompareColumn {
  key: string;
  /** "2019", "Quý III/2019", "Tháng 7/2019", "6 tháng đầu năm 2019". */
  label: string;
}

export interface CompareTable {
  columns: CompareColumn[];
  rows: CompareRow[];
  rule: ComparableRule;
  whole: WholeCell[];
}

/** The year of a period key of the kinds compared ("2019-Q3" → 2019); null for terms and custom keys. */
function yearOf(key: string): number | null {
  const kind = periodKindOf(key);
  if (kind === "year") return Number(key);
  return yearPartOf(key)?.year ?? null;
}

function kindOf(key: string): ColumnKind | null {
  const kind = periodKindOf(key);
  return kind === "year" || kind === "quarter" || kind === "month" || kind === "cumulative" ? kind : null;
}

/**
 * The columns: every year from `from` to `to` for years (a year without figures stays, empty); for
 * the other kinds only the keys holding figures in those years, in calendar order.
 */
export function columnsFor(kind: ColumnKind, from: number, to: number, keysWithData: readonly string[]) {
  if (kind === "year")
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => String(from + i)).map(column);
  const keys = [...new Set(keysWithData)].filter((k) => {
    const year = yearOf(k);
    return kindOf(k) === kind && year !== null && year >= from && year <= to;
  });
  const end = (k: string) => defaultWindow(k)?.end ?? k;
  return keys.sort((a, b) => end(a).localeCompare(end(b)) || a.localeCompare(b)).map(column);
}

function column(key: string): CompareColumn {
  const label = periodKindOf(key) === "year" ? key : periodLabel(key);
  return { key, label: label.charAt(0).toLocaleUpperCase("vi-VN") + label.slice(1) };
}

/** The final figure of a unit and period, else its estimate. */
function cellsOf(figures: readonly CompareFigure[]): Map<string, CompareCell> {
  const cells = new Map<string, CompareCell>();
  for (const f of figures) {
    const key = `${f.unitId}|${f.periodKey}`;
    const before = cells.get(key);
    if (f.version === "final") cells.set(key, { value: f.value, estimate: false });
    else if (!before) cells.set(key, { value: f.value, estimate: true });
  }
  return cells;
}

/** The weight of a unit for a period: the period's own, else its year's (a population is counted yearly). */
function weightOf(weights: Map<string, CompareCell>, unitId: number, key: string): number | null {
  const own = weights.get(`${unitId}|${key}`)?.value;
  if (own !== undefined && own !== null) return own;
  const year = yearOf(key);
  return year === null ? null : (weights.get(`${unitId}|${year}`)?.value ?? null);
}

/** The whole of one column by `rule` (see the file's comment). */
export function wholeOf(
  rule: ComparableRule,
  cells: readonly CompareCell[],
  weights: readonly (number | null)[],
): WholeCell {
  const present = cells.filter((c) => c.value !== null).length;
  const none = { value: null, estimate: false, present };
  if (rule === "none" || cells.length === 0 || present < cells.length) return { ...none, method: null };
  const values = cells.map((c) => c.value as number);
  const estimate = cells.some((c) => c.estimate);
  if (rule === "sum") return { value: sumOf(values), estimate, present, method: "sum" };
  const weighted = weights.every((w) => w !== null && w >= 0) && sumOf(weights as number[]) > 0;
  if (weighted) {
    const value = weightedMeanOf(values, weights as number[]);
    return { value, estimate, present, method: "weighted_mean" };
  }
  return { value: meanOf(sumOf(values), values.length), estimate, present, method: "mean" };
}

/** The table of `units` × `columns` from approved figures, with the whole by `rule`. */
export function buildCompareTable(input: {
  units: readonly { id: number; name: string }[];
  columns: readonly CompareColumn[];
  figures: readonly CompareFigure[];
  /** The weight indicator's figures (weighted means only); empty: none. */
  weights: readonly CompareFigure[];
  rule: ComparableRule;
}): CompareTable {
  const cells = cellsOf(input.figures);
  const weights = cellsOf(input.weights);
  const rows = input.units.map((u) => ({
    unitId: u.id,
    name: u.name,
    cells: input.columns.map((c) => cells.get(`${u.id}|${c.key}`) ?? { value: null, estimate: false }),
  }));
  const whole = input.columns.map((c, i) =>
    wholeOf(
      input.rule,
      rows.map((r) => r.cells[i] as CompareCell),
      rows.map((r) => weightOf(weights, r.unitId, c.key)),
    ),
  );
  return { columns: [...input.columns], rows, rule: input.rule, whole };
}

export type SortDirection = "asc" | "desc";

/**
 * Rows sorted by unit name (`by` = "ten") or by a column's figure; units without a figure come last
 * whichever the direction, ties by name.
 */
export function sortRows(table: CompareTable, by: string, direction: SortDirection): CompareRow[] {
  const index = table.columns.findIndex((c) => c.key === by);
  const sign = direction === "asc" ? 1 : -1;
  const byName = (a: CompareRow, b: CompareRow) => compareUnitNames(a.name, b.name);
  return [...table.rows].sort((a, b) => {
    if (index < 0) return sign * byName(a, b);
    const x = a.cells[index]?.value ?? null;
    const y = b.cells[index]?.value ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}
