/**
 * Evaluating a figure against one target of a given kind (assignment/target.model): the level as the
 * indicator's direction reads it, a floor or a ceiling set by the target, a reduction from a baseline,
 * or a count of sub-targets met. Pure: each kind is turned into the plain comparison evaluation.math
 * makes, and its wording says what was compared ("giảm 7 hộ (1,7%) so với mức gốc 412 hộ").
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import type { TargetKind } from "../assignment/target.model.js";
import {
  ESTIMATE_NOTE,
  type Evaluation,
  evaluateIndicator,
  type IndicatorSemantics,
  type TargetRevision,
} from "./evaluation.math.js";
import { evaluateLean } from "./evaluation-lean.math.js";
import { difference, ratioPct } from "./exact.math.js";
import { makePrinter } from "./figure-wording.rules.js";

/** One target as the evaluation reads it: its revisions, and the kind and extras of the latest. */
export interface KindedTarget {
  revisions: readonly TargetRevision[];
  kind: TargetKind;
  baseline: number | null;
  subTotal: number | null;
}

export interface KindedEvaluation {
  evaluation: Evaluation;
  /** Bad stored data that stopped the evaluation (e.g. a range target on a ceiling indicator). */
  problem: string | null;
}

type Actual = { final?: number | boolean; estimate?: number | boolean };

const INCONSISTENT = "dữ liệu không nhất quán";

/**
 * Evaluates `actual` against `target` (none: "chưa giao chỉ tiêu"). Bad stored data (a target that
 * does not fit the indicator, a reduction without a positive baseline) is reported as a problem with
 * status no_data instead of failing the page.
 */
export function evaluateKinded(
  semantics: IndicatorSemantics,
  target: KindedTarget | undefined,
  actual: Actual,
): KindedEvaluation {
  try {
    if (!target || target.kind === "level") {
      return {
        evaluation: evaluateLean({ semantics, targets: target?.revisions ?? [], actual }),
        problem: null,
      };
    }
    return { evaluation: evaluateOtherKind(semantics, target, actual), problem: null };
  } catch (error) {
    const evaluation = evaluateIndicator({ semantics, targets: [], actual: {} });
    const detail = error instanceof Error ? error.message : String(error);
    return {
      evaluation: {
        ...evaluation,
        status: "no_data",
        wording: { precise: INCONSISTENT, customary: INCONSISTENT },
      },
      problem: `Chỉ tiêu giao không khớp với loại chỉ tiêu (${detail}).`,
    };
  }
}

function evaluateOtherKind(semantics: IndicatorSemantics, target: KindedTarget, actual: Actual): Evaluation {
  if (semantics.valueType === "boolean")
    throw new TypeError(`a milestone cannot take a ${target.kind} target`);
  const { kind } = target;
  if (kind === "at_least" || kind === "at_most") {
    const direction = kind === "at_least" ? "floor" : "lower_is_better";
    return evaluateIndicator({ semantics: { ...semantics, direction }, targets: target.revisions, actual });
  }
  const basis = actual.final != null ? "final" : actual.estimate != null ? "estimate" : null;
  const figure = basis ? (actual[basis] as number) : null;
  const p = makePrinter(semantics.unit, 2, 3);
  if (kind === "sub_targets") {
    const total = target.subTotal;
    if (total === null || total < 1) throw new RangeError("a sub-target count needs its total");
    const counted: IndicatorSemantics = { ...semantics, direction: "floor", comparisonMode: "ratio" };
    const evaluation = evaluateIndicator({ semantics: counted, targets: target.revisions, actual });
    if (figure === null || evaluation.target?.kind !== "value") return evaluation;
    const required = evaluation.target.value;
    const head = `đạt ${formatViNumber(figure, { maximumFractionDigits: 3 })}/${total} chỉ tiêu thành phần`;
    const text =
      evaluation.status === "not_met"
        ? `${head}, chưa đạt yêu cầu ${required}/${total}`
        : required < total
          ? `${head} (yêu cầu ${required}/${total})`
          : head;
    return withWording(evaluation, text, basis);
  }
  // Reductions: the figure becomes the reduction achieved, compared as an amount with the reduction asked.
  const baseline = target.baseline;
  if (baseline === null || !Number.isFinite(baseline)) throw new RangeError("a reduction needs its baseline");
  if (kind === "reduction_pct" && !(baseline > 0))
    throw new RangeError("a reduction in % needs a positive baseline");
  const reduced = (x: number | boolean | undefined) => {
    if (typeof x !== "number") return undefined;
    const amount = difference(baseline, x);
    return kind === "reduction_pct" ? ratioPct(amount, baseline) : amount;
  };
  const asked: IndicatorSemantics = {
    direction: "higher_is_better",
    comparisonMode: "ratio",
    valueType: "number",
    unit: kind === "reduction_pct" ? "%" : semantics.unit,
  };
  const evaluation = evaluateIndicator({
    semantics: asked,
    targets: target.revisions,
    actual: { final: reduced(actual.final), estimate: reduced(actual.estimate) },
  });
  if (figure === null) return evaluation;
  const amount = difference(baseline, figure);
  const pct = ratioPct(amount, baseline);
  const verb = amount >= 0 ? "giảm" : "tăng";
  const change =
    baseline > 0
      ? `${verb} ${p.gapPrecise(Math.abs(amount))} (${p.pct(Math.abs(pct), 2)})`
      : `${verb} ${p.gapPrecise(Math.abs(amount))}`;
  const head = `${change} so với mức gốc ${p.value(baseline)}`;
  const strip = (text: string) =>
    text.endsWith(ESTIMATE_NOTE) ? text.slice(0, -ESTIMATE_NOTE.length) : text;
  const result = {
    ...evaluation,
    actual: figure,
    wording: {
      precise: `${head}; mức giảm ${strip(evaluation.wording.precise)}`,
      customary: `${head}; mức giảm ${strip(evaluation.wording.customary)}`,
    },
  };
  return withWording(result, null, basis);
}

/** Sets the wording (both styles the same when `text` is given) and puts back the estimate note. */
function withWording(
  evaluation: Evaluation,
  text: string | null,
  basis: "final" | "estimate" | null,
): Evaluation {
  const note = basis === "estimate" ? ESTIMATE_NOTE : "";
  const strip = (t: string) => (t.endsWith(ESTIMATE_NOTE) ? t.slice(0, -ESTIMATE_NOTE.length) : t);
  const precise = text ?? strip(evaluation.wording.precise);
  const customary = text ?? strip(evaluation.wording.customary);
  return { ...evaluation, wording: { precise: precise + note, customary: customary + note } };
}
