/**
 * Turns loaded rows (indicators, target revisions, approved figures) into evaluations, for one unit or
 * for many units read in bulk. Pure: no I/O; the arithmetic itself is evaluation.math and term.math.
 *
 * Rules: a unit's own target for an indicator and period wins over its parent's target "for all
 * children"; the highest revision applies; an approved final figure wins over an approved estimate,
 * which is then named as such; nothing missing is filled in.
 */

import type { TargetRow } from "../assignment/targets.repo.js";
import {
  type Aggregation,
  annualSemantics,
  type Indicator,
  type ResultVersion,
  termSemantics,
} from "../catalogue/indicator.model.js";
import { defaultWindow, periodKindOf, termYearsOf } from "../period.rules.js";
import {
  type Evaluation,
  evaluateIndicator,
  type IndicatorSemantics,
  type TargetRevision,
} from "./evaluation.math.js";
import { evaluateLean } from "./evaluation-lean.math.js";
import { compareWithSamePeriod, type SamePeriodComparison } from "./same-period.math.js";
import {
  aggregateAnnual,
  NO_TERM_FIGURES,
  type TermAggregates,
  type TermFigure,
  termFigureFromAggregates,
} from "./term.math.js";

/** The revisions that apply to one unit for one indicator and period. */
export interface ResolvedTarget {
  revisions: TargetRevision[];
  /** The highest revision's row (document, window, aggregation). */
  latest: TargetRow;
  source: "own" | "inherited";
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

export interface IndicatorEvaluation {
  /** With the name and definition in force for the period. */
  indicator: Indicator;
  semantics: IndicatorSemantics;
  evaluation: Evaluation;
  target: ResolvedTarget | null;
  /** Term periods only. */
  term: TermDetail | null;
  /** Year periods only, when last year's figure was loaded. */
  samePeriod: SamePeriodComparison | null;
  /** Bad stored data that stopped the evaluation (e.g. a range target on a ceiling indicator). */
  problem: string | null;
  /** Notes of the figures used ("Số liệu minh họa"…); filled by the single-unit evaluation only. */
  notes: string[];
}

/** Groups target rows by indicator and picks own over inherited, for one unit and one period key. */
export function resolveTargets(
  rows: readonly TargetRow[],
  unitId: number,
  parentId: number | null,
  periodKey: string,
): Map<number, ResolvedTarget> {
  const own = new Map<number, TargetRow[]>();
  const inherited = new Map<number, TargetRow[]>();
  for (const row of rows) {
    if (row.periodKey !== periodKey) continue;
    const bucket =
      row.appliesTo === "unit" && row.unitId === unitId
        ? own
        : row.appliesTo === "children" && row.unitId === parentId
          ? inherited
          : null;
    if (!bucket) continue;
    const list = bucket.get(row.indicatorId);
    if (list) list.push(row);
    else bucket.set(row.indicatorId, [row]);
  }
  const resolved = new Map<number, ResolvedTarget>();
  for (const [source, bucket] of [
    ["inherited", inherited],
    ["own", own],
  ] as const) {
    for (const [indicatorId, list] of bucket) {
      let latest = list[0] as TargetRow;
      for (const row of list) if (row.revision > latest.revision) latest = row;
      resolved.set(indicatorId, {
        revisions: list.map((r) => ({ revision: r.revision, level: r.level })),
        latest,
        source,
      });
    }
  }
  return resolved;
}

/** Adds a figure to `periodKey → indicatorId → FigureSet`. */
export function addFigure(
  into: Map<string, Map<number, FigureSet>>,
  figure: { periodKey: string; indicatorId: number; version: ResultVersion; value: number },
): void {
  let byIndicator = into.get(figure.periodKey);
  if (!byIndicator) {
    byIndicator = new Map();
    into.set(figure.periodKey, byIndicator);
  }
  const set = byIndicator.get(figure.indicatorId) ?? {};
  set[figure.version] = figure.value;
  byIndicator.set(figure.indicatorId, set);
}

// One semantics object per indicator (and aggregation), not one per evaluation: bulk evaluation makes
// 200.000 of them otherwise.
const annualCache = new WeakMap<Indicator, IndicatorSemantics>();
const termCache = new WeakMap<Indicator, Map<Aggregation, IndicatorSemantics>>();

function annualSemanticsOf(indicator: Indicator): IndicatorSemantics {
  let semantics = annualCache.get(indicator);
  if (!semantics) {
    semantics = annualSemantics(indicator);
    annualCache.set(indicator, semantics);
  }
  return semantics;
}

function termSemanticsOf(indicator: Indicator, aggregation: Aggregation): IndicatorSemantics {
  let byAggregation = termCache.get(indicator);
  if (!byAggregation) {
    byAggregation = new Map();
    termCache.set(indicator, byAggregation);
  }
  let semantics = byAggregation.get(aggregation);
  if (!semantics) {
    semantics = termSemantics(indicator, aggregation);
    byAggregation.set(aggregation, semantics);
  }
  return semantics;
}

const NO_FIGURES: FigureSet = Object.freeze({});

const asActual = (indicator: Pick<Indicator, "valueType">, value: number | undefined) =>
  value === undefined ? undefined : indicator.valueType === "boolean" ? value !== 0 : value;

/** evaluateLean (wording on demand), with bad stored data reported as a problem instead of a crashed page. */
function safeEvaluate(
  semantics: IndicatorSemantics,
  target: ResolvedTarget | undefined,
  actual: { final?: number | boolean; estimate?: number | boolean },
): { evaluation: Evaluation; problem: string | null } {
  try {
    return {
      evaluation: evaluateLean({ semantics, targets: target?.revisions ?? [], actual }),
      problem: null,
    };
  } catch (error) {
    const evaluation = evaluateIndicator({ semantics, targets: [], actual: {} });
    const detail = error instanceof Error ? error.message : String(error);
    return {
      evaluation: {
        ...evaluation,
        status: "no_data",
        wording: { precise: "dữ liệu không nhất quán", customary: "dữ liệu không nhất quán" },
      },
      problem: `Chỉ tiêu giao không khớp với loại chỉ tiêu (${detail}).`,
    };
  }
}

/** Evaluates one indicator for a year or custom period from that period's figures. */
export function evaluateDirect(
  indicator: Indicator,
  target: ResolvedTarget | undefined,
  figures: FigureSet | undefined,
  previous?: FigureSet,
): IndicatorEvaluation {
  const semantics = annualSemanticsOf(indicator);
  // Numbers pass as they are (a FigureSet is already { final, estimate }); milestones become booleans.
  const actual =
    indicator.valueType === "boolean"
      ? { final: asActual(indicator, figures?.final), estimate: asActual(indicator, figures?.estimate) }
      : (figures ?? NO_FIGURES);
  const { evaluation, problem } = safeEvaluate(semantics, target, actual);
  let samePeriod: SamePeriodComparison | null = null;
  if (previous !== undefined && indicator.valueType !== "boolean") {
    const current = figures?.final ?? figures?.estimate;
    samePeriod = compareWithSamePeriod(current, previous.final ?? previous.estimate, {
      mode: indicator.comparisonMode,
      unit: indicator.unitOfMeasure,
    });
  }
  return {
    indicator,
    semantics,
    evaluation,
    target: target ?? null,
    term: null,
    samePeriod,
    problem,
    notes: [],
  };
}

/** The years a term evaluation reads: the term target's window, else the key's default window. */
export function yearsOfTerm(periodKey: string, target: ResolvedTarget | undefined): readonly number[] {
  if (target) return termYearsOf(target.latest.periodStart, target.latest.periodEnd);
  const window = defaultWindow(periodKey);
  return window ? termYearsOf(window.start, window.end) : [];
}

/**
 * A term's figures for one indicator, from the annual figures loaded for one unit (`period → indicator
 * → figures`): per year the final figure, else the estimate; each year's own target for the chart.
 */
export function termFiguresOf(
  indicator: Indicator,
  years: readonly number[],
  annualFigures: ReadonlyMap<string, ReadonlyMap<number, FigureSet>>,
  annualTargets?: ReadonlyMap<number, Map<number, ResolvedTarget>>,
): TermFigures {
  const annual: AnnualPoint[] = years.map((year) => {
    const set = annualFigures.get(String(year))?.get(indicator.id);
    const value = set?.final ?? set?.estimate ?? null;
    const basis = set?.final !== undefined ? "final" : set?.estimate !== undefined ? "estimate" : "none";
    const level = annualTargets?.get(year)?.get(indicator.id)?.latest.level;
    return { year, value, basis, target: level?.kind === "value" ? level.value : null };
  });
  const { aggregates } = aggregateAnnual({
    years,
    values: annual.map((a) => ({ year: a.year, value: a.value })),
  });
  const estimateYears = annual.filter((a) => a.basis === "estimate").map((a) => a.year);
  return { aggregates, estimateYears, annual };
}

/**
 * Evaluates one indicator over a term (`years`, see {@link yearsOfTerm}) from its annual figures
 * summed up: the term figure by the target's aggregation (or the indicator's); the whole figure
 * counts as an estimate when any year it uses is one. Missing years refuse the figure (term.math
 * says which).
 */
export function evaluateTerm(
  indicator: Indicator,
  target: ResolvedTarget | undefined,
  years: readonly number[],
  figures: TermFigures,
): IndicatorEvaluation {
  const aggregation = target?.latest.aggregation ?? indicator.termAggregation;
  const figure = termFigureFromAggregates(aggregation, years, figures.aggregates);
  const semantics = termSemanticsOf(indicator, aggregation);
  const usedEstimate = figure.ok && figures.estimateYears.some((y) => figure.yearsUsed.includes(y));
  let actual: { final?: number | boolean; estimate?: number | boolean } = {};
  if (figure.ok) {
    const value = semantics.valueType === "boolean" ? figure.value !== 0 : figure.value;
    actual = usedEstimate ? { estimate: value } : { final: value };
  }
  let { evaluation, problem } = safeEvaluate(semantics, target, actual);
  if (!figure.ok && evaluation.status === "no_data") {
    const why = `chưa tính được: ${figure.message}`;
    evaluation = { ...evaluation, wording: { precise: why, customary: why } };
  }
  return {
    indicator,
    semantics,
    evaluation,
    target: target ?? null,
    term: { aggregation, years, figure, annual: figures.annual },
    samePeriod: null,
    problem,
    notes: [],
  };
}

/** Everything needed to evaluate one unit for one period, already loaded. */
export interface UnitRows {
  unitId: number;
  parentId: number | null;
  periodKey: string;
  /** Indicators to consider, in display order (already filtered for visibility). */
  indicators: readonly Indicator[];
  targets: readonly TargetRow[];
  /** Approved figures of this unit: the period's, last year's, and for a term every year's. */
  figures: ReadonlyMap<string, ReadonlyMap<number, FigureSet>>;
  /**
   * Term periods: an indicator's figures over the years [from, to], already summed up (bulk
   * evaluation has the database do it); when absent they are made from `figures`.
   */
  termFigures?: (indicatorId: number, from: number, to: number) => TermFigures | undefined;
  /** Load last year's figures for "so với cùng kỳ" (year periods). */
  previousKey?: string | null;
  /** Resolve each term year's own target, for the trend chart. */
  withAnnualTargets?: boolean;
  /** The period's targets already resolved (bulk evaluation resolves the parent's once for all units). */
  resolved?: ReadonlyMap<number, ResolvedTarget>;
}

/**
 * Evaluates every indicator that has a target or a figure in the period, in the given order.
 * Indicators with neither are not part of the unit's evaluation and are left out.
 */
export function assembleUnitEvaluation(rows: UnitRows): IndicatorEvaluation[] {
  const kind = periodKindOf(rows.periodKey);
  const targets = rows.resolved ?? resolveTargets(rows.targets, rows.unitId, rows.parentId, rows.periodKey);
  const out: IndicatorEvaluation[] = [];
  if (kind === "term") {
    const annualTargets = new Map<number, Map<number, ResolvedTarget>>();
    if (rows.withAnnualTargets) {
      for (const key of new Set(rows.targets.map((t) => t.periodKey))) {
        if (periodKindOf(key) === "year") {
          annualTargets.set(Number(key), resolveTargets(rows.targets, rows.unitId, rows.parentId, key));
        }
      }
    }
    for (const indicator of rows.indicators) {
      const target = targets.get(indicator.id);
      const years = yearsOfTerm(rows.periodKey, target);
      // No years (a target window ending before it starts) has no figures; evaluateTerm then refuses it.
      const from = years[0];
      const to = years[years.length - 1];
      const figures =
        from === undefined || to === undefined
          ? NO_TERM_INPUT
          : rows.termFigures
            ? (rows.termFigures(indicator.id, from, to) ?? NO_TERM_INPUT)
            : termFiguresOf(indicator, years, rows.figures, annualTargets);
      if (!target && figures.aggregates.yearsPresent.length === 0) continue;
      out.push(evaluateTerm(indicator, target, years, figures));
    }
    return out;
  }
  const current = rows.figures.get(rows.periodKey);
  const previous = rows.previousKey ? rows.figures.get(rows.previousKey) : undefined;
  for (const indicator of rows.indicators) {
    const target = targets.get(indicator.id);
    const figures = current?.get(indicator.id);
    if (!target && !figures) continue;
    const last = rows.previousKey ? (previous?.get(indicator.id) ?? {}) : undefined;
    out.push(evaluateDirect(indicator, target, figures, last));
  }
  return out;
}
