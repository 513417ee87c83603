/**
 * The phrases the narrative is built of, one indicator at a time: "thu ngân sách đạt 111%", "thu ngân
 * sách bình quân hàng năm 37,6 tỷ đồng (vượt 8% chỉ tiêu)", "thu ngân sách đạt 52% dự toán năm, đúng
 * tiến độ, tăng 8% so với cùng kỳ", "đạt 105% dự toán cấp trên giao, đạt 98% dự toán HĐND phường giao".
 * Pure: no I/O. Every figure is computed upstream; phrases only print.
 */
import { formatViNumber, roundHalfAwayFromZero } from "../../core/format/vi-number.js";
import { ESTIMATE_NOTE, type Evaluation } from "./evaluation.math.js";
import { digitsShowing } from "./figure-wording.rules.js";

/** Progress of a part-year figure against the year's target (the API's `progress`). */
export interface NarrativeProgress {
  yearTarget: number | null;
  /** Share of the year's target reached, in %. */
  yearTargetPct: number | null;
  /** Share expected by now (n/12 or a seasonal profile), in %. */
  expectedPct: number | null;
  onTrack: boolean | null;
}

/** The same period last year (the API's `samePeriod`). */
export interface NarrativeSamePeriod {
  actual: number | null;
  /** This − last, in the indicator's unit (points for a rate). */
  change: number | null;
  /** (this ÷ last − 1) × 100; null for rates and a zero base. */
  changePct: number | null;
}

/** One of the targets of a figure, by who assigned it (the API's `targets`). */
export interface NarrativeTarget {
  assignedBy: "higher" | "council" | "own";
  value: number | null;
  achievementPct: number | null;
}

export interface NarrativeIndicator {
  /** As it should read inside a sentence, in lower case: "thu ngân sách", "tỷ lệ hộ nghèo". */
  name: string;
  evaluation: Evaluation;
  /** The catalogue's order of importance (smaller first); input order when absent or equal. */
  order?: number;
  /** Unit of measure ("tỷ đồng", "%", "hộ"): said with changes and term values. */
  unit?: string;
  /** Percent digits chosen for this indicator (whole numbers or one decimal); the paragraph's otherwise. */
  digits?: number;
  /** Term periods: how the term figure is made ("mean" reads "bình quân hàng năm"). */
  aggregation?: string;
  progress?: NarrativeProgress | null;
  samePeriod?: NarrativeSamePeriod | null;
  targets?: readonly NarrativeTarget[];
}

export type Style = "precise" | "customary";

/**
 * Fraction digits of percentages: the indicator's choice (0: "đạt 111%", 1: "đạt 101,3%"), else 2 in
 * the precise style and 0 in the customary one. Gaps in points keep the evaluation's own wording
 * unless a choice was made.
 */
export function ratioDigits(indicator: Pick<NarrativeIndicator, "digits">, style: Style): number {
  return indicator.digits ?? (style === "precise" ? 2 : 0);
}

/** Prints a percentage with `digits`, or more when the rounding would hide the gap to 100. */
export function pctText(value: number, digits: number): string {
  const shown = value === 100 ? digits : Math.max(digits, digitsShowing(value - 100, digits));
  return `${formatViNumber(value, { maximumFractionDigits: shown })}%`;
}

function exceededPct(value: number, digits: number): string {
  let shown = digits;
  // An exceeded figure must not print as "đạt 100%".
  while (shown < 9 && roundHalfAwayFromZero(value, shown) <= 100) shown++;
  return `${formatViNumber(value, { maximumFractionDigits: shown })}%`;
}

const attached = (unit: string | undefined) => unit === "%" || unit === "‰";
const isMoney = (unit: string | undefined) => /đồng/i.test(unit ?? "");

/** "dự toán" for a budget in money, "kế hoạch" otherwise. */
export const planWord = (unit: string | undefined) => (isMoney(unit) ? "dự toán" : "kế hoạch");

/** "37,6 tỷ đồng", "90,42%". */
export function valueText(value: number, unit: string | undefined, digits = 3): string {
  const text = formatViNumber(value, { maximumFractionDigits: digits });
  if (!unit) return text;
  return attached(unit) ? `${text}${unit}` : `${text} ${unit}`;
}

/** The evaluation's own wording without the estimate note, which the paragraph states once. */
export function wordingOf(evaluation: Evaluation, style: Style): string {
  const text = evaluation.wording[style];
  return text.endsWith(ESTIMATE_NOTE) ? text.slice(0, -ESTIMATE_NOTE.length) : text;
}

