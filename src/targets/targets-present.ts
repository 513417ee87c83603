/** Presenters: the JSON the targets API sends (see targets.api-schemas.ts). Pure. */

import type { TargetRow } from "./assignment/targets.repo.js";
import { type Indicator, precisionOf } from "./catalogue/indicator.model.js";
import type { EvaluationBase } from "./comparable/comparable-base.service.js";
import type { ResultRow } from "./entry/results.repo.js";
import type { IndicatorEvaluation } from "./evaluation/evaluation.model.js";
import type { UnitEvaluation } from "./evaluation/evaluation.service.js";
import { roundOrNull } from "./evaluation/exact.math.js";

/** Percentages (achievement, excess, change, progress) leave the API with two decimals. */
const PCT_DIGITS = 2;

export function presentIndicator(i: Indicator) {
  return {
    ...i,
    comparableRule: i.comparableRule ?? null,
    comparableWeightId: i.comparableWeightId ?? null,
    figureKind: i.figureKind ?? null,
    minValue: i.minValue ?? null,
    maxValue: i.maxValue ?? null,
    warnFactor: i.warnFactor ?? null,
  };
}

export function presentTarget(t: TargetRow) {
  return {
    id: t.id,
    indicatorId: t.indicatorId,
    unitId: t.unitId,
    appliesTo: t.appliesTo,
    assignedBy: t.assignedBy,
    kind: t.kind,
    baseline: t.baseline,
    subTotal: t.subTotal,
    periodKind: t.periodKind,
    periodKey: t.periodKey,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    aggregation: t.aggregation,
    levelKind: t.level.kind,
    value: t.level.kind === "value" ? t.level.value : null,
    minValue: t.level.kind === "range" ? t.level.min : null,
    maxValue: t.level.kind === "range" ? t.level.max : null,
    revision: t.revision,
    document: t.document,
    note: t.note,
  };
}

/** `indicators` gives each result its code and says whether a milestone's 1/0 reads as true/false. */
export function presentResult(r: ResultRow, indicators: ReadonlyMap<number, Indicator>) {
  const indicator = indicators.get(r.indicatorId);
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    indicatorCode: indicator?.code ?? "",
    unitId: r.unitId,
    periodKey: r.periodKey,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    version: r.version,
    value: indicator?.valueType === "boolean" ? r.value !== 0 : r.value,
    source: r.source,
    note: r.note,
    status: r.status,
    submittedAt: r.submittedAt,
    approvedAt: r.approvedAt,
    reopenReason: r.reopenReason,
    returnReason: r.returnReason,
    confirmedWarning: r.confirmedWarning,
  };
}

/**
 * One indicator's evaluation as the API sends it, every figure rounded once: values (actual, targets,
 * changes, points) to the indicator's precision, percentages to two decimals, so no 110.99999999999999
 * leaves the server.
 */
export function presentIndicatorEvaluation(e: IndicatorEvaluation) {
  const { evaluation } = e;
  const target = evaluation.target;
  const term = e.term?.figure;
  const unit = e.semantics.unit ?? e.indicator.unitOfMeasure;
  // A term's growth (%/năm) or count (năm) is not in the indicator's unit: two decimals.
  const digits = unit === e.indicator.unitOfMeasure ? precisionOf(e.indicator) : 2;
  const value = (x: number | null | undefined) => roundOrNull(x, digits);
  const pct = (x: number | null | undefined) => roundOrNull(x, PCT_DIGITS);
  const actual = typeof evaluation.actual === "number" ? value(evaluation.actual) : evaluation.actual;
  const progress = e.progress;
  const same = e.samePeriod;
  return {
    code: e.indicator.code,
    name: e.indicator.name,
    unitOfMeasure: unit,
    precision: digits,
    direction: e.semantics.direction,
    comparisonMode: e.semantics.comparisonMode,
    target: target?.kind === "value" ? value(target.value) : null,
    targetRange:
      target?.kind === "range" ? { min: value(target.min) ?? 0, max: value(target.max) ?? 0 } : null,
    targetRevision: evaluation.targetRevision,
    targetSource: e.target?.source ?? null,
    actual,
    basis: evaluation.basis,
    status: evaluation.status,
    achievementPct: pct(evaluation.achievementPct),
    exceedPct: pct(evaluation.exceedPct),
    exceedPoints: value(evaluation.exceedPoints),
    met: evaluation.met,
    wording: evaluation.wording,
    aggregation: e.term?.aggregation ?? null,
    termNote: term ? (term.ok ? term.note : term.message) : null,
    progress: progress
      ? {
          yearTarget: value(progress.yearTarget),
          yearTargetPct: pct(progress.yearTargetPct),
          expectedPct: pct(progress.expectedPct),
          expectedBasis: progress.expectedBasis,
          onTrack: progress.onTrack,
          forecast: progress.forecast
            ? {
                value: value(progress.forecast.value) ?? 0,
                achievementPct: pct(progress.forecast.achievementPct),
              }
            : null,
          wording: progress.wording,
        }
      : null,
    samePeriod:
      same && same.previous !== null
        ? {
            actual: value(same.previous) ?? 0,
            change: value(same.change),
            changePct: pct(same.changePct),
            wording: same.wording,
          }
        : null,
    targets: e.targets.map((t) => {
      const level = t.evaluation.target;
      return {
        assignedBy: t.assignedBy,
        kind: t.kind,
        value: level?.kind === "value" ? value(level.value) : null,
        achievementPct: pct(t.progress ? t.progress.yearTargetPct : t.evaluation.achievementPct),
        status: t.evaluation.status,
        wording: t.evaluation.wording,
        document: t.document,
      };
    }),
    notes: e.problem ? [e.problem, ...e.notes] : e.notes,
  };
}

/** The base of an evaluation, as the API sends it (predecessors without their label). */
function presentBase(base: EvaluationBase | undefined) {
  if (!base || base.kind === "own") return { kind: "own" as const };
  return {
    kind: "comparable" as const,
    label: base.label,
    predecessors: base.predecessors.map((p) => ({
      unitId: p.unitId,
      name: p.name,
      share: p.share,
      legalBases: p.legalBases,
    })),
    missingShares: base.missingShares,
    notRebuilt: base.notRebuilt,
  };
}

export function presentEvaluation(u: UnitEvaluation & { base?: EvaluationBase }) {
  const { sentence, ...counts } = u.summary;
  return {
    unit: u.unit,
    period: { key: u.period.key, kind: u.period.kind, label: u.period.label },
    indicators: u.indicators.map(presentIndicatorEvaluation),
    summary: { ...counts, sentence },
    score: u.score,
    narrative: u.narrative,
    base: presentBase(u.base),
  };
}
