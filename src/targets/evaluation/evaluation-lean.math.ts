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
  exactValueFigures,
  type TargetLevel,
  type TargetRevision,
} from "./evaluation.math.js";
import { difference } from "./exact.math.js";
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

type Figures = Pick<Evaluation, "achievementPct" | "exceedPct" | "exceedPoints" | "margin">;
const NONE: Figures = Object.freeze({
  achievementPct: null,
  exceedPct: null,
  exceedPoints: null,
  margin: null,
});

/**
 * The status of a consistent input, or null when the input needs evaluateIndicator's checks. The
 * figures are checked here in binary (finite, no overflow) and computed exactly, in decimal, only
 * when read ({@link LeanEvaluation}): a ranking reads statuses, and decimal arithmetic on 200.000
 * figures would cost it seconds.
 */
function statusOf(
  input: EvaluationInput,
  target: TargetRevision,
  actual: number | boolean,
): Evaluation["status"] | null {
  const { direction, valueType } = input.semantics;
  const level = target.level;
  const milestone = direction === "milestone";
  if ((valueType === "boolean") !== milestone || (typeof actual === "boolean") !== milestone) return null;
  if (milestone) {
    if (level.kind !== "milestone") return null;
    return actual === true ? "met" : "not_met";
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
    if (!below && !above) return "met";
    return Number.isFinite(value - (below ? level.min : level.max)) ? "not_met" : null;
  }
  if (level.kind !== "value" || !Number.isFinite(level.value)) return null;
  const t = level.value;
  const ceiling = direction === "lower_is_better";
  const better = ceiling ? compare(t, value) : compare(value, t);
  // An overflow (1e308 against 1e-320) is evaluateIndicator's "no data": let it say so.
  if (
    !Number.isFinite(value - t) ||
    (!ceiling && t > 0 && better !== 0 && !Number.isFinite((value / t) * 100))
  )
    return null;
  return better > 0 ? "exceeded" : better === 0 ? "met" : "not_met";
}

/** The exact figures of a judged input (see {@link statusOf}). */
function exactFiguresOf(
  input: EvaluationInput,
  level: TargetLevel | null,
  actual: number | boolean | null,
): Figures {
  if (level === null || typeof actual !== "number" || level.kind === "milestone") return NONE;
  if (level.kind === "range") {
    const below = compare(actual, level.min) < 0;
    const above = compare(actual, level.max) > 0;
    const margin = !below && !above ? 0 : -Math.abs(difference(actual, below ? level.min : level.max));
    return { achievementPct: null, exceedPct: null, exceedPoints: null, margin };
  }
  const ceiling = input.semantics.direction === "lower_is_better";
  const better = (ceiling ? compare(level.value, actual) : compare(actual, level.value)) as -1 | 0 | 1;
  return exactValueFigures(input.semantics, level.value, actual, better);
}

/**
 * An evaluation whose wording is evaluateIndicator's, computed on first read, and whose figures are
 * computed in decimal on first read. The getters live on the prototype: creating 200.000 objects each
 * with its own accessor and closure costs more than the arithmetic. So `wording` and the figures are
 * not own properties: `{ ...evaluation }` drops them (read them by name, or serialise: toJSON
 * includes them).
 */
class LeanEvaluation implements Evaluation {
  #input: EvaluationInput;
  #wording: Evaluation["wording"] | undefined;
  #figures: Figures | undefined;
  constructor(
    input: EvaluationInput,
    readonly status: Evaluation["status"],
    readonly met: boolean | null,
    readonly basis: Evaluation["basis"],
    readonly actual: number | boolean | null,
    readonly target: Evaluation["target"],
    readonly targetRevision: number | null,
    readonly targetRevised: boolean,
  ) {
    this.#input = input;
  }

  get wording(): Evaluation["wording"] {
    this.#wording ??= evaluateIndicator(this.#input).wording;
    return this.#wording;
  }

  #exact(): Figures {
    this.#figures ??=
      this.status === "no_target" || this.status === "no_data"
        ? NONE
        : exactFiguresOf(this.#input, this.target, this.actual);
    return this.#figures;
  }

  get achievementPct(): number | null {
    return this.#exact().achievementPct;
  }

  get exceedPct(): number | null {
    return this.#exact().exceedPct;
  }

  get exceedPoints(): number | null {
    return this.#exact().exceedPoints;
  }

  get margin(): number | null {
    return this.#exact().margin;
  }

  toJSON(): Evaluation {
    return {
      ...this,
      achievementPct: this.achievementPct,
      exceedPct: this.exceedPct,
      exceedPoints: this.exceedPoints,
      margin: this.margin,
      wording: this.wording,
    };
  }
}

/** Same result as evaluateIndicator(input) (with default options), wording and figures computed lazily. */
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
  const make = (status: Evaluation["status"], met: boolean | null) =>
    new LeanEvaluation(
      input,
      status,
      met,
      basis,
      actual,
      target?.level ?? null,
      target?.revision ?? null,
      revised,
    );
  if (!target) return make("no_target", null);
  if (actual === null) return make("no_data", null);
  const status = statusOf(input, target, actual);
  if (!status) return evaluateIndicator(input);
  return make(status, status !== "not_met");
}

/** An evaluation with every field its own, lazy ones read: safe to spread and change. */
export function plainEvaluation(e: Evaluation): Evaluation {
  return {
    status: e.status,
    met: e.met,
    basis: e.basis,
    actual: e.actual,
    target: e.target,
    targetRevision: e.targetRevision,
    targetRevised: e.targetRevised,
    achievementPct: e.achievementPct,
    exceedPct: e.exceedPct,
    exceedPoints: e.exceedPoints,
    margin: e.margin,
    wording: e.wording,
  };
}
