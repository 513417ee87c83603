/**
 * Kysely table types of the kept ranking outcomes (migration 0026), added to the app-wide `DB` by
 * declaration merging. A ranking of 3.321 wards reads one outcome row per ward (its score and the counts
 * behind it) instead of evaluating 200.000 figures. An outcome is valid while the epochs it was computed
 * at are current: its unit's, its parent's (whose targets for all children it used) and the catalogue's
 * (unit 0). Every write that changes an evaluation bumps the epoch of the unit it touches in the same
 * transaction (ranking-outcomes.repo's bumpEpochs), so a stale outcome is never read, and one written
 * back after a racing change carries the epoch read before it and is recomputed on the next read.
 */

/** One unit × evaluation key: the outcome a ranking prints for it. */
export interface RankingOutcomesTable {
  /** The parent whose children were ranked (its targets for all children were applied). */
  parent_id: number;
  unit_id: number;
  period_key: string;
  /** 1: open-data indicators only (the public ranking); 0: every indicator. */
  public_only: number;
  /** The day a term running past it was judged at ("" when no day was given). */
  today: string;
  /** ranking-score.math's score; null when nothing was assigned. */
  score: number | null;
  met: number;
  exceeded: number;
  with_data: number;
  no_data: number;
  unit_epoch: number;
  parent_epoch: number;
  catalogue_epoch: number;
}

/** How many times what a unit's evaluation depends on has changed; unit 0 stands for the catalogue. */
export interface EvaluationEpochsTable {
  unit_id: number;
  epoch: number;
}

export interface RankingOutcomeTables {
  ranking_outcomes: RankingOutcomesTable;
  evaluation_epochs: EvaluationEpochsTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends RankingOutcomeTables {}
}
