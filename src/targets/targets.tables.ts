import type { Generated } from "kysely";

/**
 * Kysely table types of the targets module; added to the app-wide `DB` of src/core/db/schema.ts by declaration merging (end of this file).
 * Same conventions as the foundation: dates `YYYY-MM-DD` text, instants ISO-8601 UTC text, booleans
 * 0/1 integers, figures "double precision".
 */

export interface IndicatorsTable {
  id: Generated<number>;
  /** Stable code used by imports, exports and DHIS2 (`dataElement`); unique. */
  code: string;
  /** Current name; the wording valid for a period lives in indicator_definitions. */
  name: string;
  /** Lĩnh vực: "Kinh tế", "Văn hóa – xã hội", "Xây dựng Đảng"… */
  field: string;
  /** "tỷ đồng", "%", "‰", "hộ", "người"… printed beside every figure. */
  unit_of_measure: string;
  /** number | rate | boolean */
  value_type: string;
  /** higher_is_better | lower_is_better | range | floor | milestone */
  direction: string;
  /** ratio | points */
  comparison_mode: string;
  /** How a term figure is made from annual figures: sum | mean | growth | end | count */
  term_aggregation: string;
  /** The department answering for the figure (organisations.id). */
  responsible_organisation_id: number | null;
  definition: string | null;
  /** 1: approved figures are open data, shown to anyone. */
  is_public: number;
  sort_order: number;
  /** Comparable base: sum | weighted_mean | none; null = from the value type (migration 0010). */
  comparable_rule: string | null;
  /** Comparable base: the indicator whose figures weight a mean; null = the population indicator. */
  comparable_weight_id: number | null;
  /** Fraction digits of the figures in the API and pages; null: the value type's default. */
  precision: number | null;
  /** 0 or 1: percentages written "đạt 101%" or "đạt 101,3%"; null: the office's habit. */
  percent_digits: number | null;
  created_at: string;
  updated_at: string;
}

/** Wording of an indicator over a span of time, so a renamed indicator keeps its old name in old reports. */
export interface IndicatorDefinitionsTable {
  id: Generated<number>;
  indicator_id: number;
  valid_from: string;
  valid_to: string | null;
  name: string;
  definition: string | null;
}

export interface TargetsTable {
  id: Generated<number>;
  indicator_id: number;
  unit_id: number;
  /** unit: for this unit; children: set on a parent for each of its direct children. */
  applies_to: string;
  /** higher (cấp trên giao) | council (HĐND giao) | own (the unit's own plan). */
  assigned_by: Generated<string>;
  /** level | at_least | at_most | reduction_pct | reduction_amount | sub_targets (target-kinds.rules). */
  target_kind: Generated<string>;
  /** year | term | month | quarter | cumulative | custom */
  period_kind: string;
  /** "2019", "2015-2020", "2019-07", "2019-Q3", "2019-6T", or a custom key. */
  period_key: string;
  /** Reporting window, inclusive (NĐ 09/2019 uses 15/12 of the previous year to 14/12). */
  period_start: string;
  period_end: string;
  /** Term targets: sum | mean | growth | end | count; null = the indicator's own aggregation. */
  aggregation: string | null;
  /** value | range | milestone */
  level_kind: string;
  value: number | null;
  min_value: number | null;
  max_value: number | null;
  /** Reductions: the figure the reduction is measured from ("giảm 1,5% số hộ nghèo" of 412 hộ). */
  baseline: number | null;
  /** sub_targets: m, the number of sub-targets ("đạt n/m tiêu chí"); value is how many must be met. */
  sub_total: number | null;
  /** 0 as first assigned; each adjustment (điều chỉnh) adds one. */
  revision: number;
  /** The document that set the target ("Nghị quyết số 12/NQ-HĐND ngày …"). */
  document: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface ResultsTable {
  id: Generated<number>;
  indicator_id: number;
  unit_id: number;
  period_key: string;
  period_start: string;
  period_end: string;
  /** estimate (ước thực hiện) | final (chính thức): separate rows, never merged. */
  version: string;
  /** Booleans (milestones) are 1/0. */
  value: number;
  source: string | null;
  note: string | null;
  /** draft | submitted | approved | reopened */
  status: string;
  entered_by: number | null;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  /** Why the office reopened an approved figure. */
  reopen_reason: string | null;
  /** Why the office sent a submitted figure back to the ward. */
  return_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface TargetsTables {
  indicators: IndicatorsTable;
  indicator_definitions: IndicatorDefinitionsTable;
  targets: TargetsTable;
  results: ResultsTable;
}

declare module "../core/db/schema.js" {
  interface DB extends TargetsTables {}
}
