/**
 * Response shapes of the targets API, for the OpenAPI document. Presenters (targets.present.ts) build
 * exactly these: whatever is not listed here does not leave the server.
 */
import { z } from "@hono/zod-openapi";
import { dbIdParamSchema, dbIdSchema } from "../core/validation/input.schema.js";
import { AGGREGATIONS, FIGURE_KINDS } from "./catalogue/indicator.model.js";

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
    periodKind: z.enum(["year", "term", "custom"]),
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

export const IndicatorEvaluationSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unitOfMeasure: z.string(),
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
    status: z.enum(["exceeded", "met", "not_met", "no_data", "no_target"]),
    achievementPct: z.number().nullable(),
    exceedPct: z.number().nullable(),
    exceedPoints: z.number().nullable(),
    met: z.boolean().nullable(),
    wording: Wording,
    aggregation: z.enum(AGGREGATIONS).nullable(),
    termNote: z.string().nullable(),
    notes: z.array(z.string()),
  })
  .openapi("IndicatorEvaluation");

export const UnitEvaluationSchema = z
  .object({
    unit: z.object({
      id: z.number().int(),
      name: z.string(),
      level: z.string(),
      code: z.string().nullable(),
    }),
    period: z.object({ key: z.string(), kind: z.enum(["year", "term", "custom"]), label: z.string() }),
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
      sentence: z.string().openapi({ example: "hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu" }),
    }),
    score: z.number().nullable(),
    narrative: z.string().nullable(),
  })
  .openapi("UnitEvaluation");

export const IdsBody = z.object({ ids: z.array(dbIdSchema()).min(1).max(1000) }).openapi("ResultIds");
export const IdsWithReasonBody = IdsBody.extend({ reason: z.string().max(1000) }).openapi(
  "ResultIdsWithReason",
);

export const idParam = (name: string) =>
  dbIdParamSchema().openapi({ param: { name, in: "path" }, example: 1 });
