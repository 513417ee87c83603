/**
 * Response shapes of the targets API, for the OpenAPI document. Presenters (targets.present.ts) build
 * exactly these: whatever is not listed here does not leave the server.
 */
import { z } from "@hono/zod-openapi";
import { dbIdParamSchema, dbIdSchema } from "../core/validation/input.schema.js";
import { ASSIGNERS, TARGET_KINDS } from "./assignment/target.model.js";
import { AGGREGATIONS, FIGURE_KINDS } from "./catalogue/indicator.model.js";
import { COMPARABLE_RULES } from "./comparable/comparable-base.math.js";
import { PERIOD_KINDS } from "./period.rules.js";

export const IndicatorSchema = z
  .object({
    id: z.number().int(),
    code: z.string().openapi({ example: "THU_NS" }),
    name: z.string().openapi({ example: "Thu ngân sách nhà nước trên địa bàn" }),
    field: z.string(),
    unitOfMeasure: z.string().openapi({ example: "tỷ đồng" }),
    valueType: z.enum(["number", "rate", "boolean"]),
    direction: z.enum(["higher_is_better", "lower_is_better", "range", "floor", "milestone"]),
    comparisonMode: z.enum(["ratio", "points"]),
    termAggregation: z.enum(AGGREGATIONS),
    responsibleOrganisationId: z.number().int().nullable(),
    definition: z.string().nullable(),
    isPublic: z.boolean(),
    sortOrder: z.number().int(),
    comparableRule: z.enum(COMPARABLE_RULES).nullable().openapi({
      description:
        "Quy đổi theo địa bàn mới: sum (cộng theo tỷ lệ), weighted_mean (bình quân gia quyền), none; null: theo loại giá trị",
    }),
    comparableWeightId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Chỉ tiêu quyền số của bình quân gia quyền; null: dân số (mã DAN_SO)" }),
    precision: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Fraction digits of its figures; null: 2 for rates, 3 otherwise." }),
    percentDigits: z.number().int().nullable().openapi({
      description: "0: percentages written whole (101%); 1: one decimal (101,3%); null: the office's habit.",
    }),
    figureKind: z.enum(FIGURE_KINDS).nullable(),
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    warnFactor: z.number().nullable(),
  })
  .openapi("Indicator");

export const TargetSchema = z
  .object({
    id: z.number().int(),
    indicatorId: z.number().int(),
    unitId: z.number().int(),
    appliesTo: z.enum(["unit", "children"]),
    assignedBy: z
      .enum(ASSIGNERS)
      .openapi({ description: "higher: cấp trên giao; council: HĐND giao; own: kế hoạch của đơn vị." }),
    kind: z.enum(TARGET_KINDS),
    baseline: z
      .number()
      .nullable()
      .openapi({ description: "Mức gốc của chỉ tiêu giảm; null với loại khác." }),
    subTotal: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Tổng số chỉ tiêu thành phần (sub_targets)." }),
    periodKind: z.enum(PERIOD_KINDS),
    periodKey: z.string().openapi({ example: "2015-2020" }),
    periodStart: z.string(),
    periodEnd: z.string(),
    aggregation: z.enum(AGGREGATIONS).nullable(),
    levelKind: z.enum(["value", "range", "milestone"]),
    value: z.number().nullable(),
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    revision: z.number().int(),
    document: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi("Target");

export const ResultSchema = z
  .object({
    id: z.number().int(),
    indicatorId: z.number().int(),
    indicatorCode: z.string(),
    unitId: z.number().int(),
    periodKey: z.string().openapi({ example: "2019" }),
    periodStart: z.string(),
    periodEnd: z.string(),
    version: z.enum(["final", "estimate"]),
    value: z.union([z.number(), z.boolean()]),
    source: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(["draft", "submitted", "approved", "reopened"]),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    reopenReason: z.string().nullable(),
    returnReason: z.string().nullable(),
    confirmedWarning: z.string().nullable(),
  })
  .openapi("Result");

const Wording = z.object({
  precise: z.string().openapi({ example: "đạt 90,42%, vượt 2,42 điểm phần trăm" }),
  customary: z.string().openapi({ example: "đạt 90,42%, vượt 2,42%" }),
});

const STATUSES = ["exceeded", "met", "not_met", "no_data", "no_target", "on_track", "behind"] as const;

const ProgressSchema = z
  .object({
    yearTarget: z
      .number()
      .nullable()
      .openapi({ example: 40, description: "The year's target (the term's, for a term not yet over)." }),
    yearTargetPct: z.number().nullable().openapi({
      example: 52.3,
      description: "Figures that add up: the share of the year's target reached, %.",
    }),
    expectedPct: z.number().nullable().openapi({
      example: 50,
      description: "The share expected by now, % (months gone ÷ 12, or the seasonal profile).",
    }),
    expectedBasis: z.enum(["months", "years", "seasonal"]).nullable(),
    onTrack: z.boolean(),
    forecast: z.object({ value: z.number(), achievementPct: z.number().nullable() }).nullable().openapi({
      description: "Dự kiến cả năm: the year's approved estimate (ước thực hiện) and its achievement.",
    }),
    wording: Wording,
  })
  .openapi("Progress", {
    description:
      "A part of a year (or a term not yet over) against the whole's target; never 'chưa đạt' before the end.",
  });

const SamePeriodSchema = z
  .object({
    actual: z.number().openapi({ example: 39.6, description: "The same period last year." }),
    change: z
      .number()
      .nullable()
      .openapi({ example: 4.8, description: "In the indicator's unit (points for a rate)." }),
    changePct: z
      .number()
      .nullable()
      .openapi({ example: 12.12, description: "Ratio indicators with a positive base." }),
    wording: z.string().openapi({ example: "tăng 4,8 tỷ đồng (tăng 12,12%) so với cùng kỳ" }),
  })
  .openapi("SamePeriod");

const TargetComparisonSchema = z
  .object({
    assignedBy: z.enum(ASSIGNERS),
    kind: z.enum(TARGET_KINDS),
    value: z.number().nullable(),
    achievementPct: z.number().nullable().openapi({
      description: "Against this target; for a part of a year, the share of this year's target.",
    }),
    status: z.enum(STATUSES),
    wording: Wording,
    document: z.string().nullable(),
  })
  .openapi("TargetComparison");

export const IndicatorEvaluationSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unitOfMeasure: z.string(),
    precision: z
      .number()
      .int()
      .openapi({ description: "Fraction digits the figures of this indicator are rounded to." }),
    direction: z.string(),
    comparisonMode: z.string(),
    target: z
      .number()
      .nullable()
      .openapi({ description: "The target value; null for a range, a milestone or no target." }),
    targetRange: z.object({ min: z.number(), max: z.number() }).nullable(),
    targetRevision: z.number().int().nullable(),
    targetSource: z.enum(["own", "inherited"]).nullable(),
    actual: z.union([z.number(), z.boolean()]).nullable(),
    basis: z.enum(["final", "estimate", "none"]),
    status: z.enum(STATUSES),
    achievementPct: z.number().nullable(),
    exceedPct: z.number().nullable(),
    exceedPoints: z.number().nullable(),
    met: z.boolean().nullable(),
    wording: Wording,
    aggregation: z.enum(AGGREGATIONS).nullable(),
    termNote: z.string().nullable(),
    progress: ProgressSchema.nullable(),
    samePeriod: SamePeriodSchema.nullable(),
    targets: z.array(TargetComparisonSchema),
    notes: z.array(z.string()),
  })
  .openapi("IndicatorEvaluation");

