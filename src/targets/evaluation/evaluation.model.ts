/**
 * The shapes an evaluation is made of: the targets that apply to an indicator (one per assigner),
 * the approved figures read, a term's figures, and the evaluation of one indicator with its progress,
 * same-period comparison and every target side by side. Types and shared constants only.
 */

import type { AssignedBy, TargetKind } from "../assignment/target.model.js";
import type { TargetRow } from "../assignment/targets.repo.js";
import type { Aggregation, Indicator } from "../catalogue/indicator.model.js";
import type { Evaluation, IndicatorSemantics, TargetRevision } from "./evaluation.math.js";
import type { Progress } from "./progress.math.js";
import type { SamePeriodComparison } from "./same-period.math.js";
import { NO_TERM_FIGURES, type TermAggregates, type TermFigure } from "./term.math.js";

/** The revisions that apply to one unit for one indicator and period, from one assigner. */
export interface ResolvedTarget {
  revisions: TargetRevision[];
  /** The highest revision's row (document, window, aggregation, assigner, kind). */
  latest: TargetRow;
  source: "own" | "inherited";
  /**
   * The targets of the other assigners for the same indicator and period, in assignment/target.model's
   * order; the evaluation's status judges by this one (the first in that order), the others are shown
   * beside it. Empty when only one assigner set a target.
   */
  alongside: ResolvedTarget[];
}

/** Approved figures of one indicator, unit and period, by version. */
export interface FigureSet {
  final?: number;
  estimate?: number;
}

export interface AnnualPoint {
  year: number;
  value: number | null;
  basis: "final" | "estimate" | "none";
  /** The year's own target value, when one was set as a single value. */
  target: number | null;
}

export interface TermDetail {
  aggregation: Aggregation;
  years: readonly number[];
  figure: TermFigure;
  /** Each term year's figure and target (the trend chart); empty in bulk evaluation, which reads sums only. */
  annual: AnnualPoint[];
}

/** What a term evaluation reads of one indicator's annual figures over the term's years. */
export interface TermFigures {
  aggregates: TermAggregates;
  /** Term years whose figure is an approved estimate (no approved final figure), ascending. */
  estimateYears: readonly number[];
  /** See {@link TermDetail.annual}. */
  annual: AnnualPoint[];
}

/** A term year range [from, to] as one number, for maps keyed by window. */
export const windowKey = (from: number, to: number) => from * 10000 + to;

/** The annual points of a bulk evaluation: none (shared, frozen). */
export const NO_ANNUAL_POINTS = Object.freeze([]) as unknown as AnnualPoint[];

/** No approved figure in any year of the term. */
export const NO_TERM_INPUT: TermFigures = Object.freeze({
  aggregates: NO_TERM_FIGURES,
  estimateYears: Object.freeze([]) as readonly number[],
  annual: NO_ANNUAL_POINTS,
});

/** The figure against one of the targets assigned for it (API `targets[]`). */
export interface TargetComparison {
  assignedBy: AssignedBy;
  kind: TargetKind;
  source: "own" | "inherited";
  document: string | null;
  evaluation: Evaluation;
  /** A part of a year (or a term not over) against this target; null otherwise. */
  progress: Progress | null;
}

export interface IndicatorEvaluation {
  /** With the name and definition in force for the period. */
  indicator: Indicator;
  semantics: IndicatorSemantics;
  /** Against the first target in assigner order (see {@link ResolvedTarget.alongside}). */
  evaluation: Evaluation;
  target: ResolvedTarget | null;
  /** Every target of the indicator, the first being the one `evaluation` uses; empty without a target. */
  targets: TargetComparison[];
  /** Term periods only. */
  term: TermDetail | null;
  /** Every period but a term (and custom keys), when last year's figures were loaded. */
  samePeriod: SamePeriodComparison | null;
  /** Part of a year against the year's target, or a term not yet over against the term's target. */
  progress: Progress | null;
  /** Bad stored data that stopped the evaluation (e.g. a range target on a ceiling indicator). */
  problem: string | null;
  /** Notes of the figures used ("Số liệu minh họa"…); filled by the single-unit evaluation only. */
  notes: string[];
}
