/**
 * The ward's side of feedback: its queue, one feedback with its sender's details, and the changes its
 * officers make (state, the organisation that handles it, the answer and whether it is published,
 * moderation). A ward sees only its own queue (`feedback.handle` on the feedback's unit, so the city
 * above sees its wards'); every change is audited in the same transaction.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { type Action, can, grantedRoots } from "../core/access/policy.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { listOrganisationsAt } from "../units/units.repo.js";
import { CLOSED_STATES, type FeedbackState, type FeedbackVisibility } from "./feedback.model.js";
import {
  countFeedbacks,
  type FeedbackFilter,
  type FeedbackRecord,
  findFeedbackByCode,
  listFeedbacks,
  updateFeedback,
} from "./feedback.repo.js";
import { normaliseCode } from "./feedback-code.rules.js";

type Ctx = Omit<ActorContext, "now">;

function mayOn(ctx: Ctx, action: Action, unitId: number): boolean {
  return can(ctx.actor, action, { unitPath: ctx.hierarchy.pathForToday(unitId, ctx.today) }, ctx.today);
}

/** The units whose queues the actor may read: every unit at or under a unit granted `feedback.handle`. */
export function feedbackScope(ctx: Ctx): "all" | number[] {
  const roots = grantedRoots(ctx.actor, "feedback.handle", ctx.today);
  return roots === "all" ? "all" : ctx.hierarchy.unitIdsUnder(roots, ctx.today);
}

export type QueueQuery = Omit<FeedbackFilter, "scope">;

export function searchFeedbacks(db: Kysely<DB>, query: QueueQuery, ctx: Ctx): Promise<FeedbackRecord[]> {
  return listFeedbacks(db, { ...query, scope: feedbackScope(ctx) });
}

export function countQueue(db: Kysely<DB>, query: QueueQuery, ctx: Ctx): Promise<number> {
  return countFeedbacks(db, { ...query, scope: feedbackScope(ctx) });
}

/** One feedback of the actor's queues, sender's details included; 404 for any other. */
export async function getFeedbackFor(db: Kysely<DB>, code: string, ctx: Ctx): Promise<FeedbackRecord> {
  const normal = normaliseCode(code);
  const f = normal ? await findFeedbackByCode(db, normal) : undefined;
  if (!f || !mayOn(ctx, "feedback.handle", f.unitId)) throw new NotFoundError("Không tìm thấy phản ánh này.");
  return f;
}

export interface HandlingInput {
  state: FeedbackState;
  organisationId: number | null;
  answer: string | null;
  answerPublic: boolean;
}

/** The organisations of the feedback's ward that may handle it (valid today). */
export function organisationsOf(db: Kysely<DB>, f: FeedbackRecord, today: string) {
  return listOrganisationsAt(db, f.unitId, today);
}

/**
 * Moves a feedback on: its state, the organisation handling it, the answer and whether the answer is
 * published. An answer is required to close it (answered, refused, transferred) and to publish it.
 */
export async function handleFeedback(
  db: Kysely<DB>,
  code: string,
  input: HandlingInput,
  ctx: ActorContext,
): Promise<FeedbackRecord> {
  return withTransaction(db, async (trx) => {
    const f = await getFeedbackFor(trx, code, ctx);
    const answer = input.answer?.trim() || null;
    const fields: Record<string, string> = {};
    if (CLOSED_STATES.includes(input.state) && !answer)
      fields.answer = "Vui lòng nhập nội dung trả lời (hoặc lý do từ chối, nơi chuyển đến).";
    if (input.answerPublic && !answer) fields.answerPublic = "Chỉ công khai được khi đã có nội dung trả lời.";
    if (answer && answer.length > 5_000) fields.answer = "Nội dung trả lời dài tối đa 5.000 ký tự.";
    if (input.organisationId !== null) {
      const organisations = await organisationsOf(trx, f, ctx.today);
      if (!organisations.some((o) => o.id === input.organisationId))
        fields.organisationId = "Vui lòng chọn một cơ quan, bộ phận của phường, xã này.";
    }
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
    const answerChanged = answer !== f.answer;
    const patch = {
      state: input.state,
      organisationId: input.organisationId,
      answer,
      answerPublic: input.answerPublic,
      ...(answerChanged
        ? { answeredAt: answer ? ctx.now.toISOString() : null, answeredBy: answer ? ctx.actor.userId : null }
        : {}),
    };
    await updateFeedback(trx, f.id, patch, ctx.now);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: answerChanged && answer ? "answer" : "update",
      entityType: "feedback",
      entityId: f.id,
      unitId: f.unitId,
      before: {
        state: f.state,
        organisationId: f.organisationId,
        answer: f.answer,
        answerPublic: f.answerPublic,
      },
      after: {
        state: input.state,
        organisationId: input.organisationId,
        answer,
        answerPublic: input.answerPublic,
      },
      at: ctx.now,
      ip: ctx.ip,
    });
    return (await findFeedbackByCode(trx, f.code)) as FeedbackRecord;
  });
}

/** Hides a feedback, marks it spam or shows it again (unit admin or leader of its ward). */
export async function moderateFeedback(
  db: Kysely<DB>,
  code: string,
  visibility: FeedbackVisibility,
  ctx: ActorContext,
): Promise<FeedbackRecord> {
  return withTransaction(db, async (trx) => {
    const f = await getFeedbackFor(trx, code, ctx);
    if (!mayOn(ctx, "feedback.moderate", f.unitId))
      throw new ForbiddenError("Chỉ quản trị đơn vị hoặc lãnh đạo được ẩn phản ánh hay đánh dấu tin rác.");
    if (f.visibility === visibility) return f;
    await updateFeedback(trx, f.id, { visibility }, ctx.now);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "moderate",
      entityType: "feedback",
      entityId: f.id,
      unitId: f.unitId,
      before: { visibility: f.visibility },
      after: { visibility },
      at: ctx.now,
      ip: ctx.ip,
    });
    return (await findFeedbackByCode(trx, f.code)) as FeedbackRecord;
  });
}
