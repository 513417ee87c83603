/**
 * From a unit's evaluation to the narrative's input: the indicator's name in a sentence, its place in
 * the catalogue, its unit, progress against the year's target, the same period last year and the
 * targets by who assigned them (the same figures the API sends as `progress`, `samePeriod` and
 * `targets`). Pure: no I/O.
 */
import { nameInSentence } from "../catalogue/indicator.model.js";
import type { IndicatorEvaluation } from "./evaluation.model.js";
import type {
  NarrativeIndicator,
  NarrativeProgress,
  NarrativeSamePeriod,
  NarrativeTarget,
} from "./narrative-phrases.rules.js";

function progressOf(e: IndicatorEvaluation): NarrativeProgress | null {
  const p = e.progress;
  if (!p || p.yearTargetPct === null) return null;
  return {
    yearTarget: p.yearTarget,
    yearTargetPct: p.yearTargetPct,
    expectedPct: p.expectedPct,
    onTrack: p.onTrack,
  };
}

function samePeriodOf(e: IndicatorEvaluation): NarrativeSamePeriod | null {
  const s = e.samePeriod;
  if (!s || s.previous === null) return null;
  const change = s.change ?? s.changePoints;
  if (change === null && s.changePct === null) return null;
  return { actual: s.previous, change, changePct: s.changePct };
}

function targetsOf(e: IndicatorEvaluation): NarrativeTarget[] {
  return e.targets.map((t) => {
    const level = t.evaluation.target;
    return {
      assignedBy: t.assignedBy,
      value: level?.kind === "value" ? level.value : null,
      achievementPct: t.progress ? t.progress.yearTargetPct : t.evaluation.achievementPct,
    };
  });
}

/** One indicator's evaluation as the narrative reads it. */
export function narrativeIndicatorOf(evaluation: IndicatorEvaluation): NarrativeIndicator {
  return {
    name: nameInSentence(evaluation.indicator.name),
    evaluation: evaluation.evaluation,
    order: evaluation.indicator.sortOrder,
    unit: evaluation.indicator.unitOfMeasure,
    aggregation: evaluation.term?.aggregation,
    digits: evaluation.indicator.percentDigits ?? undefined,
    progress: progressOf(evaluation),
    samePeriod: samePeriodOf(evaluation),
    targets: targetsOf(evaluation),
  };
}
