/**
 * Checks at entry, beyond what a figure can be at all (figure-bounds.rules): the indicator's kind and
 * bounds as the catalogue sets them, and the warning a figure far from last year's, the same period's
 * or the target must be confirmed past ("Tôi xác nhận số liệu này đúng"). Also the context shown beside
 * each input and each figure waiting for approval: last year, the same period last year, the target and
 * "% đạt". Pure: no I/O.
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import type { TargetKind } from "../assignment/target.model.js";
import type { FigureKind, Indicator } from "../catalogue/indicator.model.js";
import { previousYearKey } from "../period.rules.js";
import { figureProblem, isCountUnit } from "./figure-bounds.rules.js";

/** A figure this many times its comparison (or this fraction of it) must be confirmed, by default. */
export const DEFAULT_WARN_FACTOR = 3;

export const CONFIRM_LABEL = "Tôi xác nhận số liệu này đúng";
/** Said after a warning that waits for confirmation. */
export const CONFIRM_HINT = "Kiểm tra lại; nếu đúng, xác nhận số liệu này.";

type Checked = Pick<
  Indicator,
  "valueType" | "unitOfMeasure" | "figureKind" | "minValue" | "maxValue" | "warnFactor"
>;

/** The indicator's kind of figure: as the catalogue sets it, else implied by value type and unit. */
export function figureKindOf(indicator: Checked): FigureKind {
  if (indicator.figureKind) return indicator.figureKind;
  if (indicator.valueType === "rate") return "rate";
  const unit = indicator.unitOfMeasure.trim().toLocaleLowerCase("vi-VN");
  if (isCountUnit(unit)) return "count";
  if (/(^|\s)(đồng|vnđ|vnd)$/.test(unit)) return "money";
  return "number";
}

const num = (x: number) => formatViNumber(x, { maximumFractionDigits: 10 });
const withUnit = (x: number, unit: string) =>
  unit === "%" || unit === "‰" ? `${num(x)}${unit}` : `${num(x)} ${unit}`.trim();

/**
 * What is wrong with a result figure of the indicator, or null: what no figure of its unit can be
 * (figure-bounds.rules), then its kind as the catalogue sets it (a rate from 0 to 100%, or 1000‰; a count
 * whole and not negative), then the catalogue's bounds. Milestones are not numbers and pass.
 */
export function entryProblem(indicator: Checked, value: number): string | null {
  const implied = figureProblem(indicator, value);
  if (implied || indicator.valueType === "boolean") return implied;
  const unit = indicator.unitOfMeasure.trim();
  const kind = figureKindOf(indicator);
  if (kind === "rate") {
    const max = unit === "‰" ? 1000 : 100;
    if (value < 0 || value > max) return `Tỷ lệ phải từ 0 đến ${withUnit(max, unit === "‰" ? "‰" : "%")}.`;
  }
  if (kind === "count") {
    if (value < 0) return `Số ${unit} không được âm.`;
    if (!Number.isInteger(value)) return `Số ${unit} phải là số nguyên.`;
  }
  const { minValue: min, maxValue: max } = indicator;
  const below = min !== null && min !== undefined && value < min;
  const above = max !== null && max !== undefined && value > max;
  if (below || above) {
    if (min != null && max != null)
      return `Giá trị phải từ ${withUnit(min, unit)} đến ${withUnit(max, unit)}.`;
    return below
      ? `Giá trị không được nhỏ hơn ${withUnit(min as number, unit)}.`
      : `Giá trị không được lớn hơn ${withUnit(max as number, unit)}.`;
  }
  return null;
}

/** What a figure is judged against at entry and at approval; null where there is none. */
export interface EntryContext {
  /** Last year's figure (the whole year). */
  lastYear: number | null;
  /** The same period a year earlier; for a year it is last year's figure. */
  samePeriod: number | null;
  /** The target of the period itself, as the figure it asks for (see {@link askedFigure}). */
  target: number | null;
  /** For part of a year: the year's target, which "% đạt" then reads against (as the figure it asks for). */
  yearTarget: number | null;
  /** The kind of `target` and of `yearTarget`; absent means a plain level. */
  targetKind?: TargetKind | null;
  yearTargetKind?: TargetKind | null;
}

export const NO_CONTEXT: EntryContext = Object.freeze({
  lastYear: null,
  samePeriod: null,
  target: null,
  yearTarget: null,
});

/**
 * The figure a target of one value asks for, in the indicator's unit, which a result figure can be set
 * beside: the value itself for a level, a floor, a ceiling or a count of sub-targets met; for a
 * reduction, what is left of the baseline (giảm 1,5% of 400 hộ asks for 394 hộ, giảm 6 of 120 for 114).
 * A reduction's value is a percentage or an amount, never a figure. Null without a baseline.
 */
