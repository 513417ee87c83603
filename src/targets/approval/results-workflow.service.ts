/**
 * The results workflow: draft → submitted → approved (locked) → reopened (with a reason) → submitted…;
 * a submitted figure may also be returned to draft with a reason. The ward submits (`result.enter`);
 * only an office above approves, returns or reopens (`result.approve`, granted from above). Each step
 * is a compare-and-set on the status, audited with before and after in the same transaction; a batch
 * is all or nothing.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Action, authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import type { ResultStatus } from "../catalogue/indicator.model.js";
import { findResultsByIds, patchResult, type ResultPatch, type ResultRow } from "../entry/results.repo.js";
import { ReasonSchema } from "../targets.schema.js";

interface Step {
  action: "submit" | "approve" | "return" | "reopen";
  permission: Action;
  from: ResultStatus[];
  patch: (row: ResultRow, ctx: ActorContext, reason: string | null) => ResultPatch;
}

const STEPS: Record<Step["action"], Step> = {
  submit: {
    action: "submit",
    permission: "result.enter",
    from: ["draft", "reopened"],
    patch: (_row, ctx) => ({ status: "submitted", submittedAt: ctx.now.toISOString(), returnReason: null }),
  },
  approve: {
    action: "approve",
    permission: "result.approve",
    from: ["submitted"],
    patch: (_row, ctx) => ({
      status: "approved",
      approvedBy: ctx.actor.userId,
      approvedAt: ctx.now.toISOString(),
    }),
  },
  return: {
    action: "return",
    permission: "result.approve",
    from: ["submitted"],
    patch: (_row, _ctx, reason) => ({ status: "draft", returnReason: reason, submittedAt: null }),
  },
  reopen: {
    action: "reopen",
    permission: "result.approve",
    from: ["approved"],
    patch: (_row, _ctx, reason) => ({
      status: "reopened",
      reopenReason: reason,
      approvedBy: null,
      approvedAt: null,
    }),
  },
};

const WRONG_STATUS: Record<Step["action"], Partial<Record<ResultStatus, string>>> = {
  submit: {
    submitted: "Số liệu đã được gửi duyệt.",
    approved: "Số liệu đã được phê duyệt, cần mở lại trước khi sửa",
  },
  approve: {
    draft: "Số liệu chưa được gửi duyệt.",
    reopened: "Số liệu đã mở lại, chưa được gửi duyệt lại.",
    approved: "Số liệu đã được phê duyệt.",
  },
  return: {
    draft: "Số liệu chưa được gửi duyệt.",
    reopened: "Số liệu chưa được gửi duyệt.",
    approved: "Số liệu đã được phê duyệt; hãy mở lại.",
  },
  reopen: {
    draft: "Số liệu chưa được phê duyệt.",
    submitted: "Số liệu chưa được phê duyệt.",
    reopened: "Số liệu đã được mở lại.",
  },
};

/** Applies one step to rows already loaded, inside the caller's transaction. */
async function applyStep(
  trx: Kysely<DB>,
  step: Step,
  rows: ResultRow[],
  ctx: ActorContext,
  reason: string | null,
) {
  for (const row of rows) {
    authorize(
      ctx.actor,
      step.permission,
      { unitPath: ctx.hierarchy.pathForToday(row.unitId, ctx.today) },
      ctx.today,
    );
  }
  const wrong = rows.find((r) => !step.from.includes(r.status));
  if (wrong)
    throw new ConflictError(
      WRONG_STATUS[step.action][wrong.status] ?? "Trạng thái số liệu không cho phép thao tác này.",
    );
  const done: ResultRow[] = [];
  for (const row of rows) {
    const updated = await patchResult(trx, row.id, row.status, step.patch(row, ctx, reason), ctx.now);
    if (!updated) throw new ConflictError("Số liệu vừa được người khác xử lý; vui lòng tải lại trang.");
    await recordAudit(trx, {
      actor: ctx.actor,
      action: step.action,
      entityType: "result",
      entityId: row.id,
      unitId: row.unitId,
      before: { status: row.status, value: row.value },
      after: { status: updated.status, value: updated.value, ...(reason ? { reason } : {}) },
      at: ctx.now,
      ip: ctx.ip ?? null,
    });
    done.push(updated);
  }
  return done;
}

/** Submits rows inside an open transaction (used by saveResults' "save and submit"). */
export function submitRows(trx: Kysely<DB>, rows: ResultRow[], ctx: ActorContext): Promise<ResultRow[]> {
  return applyStep(trx, STEPS.submit, rows, ctx, null);
}

async function run(
  db: Kysely<DB>,
  action: Step["action"],
  ids: number[],
  ctx: ActorContext,
  rawReason?: unknown,
) {
  let reason: string | null = null;
  if (action === "return" || action === "reopen") {
    const parsed = ReasonSchema.safeParse({ reason: rawReason });
    if (!parsed.success)
      throw new ValidationError({ reason: parsed.error.issues[0]?.message ?? "Vui lòng ghi rõ lý do." });
    reason = parsed.data.reason;
  }
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new ValidationError({ ids: "Chưa chọn số liệu nào." });
  return db.transaction().execute(async (trx) => {
    const rows = await findResultsByIds(trx, unique);
    if (rows.length !== unique.length) throw new NotFoundError("Không tìm thấy số liệu.");
    return applyStep(trx, STEPS[action], rows, ctx, reason);
  });
}

/** Submits figures for approval (the ward's data officer). */
export function submitResults(db: Kysely<DB>, ids: number[], ctx: ActorContext): Promise<ResultRow[]> {
  return run(db, "submit", ids, ctx);
}

/** Approves submitted figures (an office above the unit); they are then locked. */
export function approveResults(db: Kysely<DB>, ids: number[], ctx: ActorContext): Promise<ResultRow[]> {
  return run(db, "approve", ids, ctx);
}

/** Sends submitted figures back to the ward as drafts, with a required reason. */
export function returnResults(
  db: Kysely<DB>,
  ids: number[],
  reason: unknown,
  ctx: ActorContext,
): Promise<ResultRow[]> {
  return run(db, "return", ids, ctx, reason);
}

/** Reopens approved figures for correction, with a required reason. */
export function reopenResults(
  db: Kysely<DB>,
  ids: number[],
  reason: unknown,
  ctx: ActorContext,
): Promise<ResultRow[]> {
  return run(db, "reopen", ids, ctx, reason);
}
