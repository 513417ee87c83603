/**
 * Kysely table types of the maintained result summaries (migration 0023), added to the app-wide `DB`
 * by declaration merging. They hold what evaluation and ranking read of approved results, one row per
 * unit and period (or window of years), so a ranking of 3.321 wards reads 3.321 rows. They are kept
 * equal to a recomputation from `results` by result-summaries.repo's maintainResultSummaries, called
 * in the same transaction as every write of an approved figure; the packing is summary-pack.math.
 */

/** One unit × period key: its approved figures of every indicator, packed. */
export interface ResultSummariesTable {
  unit_id: number;
  /** Any period key a figure is entered for: "2019", "2019-6T", "2019-Q3", "2019-07", "2015-2020"… */
  period_key: string;
  /** "indicator,final,estimate,finalId,estimateId;…" (an empty field for a missing version). */
  figures: string;
  /** JSON object results.id → note, for the figures that have one; null when none has. */
  notes: string | null;
}

/**
 * One unit × window of years [year_from, year_to] (a term's years): per indicator term.math's
 * aggregates of the years' figures (each year's final figure, else its approved estimate), packed.
 * Only for the windows in result_summary_windows; only units with a figure in some year have a row.
 */
export interface ResultTermSummariesTable {
  unit_id: number;
  year_from: number;
  year_to: number;
  /** "indicator|from|to|years|estimate years|sum|positive|:first|:last;…" (results-evaluation.repo's format). */
  aggregates: string;
}

/** The windows of years kept in result_term_summaries: those the term targets name (summary-windows.math). */
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