/** "cấp trên giao", "HĐND phường giao", "đơn vị đề ra". */
function assignerWords(by: NarrativeTarget["assignedBy"], council: string): string {
  if (by === "higher") return "cấp trên giao";
  if (by === "council") return `${council} giao`;
  return "đơn vị đề ra";
}

/**
 * "đạt 105% dự toán cấp trên giao, đạt 98% dự toán HĐND phường giao" when a figure has two or more
 * targets with a percentage, the level above's first; null otherwise.
 */
export function byAssignerText(
  indicator: NarrativeIndicator,
  digits: number,
  council: string,
): string | null {
  const order = { higher: 0, council: 1, own: 2 } as const;
  const targets = (indicator.targets ?? [])
    .filter((t) => t.achievementPct !== null)
    .sort((a, b) => order[a.assignedBy] - order[b.assignedBy]);
  if (targets.length < 2) return null;
  const plan = planWord(indicator.unit);
  return targets
    .map(
      (t) =>
        `đạt ${pctText(t.achievementPct as number, digits)} ${plan} ${assignerWords(t.assignedBy, council)}`,
    )
    .join(", ");
}

/** "tăng 8% so với cùng kỳ", "giảm 1,2 điểm phần trăm so với cùng kỳ", "tăng 3 tấn …"; null without a change. */
export function samePeriodText(indicator: NarrativeIndicator, digits: number): string | null {
  const same = indicator.samePeriod;
  if (!same) return null;
  const { unit } = indicator;
  let amount: string | null = null;
  let sign = 0;
  if (attached(unit) && same.change !== null) {
    sign = Math.sign(same.change);
    const word = unit === "%" ? "điểm phần trăm" : "điểm phần nghìn";
    const size = Math.abs(same.change);
    amount = `${formatViNumber(size, { maximumFractionDigits: digitsShowing(size, digits) })} ${word}`;
  } else if (same.changePct !== null) {
    sign = Math.sign(same.changePct);
    const size = Math.abs(same.changePct);
    amount = `${formatViNumber(size, { maximumFractionDigits: digitsShowing(size, digits) })}%`;
  } else if (same.change !== null) {
    sign = Math.sign(same.change);
    amount = valueText(Math.abs(same.change), unit);
  }
  if (amount === null) return null;
  if (sign === 0) return "bằng cùng kỳ";
  return `${sign > 0 ? "tăng" : "giảm"} ${amount} so với cùng kỳ`;
}

/**
 * Progress of a part-year figure: "đạt 52% dự toán năm, đúng tiến độ", "đạt 30% kế hoạch năm, chậm so với
 * tiến độ (50%)". Never "chưa đạt": the year has not ended.
 */
export function progressText(indicator: NarrativeIndicator, digits: number, council = "HĐND"): string | null {
  const progress = indicator.progress;
  if (!progress || progress.yearTargetPct === null) return null;
  const reached =
    byAssignerText(indicator, digits, council) ??
    `đạt ${pctText(progress.yearTargetPct, digits)} ${planWord(indicator.unit)} năm`;
  if (progress.onTrack === null) return reached;
  if (progress.onTrack) return `${reached}, đúng tiến độ`;
  const expected = progress.expectedPct === null ? "" : ` (dự kiến ${pctText(progress.expectedPct, digits)})`;
  return `${reached}, chậm so với tiến độ${expected}`;
}

/** The gap in points, in the precise or customary words: "3,52 điểm phần trăm" / "3,52%". */
function pointsGap(gap: number, unit: string | undefined, style: Style, digits: number): string {
  const size = formatViNumber(Math.abs(gap), { maximumFractionDigits: digitsShowing(gap, digits) });
  if (style === "customary") return `${size}${unit === "‰" ? "‰" : "%"}`;
  return `${size} ${unit === "‰" ? "điểm phần nghìn" : "điểm phần trăm"}`;
}

/**
 * A rate above its target or floor: "đạt 91,52%, vượt 3,52 điểm phần trăm" at the paragraph's digits;
 * null for anything else (ceilings, ranges, milestones keep the evaluation's wording).
 */
