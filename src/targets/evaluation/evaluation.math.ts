/**
 * Evaluating one indicator: an actual against its target, following the arithmetic of domain.md §2.
 * Pure: no I/O. Ratios and differences are computed in decimal (exact.math), so 44,4 of 40 is 111%;
 * wording rounds half away from zero at display precision (see core/format/vi-number).
 */

import { difference, ratioPct } from "./exact.math.js";
import { digitsShowing, makePrinter, type Printer, same, type Words } from "./figure-wording.rules.js";
import { compareFigures as compare } from "./figures.math.js";

/** Which way is good. floor = "≥ 99,3%" (at least); lower_is_better = a ceiling; range = [min, max]. */
export type Direction = "higher_is_better" | "lower_is_better" | "range" | "floor" | "milestone";
/** ratio: actual ÷ target (amounts, counts). points: actual − target (rates, where "vượt" means points). */
export type ComparisonMode = "ratio" | "points";
export type ValueType = "number" | "rate" | "boolean";

/** What an indicator means; stored with the indicator, never guessed from its name. */
export interface IndicatorSemantics {
  direction: Direction;
  comparisonMode: ComparisonMode;
  valueType: ValueType;
  /** Printed after values: "%", "‰" (attached) or "tỷ đồng", "hộ", "người" (after a space). */
  unit?: string;
}

/** The level a target sets: one value, a range, or a milestone (achieved or not). */
export type TargetLevel =
  | { kind: "value"; value: number }
  | { kind: "range"; min: number; max: number }
  | { kind: "milestone" };

/** One version of a target. revision 0 is the target as assigned; each adjustment (điều chỉnh) adds one. */
export interface TargetRevision {
  revision: number;
  level: TargetLevel;
}

/** Final (chính thức) and estimate (ước thực hiện) figures are kept apart; either may be absent. */
export interface ActualFigures {
  final?: number | boolean | null;
  estimate?: number | boolean | null;
}

export interface EvaluationInput {
  semantics: IndicatorSemantics;
  /** Every revision known; the highest revision number is used. Empty means no target was assigned. */
  targets: readonly TargetRevision[];
  actual: ActualFigures;
}

export interface EvaluationOptions {
  /** Fraction digits of percentages and points in precise wording (default 2: "vượt 8,05%"). */
  preciseDigits?: number;
  /** Fraction digits of ratio percentages in customary wording (default 0: "vượt 8%"). */
  customaryRatioDigits?: number;
  /** Fraction digits when printing actual and target values themselves (default 3: "40,848 tỷ đồng"). */
  valueDigits?: number;
}

/**
 * exceeded: better than the target (above it, or below a ceiling); met: exactly on it, inside the range,
 * or the milestone done; not_met: worse; no_data: no final and no estimate; no_target: nothing assigned.
 * Whether the figure is an estimate is told by `basis`, not the status, so an estimate can still be
 * "exceeded" while every consumer can see it is not final. on_track / behind: a part of the year (or
 * of a term not yet over) judged against the whole's target as progress (progress.math), never as
 * met or not met before the end.
 */
export type EvaluationStatus =
  | "exceeded"
  | "met"
  | "not_met"
  | "no_data"
  | "no_target"
  | "on_track"
  | "behind";
export type ActualBasis = "final" | "estimate" | "none";

export interface Evaluation {
  status: EvaluationStatus;
  /** true for met and exceeded; null when there is no actual or no target. */
  met: boolean | null;
  basis: ActualBasis;
  actual: number | boolean | null;
  target: TargetLevel | null;
  targetRevision: number | null;
  /** The target used is not the one first assigned. */
  targetRevised: boolean;
  /** actual ÷ target × 100; only for higher_is_better and floor with a positive target, else null. */
  achievementPct: number | null;
  /** Ratio mode: achievementPct − 100 (negative when short); null in points mode or without a ratio. */
  exceedPct: number | null;
  /** Points mode: actual − target (target − actual for a ceiling); null in ratio mode. */
  exceedPoints: number | null;
  /**
   * Signed gap in the indicator's unit, positive = better than the target: actual − target (higher, floor),
   * target − actual (ceiling), 0 inside a range or minus the distance outside it; null for milestones.
   */
  margin: number | null;
  wording: { precise: string; customary: string };
}

/** Appended to the wording of an evaluation based on an estimate; exported so text builders can move it. */
export const ESTIMATE_NOTE = " (theo số ước thực hiện)";

/** Picks the highest revision; two revisions with the same number are a data error, not a choice. */
function latestRevision(targets: readonly TargetRevision[]): TargetRevision | null {
  let latest: TargetRevision | null = null;
  for (const target of targets) {
    if (latest && target.revision === latest.revision) {
      throw new RangeError(`two targets share revision ${target.revision}`);
    }
    if (!latest || target.revision > latest.revision) latest = target;
  }
  return latest;
}

