/**
 * Evaluates one indicator from figures already loaded: for a period against its own targets (each
 * assigner's side by side), a part of a year against the year's target as progress, a term from its
 * annual figures (mid-way as progress while the term runs), and the same period last year. Pure: the
 * arithmetic is evaluation.math, target-kinds.math, progress.math, term.math and same-period.math.
 */
import {
  type Aggregation,
  annualSemantics,
  type Indicator,
  termSemantics,
} from "../catalogue/indicator.model.js";
import { defaultWindow, termYearsOf } from "../period.rules.js";
import { ESTIMATE_NOTE, type Evaluation, type IndicatorSemantics } from "./evaluation.math.js";
import type {
  FigureSet,
  IndicatorEvaluation,
  ResolvedTarget,
  TargetComparison,
  TermFigures,
} from "./evaluation.model.js";
import { plainEvaluation } from "./evaluation-lean.math.js";
import { ratioPct } from "./exact.math.js";
import { judgeProgress, type Progress, progressEvaluation } from "./progress.math.js";
import { compareWithSamePeriod, type SamePeriodComparison } from "./same-period.math.js";
import { evaluateKinded, type KindedTarget } from "./target-kinds.math.js";
import { termFigureFromAggregates } from "./term.math.js";

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

type Actual = { final?: number | boolean; estimate?: number | boolean };

const asActual = (indicator: Pick<Indicator, "valueType">, value: number | undefined) =>
  value === undefined ? undefined : indicator.valueType === "boolean" ? value !== 0 : value;

const kindedOf = (t: ResolvedTarget): KindedTarget => ({
  revisions: t.revisions,
  kind: t.latest.kind,
  baseline: t.latest.baseline,
  subTotal: t.latest.subTotal,
});

/** Every target of an indicator evaluated on its own, the first being `primary` (already evaluated). */
function compareTargets(
  semantics: IndicatorSemantics,
  target: ResolvedTarget | undefined,
  actual: Actual,
  primary: Evaluation,
): TargetComparison[] {
  if (!target) return [];
  return [target, ...target.alongside].map((t, i) => ({
    assignedBy: t.latest.assignedBy,
    kind: t.latest.kind,
    source: t.source,
    document: t.latest.document,
    evaluation: i === 0 ? primary : evaluateKinded(semantics, kindedOf(t), actual).evaluation,
    progress: null,
  }));
}

/** What a part of a year is judged by: the year's targets, the share expected by now, the year's estimate. */
export interface PartYearContext {
  yearTarget: ResolvedTarget | undefined;
  expected: { pct: number; basis: "months" | "seasonal" };
  /** The year's approved estimate (ước thực hiện cả năm), for "dự kiến cả năm". */
  forecast: number | null;
}

/** The semantics a whole's target of some kind is judged by as progress; null when a kind has no progress. */
function progressSemantics(semantics: IndicatorSemantics, target: ResolvedTarget): IndicatorSemantics | null {
  const kind = target.latest.kind;
  if (kind === "level") return semantics;
  if (kind === "at_least") return { ...semantics, direction: "floor" };
  if (kind === "at_most") return { ...semantics, direction: "lower_is_better" };
  return null;
}

/** Progress of a part-year figure against each of the year's targets (null where one cannot be judged). */
function partYearProgress(
  semantics: IndicatorSemantics,
  context: PartYearContext,
  actual: number | boolean | null,
): { target: ResolvedTarget; progress: Progress | null }[] {
  const year = context.yearTarget;
  if (!year) return [];
  return [year, ...year.alongside].map((target) => {
    const judged = progressSemantics(semantics, target);
    if (!judged || typeof actual !== "number") return { target, progress: null };
    const progress = judgeProgress({
      semantics: judged,
      level: target.latest.level,
      actual,
      expected: context.expected,
      wholeName: "kế hoạch năm",
      forecast: context.forecast,
    });
    return { target, progress };
  });
}

