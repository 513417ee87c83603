/**
 * Zod schemas of what the targets module accepts, with Vietnamese messages: used by the API (and its
 * OpenAPI document) and by the form handlers after they turn vi-VN text into numbers.
 */
import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../core/format/vi-date.js";
import { dbIdSchema } from "../core/validation/input.schema.js";
import { ASSIGNERS, TARGET_KINDS } from "./assignment/target.model.js";
import {
  AGGREGATIONS,
  COMPARISON_MODES,
  DIRECTIONS,
  FIGURE_KINDS,
  LEVEL_KINDS,
  RESULT_VERSIONS,
  VALUE_TYPES,
} from "./catalogue/indicator.model.js";
import { COMPARABLE_RULES } from "./comparable/comparable-base.math.js";
import { PERIOD_KEY_MESSAGE, periodKindOf } from "./period.rules.js";

const isoDate = (message: string) => z.string().refine(isIsoDate, { error: message });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Tối đa ${max} ký tự.` })
    .nullish()
    .transform((v) => (v ? v : null));

const nullableFinite = (message: string) =>
  z
    .number({ error: message })
    .finite({ error: message })
    .nullish()
    .transform((v) => v ?? null);

export const IndicatorInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, {
        error: "Mã chỉ tiêu gồm 1–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.",
      })
      .openapi({ example: "THU_NS" }),
    name: z
      .string()
      .trim()
      .min(1, { error: "Vui lòng nhập tên chỉ tiêu." })
      .max(300, { error: "Tối đa 300 ký tự." }),
    field: z
      .string()
      .trim()
      .min(1, { error: "Vui lòng nhập lĩnh vực." })
      .max(100, { error: "Tối đa 100 ký tự." }),
    unitOfMeasure: z
      .string()
      .trim()
      .min(1, { error: "Vui lòng nhập đơn vị tính (%, tỷ đồng, hộ…)." })
      .max(30, { error: "Tối đa 30 ký tự." }),
    valueType: z.enum(VALUE_TYPES, { error: "Vui lòng chọn loại giá trị." }),
    direction: z.enum(DIRECTIONS, { error: "Vui lòng chọn chiều đánh giá." }),
    comparisonMode: z.enum(COMPARISON_MODES, { error: "Vui lòng chọn cách so sánh." }),
    termAggregation: z.enum(AGGREGATIONS, { error: "Vui lòng chọn cách tính cả nhiệm kỳ." }),
    responsibleOrganisationId: dbIdSchema()
      .nullish()
      .transform((v) => v ?? null),
    definition: optionalText(5000),
    isPublic: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(100_000).default(0),
    /** Comparable base (issue 12): sum | weighted_mean | none; absent or null = from the value type. */
    comparableRule: z
      .enum(COMPARABLE_RULES, { error: "Vui lòng chọn cách quy đổi theo địa bàn mới." })
      .nullish()
      .transform((v) => v ?? null),
    /** The indicator whose figures weight a mean (households for a household rate); null = population. */
    comparableWeightId: dbIdSchema()
      .nullish()
      .transform((v) => v ?? null),
    /** Fraction digits of the indicator's figures (API, pages); null: 2 for rates, 3 otherwise. */
    precision: z
      .number({ error: "Số chữ số thập phân phải là số nguyên từ 0 đến 6." })
      .int({ error: "Số chữ số thập phân phải là số nguyên từ 0 đến 6." })
      .min(0, { error: "Số chữ số thập phân phải là số nguyên từ 0 đến 6." })
      .max(6, { error: "Số chữ số thập phân phải là số nguyên từ 0 đến 6." })
      .nullish()
      .transform((v) => v ?? null),
    /** How reports write its percentages: 0 ("đạt 101%") or 1 ("đạt 101,3%"); null: the office's habit. */
    percentDigits: z
      .union([z.literal(0), z.literal(1)], { error: "Chọn số nguyên (0) hoặc một chữ số thập phân (1)." })
      .nullish()
      .transform((v) => v ?? null),
    /** When the name or definition changes: the first day the new wording applies (history keeps the old). */
    wordingFrom: isoDate("Ngày áp dụng không hợp lệ.").optional(),
    /** Checks at entry: the kind of figure (null: implied by the unit of measure). */
    figureKind: z
      .enum(FIGURE_KINDS, { error: "Loại số liệu không hợp lệ." })
      .nullish()
      .transform((v) => v ?? null),
    /** Smallest and largest result figure accepted, in the indicator's unit (null: no bound). */
    minValue: nullableFinite("Cận dưới phải là một số."),
    maxValue: nullableFinite("Cận trên phải là một số."),
    /** A figure this many times last year's or the target must be confirmed (null: 3). */
    warnFactor: z
      .number({ error: "Hệ số cảnh báo phải là một số." })
      .min(1.1, { error: "Hệ số cảnh báo từ 1,1 đến 1000." })
      .max(1000, { error: "Hệ số cảnh báo từ 1,1 đến 1000." })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.minValue !== null && v.maxValue !== null && v.minValue > v.maxValue) {
      ctx.addIssue({ code: "custom", path: ["maxValue"], message: "Cận trên phải không nhỏ hơn cận dưới." });
    }
    if ((v.direction === "milestone") !== (v.valueType === "boolean")) {
      ctx.addIssue({
        code: "custom",
        path: ["valueType"],
        message: "Chỉ tiêu dạng mốc hoàn thành dùng loại giá trị Có / không, và ngược lại.",
      });
    }
    if (v.valueType === "boolean" && !["end", "count"].includes(v.termAggregation)) {
      ctx.addIssue({
        code: "custom",
        path: ["termAggregation"],
        message: "Chỉ tiêu mốc chỉ tính cả nhiệm kỳ theo năm cuối hoặc số năm đạt.",
      });
    }
  })
  .openapi("IndicatorInput");
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

/** The period keys the API accepts, for the OpenAPI document. */
export const PERIOD_KEY_DESCRIPTION =
  "Kỳ báo cáo: năm `2019`; nhiệm kỳ `2015-2020`; tháng `2019-07`; quý `2019-Q3`; n tháng đầu năm " +
  "`2019-6T` (sơ kết 6 tháng), `2019-9T`, `2019-3T`; hoặc mã kỳ riêng (cần ngày bắt đầu và kết thúc).";

const periodKey = z
  .string()
  .trim()
  .refine((k) => periodKindOf(k) !== null, { error: PERIOD_KEY_MESSAGE })
  .openapi({ example: "2019-6T", description: PERIOD_KEY_DESCRIPTION });

const finite = (message: string) => z.number({ error: message }).finite({ error: message });

export const TargetInputSchema = z
  .object({
    indicatorId: dbIdSchema("Vui lòng chọn chỉ tiêu."),
    unitId: dbIdSchema("Vui lòng chọn đơn vị."),
    appliesTo: z.enum(["unit", "children"]).default("unit"),
    /** higher: cấp trên giao (default); council: HĐND giao; own: the unit's own plan. */
    assignedBy: z
      .enum(ASSIGNERS, { error: "Chọn cấp giao chỉ tiêu: cấp trên, HĐND hoặc kế hoạch của đơn vị." })
      .default("higher")
      .openapi({ description: "higher: cấp trên giao; council: HĐND giao; own: kế hoạch của đơn vị." }),
    kind: z
      .enum(TARGET_KINDS, { error: "Chọn loại chỉ tiêu." })
      .default("level")
      .openapi({
        description:
          "level: mức theo chiều đánh giá của chỉ tiêu; at_least / at_most: không thấp hơn / không vượt quá " +
          "`value`; reduction_pct: giảm `value`% so với `baseline`; reduction_amount: giảm `value` (đơn vị " +
          "của chỉ tiêu) so với `baseline`; sub_targets: ít nhất `value` trong `subTotal` chỉ tiêu thành phần đạt.",
      }),
    baseline: finite("Mức gốc phải là một số.").nullish(),
    subTotal: z
      .number({ error: "Số chỉ tiêu thành phần phải là số nguyên dương." })
      .int({ error: "Số chỉ tiêu thành phần phải là số nguyên dương." })
      .min(1, { error: "Số chỉ tiêu thành phần phải là số nguyên dương." })
      .max(1000, { error: "Tối đa 1000 chỉ tiêu thành phần." })
      .nullish(),
    periodKey,
    /** Explicit window; required for custom keys, optional otherwise (default by `windowRule`). */
    periodStart: isoDate("Ngày bắt đầu kỳ không hợp lệ.").optional(),
    periodEnd: isoDate("Ngày kết thúc kỳ không hợp lệ.").optional(),
    windowRule: z.enum(["calendar", "nd09"]).default("calendar"),
    aggregation: z
      .enum(AGGREGATIONS)
      .nullish()
      .transform((v) => v ?? null),
    levelKind: z.enum(LEVEL_KINDS, { error: "Vui lòng chọn dạng mức chỉ tiêu." }),
    value: finite("Mức chỉ tiêu phải là một số.").nullish(),
    minValue: finite("Cận dưới phải là một số.").nullish(),
    maxValue: finite("Cận trên phải là một số.").nullish(),
    document: optionalText(300),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.levelKind === "value" && (v.value === null || v.value === undefined)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Vui lòng nhập mức chỉ tiêu." });
    }
    if (v.levelKind === "range") {
      if (v.minValue == null)
        ctx.addIssue({ code: "custom", path: ["minValue"], message: "Vui lòng nhập cận dưới." });
      if (v.maxValue == null)
        ctx.addIssue({ code: "custom", path: ["maxValue"], message: "Vui lòng nhập cận trên." });
      if (v.minValue != null && v.maxValue != null && v.minValue > v.maxValue) {
        ctx.addIssue({
          code: "custom",
          path: ["maxValue"],
          message: "Cận trên phải không nhỏ hơn cận dưới.",
        });
      }
    }
    if (v.kind !== "level" && v.levelKind !== "value") {
      ctx.addIssue({ code: "custom", path: ["levelKind"], message: "Loại chỉ tiêu này cần một mức giao." });
    }
    if (v.kind === "reduction_pct" || v.kind === "reduction_amount") {
      if (v.baseline == null)
        ctx.addIssue({
          code: "custom",
          path: ["baseline"],
          message: "Vui lòng nhập mức gốc để tính mức giảm.",
        });
      if (v.value != null && !(v.value > 0))
        ctx.addIssue({ code: "custom", path: ["value"], message: "Mức giảm phải lớn hơn 0." });
      if (v.kind === "reduction_pct" && v.value != null && v.value > 100)
        ctx.addIssue({ code: "custom", path: ["value"], message: "Mức giảm không quá 100%." });
    }
    if (v.kind === "sub_targets") {
      if (v.subTotal == null)
        ctx.addIssue({
          code: "custom",
          path: ["subTotal"],
          message: "Vui lòng nhập số chỉ tiêu thành phần.",
        });
      if (
        v.value != null &&
        (!Number.isInteger(v.value) || v.value < 1 || (v.subTotal != null && v.value > v.subTotal))
      )
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: "Số chỉ tiêu thành phần phải đạt là số nguyên từ 1 đến tổng số chỉ tiêu thành phần.",
        });
    }
    if ((v.periodStart === undefined) !== (v.periodEnd === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "Nhập cả ngày bắt đầu và ngày kết thúc kỳ.",
      });
    }
    if (v.periodStart && v.periodEnd && v.periodStart > v.periodEnd) {
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "Ngày kết thúc phải sau ngày bắt đầu." });
    }
    if (periodKindOf(v.periodKey) === "custom" && !v.periodStart) {
      ctx.addIssue({
        code: "custom",
        path: ["periodStart"],
        message: "Kỳ riêng cần ngày bắt đầu và ngày kết thúc.",
      });
    }
  })
  .openapi("TargetInput");
export type TargetInput = z.infer<typeof TargetInputSchema>;

export const ResultEntrySchema = z.object({
  /** Either the id or the code of the indicator. */
  indicatorId: dbIdSchema().optional(),
  indicatorCode: z.string().trim().max(40).optional(),
  /** A number; true/false for milestones; null to remove a draft figure. */
  value: z.union([finite("Giá trị phải là một số."), z.boolean(), z.null()]),
  /**
   * The officer confirms a figure far from last year's or the target (more than the indicator's
   * factor, default ×3); without it such a figure is refused (422 `confirmation_required`).
   */
  confirmed: z.boolean().optional(),
  source: optionalText(300),
  note: optionalText(2000),
});

export const ResultsBatchSchema = z
  .object({
    unitId: dbIdSchema(),
    periodKey,
    version: z.enum(RESULT_VERSIONS, { error: "Chọn số liệu chính thức hoặc ước thực hiện." }),
    periodStart: isoDate("Ngày bắt đầu kỳ không hợp lệ.").optional(),
    periodEnd: isoDate("Ngày kết thúc kỳ không hợp lệ.").optional(),
    windowRule: z.enum(["calendar", "nd09"]).default("calendar"),
    values: z.array(ResultEntrySchema).min(1, { error: "Chưa có số liệu nào." }).max(1000),
  })
  .openapi("ResultsBatch");
export type ResultsBatch = z.infer<typeof ResultsBatchSchema>;

export const ReasonSchema = z
  .object({
    reason: z
      .string({ error: "Vui lòng ghi rõ lý do." })
      .trim()
      .min(1, { error: "Vui lòng ghi rõ lý do." })
      .max(1000, { error: "Tối đa 1000 ký tự." }),
  })
  .openapi("Reason");

/** Field errors from a failed Zod parse, keyed by dotted path (`values.3.value`). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  return fields;
}
