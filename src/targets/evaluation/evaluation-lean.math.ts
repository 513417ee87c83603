/**
 * evaluateIndicator for bulk work: the same figures (status, basis, achievement, gaps), with the
 * Vietnamese wording computed only when someone reads it. Ranking 3.321 wards evaluates 200.000
 * figures, and printing two sentences for each (vi-VN number formatting) costs far more than the
 * arithmetic; a ranking reads statuses and scores, not sentences.
 *
 * The wording is always evaluateIndicator's own: reading `wording` calls it (once). The figures
 * follow evaluation.math's rules; any input outside the plain cases (duplicate revisions, a target
 * that does not fit the direction, non-finite numbers or results) is handed to evaluateIndicator
 * itself, so it answers or throws exactly as evaluateIndicator does. evaluation.lean.test.ts checks both agree field by field.
 */
import {
  type Evaluation,
  type EvaluationInput,
  evaluateIndicator,
  type TargetRevision,
} from "./evaluation.math.js";
import { difference, ratioPct } from "./exact.math.js";
import { compareFigures as compare } from "./figures.math.js";

/** The highest revision, or undefined when two share a number (evaluateIndicator then throws). */
function latest(targets: readonly TargetRevision[]): TargetRevision | null | undefined {
  let best: TargetRevision | null = null;
  for (const t of targets) {
    if (best && t.revision === best.revision) return undefined;
    if (!best || t.revision > best.revision) best = t;
  }
  return best;
}

type Figures = Pick<Evaluation, "status" | "achievementPct" | "exceedPct" | "exceedPoints" | "margin">;

/** The figures of a consistent input, or null when the input needs evaluateIndicator's checks. */
function figuresOf(input: EvaluationInput, target: TargetRevision, actual: number | boolean): Figures | null {
  const { direction, comparisonMode, valueType } = input.semantics;
  const level = target.level;
  const milestone = direction === "milestone";
  if ((valueType === "boolean") !== milestone || (typeof actual === "boolean") !== milestone) return null;
  const none = { achievementPct: null, exceedPct: null, exceedPoints: null };
  if (milestone) {
    if (level.kind !== "milestone") return null;
    return { ...none, status: actual === true ? "met" : "not_met", margin: null };
  }
  const value = actual as number;
  if (!Number.isFinite(value)) return null;
  if (direction === "range") {
    if (
      level.kind !== "range" ||
      !Number.isFinite(level.min) ||
      !Number.isFinite(level.max) ||
      level.min > level.max
    )
      return null;
    const below = compare(value, level.min) < 0;
    const above = compare(value, level.max) > 0;
    if (!below && !above) return { ...none, status: "met", margin: 0 };
    const margin = -Math.abs(difference(value, below ? level.min : level.max));
    return Number.isFinite(margin) ? { ...none, status: "not_met", margin } : null;
  }
  if (level.kind !== "value" || !Number.isFinite(level.value)) return null;
  const t = level.value;
  const ceiling = direction === "lower_is_better";
  const better = ceiling ? compare(t, value) : compare(value, t);
  const margin = better === 0 ? 0 : ceiling ? difference(t, value) : difference(value, t);
  const achievementPct = ceiling || t <= 0 ? null : better === 0 ? 100 : ratioPct(value, t);
  // An overflow (1e308 against 1e-320) is evaluateIndicator's "no data": let it say so.
  if (!Number.isFinite(margin) || (achievementPct !== null && !Number.isFinite(achievementPct))) return null;
  const ratio = comparisonMode === "ratio";
  return {
    status: better > 0 ? "exceeded" : better === 0 ? "met" : "not_met",
    achievementPct,
    exceedPct: ratio && achievementPct !== null ? difference(achievementPct, 100) : null,
    exceedPoints: ratio ? null : margin,
    margin,
  };
}

/**
 * An evaluation whose wording is evaluateIndicator's, computed on first read. The getter lives on the
 * prototype: creating 200.000 objects each with its own accessor and closure costs more than the
 * arithmetic. So `wording` is not an own property: `{ ...evaluation }` drops it (read it by name, or
 * serialise: toJSON includes it).
 */
class LeanEvaluation implements Evaluation {
  #input: EvaluationInput;
  #wording: Evaluation["wording"] | undefined;
  constructor(
    input: EvaluationInput,
    readonly status: Evaluation["status"],
    readonly met: boolean | null,
    readonly basis: Evaluation["basis"],
    readonly actual: number | boolean | null,
    readonly target: Evaluation["target"],
    readonly targetRevision: number | null,
    readonly targetRevised: boolean,
    readonly achievementPct: number | null,
    readonly exceedPct: number | null,
    readonly exceedPoints: number | null,
    readonly margin: number | null,
  ) {
    this.#input = input;
  }

  get wording(): Evaluation["wording"] {
    this.#wording ??= evaluateIndicator(this.#input).wording;
    return this.#wording;
  }

  toJSON(): Evaluation {
    return { ...this, wording: this.wording };
  }
}

/** Same result as evaluateIndicator(input) (with default options), wording computed lazily. */
export function evaluateLean(input: EvaluationInput): Evaluation {
  const target = latest(input.targets);
  if (target === undefined) return evaluateIndicator(input);
  const { final, estimate } = input.actual;
  const basis = final != null ? "final" : estimate != null ? "estimate" : "none";
  const actual =
    basis === "final"
      ? (final as number | boolean)
      : basis === "estimate"
        ? (estimate as number | boolean)
        : null;
  const revised = target !== null && input.targets.some((t) => t.revision < target.revision);
  const make = (status: Evaluation["status"], met: boolean | null, f?: Figures) =>
    new LeanEvaluation(
      input,
      status,
      met,
      basis,
      actual,
      target?.level ?? null,
      target?.revision ?? null,
      revised,
      f?.achievementPct ?? null,
      f?.exceedPct ?? null,
      f?.exceedPoints ?? null,
      f?.margin ?? null,
    );
  if (!target) return make("no_target", null);
  if (actual === null) return make("no_data", null);
  const figures = figuresOf(input, target, actual);
  if (!figures) return evaluateIndicator(input);
  return make(figures.status, figures.status !== "not_met", figures);
}
