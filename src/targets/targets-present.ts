/** Presenters: the JSON the targets API sends (see targets.api-schemas.ts). Pure. */

import type { TargetRow } from "./assignment/targets.repo.js";
import type { Indicator } from "./catalogue/indicator.model.js";
import type { ResultRow } from "./entry/results.repo.js";
import type { UnitEvaluation } from "./evaluation/evaluation.service.js";
import type { IndicatorEvaluation } from "./evaluation/evaluation-assembly.rules.js";

export function presentIndicator(i: Indicator) {
  return {
    ...i,
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

export function presentIndicatorEvaluation(e: IndicatorEvaluation) {
  const { evaluation } = e;
  const target = evaluation.target;
  const term = e.term?.figure;
  return {
    code: e.indicator.code,
    name: e.indicator.name,
    unitOfMeasure: e.semantics.unit ?? e.indicator.unitOfMeasure,
    direction: e.semantics.direction,
    comparisonMode: e.semantics.comparisonMode,
    target: target?.kind === "value" ? target.value : null,
    targetRange: target?.kind === "range" ? { min: target.min, max: target.max } : null,
    targetRevision: evaluation.targetRevision,
    targetSource: e.target?.source ?? null,
    actual: evaluation.actual,
    basis: evaluation.basis,
    status: evaluation.status,
    achievementPct: evaluation.achievementPct,
    exceedPct: evaluation.exceedPct,
    exceedPoints: evaluation.exceedPoints,
    met: evaluation.met,
    wording: evaluation.wording,
    aggregation: e.term?.aggregation ?? null,
    termNote: term ? (term.ok ? term.note : term.message) : null,
    notes: e.problem ? [e.problem, ...e.notes] : e.notes,
  };
}

export function presentEvaluation(u: UnitEvaluation) {
  const { sentence, ...counts } = u.summary;
  return {
    unit: u.unit,
    period: { key: u.period.key, kind: u.period.kind, label: u.period.label },
    indicators: u.indicators.map(presentIndicatorEvaluation),
    summary: { ...counts, sentence },
    score: u.score,
    narrative: u.narrative,
  };
}
