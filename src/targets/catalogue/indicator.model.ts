/**
 * The vocabulary of the targets module: the stored codes, their Vietnamese labels, and the mapping
 * from a stored indicator to the semantics the evaluation math reads. Pure: no I/O.
 */

import type { ComparableRule } from "../comparable/comparable-base.math.js";
import type {
  ComparisonMode,
  Direction,
  IndicatorSemantics,
  ValueType,
} from "../evaluation/evaluation.math.js";
import { TERM_AGGREGATIONS, type TermAggregation } from "../evaluation/term.math.js";

export const VALUE_TYPES = ["number", "rate", "boolean"] as const;
export const DIRECTIONS = ["higher_is_better", "lower_is_better", "range", "floor", "milestone"] as const;
export const COMPARISON_MODES = ["ratio", "points"] as const;
/** Term aggregations: one vocabulary from the form to term.math (see {@link TERM_AGGREGATIONS}). */
export const AGGREGATIONS = TERM_AGGREGATIONS;
export const RESULT_VERSIONS = ["final", "estimate"] as const;
export const RESULT_STATUSES = ["draft", "submitted", "approved", "reopened"] as const;
export const LEVEL_KINDS = ["value", "range", "milestone"] as const;
/** What a figure counts, for the checks at entry: a share, whole things, money, or any number. */
export const FIGURE_KINDS = ["rate", "count", "money", "number"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export const FIGURE_KIND_LABELS: Record<FigureKind, string> = {
  rate: "Tỷ lệ (từ 0 đến 100% hoặc 1000‰)",
  count: "Số đếm (số nguyên, không âm)",
  money: "Số tiền",
  number: "Số bất kỳ",
};

export type Aggregation = TermAggregation;
export type ResultVersion = (typeof RESULT_VERSIONS)[number];
export type ResultStatus = (typeof RESULT_STATUSES)[number];
export type LevelKind = (typeof LEVEL_KINDS)[number];

export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  number: "Số lượng, giá trị",
  rate: "Tỷ lệ",
  boolean: "Có / không (mốc hoàn thành)",
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher_is_better: "Càng cao càng tốt",
  lower_is_better: "Càng thấp càng tốt (mức trần)",
  range: "Nằm trong khoảng",
  floor: "Không thấp hơn (mức sàn)",
  milestone: "Mốc hoàn thành",
};

export const COMPARISON_LABELS: Record<ComparisonMode, string> = {
  ratio: "Tỷ lệ % so với kế hoạch (số lượng, giá trị)",
  points: "Chênh lệch điểm (tỷ lệ: điểm phần trăm)",
};

export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  sum: "Tổng cộng cả nhiệm kỳ",
  mean: "Bình quân hàng năm",
  growth: "Tăng trưởng bình quân hàng năm",
  end: "Giá trị năm cuối nhiệm kỳ",
  count: "Số năm đạt",
};

export const VERSION_LABELS: Record<ResultVersion, string> = {
  final: "Chính thức",
  estimate: "Ước thực hiện",
};

export const STATUS_LABELS: Record<ResultStatus, string> = {
  draft: "Nháp",
  submitted: "Chờ duyệt",
  approved: "Đã duyệt",
  reopened: "Đã mở lại",
};

