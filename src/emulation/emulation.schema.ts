import { z } from "@hono/zod-openapi";
import { dbIdSchema } from "../core/validation/input.schema.js";
import { AWARD_STATUSES, AWARD_TITLES } from "./awards/award-titles.model.js";
import { CRITERION_KINDS, STAGES } from "./schemes/criteria-tree.rules.js";
import { ASSESSMENT_RULES, INDICATOR_RULES } from "./scoring/scoring.rules.js";

/**
 * API shapes of the emulation module. The services check meaning (max points, permissions, units in
 * scope); these schemas check form, so the OpenAPI document says what to send.
 */

const id = dbIdSchema();
const points = z.number().openapi({ description: "Điểm (số thực, dấu chấm thập phân trong JSON)" });

export const CriterionInputSchema = z
  .object({
    code: z.string().openapi({ example: "A.1" }),
    parentCode: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "Mã nhóm cha (nhóm phải đứng trước trong danh sách)" }),
    name: z.string(),
    maxPoints: points,
    kind: z.enum(CRITERION_KINDS),
    indicatorCode: z.string().nullable().optional().openapi({ description: "indicator_rule: mã chỉ tiêu" }),
    organisationId: id
      .nullable()
      .optional()
      .openapi({ description: "assessment: phòng, ban đánh giá; tiêu chí khác: phòng, ban thẩm định" }),
    rule: z
      .enum([...Object.keys(INDICATOR_RULES), ...Object.keys(ASSESSMENT_RULES)] as [string, ...string[]])
      .nullable()
      .optional(),
    fixedPoints: points
      .nullable()
      .optional()
      .openapi({ description: "bonus/deduction: điểm mỗi lần (+10 cờ Thành phố)" }),
  })
  .openapi("CriterionInput");

export const CriterionUpdateSchema = CriterionInputSchema.omit({ parentCode: true })
  .extend({ parentId: id.nullable().openapi({ description: "Nhóm cha (id); null: cấp cao nhất" }) })
  .openapi("CriterionUpdate");

export const NewSchemeSchema = z
  .object({
    name: z.string().openapi({ example: "Bảng chấm điểm thi đua các phường năm 2019" }),
    period: z.string().openapi({ example: "2019" }),
    ownerUnitId: id.openapi({ description: "Đơn vị cấp trên; các đơn vị trực thuộc thi đua với nhau" }),
    maxPoints: points.openapi({ example: 1000 }),
    criteria: z.array(CriterionInputSchema).max(500).optional(),
  })
  .openapi("NewEmulationScheme");

export const StageSchema = z
  .enum(STAGES)
  .openapi({ description: "self: tự chấm; review: thẩm định; council: Hội đồng" });

export const ScoreEntrySchema = z
  .object({
    criterionId: id,
    points: points.nullable().openapi({ description: "null: xóa điểm của bước này" }),
    comment: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "Bắt buộc với điểm thưởng, điểm trừ (lý do)" }),
  })
  .openapi("ScoreEntry");

export const SaveScoresSchema = z
  .object({ scores: z.array(ScoreEntrySchema).min(1).max(1000) })
  .openapi("SaveScores");

const StageScoreSchema = z
  .object({
    points: z.number(),
    comment: z.string().nullable(),
    scoredBy: z.string().nullable(),
    scoredAt: z.string(),
  })
  .nullable();

export const ScoreSheetSchema = z
  .object({
    scheme: z.object({ id: z.number().int(), name: z.string(), period: z.string(), maxPoints: z.number() }),
    unitId: z.number().int(),
    criteria: z.array(
      z.object({
        id: z.number().int(),
        parentId: z.number().int().nullable(),
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        maxPoints: z.number(),
        depth: z.number().int(),
        computed: z.object({ points: z.number().nullable(), explanation: z.string() }).nullable(),
        self: StageScoreSchema,
        review: StageScoreSchema,
        council: StageScoreSchema,
        editable: z.array(StageSchema),
      }),
    ),
    totals: z.record(z.string(), z.object({ total: z.number(), complete: z.boolean() })),
  })
  .openapi("ScoreSheet");

export const AssessmentEntrySchema = z
  .object({
    unitId: id,
    score: z.number().nullable().optional().openapi({ description: "0–100" }),
    rank: z.number().int().nullable().optional().openapi({ description: "1 = vị trí thứ nhất" }),
    comment: z.string().nullable().optional(),
  })
  .openapi("AssessmentEntry");

export const SaveAssessmentsSchema = z
  .object({
    organisationId: id,
    period: z.string().openapi({ example: "2019" }),
    entries: z.array(AssessmentEntrySchema).min(1).max(5000),
  })
  .openapi("SaveAssessments");

export const AssessmentSchema = z
  .object({
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    period: z.string(),
    score: z.number().nullable(),
    rank: z.number().int().nullable(),
    comment: z.string().nullable(),
    text: z.string().openapi({ example: "Được Phòng Y tế quận Long Biên đánh giá ở vị trí thứ nhất" }),
  })
  .openapi("DepartmentAssessment");

export const AwardProposalInputSchema = z
  .object({
    unitId: id,
    year: z.string().openapi({ example: "2019" }),
    title: z.enum(Object.keys(AWARD_TITLES) as [string, ...string[]]),
    basis: z.string(),
    proposingBody: z.string().openapi({ example: "Hội đồng Thi đua - Khen thưởng quận" }),
  })
  .openapi("AwardProposalInput");

export const AwardProposalSchema = z
  .object({
    id: z.number().int(),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    year: z.string(),
    title: z.string(),
    titleLabel: z.string(),
    basis: z.string(),
    status: z.enum(Object.keys(AWARD_STATUSES) as [string, ...string[]]),
    proposingBody: z.string(),
  })
  .openapi("AwardProposal");

export const QualityRatingInputSchema = z
  .object({
    unitId: id,
    organisationId: id
      .nullable()
      .optional()
      .openapi({ description: "Tổ chức được xếp loại (Đảng bộ phường); bỏ trống: chính đơn vị" }),
    year: z.string().openapi({ example: "2019" }),
    score: z.number().openapi({ description: "Thang 100" }),
    tasks: z
      .object({ total: z.number().int(), onTime: z.number().int(), exceeded: z.number().int() })
      .optional()
      .openapi({
        description:
          "Số nhiệm vụ, số hoàn thành đúng hạn, số vượt mức; bỏ trống: lấy từ kết quả chỉ tiêu đã duyệt",
      }),
    note: z.string().nullable().optional(),
  })
  .openapi("QualityRatingInput");
