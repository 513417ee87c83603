/**
 * From a unit's evaluation to the narrative's input: the indicator's name in a sentence, its place in
 * the catalogue, its unit, and — when the evaluation carries them — progress against the year's target,
 * the same period last year and the targets by who assigned them (the API contract's `progress`,
 * `samePeriod` and `targets`). Those three are read by shape, so the narrative takes them as soon as the
 * evaluation provides them and does without before. Pure: no I/O.
 */
import { nameInSentence } from "../catalogue/indicator.model.js";
import type { IndicatorEvaluation } from "./evaluation-assembly.rules.js";
import type {
  NarrativeIndicator,
  NarrativeProgress,
  NarrativeSamePeriod,
  NarrativeTarget,
} from "./narrative-phrases.rules.js";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** `progress: {yearTarget, yearTargetPct, expectedPct, onTrack}`, or null. */
export function progressOf(raw: unknown): NarrativeProgress | null {
  const r = record(raw);
  if (!r || num(r.yearTargetPct) === null) return null;
  return {
    yearTarget: num(r.yearTarget),
    yearTargetPct: num(r.yearTargetPct),
    expectedPct: num(r.expectedPct),
    onTrack: typeof r.onTrack === "boolean" ? r.onTrack : null,
  };
}

/** `samePeriod: {actual, change, changePct}` (or the year page's {changePoints, changePct}), or null. */
export function samePeriodOf(raw: unknown): NarrativeSamePeriod | null {
  const r = record(raw);
  if (!r) return null;
  const change = num(r.change) ?? num(r.changePoints);
  const changePct = num(r.changePct);
  if (change === null && changePct === null) return null;
  return { actual: num(r.actual), change, changePct };
}

/** `targets: [{assignedBy, value, achievementPct}]`; an empty list when absent. */
export function targetsOf(raw: unknown): NarrativeTarget[] {
  if (!Array.isArray(raw)) return [];
  const targets: NarrativeTarget[] = [];
  for (const item of raw) {
    const r = record(item);
    const by = r?.assignedBy;
    if (!r || (by !== "higher" && by !== "council" && by !== "own")) continue;
    targets.push({ assignedBy: by, value: num(r.value), achievementPct: num(r.achievementPct) });
  }
  return targets;
}

/** One indicator's evaluation as the narrative reads it. */
export function narrativeIndicatorOf(evaluation: IndicatorEvaluation): NarrativeIndicator {
  const extra = evaluation as unknown as Record<string, unknown>;
  return {
    name: nameInSentence(evaluation.indicator.name),
    evaluation: evaluation.evaluation,
    order: evaluation.indicator.sortOrder,
    unit: evaluation.indicator.unitOfMeasure,
    aggregation: evaluation.term?.aggregation,
    progress: progressOf(extra.progress),
    samePeriod: samePeriodOf(extra.samePeriod),
    targets: targetsOf(extra.targets),
  };
}