/** An indicator as the services and views use it (camelCase, booleans as booleans). */
export interface Indicator {
  id: number;
  code: string;
  name: string;
  field: string;
  unitOfMeasure: string;
  valueType: ValueType;
  direction: Direction;
  comparisonMode: ComparisonMode;
  termAggregation: Aggregation;
  responsibleOrganisationId: number | null;
  definition: string | null;
  isPublic: boolean;
  sortOrder: number;
  /** Checks at entry (entry-checks.rules); null or absent: implied by the value type and unit of measure. */
  figureKind?: FigureKind | null;
  /** Bounds of a result figure, in the indicator's unit; null or absent: the kind's only. */
  minValue?: number | null;
  maxValue?: number | null;
  /** A figure this many times last year's or the target must be confirmed; null or absent: the default (3). */
  warnFactor?: number | null;
  /** Comparable base: how the figure is rebuilt from predecessors; null = from the value type. */
  comparableRule?: ComparableRule | null;
  /** Comparable base: the indicator whose figures weight a mean; null = the population (DAN_SO). */
  comparableWeightId?: number | null;
  /** Fraction digits of its figures in the API and pages; null: {@link precisionOf}'s default. */
  precision: number | null;
  /** 0 or 1: reports write its percentages "đạt 101%" or "đạt 101,3%"; null: the office's habit. */
  percentDigits: number | null;
}

/**
 * The fraction digits an indicator's figures are rounded to once, for display and in the API: its
 * own precision, else 2 for rates ("90,42%") and 3 for other figures ("40,848 tỷ đồng").
 */
export function precisionOf(indicator: Pick<Indicator, "precision" | "valueType">): number {
  return indicator.precision ?? (indicator.valueType === "rate" ? 2 : 3);
}

/** The level kind a direction needs: a range for range, a milestone for milestone, else one value. */
export function levelKindFor(direction: Direction): LevelKind {
  return direction === "range" ? "range" : direction === "milestone" ? "milestone" : "value";
}

/** Semantics for one year's figure: straight from the indicator. */
export function annualSemantics(indicator: Indicator): IndicatorSemantics {
  return {
    direction: indicator.direction,
    comparisonMode: indicator.comparisonMode,
    valueType: indicator.valueType,
    unit: indicator.unitOfMeasure,
  };
}

/**
 * Semantics for a term figure. Most aggregations keep the indicator's unit; two change what is
 * compared: growth is a percent per year compared in points ("tăng bình quân 12%/năm" vs 10%), and
 * count is a number of years, compared as a ratio. A milestone counted over the years becomes a
 * higher-is-better number of years.
 */
export function termSemantics(indicator: Indicator, aggregation: Aggregation): IndicatorSemantics {
  if (aggregation === "growth") {
    const direction = indicator.direction === "milestone" ? "higher_is_better" : indicator.direction;
    return { direction, comparisonMode: "points", valueType: "rate", unit: "%" };
  }
  if (aggregation === "count") {
    return { direction: "higher_is_better", comparisonMode: "ratio", valueType: "number", unit: "năm" };
  }
  return annualSemantics(indicator);
}

/** The direction a term target must fit (see {@link termSemantics}). */
export function termDirection(indicator: Indicator, aggregation: Aggregation): Direction {
  return termSemantics(indicator, aggregation).direction;
}

/**
 * The indicator's name as it reads inside a Vietnamese sentence ("thu ngân sách"): the first letter
 * in lower case unless the first word is an acronym or a proper name written in capitals ("HĐND").
 */
export function nameInSentence(name: string): string {
  const first = name.split(/\s/, 1)[0] ?? "";
  if (first.length > 1 && first === first.toLocaleUpperCase("vi-VN")) return name;
  return name.charAt(0).toLocaleLowerCase("vi-VN") + name.slice(1);
}

/** One dated wording of an indicator (indicator_definitions). */
export interface DatedWording {
  validFrom: string;
  validTo: string | null;
  name: string;
  definition: string | null;
}

/**
 * The name and definition in force at `date` (a period's last day), so a 2019 report keeps the 2019
 * wording after a rename; the indicator's current wording when no dated wording covers the date.
 */
export function wordingAt(
  indicator: Pick<Indicator, "name" | "definition">,
  wordings: readonly DatedWording[],
  date: string,
): { name: string; definition: string | null } {
  const match = wordings.find((w) => w.validFrom <= date && (w.validTo === null || w.validTo >= date));
  return match
    ? { name: match.name, definition: match.definition }
    : { name: indicator.name, definition: indicator.definition };
}