/** `?base=comparable`: a unit's area rebuilt from its predecessors for a period before it existed. */
export const BaseQuery = z.enum(["own", "comparable"]).optional().openapi({
  description:
    "own (mặc định): số liệu của chính đơn vị; comparable: với đơn vị chưa tồn tại trong kỳ, số liệu quy đổi theo địa bàn mới từ các đơn vị trước sắp xếp",
});

const EvaluationBaseSchema = z
  .union([
    z.object({ kind: z.literal("own") }),
    z.object({
      kind: z.literal("comparable"),
      label: z.string().openapi({ example: "Số liệu quy đổi theo địa bàn mới" }),
      predecessors: z.array(
        z.object({
          unitId: z.number().int(),
          name: z.string(),
          share: z.number().nullable().openapi({
            description: "Tỷ lệ dân số (0–1) của đơn vị cũ nay thuộc đơn vị; null: chưa có tỷ lệ",
          }),
          legalBases: z.array(z.string()),
        }),
      ),
      missingShares: z.array(
        z.object({ fromUnitId: z.number().int(), toUnitId: z.number().int(), message: z.string() }),
      ),
      notRebuilt: z.array(z.string()),
    }),
  ])
  .openapi("EvaluationBase");

export const UnitEvaluationSchema = z
  .object({
    unit: z.object({
      id: z.number().int(),
      name: z.string(),
      level: z.string(),
      code: z.string().nullable(),
    }),
    period: z.object({
      key: z.string().openapi({ example: "2019-6T" }),
      kind: z.enum(PERIOD_KINDS),
      label: z.string().openapi({ example: "6 tháng đầu năm 2019" }),
    }),
    indicators: z.array(IndicatorEvaluationSchema),
    summary: z.object({
      total: z.number().int(),
      withData: z.number().int(),
      met: z.number().int(),
      exceeded: z.number().int(),
      notMet: z.number().int(),
      noData: z.number().int(),
      noTarget: z.number().int(),
      estimated: z.number().int(),
      onTrack: z.number().int(),
      behind: z.number().int(),
      sentence: z.string().openapi({ example: "hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu" }),
    }),
    score: z.number().nullable(),
    narrative: z.string().nullable(),
    base: EvaluationBaseSchema,
  })
  .openapi("UnitEvaluation");

export const IdsBody = z.object({ ids: z.array(dbIdSchema()).min(1).max(1000) }).openapi("ResultIds");
export const IdsWithReasonBody = IdsBody.extend({ reason: z.string().max(1000) }).openapi(
  "ResultIdsWithReason",
);

export const idParam = (name: string) =>
  dbIdParamSchema().openapi({ param: { name, in: "path" }, example: 1 });
