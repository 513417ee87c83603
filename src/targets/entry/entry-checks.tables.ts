/**
 * The columns of migration 0012-entry-checks, added to the targets tables by declaration merging so
 * the checks at entry stay in their own files.
 */
declare module "../targets.tables.js" {
  interface IndicatorsTable {
    /** rate | count | money | number; null: implied by the value type and unit of measure. */
    figure_kind: string | null;
    /** Bounds of a result figure in the indicator's unit; null: none beyond the kind's. */
    min_value: number | null;
    max_value: number | null;
    /** A figure this many times last year's or the target (or that fraction of it) must be confirmed; null: 3. */
    warn_factor: number | null;
  }
  interface ResultsTable {
    /** The warning the officer confirmed when entering the figure ("gấp 5 lần số năm trước…"), or null. */
    confirmed_warning: string | null;
  }
}

export {};