function checkConsistency(semantics: IndicatorSemantics, level: TargetLevel, actual: number | boolean): void {
  const expectedKind =
    semantics.direction === "milestone" ? "milestone" : semantics.direction === "range" ? "range" : "value";
  if (level.kind !== expectedKind) {
    throw new TypeError(
      `a ${semantics.direction} indicator needs a ${expectedKind} target, got ${level.kind}`,
    );
  }
  const wantsBoolean = semantics.direction === "milestone";
  if (
    (semantics.valueType === "boolean") !== wantsBoolean ||
    (typeof actual === "boolean") !== wantsBoolean
  ) {
    throw new TypeError(
      "milestones take boolean actuals and boolean value type; other directions take numbers",
    );
  }
  if (level.kind === "range" && level.min > level.max) {
    throw new RangeError(`range min ${level.min} is above max ${level.max}`);
  }
}

/** Wording for a value target (higher, floor, ceiling). `better` is 1 when the actual is on the good side. */
function valueWords(
  semantics: IndicatorSemantics,
  actual: number,
  target: number,
  better: -1 | 0 | 1,
  achievementPct: number | null,
  p: Printer,
  o: Required<EvaluationOptions>,
): Words {
  const { direction, comparisonMode } = semantics;
  const gap = Math.abs(difference(actual, target));
  if (direction === "lower_is_better") {
    const head = `ở mức ${p.value(actual)}`;
    if (better === 0) return same(`${head}, bằng mức trần`);
    return p.gapWords(head, better > 0 ? "thấp hơn mức trần" : "cao hơn mức trần", gap);
  }
  if (comparisonMode === "ratio" && achievementPct !== null) {
    const words = (minDigits: number): string => {
      const digits = digitsShowing(achievementPct - 100, minDigits);
      const head = `đạt ${p.pct(achievementPct, digits)} kế hoạch`;
      if (better === 0) return head;
      const diff = p.pct(Math.abs(difference(achievementPct, 100)), digits);
      return better > 0 ? `${head}, vượt ${diff}` : `${head}, chưa đạt (thiếu ${diff})`;
    };
    return { precise: words(o.preciseDigits), customary: words(o.customaryRatioDigits) };
  }
  const head = `đạt ${p.value(actual)}`;
  // A ratio is undefined for a zero or negative target: say so instead of printing a percentage.
  const note =
    comparisonMode === "ratio"
      ? target === 0
        ? " (kế hoạch bằng 0, không tính tỷ lệ %)"
        : " (không tính tỷ lệ %)"
      : "";
  const [equal, above, below] =
    direction === "floor"
      ? ["bằng mức tối thiểu", "cao hơn mức tối thiểu", "thấp hơn mức tối thiểu"]
      : comparisonMode === "ratio"
        ? ["bằng kế hoạch", "vượt kế hoạch", "thấp hơn kế hoạch"]
        : ["bằng chỉ tiêu", "vượt", "thấp hơn chỉ tiêu"];
  if (better === 0) return same(`${head}, ${equal}${note}`);
  return p.gapWords(head, better > 0 ? above : below, gap, note);
}

/**
 * Evaluates one indicator. Uses the final figure when present, else the estimate (basis "estimate",
 * wording marked "theo số ước thực hiện"), else reports no data; never invents a figure. Uses the
 * target with the highest revision number. Throws TypeError when the semantics, target and actual do not
 * fit together (e.g. a range direction with a single value) and RangeError for an inverted range or
 * duplicate revisions: those are bugs or bad data upstream, not results to show. A figure whose
 * comparison would not be finite is reported as no data ({@link UNCOMPUTABLE}).
 */
export function evaluateIndicator(input: EvaluationInput, options: EvaluationOptions = {}): Evaluation {
  const o: Required<EvaluationOptions> = {
    preciseDigits: options.preciseDigits ?? 2,
    customaryRatioDigits: options.customaryRatioDigits ?? 0,
    valueDigits: options.valueDigits ?? 3,
  };
  const { semantics } = input;
  const latest = latestRevision(input.targets);
  const basis: ActualBasis =
    input.actual.final != null ? "final" : input.actual.estimate != null ? "estimate" : "none";
  const actual = basis === "final" ? input.actual.final : basis === "estimate" ? input.actual.estimate : null;
  const base: Evaluation = {
    status: "no_data",
    met: null,
    basis,
    actual: actual ?? null,
    target: latest?.level ?? null,
    targetRevision: latest?.revision ?? null,
    targetRevised: latest !== null && input.targets.some((t) => t.revision < latest.revision),
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    margin: null,
    wording: same("chưa có số liệu"),
  };
  if (!latest) return { ...base, status: "no_target", wording: same("chưa giao chỉ tiêu") };
  if (actual == null) return base;
  checkConsistency(semantics, latest.level, actual);
  if (typeof actual === "number" && !computable(latest.level, actual)) {
    return { ...base, actual: Number.isFinite(actual) ? actual : null, wording: same(UNCOMPUTABLE) };
  }

  const result = judge(semantics, latest.level, actual, o);
  const note = basis === "estimate" ? ESTIMATE_NOTE : "";
  return {
    ...base,
    ...result,
    met: result.status !== "not_met",
    wording: { precise: result.wording.precise + note, customary: result.wording.customary + note },
  };
}

