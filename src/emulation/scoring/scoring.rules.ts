/**
 * Points of computed criteria: from an indicator's evaluation (approved results only) or from a
 * department's assessment. Pure: no I/O. Every computed value comes with a Vietnamese explanation,
 * and a missing input gives null points with the reason, never a guessed number.
 */
import { formatViNumber, roundHalfAwayFromZero } from "../../core/format/vi-number.js";

export const INDICATOR_RULES = {
  met_full_else_pro_rata: "Đạt chỉ tiêu: đủ điểm; chưa đạt: tính theo tỷ lệ % thực hiện",
  met_full_else_zero: "Đạt chỉ tiêu: đủ điểm; chưa đạt: 0 điểm",
} as const;

export const ASSESSMENT_RULES = {
  assessment_rank: "Theo thứ hạng phòng, ban xếp: hạng 1 đủ điểm, giảm dần theo thứ hạng",
  assessment_score: "Theo điểm phòng, ban chấm (thang 100), quy đổi theo tỷ lệ",
} as const;

export type IndicatorRule = keyof typeof INDICATOR_RULES;
export type AssessmentRule = keyof typeof ASSESSMENT_RULES;

export function isIndicatorRule(value: string | null): value is IndicatorRule {
  return value !== null && value in INDICATOR_RULES;
}

export function isAssessmentRule(value: string | null): value is AssessmentRule {
  return value !== null && value in ASSESSMENT_RULES;
}

/** What emulation needs from the evaluation of one indicator for one unit and period. */
export interface IndicatorOutcome {
  code: string;
  /** As in targets/evaluation.math: exceeded | met | not_met | no_data | no_target. */
  status: string;
  /** actual ÷ target × 100 where it applies (higher is better, floor), else null. */
  achievementPct: number | null;
  /** final | estimate | none. */
  basis: string;
}

/** What emulation needs from one department's assessment of one unit. */
export interface AssessmentOutcome {
  rank: number | null;
  score: number | null;
  /** How many units the department ranked for the period (the n of "hạng r/n"). */
  rankedCount: number;
}

export interface ComputedPoints {
  /** Rounded to 2 fraction digits; null when the data needed is missing. */
  points: number | null;
  explanation: string;
}

const round2 = (value: number) => roundHalfAwayFromZero(value, 2);
const pts = (value: number) => `${formatViNumber(value)} điểm`;

/**
 * "full points when the target is met, pro rata otherwise" and its strict variant. Pro rata needs an
 * achievement ratio: a ceiling or a rate compared in points that is not met has none, so it scores 0
 * and says why.
 */
export function pointsFromIndicator(
  maxPoints: number,
  rule: IndicatorRule,
  outcome: IndicatorOutcome | undefined,
): ComputedPoints {
  if (!outcome || outcome.status === "no_data")
    return { points: null, explanation: "Chưa có kết quả được duyệt." };
  if (outcome.status === "no_target") return { points: null, explanation: "Chưa được giao chỉ tiêu." };
  const estimate = outcome.basis === "estimate" ? " (theo số ước thực hiện)" : "";
  if (outcome.status === "met" || outcome.status === "exceeded") {
    const word = outcome.status === "exceeded" ? "Vượt chỉ tiêu" : "Đạt chỉ tiêu";
    return { points: maxPoints, explanation: `${word}${estimate}: ${pts(maxPoints)}.` };
  }
  if (rule === "met_full_else_zero")
    return { points: 0, explanation: `Chưa đạt chỉ tiêu${estimate}: 0 điểm.` };
  if (outcome.achievementPct === null) {
    return {
      points: 0,
      explanation: `Chưa đạt chỉ tiêu${estimate}, không tính được tỷ lệ thực hiện: 0 điểm.`,
    };
  }
  const share = Math.max(0, Math.min(1, outcome.achievementPct / 100));
  const points = round2(maxPoints * share);
  return {
    points,
    explanation: `Chưa đạt chỉ tiêu, thực hiện ${formatViNumber(outcome.achievementPct)}%${estimate}: ${pts(points)}.`,
  };
}

/**
 * Points from a department's assessment: by rank (rank r of n gets max × (n − r + 1) ÷ n, so the
 * first gets full points) or by score (a 100-point score scaled to the criterion's max).
 */
export function pointsFromAssessment(
  maxPoints: number,
  rule: AssessmentRule,
  outcome: AssessmentOutcome | undefined,
): ComputedPoints {
  if (rule === "assessment_rank") {
    if (!outcome || outcome.rank === null) return { points: null, explanation: "Phòng, ban chưa xếp hạng." };
    const n = Math.max(outcome.rankedCount, outcome.rank);
    const points = round2((maxPoints * (n - outcome.rank + 1)) / n);
    return { points, explanation: `Được xếp hạng ${outcome.rank}/${n}: ${pts(points)}.` };
  }
  if (!outcome || outcome.score === null) return { points: null, explanation: "Phòng, ban chưa chấm điểm." };
  const points = round2((maxPoints * Math.max(0, Math.min(100, outcome.score))) / 100);
  return { points, explanation: `Được chấm ${formatViNumber(outcome.score)}/100 điểm: ${pts(points)}.` };
}
