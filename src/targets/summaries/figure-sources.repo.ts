/**
 * Where evaluation reads approved figures: the maintained summaries (the app, always) or the results
 * themselves (the old path, kept so the property test and the benchmark can compare both on the same
 * data). Both answer the same questions with the same figures.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { ChildrenScope } from "../assignment/targets.repo.js";
import {
  type ApprovedFigure,
  type ChildFigureVisit,
  listApprovedFiguresForUnit,
  type TermAggregateVisit,
  type TermScope,
  visitApprovedOfChildren,
  visitTermAggregates,
} from "../evaluation/results-evaluation.repo.js";
import {
  listSummaryFiguresForUnit,
  visitSummariesOfChildren,
  visitTermSummaries,
} from "./summaries-evaluation.repo.js";

export interface FigureSource {
  /** A unit's approved figures for some periods, in the order they were entered. */
  ofUnit(db: Kysely<DB>, unitId: number, periodKeys: string[]): Promise<ApprovedFigure[]>;
  /** Every approved figure of every child of a parent at a date (or of some of them) for some periods. */
  ofChildren(
    db: Kysely<DB>,
    input: ChildrenScope & { periodKeys: string[] },
    visit: ChildFigureVisit,
  ): Promise<void>;
  /** Term aggregates per unit, indicator and window of years. */
  termAggregates(
    db: Kysely<DB>,
    input: { scope: TermScope; windows: readonly (readonly [number, number])[] },
    visit: TermAggregateVisit,
  ): Promise<void>;
}

/** The maintained summaries: what the app reads. */
export const SUMMARY_FIGURES: FigureSource = {
  ofUnit: listSummaryFiguresForUnit,
  ofChildren: visitSummariesOfChildren,
  termAggregates: visitTermSummaries,
};

/** The results table itself: the old path, for comparisons. */
export const RESULT_FIGURES: FigureSource = {
  ofUnit: listApprovedFiguresForUnit,
  ofChildren: visitApprovedOfChildren,
  termAggregates: visitTermAggregates,
};