/** The wording of a figure too large or too small to compare with its target (status no_data). */
export const UNCOMPUTABLE = "số liệu quá lớn hoặc quá nhỏ, không tính được";

/**
 * Whether the comparison stays finite. Entry refuses absurd figures, but rows written before that or
 * by hand (1e308 against a target of 1e-320) would overflow to Infinity: such a figure is reported as
 * no data, the same as a missing one, rather than failing the whole evaluation.
 */
function computable(level: TargetLevel, actual: number): boolean {
  if (!Number.isFinite(actual)) return false;
  if (level.kind === "range") {
    return [level.min, level.max, actual - level.min, actual - level.max].every(Number.isFinite);
  }
  if (level.kind === "value") {
    const target = level.value;
    return (
      Number.isFinite(target) &&
      Number.isFinite(actual - target) &&
      (target <= 0 || Number.isFinite((actual / target) * 100))
    );
  }
  return true;
}

type Judgement = Pick<
  Evaluation,
  "status" | "achievementPct" | "exceedPct" | "exceedPoints" | "margin" | "wording"
>;

function judge(
  semantics: IndicatorSemantics,
  level: TargetLevel,
  actual: number | boolean,
  o: Required<EvaluationOptions>,
): Judgement {
  const none = { achievementPct: null, exceedPct: null, exceedPoints: null };
  if (level.kind === "milestone") {
    const done = actual === true;
    return {
      ...none,
      status: done ? "met" : "not_met",
      margin: null,
      wording: same(done ? "đã hoàn thành" : "chưa hoàn thành"),
    };
  }
  const value = actual as number;
  const p = makePrinter(semantics.unit, o.preciseDigits, o.valueDigits);
  if (level.kind === "range") {
    const below = compare(value, level.min) < 0;
    const above = compare(value, level.max) > 0;
    const head = `đạt ${p.value(value)}`;
    if (!below && !above) {
      return {
        ...none,
        status: "met",
        margin: 0,
        wording: same(`${head}, trong khoảng chỉ tiêu ${p.range(level.min, level.max)}`),
      };
    }
    const edge = below ? level.min : level.max;
    const side = below ? "thấp hơn cận dưới" : "cao hơn cận trên";
    const gap = Math.abs(difference(value, edge));
    const tail = ` (chỉ tiêu ${p.range(level.min, level.max)})`;
    return { ...none, status: "not_met", margin: -gap, wording: p.gapWords(head, side, gap, tail) };
  }
  const target = level.value;
  const ceiling = semantics.direction === "lower_is_better";
  const better = (ceiling ? compare(target, value) : compare(value, target)) as -1 | 0 | 1;
  const figures = exactValueFigures(semantics, target, value, better);
  return {
    status: better > 0 ? "exceeded" : better === 0 ? "met" : "not_met",
    ...figures,
    wording: valueWords(semantics, value, target, better, figures.achievementPct, p, o),
  };
}

/** The figures of a comparison, without its status and wording. */
export type ComparisonFigures = Pick<Evaluation, "achievementPct" | "exceedPct" | "exceedPoints" | "margin">;

/**
 * The exact figures (decimal) of a value compared with a single-value target, `better` being the
 * comparison's outcome within noise (0 snaps to exact figures, so "vượt 0%" never appears).
 */
export function exactValueFigures(
  semantics: Pick<IndicatorSemantics, "direction" | "comparisonMode">,
  target: number,
  value: number,
  better: -1 | 0 | 1,
): ComparisonFigures {
  const ceiling = semantics.direction === "lower_is_better";
  const margin = better === 0 ? 0 : ceiling ? difference(target, value) : difference(value, target);
  const achievementPct = ceiling || target <= 0 ? null : better === 0 ? 100 : ratioPct(value, target);
  const ratio = semantics.comparisonMode === "ratio";
  return {
    achievementPct,
    exceedPct: ratio && achievementPct !== null ? difference(achievementPct, 100) : null,
    exceedPoints: ratio ? null : margin,
    margin,
  };
}
