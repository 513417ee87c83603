/**
 * Progress of a part of a whole against the whole's target (domain.md §9): six months of revenue
 * against the year's estimate ("6 tháng đạt 52% dự toán năm"), three years of a term against the
 * term's target ("sau 3 năm đạt 62% chỉ tiêu nhiệm kỳ"). A part is never "chưa đạt": it is on track
 * or behind the share expected by now. Pure; ratios in decimal (exact.math).
 *
 * Flows (amounts and counts compared as a ratio: revenue, households, cases) add up over the whole,
 * so the part is a share of the target, judged against the expected share (the months gone, or the
 * indicator's seasonal profile: what share of the year past years had reached by the same point).
 * Levels (rates, ranges) do not add up: the part's level is compared with the whole's target as it
 * stands, on track when it already meets it.
 */
import {
  type Evaluation,
  evaluateIndicator,
  type IndicatorSemantics,
  type TargetLevel,
} from "./evaluation.math.js";
import { averageOf, ratioPct } from "./exact.math.js";
import { makePrinter, type Words } from "./figure-wording.rules.js";
import { compareFigures as compare } from "./figures.math.js";

export interface Progress {
  /** The whole's target value (year, or term); null for a range. */
  yearTarget: number | null;
  /** Flows: actual ÷ the whole's target × 100; null for levels. */
  yearTargetPct: number | null;
  /** Flows: the share of the whole's target expected by now, in %; null for levels. */
  expectedPct: number | null;
  /** months: n/12 (or years gone / years of the term); seasonal: past years' shares at the same point. */
  expectedBasis: "months" | "years" | "seasonal" | null;
  onTrack: boolean;
  /** "Dự kiến cả năm": the whole year's estimate (ước thực hiện) and its achievement; null without one. */
  forecast: { value: number; achievementPct: number | null } | null;
  wording: Words;
}

export interface ProgressInput {
  semantics: IndicatorSemantics;
  /** The whole's target level (latest revision). */
  level: TargetLevel;
  actual: number;
  /** The expected share by now in %, and how it was found. */
  expected: { pct: number; basis: "months" | "years" | "seasonal" };
  /** "kế hoạch năm" or "chỉ tiêu nhiệm kỳ": what the target is called in the wording. */
  wholeName: string;
  /** A prefix for the wording ("sau 3 năm "), empty for part-year periods. */
  lead?: string;
  /** The year's estimate, for "dự kiến cả năm". */
  forecast?: number | null;
  /** Whether the figure adds up over the whole (default {@link isFlow}); a term's mean never does. */
  flow?: boolean;
}

/** Whether a figure adds up over the year (a flow) rather than standing at a level. */
export function isFlow(semantics: IndicatorSemantics, level: TargetLevel): boolean {
  return semantics.comparisonMode === "ratio" && semantics.valueType === "number" && level.kind === "value";
}

/**
 * The share of the year expected by the end of a part: the mean of past years' shares (part ÷ year
 * × 100, years whose year figure is positive) when any exists, else the months gone over 12.
 */
export function expectedShare(
  months: number,
  past: readonly { part: number | null; whole: number | null }[],
): { pct: number; basis: "months" | "seasonal" } {
  const shares = past
    .filter((p): p is { part: number; whole: number } => p.part !== null && p.whole !== null && p.whole > 0)
    .map((p) => ratioPct(p.part, p.whole));
  const seasonal = averageOf(shares);
  return seasonal === null
    ? { pct: ratioPct(months, 12), basis: "months" }
    : { pct: seasonal, basis: "seasonal" };
}

/** Judges a part's figure against the whole's target; null when there is nothing to judge (a milestone). */
export function judgeProgress(input: ProgressInput): Progress | null {
  const { semantics, level, actual } = input;
  if (level.kind === "milestone" || !Number.isFinite(actual)) return null;
  const p = makePrinter(semantics.unit, 2, 3);
  const lead = input.lead ?? "";
  const forecast = forecastOf(input);
  const forecastWords = forecast
    ? `; dự kiến cả năm ${p.value(forecast.value)}${
        forecast.achievementPct === null ? "" : ` (${p.pct(forecast.achievementPct, 2)} ${input.wholeName})`
      }`
    : "";
  if ((input.flow ?? isFlow(semantics, level)) && level.kind === "value") {
    const target = level.value;
    const ceiling = semantics.direction === "lower_is_better";
    const expectedPct = input.expected.pct;
    const pct = target > 0 ? ratioPct(actual, target) : null;
    const onTrack =
      pct === null
        ? ceiling
          ? compare(actual, target) <= 0
          : compare(actual, target) >= 0
        : ceiling
          ? compare(pct, expectedPct) <= 0
          : compare(pct, expectedPct) >= 0;
    const words = (digits: number): string => {
      const share =
        pct === null
          ? `${lead}đạt ${p.value(actual)} (${input.wholeName} ${p.value(target)})`
          : ceiling
            ? `${lead}ở mức ${p.value(actual)}, bằng ${p.pct(pct, digits)} mức trần ${input.wholeName.replace(/^(kế hoạch|chỉ tiêu) /, "")}`
            : `${lead}đạt ${p.pct(pct, digits)} ${input.wholeName}`;
      const verdict = ceiling
        ? onTrack
          ? "trong giới hạn tiến độ"
          : "vượt tiến độ cho phép của mức trần"
        : onTrack
          ? "bảo đảm tiến độ"
          : "chậm tiến độ";
      const expected = pct === null ? "" : ` (tiến độ dự kiến ${p.pct(expectedPct, digits)})`;
      return `${share}${expected}, ${verdict}${forecastWords}`;
    };
    return {
      yearTarget: target,
      yearTargetPct: pct,
      expectedPct,
      expectedBasis: input.expected.basis,
      onTrack,
      forecast,
      wording: { precise: words(2), customary: words(0) },
    };
  }
  // A level: compared with the whole's target as it stands.
  const evaluation: Evaluation = evaluateIndicator({
    semantics,
    targets: [{ revision: 0, level }],
    actual: { final: actual },
  });
  const onTrack = evaluation.met === true;
  const suffix = ` so với ${input.wholeName}`;
  return {
    yearTarget: level.kind === "value" ? level.value : null,
    yearTargetPct: null,
    expectedPct: null,
    expectedBasis: null,
    onTrack,
    forecast,
    wording: {
      precise: `${lead}${evaluation.wording.precise}${suffix}${forecastWords}`,
      customary: `${lead}${evaluation.wording.customary}${suffix}${forecastWords}`,
    },
  };
}

function forecastOf(input: ProgressInput): Progress["forecast"] {
  const value = input.forecast;
  if (value == null || !Number.isFinite(value)) return null;
  const level = input.level;
  const pct =
    level.kind === "value" &&
    level.value > 0 &&
    input.semantics.direction !== "lower_is_better" &&
    isFlow(input.semantics, level)
      ? ratioPct(value, level.value)
      : null;
  return { value, achievementPct: pct };
}

/** The progress as an evaluation (status on_track or behind; no "đạt" or "chưa đạt" before the end). */
export function progressEvaluation(
  base: Evaluation,
  level: TargetLevel,
  progress: Progress,
  estimateNote: string,
): Evaluation {
  return {
    ...base,
    status: progress.onTrack ? "on_track" : "behind",
    met: null,
    target: level,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    margin: null,
    wording: {
      precise: progress.wording.precise + estimateNote,
      customary: progress.wording.customary + estimateNote,
    },
  };
}