export function askedFigure(target: {
  kind: TargetKind;
  value: number;
  baseline: number | null;
}): number | null {
  const { kind, value, baseline } = target;
  if (kind === "reduction_pct") return baseline === null ? null : baseline - (baseline * value) / 100;
  if (kind === "reduction_amount") return baseline === null ? null : baseline - value;
  return value;
}

/** Kinds whose "% đạt" is not figure ÷ target: a ceiling, and reductions (judged by the reduction made). */
const NOT_BY_RATIO: ReadonlySet<TargetKind> = new Set(["at_most", "reduction_pct", "reduction_amount"]);
const readsByRatio = (kind: TargetKind | null | undefined) => !kind || !NOT_BY_RATIO.has(kind);

/**
 * The warning for a figure far from what it is compared with, or null: more than the indicator's factor
 * (default ×3) times the same period last year (last year, for a year) or the target, or less than that
 * fraction of it. Zero and negative figures on either side are not compared (a ratio says nothing).
 */
export function entryWarning(indicator: Checked, value: number, context: EntryContext): string | null {
  if (indicator.valueType === "boolean" || value <= 0) return null;
  const factor = indicator.warnFactor ?? DEFAULT_WARN_FACTOR;
  const unit = indicator.unitOfMeasure.trim();
  const bases: [number | null, string][] = [
    [context.samePeriod, "số cùng kỳ năm trước"],
    [context.target, "kế hoạch"],
  ];
  for (const [base, what] of bases) {
    if (base === null || base <= 0) continue;
    const ratio = value / base;
    if (ratio > factor) {
      return `Số liệu gấp ${formatViNumber(ratio, { maximumFractionDigits: 1 })} lần ${what} (${withUnit(base, unit)}).`;
    }
    if (ratio < 1 / factor) {
      return `Số liệu chỉ bằng ${formatViNumber(ratio * 100, { maximumFractionDigits: 1 })}% ${what} (${withUnit(base, unit)}).`;
    }
  }
  return null;
}

/**
 * What "% đạt" reads against: the period's target, or for part of a year the year's ("kế hoạch năm");
 * never a ceiling or a reduction, whose "% đạt" is not figure ÷ target.
 */
export function achievementBasis(context: EntryContext): { target: number; label: string } | null {
  if (context.target !== null && context.target > 0) {
    return readsByRatio(context.targetKind) ? { target: context.target, label: "kế hoạch" } : null;
  }
  if (context.yearTarget !== null && context.yearTarget > 0 && readsByRatio(context.yearTargetKind)) {
    return { target: context.yearTarget, label: "kế hoạch năm" };
  }
  return null;
}

/**
 * "% đạt" of a figure, value ÷ target × 100, for indicators compared by ratio where more is better (or a
 * floor); null otherwise (a ceiling or a rate is not judged by a ratio) or without a positive target.
 */
export function liveAchievementPct(
  indicator: Pick<Indicator, "comparisonMode" | "direction" | "valueType">,
  value: number | null,
  context: EntryContext,
): number | null {
  if (value === null || !achievesByRatio(indicator)) return null;
  const basis = achievementBasis(context);
  return basis ? (value / basis.target) * 100 : null;
}

/** True when "% đạt" means value ÷ target for the indicator. */
export function achievesByRatio(
  indicator: Pick<Indicator, "comparisonMode" | "direction" | "valueType">,
): boolean {
  return (
    indicator.valueType !== "boolean" &&
    indicator.comparisonMode === "ratio" &&
    (indicator.direction === "higher_is_better" || indicator.direction === "floor")
  );
}

/** The year a period key falls in: "2019", "2019-6T", "2019-Q3", "2019-07" → 2019; a term → null. */
export function yearOfPeriod(key: string): number | null {
  const match = /^(\d{4})(?:-(?!\d{4}$)[0-9A-Za-z._-]+)?$/.exec(key);
  return match ? Number(match[1]) : null;
}

/**
 * The same period a year earlier: "2019-6T" → "2018-6T", "2019" → "2018"; a term → null. The office
 * calendar's keys go through period.rules; a custom key that starts with its year ("2019-dot1") is
 * shifted the same way, so its entry still shows last year's figure.
 */
export function samePeriodLastYear(key: string): string | null {
  const known = previousYearKey(key);
  if (known !== null) return known;
  const year = yearOfPeriod(key);
  return year === null ? null : `${year - 1}${key.slice(4)}`;
}