/** Evaluates one indicator for a year, a part of a year or a custom period from that period's figures. */
export function evaluateDirect(
  indicator: Indicator,
  target: ResolvedTarget | undefined,
  figures: FigureSet | undefined,
  previous?: FigureSet,
  partYear?: PartYearContext,
): IndicatorEvaluation {
  const semantics = annualSemanticsOf(indicator);
  // Numbers pass as they are (a FigureSet is already { final, estimate }); milestones become booleans.
  const actual: Actual =
    indicator.valueType === "boolean"
      ? { final: asActual(indicator, figures?.final), estimate: asActual(indicator, figures?.estimate) }
      : (figures ?? NO_FIGURES);
  let { evaluation, problem } = evaluateKinded(semantics, target ? kindedOf(target) : undefined, actual);
  let targets = compareTargets(semantics, target, actual, evaluation);
  let progress: Progress | null = null;
  if (partYear?.yearTarget) {
    const judged = partYearProgress(semantics, partYear, evaluation.actual);
    progress = judged[0]?.progress ?? null;
    if (!target) {
      // No target for the part itself: the part is judged as progress towards the year's targets.
      const yearLevel = partYear.yearTarget.latest.level;
      const note = evaluation.basis === "estimate" ? ESTIMATE_NOTE : "";
      evaluation = progress
        ? progressEvaluation(evaluation, yearLevel, progress, note)
        : {
            ...plainEvaluation(evaluation),
            status: evaluation.actual === null ? "no_data" : "no_target",
            target: yearLevel,
          };
      if (evaluation.actual === null) {
        evaluation = {
          ...plainEvaluation(evaluation),
          wording: { precise: "chưa có số liệu", customary: "chưa có số liệu" },
        };
      }
      targets = judged.map(({ target: t, progress: p }, i) => ({
        assignedBy: t.latest.assignedBy,
        kind: t.latest.kind,
        source: t.source,
        document: t.latest.document,
        evaluation:
          i === 0 ? evaluation : p ? progressEvaluation(evaluation, t.latest.level, p, note) : evaluation,
        progress: p,
      }));
    }
  }
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
    targets,
    term: null,
    samePeriod,
    progress,
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
 * Evaluates one indicator over a term (`years`, see {@link yearsOfTerm}) from its annual figures
 * summed up: the term figure by the target's aggregation (or the indicator's); the whole figure
 * counts as an estimate when any year it uses is one. Missing years refuse the figure (term.math
 * says which), except while the term runs (`today` on or before the target's last day) and only its
 * last years are missing: the years so far are then judged as progress towards the term's target
 * ("sau 3 năm đạt 62% chỉ tiêu nhiệm kỳ").
 */
export function evaluateTerm(
  indicator: Indicator,
  target: ResolvedTarget | undefined,
  years: readonly number[],
  figures: TermFigures,
  today?: string | null,
): IndicatorEvaluation {
  const aggregation = target?.latest.aggregation ?? indicator.termAggregation;
  let figure = termFigureFromAggregates(aggregation, years, figures.aggregates);
  const present = figures.aggregates.yearsPresent;
  const lastPresent = present[present.length - 1];
  const midTerm =
    !figure.ok &&
    figure.reason === "missing_years" &&
    target !== undefined &&
    today != null &&
    today <= target.latest.periodEnd &&
    lastPresent !== undefined &&
    figure.missingYears.every((y) => y > lastPresent);
  if (midTerm)
    figure = termFigureFromAggregates(aggregation, years, figures.aggregates, { allowMissing: true });
  const semantics = termSemanticsOf(indicator, aggregation);
  const usedEstimate =
    figure.ok && figures.estimateYears.some((y) => figure.ok && figure.yearsUsed.includes(y));
  let actual: Actual = {};
  if (figure.ok) {
    const value = semantics.valueType === "boolean" ? figure.value !== 0 : figure.value;
    actual = usedEstimate ? { estimate: value } : { final: value };
  }
  let { evaluation, problem } = evaluateKinded(semantics, target ? kindedOf(target) : undefined, actual);
  let progress: Progress | null = null;
  if (midTerm && figure.ok && target && typeof evaluation.actual === "number") {
    const judged = progressSemantics(semantics, target);
    const flow = aggregation === "sum" || aggregation === "count";
    progress = judged
      ? judgeProgress({
          semantics: judged,
          level: target.latest.level,
          actual: evaluation.actual,
          expected: { pct: ratioPct(present.length, years.length), basis: "years" },
          wholeName: "chỉ tiêu nhiệm kỳ",
          lead: `sau ${present.length} năm (${years[0]}–${lastPresent}) `,
          flow,
        })
      : null;
    if (progress) {
      const note = evaluation.basis === "estimate" ? ESTIMATE_NOTE : "";
      evaluation = progressEvaluation(evaluation, target.latest.level, progress, note);
    }
  }
  if (!figure.ok && evaluation.status === "no_data") {
    const why = `chưa tính được: ${figure.message}`;
    evaluation = { ...plainEvaluation(evaluation), wording: { precise: why, customary: why } };
  }
  const targets = compareTargets(semantics, target, actual, evaluation);
  if (targets[0]) targets[0].progress = progress;
  return {
    indicator,
    semantics,
    evaluation,
    target: target ?? null,
    targets,
    term: { aggregation, years, figure, annual: figures.annual },
    samePeriod: null,
    progress,
    problem,
    notes: [],
  };
}
