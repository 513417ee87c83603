/**
 * Kysely table types of the maintained result summaries (migration 0023), added to the app-wide `DB`
 * by declaration merging. They hold what evaluation and ranking read of approved results, kept equal
 * to a recomputation from `results` by result-summaries.repo's maintainResultSummaries, called in the
 * same transaction as every write of an approved figure.
 */

/** One unit × indicator × period key: its approved final and estimate figures (each may be absent). */
export interface ResultSummariesTable {
  unit_id: number;
  indicator_id: number;
  /** Any period key a figure is entered for: "2019", "2019-6T", "2019-Q3", "2019-07", "2015-2020"… */
  period_key: string;
  final_value: number | null;
  /** results.id of the approved final figure (orders the notes as the figures were entered). */
  final_id: number | null;
  final_note: string | null;
  estimate_value: number | null;
  estimate_id: number | null;
  estimate_note: string | null;
}

/**
 * One unit × indicator × window of years [year_from, year_to] (a term's years): term.math's aggregates
 * of the years' figures, each year's final figure, else its approved estimate. Only for the windows in
 * result_summary_windows; rows exist only where some year has a figure.
 */
export interface ResultTermSummariesTable {
  unit_id: number;
  indicator_id: number;
  year_from: number;
  year_to: number;
  /** The years with a figure, "2015,2016,…" in no set order. */
  years_present: string;
  /** The years whose figure is an estimate, same format; "" when none. */
  estimate_years: string;
  value_sum: number;
  /** How many of the years' figures are > 0. */
  positive: number;
  /** The figure of the first and of the last year present. */
  first_value: number;
  last_value: number;
}

/** The windows of years kept in result_term_summaries: those the term targets name (see summary-windows.math). */
export interface ResultSummaryWindowsTable {
  year_from: number;
  year_to: number;
}

export interface ResultSummaryTables {
  result_summaries: ResultSummariesTable;
  result_term_summaries: ResultTermSummariesTable;
  result_summary_windows: ResultSummaryWindowsTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends ResultSummaryTables {}
}
