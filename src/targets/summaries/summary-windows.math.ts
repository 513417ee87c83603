/**
 * Which windows of years the term summaries keep, and which of them a year's figure falls in. Pure.
 *
 * A term evaluation reads each indicator's figures over the years of its target's window (the
 * target's dates: "2015-2020" from 01/01/2015 to 31/12/2019 is 2015–2019) or, without a target, over
 * the key's default window (period.rules). The summaries keep every window some term target names,
 * both ways, so a ranking of any term that has targets reads only kept windows.
 */
import { defaultWindow, termYearsOf } from "../period.rules.js";

export type YearWindow = readonly [from: number, to: number];

/** A term target's key and dates, as read from `targets`. */
export interface TermTargetWindow {
  periodKey: string;
  periodStart: string;
  periodEnd: string;
}

function windowOf(years: readonly number[]): YearWindow | null {
  const from = years[0];
  const to = years[years.length - 1];
  return from === undefined || to === undefined ? null : [from, to];
}

/** The distinct windows of these term targets (their dates, and their key's default window), ascending. */
export function windowsOfTermTargets(targets: readonly TermTargetWindow[]): YearWindow[] {
  const found = new Map<string, YearWindow>();
  const add = (w: YearWindow | null) => {
    if (w && Number.isInteger(w[0]) && Number.isInteger(w[1]) && w[0] >= 1000 && w[1] <= 9999)
      found.set(`${w[0]}-${w[1]}`, w);
  };
  for (const t of targets) {
    add(windowOf(termYearsOf(t.periodStart, t.periodEnd)));
    const byKey = defaultWindow(t.periodKey);
    if (byKey) add(windowOf(termYearsOf(byKey.start, byKey.end)));
  }
  return [...found.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The windows a year belongs to. */
export function windowsContaining(year: number, windows: readonly YearWindow[]): YearWindow[] {
  return windows.filter(([from, to]) => from <= year && year <= to);
}

/** The year of a year key ("2019" → 2019); null for any other key. */
export function yearOfKey(periodKey: string): number | null {
  return /^\d{4}$/.test(periodKey) ? Number(periodKey) : null;
}

/** The windows of `wanted` missing from `kept`. */
export function missingWindows(wanted: readonly YearWindow[], kept: readonly YearWindow[]): YearWindow[] {
  const have = new Set(kept.map(([f, t]) => `${f}-${t}`));
  return wanted.filter(([f, t]) => !have.has(`${f}-${t}`));
}
