/**
 * The packed text of the result summaries (result-summaries.tables.ts): one unit's approved figures of
 * one period, and its term aggregates over a window of years, made from source rows and read back.
 * Pure. Numbers are written with String() (the shortest text that reads back as the same double), so
 * no figure changes on the way.
 */
import type { ResultVersion } from "../catalogue/indicator.model.js";
import { aggregateAnnual } from "../evaluation/term.math.js";
import type { YearWindow } from "./summary-windows.math.js";

/** An approved result as the summaries read it. */
export interface SourceFigure {
  id: number;
  indicatorId: number;
  version: ResultVersion;
  value: number;
  note: string | null;
}

/** A packed period: figures, and the notes by result id (null when none). */
export interface PackedPeriod {
  figures: string;
  notes: string | null;
}

/** Packs one unit's approved figures of one period (any order). */
export function packPeriod(rows: readonly SourceFigure[]): PackedPeriod {
  const byIndicator = new Map<number, { final?: SourceFigure; estimate?: SourceFigure }>();
  const notes: Record<string, string> = {};
  let noted = false;
  for (const r of rows) {
    const set = byIndicator.get(r.indicatorId) ?? {};
    set[r.version] = r;
    byIndicator.set(r.indicatorId, set);
    if (r.note !== null) {
      notes[String(r.id)] = r.note;
      noted = true;
    }
  }
  const parts: string[] = [];
  for (const [indicatorId, { final, estimate }] of [...byIndicator].sort((a, b) => a[0] - b[0])) {
    parts.push(
      `${indicatorId},${final ? String(final.value) : ""},${estimate ? String(estimate.value) : ""},${final?.id ?? ""},${estimate?.id ?? ""}`,
    );
  }
  return { figures: parts.join(";"), notes: noted ? JSON.stringify(notes) : null };
}

/** Calls `visit` with each figure of a packed period: indicator, version, value and result id. */
export function unpackPeriod(
  figures: string,
  visit: (indicatorId: number, version: ResultVersion, value: number, resultId: number) => void,
): void {
  let start = 0;
  while (start < figures.length) {
    const a = figures.indexOf(",", start);
    const b = figures.indexOf(",", a + 1);
    const c = figures.indexOf(",", b + 1);
    const d = figures.indexOf(",", c + 1);
    let end = figures.indexOf(";", d + 1);
    if (end < 0) end = figures.length;
    const indicatorId = Number(figures.slice(start, a));
    if (b > a + 1)
      visit(indicatorId, "final", Number(figures.slice(a + 1, b)), Number(figures.slice(c + 1, d)));
    if (c > b + 1)
      visit(indicatorId, "estimate", Number(figures.slice(b + 1, c)), Number(figures.slice(d + 1, end)));
    start = end + 1;
  }
}

/**
 * Packs one unit's term aggregates over `window` from its packed periods by year (year → figures):
 * per indicator and year the final figure, else the estimate; summed up by term.math in year order.
 * Null when no year has a figure.
 */
export function packTerm(window: YearWindow, byYear: ReadonlyMap<number, string>): string | null {
  const [from, to] = window;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const perIndicator = new Map<number, Map<number, { value: number; estimate: boolean }>>();
  for (const year of years) {
    const figures = byYear.get(year);
    if (!figures) continue;
    const chosen = new Map<number, { value: number; estimate: boolean }>();
    unpackPeriod(figures, (indicatorId, version, value) => {
      if (version === "final") chosen.set(indicatorId, { value, estimate: false });
      else if (!chosen.has(indicatorId)) chosen.set(indicatorId, { value, estimate: true });
    });
    for (const [indicatorId, figure] of chosen) {
      const list = perIndicator.get(indicatorId) ?? new Map();
      list.set(year, figure);
      perIndicator.set(indicatorId, list);
    }
  }
  const groups: string[] = [];
  for (const [indicatorId, byYearFigure] of [...perIndicator].sort((a, b) => a[0] - b[0])) {
    const { aggregates } = aggregateAnnual({
      years,
      values: [...byYearFigure].map(([year, f]) => ({ year, value: f.value })),
    });
    const estimates = [...byYearFigure].filter(([, f]) => f.estimate).map(([year]) => year);
    estimates.sort((a, b) => a - b);
    groups.push(
      [
        indicatorId,
        from,
        to,
        aggregates.yearsPresent.join(","),
        estimates.join(","),
        String(aggregates.sum),
        aggregates.positive,
        `:${aggregates.first}`,
        `:${aggregates.last}`,
      ].join("|"),
    );
  }
  return groups.length === 0 ? null : groups.join(";");
}
