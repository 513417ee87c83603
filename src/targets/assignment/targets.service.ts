import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, ValidationError } from "../../core/http/errors.js";
import { levelKindFor, termDirection } from "../catalogue/indicator.model.js";
import { findIndicatorById } from "../catalogue/indicators.repo.js";
import { targetFigureProblem } from "../entry/figure-bounds.rules.js";
import type { TargetLevel } from "../evaluation/evaluation.math.js";
import { defaultWindow, periodKindOf, windowProblem } from "../period.rules.js";
import { fieldErrorsOf, TargetInputSchema } from "../targets.schema.js";
import { insertTargetRevision, type TargetRow } from "./targets.repo.js";

/**
 * The policy target for setting targets on `unitId`. A target "for all children" acts on the units
 * below it, so it is checked as for a child of that unit: the office of a district may set it for its
 * wards, as `target.manage` (granted from above) intends. -1 stands for that not-yet-named child.
 */
export function targetPolicyPath(
  ctx: ActorContext,
  unitId: number,
  appliesTo: "unit" | "children",
): number[] {
  const path = ctx.hierarchy.pathForToday(unitId, ctx.today);
  return appliesTo === "children" ? [-1, ...path] : path;
}

/**
 * Sets a target: the first revision, or the next one when a target already exists for the same
 * indicator, unit, scope and period (an adjustment; earlier revisions stay). Validates that the level
 * fits the indicator (a range for a range indicator, a milestone for a milestone…) and fills the
 * reporting window from the period key unless given. Audited in the same transaction.
 */
export async function setTarget(db: Kysely<DB>, raw: unknown, ctx: ActorContext): Promise<TargetRow> {
  const parsed = TargetInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (!ctx.hierarchy.unit(input.unitId)) throw new ValidationError({ unitId: "Đơn vị không tồn tại." });
  // A target from above is set by the office above; the council's and the unit's own by the unit.
  authorize(
    ctx.actor,
    input.assignedBy === "higher" ? "target.manage" : "target.plan",
    { unitPath: targetPolicyPath(ctx, input.unitId, input.appliesTo) },
    ctx.today,
  );

  const indicator = await findIndicatorById(db, input.indicatorId);
  if (!indicator) throw new ValidationError({ indicatorId: "Chỉ tiêu không tồn tại." });
  const kind = periodKindOf(input.periodKey) ?? "custom";
  const aggregation = kind === "term" ? (input.aggregation ?? indicator.termAggregation) : null;
  const direction = aggregation ? termDirection(indicator, aggregation) : indicator.direction;
  if (input.kind !== "level" && indicator.valueType === "boolean") {
    throw new ValidationError({ kind: "Chỉ tiêu mốc hoàn thành chỉ giao theo mức (hoàn thành)." });
  }
  const expected = input.kind === "level" ? levelKindFor(direction) : "value";
  if (input.levelKind !== expected) {
    const words = {
      value: "một mức",
      range: "một khoảng (cận dưới – cận trên)",
      milestone: "một mốc hoàn thành",
    };
    throw new ValidationError({ levelKind: `Chỉ tiêu này cần mức giao dạng ${words[expected]}.` });
  }
  if (aggregation && indicator.valueType === "boolean" && !["end", "count"].includes(aggregation)) {
    throw new ValidationError({
      aggregation: "Chỉ tiêu mốc chỉ tính cả nhiệm kỳ theo năm cuối hoặc số năm đạt.",
    });
  }
  const levels =
    input.kind === "reduction_pct" || input.kind === "sub_targets"
      ? ([["baseline", input.baseline]] as const)
      : input.kind === "reduction_amount"
        ? ([
            ["baseline", input.baseline],
            ["value", input.value],
          ] as const)
        : expected === "range"
          ? ([
              ["minValue", input.minValue],
              ["maxValue", input.maxValue],
            ] as const)
          : expected === "value"
            ? ([["value", input.value]] as const)
            : [];
  const figureErrors: Record<string, string> = {};
  for (const [field, v] of levels) {
    const problem = typeof v === "number" ? targetFigureProblem(indicator, aggregation, v) : null;
    if (problem) figureErrors[field] = problem;
  }
  if (Object.keys(figureErrors).length > 0) throw new ValidationError(figureErrors);
  const level: TargetLevel =
    expected === "range"
      ? { kind: "range", min: input.minValue as number, max: input.maxValue as number }
      : expected === "milestone"
        ? { kind: "milestone" }
        : { kind: "value", value: input.value as number };
  const window =
    input.periodStart && input.periodEnd
      ? { start: input.periodStart, end: input.periodEnd }
      : defaultWindow(input.periodKey, input.windowRule);
  if (!window) throw new ValidationError({ periodStart: "Kỳ riêng cần ngày bắt đầu và ngày kết thúc." });
  const badWindow = windowProblem(input.periodKey, window.start, window.end);
  if (badWindow) throw new ValidationError({ [badWindow.field]: badWindow.message });

  try {
    return await db.transaction().execute(async (trx) => {
      const row = await insertTargetRevision(
        trx,
        {
          indicatorId: indicator.id,
          unitId: input.unitId,
          appliesTo: input.appliesTo,
          assignedBy: input.assignedBy,
          kind: input.kind,
          baseline: input.kind.startsWith("reduction") ? (input.baseline ?? null) : null,
          subTotal: input.kind === "sub_targets" ? (input.subTotal ?? null) : null,
          periodKind: kind,
          periodKey: input.periodKey,
          periodStart: window.start,
          periodEnd: window.end,
          aggregation,
          level,
          document: input.document,
          note: input.note,
          createdBy: ctx.actor.userId,
        },
        ctx.now,
      );
      const { id: _id, createdAt: _at, ...after } = row;
      await recordAudit(trx, {
        actor: ctx.actor,
        action: row.revision === 0 ? "create" : "revise",
        entityType: "target",
        entityId: row.id,
        unitId: input.unitId,
        after: { ...after, indicatorCode: indicator.code },
        at: ctx.now,
        ip: ctx.ip ?? null,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("Chỉ tiêu vừa được người khác điều chỉnh; vui lòng tải lại trang và thử lại.");
    }
    throw error;
  }
}