function pointsText(indicator: NarrativeIndicator, style: Style, digits: number): string | null {
  const { evaluation } = indicator;
  if (evaluation.exceedPoints === null || evaluation.exceedPoints <= 0) return null;
  if (typeof evaluation.actual !== "number" || !attached(indicator.unit)) return null;
  if (evaluation.target?.kind !== "value" || evaluation.target.value > evaluation.actual) return null;
  const actual = valueText(evaluation.actual, indicator.unit, digits);
  return `đạt ${actual}, vượt ${pointsGap(evaluation.exceedPoints, indicator.unit, style, digits)}`;
}

/**
 * A year's highlight: "thu ngân sách đạt 111%" (ratio), else the full wording ("… vượt 3,52 điểm phần
 * trăm"); the article's style, without the change from last year, which the figures table shows.
 */
export function yearPhrase(indicator: NarrativeIndicator, style: Style, council: string): string {
  const digits = ratioDigits(indicator, style);
  const { evaluation, name } = indicator;
  const two = byAssignerText(indicator, digits, council);
  if (two) return `${name} ${two}`;
  if (evaluation.exceedPct !== null && evaluation.achievementPct !== null) {
    return `${name} đạt ${exceededPct(evaluation.achievementPct, digits)}`;
  }
  const chosen = indicator.digits;
  const points = chosen === undefined ? null : pointsText(indicator, style, chosen);
  return `${name} ${points ?? wordingOf(evaluation, style)}`;
}

/** A part-year highlight: "thu ngân sách đạt 52% dự toán năm, đúng tiến độ, tăng 8% so với cùng kỳ". */
export function partYearPhrase(indicator: NarrativeIndicator, style: Style, council: string): string {
  const digits = ratioDigits(indicator, style);
  const parts: string[] = [];
  const progress = progressText(indicator, digits, council);
  if (progress) parts.push(progress);
  else {
    const two = byAssignerText(indicator, digits, council);
    if (two) parts.push(two);
    else if (typeof indicator.evaluation.actual === "number") {
      parts.push(`đạt ${valueText(indicator.evaluation.actual, indicator.unit)}`);
    }
  }
  const same = samePeriodText(indicator, digits);
  if (same) parts.push(same);
  return `${indicator.name} ${parts.join(", ")}`;
}

/** The name with "bình quân hàng năm" for a term mean, unless the name already says so. */
function termName(indicator: NarrativeIndicator): string {
  if (indicator.aggregation !== "mean" || /bình quân|trung bình/.test(indicator.name)) return indicator.name;
  return `${indicator.name} bình quân hàng năm`;
}

/**
 * A term figure as the article writes it: "thu ngân sách bình quân hàng năm 37,6 tỷ đồng (vượt 8% chỉ
 * tiêu)", "kết nạp đảng viên 70 đảng viên (140% chỉ tiêu nhiệm kỳ)", "tỷ lệ … bình quân hàng năm 90,42%
 * (vượt 2,42 điểm phần trăm)"; other aggregations keep the evaluation's wording.
 */
export function termPhrase(indicator: NarrativeIndicator, style: Style): string {
  const digits = ratioDigits(indicator, style);
  const { evaluation } = indicator;
  const actual = typeof evaluation.actual === "number" ? evaluation.actual : null;
  const name = termName(indicator);
  if (actual === null || (indicator.aggregation !== "mean" && indicator.aggregation !== "sum")) {
    return `${name} ${wordingOf(evaluation, style)}`;
  }
  const value = valueText(actual, indicator.unit);
  if (evaluation.exceedPct !== null && evaluation.achievementPct !== null) {
    if (indicator.aggregation === "sum") {
      return `${name} ${value} (${pctText(evaluation.achievementPct, digits)} chỉ tiêu nhiệm kỳ)`;
    }
    const gap = evaluation.exceedPct;
    const shown = `${formatViNumber(Math.abs(gap), { maximumFractionDigits: digitsShowing(gap, digits) })}%`;
    if (gap > 0) return `${name} ${value} (vượt ${shown} chỉ tiêu)`;
    if (gap === 0) return `${name} ${value} (bằng chỉ tiêu)`;
    return `${name} ${value} (thấp hơn chỉ tiêu ${shown})`;
  }
  if (evaluation.exceedPoints !== null) {
    const gap = evaluation.exceedPoints;
    if (gap === 0) return `${name} ${value} (bằng chỉ tiêu)`;
    const words = pointsGap(gap, indicator.unit, style, indicator.digits ?? 2);
    return gap > 0 ? `${name} ${value} (vượt ${words})` : `${name} ${value} (thấp hơn chỉ tiêu ${words})`;
  }
  return `${name} ${wordingOf(evaluation, style)}`;
}
