/**
 * Use cases of proposals: a unit raises one (at a session or not), an addressed department answers
 * it and moves its status, and the assigner may turn it into a directive. One transaction and one
 * audit event per change. A department officer answers only proposals addressed to the department
 * they work for (department_staff); a unit admin answers for any department of their units.
 */

import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { mayOnUnit, readableUnits } from "../../core/access/needs.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { withTransaction } from "../../core/db/transaction.js";
import { isIsoDate, vnDateString } from "../../core/format/vi-date.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { sessionParties } from "../../sessions/sessions.repo.js";
import { getSessionFor } from "../../sessions/sessions.service.js";
import { partyAt } from "../../units/parties.rules.js";
import { checkPartiesAt } from "../../units/parties.service.js";
import { staffOrganisationIds } from "../department-staff.repo.js";
import type { PartyInput } from "../directives.repo.js";
import { createDirectiveIn, type DirectiveInput } from "../directives.service.js";
import {
  findProposal,
  insertProposal,
  listProposals,
  type ProposalFilter,
  type ProposalRecord,
  type ProposalStatus,
  updateProposal,
  updateProposalContent,
} from "./proposals.repo.js";

export interface ProposalInput {
  sessionId: number | null;
  from: PartyInput;
  topic: string;
  text: string | null;
  answerDue: string | null;
  addressees: PartyInput[];
}

function validateProposal(input: Pick<ProposalInput, "topic" | "addressees" | "answerDue">): void {
  const fields: Record<string, string> = {};
  if (!input.topic.trim()) fields.topic = "Vui lòng nhập nội dung kiến nghị.";
  if (input.addressees.length === 0) fields.addressees = "Vui lòng chọn nơi nhận kiến nghị.";
  if (input.answerDue && !isIsoDate(input.answerDue)) fields.answerDue = "Hạn trả lời không hợp lệ.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/**
 * May the actor record (or correct) a proposal of `fromUnitId`: the unit itself (proposal.raise), or
 * whoever manages the session it was raised at.
 */
export async function mayRecordProposal(
  db: Kysely<DB>,
  fromUnitId: number,
  sessionId: number | null,
  ctx: Omit<ActorContext, "now">,
): Promise<boolean> {
  if (mayOnUnit(ctx.actor, "proposal.raise", fromUnitId, ctx.hierarchy, ctx.today)) return true;
  if (!sessionId) return false;
  const session = await sessionParties(db, sessionId);
  return !!session && mayOnUnit(ctx.actor, "session.manage", session.ownerUnitId, ctx.hierarchy, ctx.today);
}

/**
 * The day a proposal's parties must exist: its session's (which the actor must be able to see, or
 * the session's title would show on the proposal: 422 on `sessionId`), else today.
 */
async function proposalDate(
  db: Kysely<DB>,
  sessionId: number | null,
  ctx: Omit<ActorContext, "now">,
): Promise<string> {
  if (!sessionId) return ctx.today;
  const session = await getSessionFor(db, sessionId, ctx).catch((error: unknown) => {
    if (error instanceof NotFoundError)
      throw new ValidationError({ sessionId: "Không tìm thấy buổi làm việc này." });
    throw error;
  });
  return vnDateString(session.startsAt);
}

/** The sender and addressees of a proposal, checked at `date` (parties.rules.ts). */
async function checkProposalParties(
  db: Kysely<DB>,
  input: Pick<ProposalInput, "from" | "addressees">,
  date: string,
  ctx: Omit<ActorContext, "now">,
): Promise<void> {
  await checkPartiesAt(
    db,
    ctx.hierarchy,
    [partyAt("from", input.from), ...input.addressees.map((a, i) => partyAt(`addressees.${i}`, a))],
    date,
  );
}

/** Raised by the unit itself, or recorded by whoever manages the session it was raised at. */
export async function raiseProposal(
  db: Kysely<DB>,
  input: ProposalInput,
  ctx: ActorContext,
): Promise<number> {
  validateProposal(input);
  const date = await proposalDate(db, input.sessionId, ctx);
  if (!(await mayRecordProposal(db, input.from.unitId, input.sessionId, ctx)))
    throw new ForbiddenError("Bạn không có quyền ghi kiến nghị của đơn vị này.");
  await checkProposalParties(db, input, date, ctx);
  return withTransaction(db, async (trx) => {
    const id = await insertProposal(trx, {
      ...input,
      topic: input.topic.trim(),
      createdBy: ctx.actor.userId,
      now: ctx.now,
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "create",
      entityType: "proposal",
      entityId: id,
      unitId: input.from.unitId,
      after: input,
      at: ctx.now,
      ip: ctx.ip,
    });
    return id;
  });
}

/** The organisations (or, for null, the whole unit) the actor may answer for among the addressees. */
export async function answerableAddressees(
  db: Kysely<DB>,
  p: ProposalRecord,
  ctx: Omit<ActorContext, "now">,
): Promise<PartyInput[]> {
  return addresseesAnswerableBy(p, ctx, await staffOrganisationIds(db, ctx.actor.userId));
}

/** The addressees the actor may answer for, given the departments the actor works in (`staff`). */
export function addresseesAnswerableBy(
  p: Pick<ProposalRecord, "addressees">,
  ctx: Omit<ActorContext, "now">,
  staff: readonly number[],
): PartyInput[] {
  return p.addressees.filter(
    (a) =>
      mayOnUnit(ctx.actor, "proposal.answer", a.unitId, ctx.hierarchy, ctx.today) ||
      (a.organisationId !== null &&
        staff.includes(a.organisationId) &&
        mayOnUnit(ctx.actor, "proposal.answer_as_department", a.unitId, ctx.hierarchy, ctx.today)),
  );
}

export async function getProposalFor(
  db: Kysely<DB>,
  id: number,
  ctx: Omit<ActorContext, "now">,
): Promise<ProposalRecord> {
  const p = await findProposal(db, id);
  const readable =
    p &&
    [p.from.unitId, ...p.addressees.map((a) => a.unitId)].some((u) =>
      mayOnUnit(ctx.actor, "session.read", u, ctx.hierarchy, ctx.today),
    );
  if (!p || !readable) throw new NotFoundError("Không tìm thấy kiến nghị này.");
  return p;
}

export interface AnswerInput {
  answer: string;
  status: Exclude<ProposalStatus, "unanswered">;
}

/** An addressed department (or the office above it) answers and sets the status. */
export async function answerProposal(
  db: Kysely<DB>,
  id: number,
  input: AnswerInput,
  ctx: ActorContext,
): Promise<ProposalRecord> {
  if (!input.answer.trim()) throw new ValidationError({ answer: "Vui lòng nhập nội dung trả lời." });
  return withTransaction(db, async (trx) => {
    const p = await getProposalFor(trx, id, ctx);
    const mine = await answerableAddressees(trx, p, ctx);
    if (mine.length === 0) throw new ForbiddenError("Kiến nghị này không gửi đến đơn vị của bạn.");
    const patch = {
      status: input.status,
      answer: input.answer.trim(),
      answeredAt: ctx.now.toISOString(),
      answeredBy: ctx.actor.userId,
      answerOrganisationId: mine[0]?.organisationId ?? null,
    };
    await updateProposal(trx, id, patch, ctx.now);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "answer",
      entityType: "proposal",
      entityId: id,
      unitId: p.from.unitId,
      before: { status: p.status, answer: p.answer },
      after: { status: patch.status, answer: patch.answer },
      at: ctx.now,
      ip: ctx.ip,
    });
    return (await findProposal(trx, id)) as ProposalRecord;
  });
}

/** Turns a proposal into a directive (once), linking both ways. */
export async function makeDirectiveFromProposal(
  db: Kysely<DB>,
  id: number,
  input: Omit<DirectiveInput, "proposalId" | "parentId">,
  ctx: ActorContext,
): Promise<number> {
  return withTransaction(db, async (trx) => {
    const p = await getProposalFor(trx, id, ctx);
    if (p.directiveId !== null)
      throw new ValidationError({ proposal: "Kiến nghị này đã được giao thành nhiệm vụ." });
    const directiveId = await createDirectiveIn(trx, { ...input, proposalId: id }, ctx);
    await updateProposal(
      trx,
      id,
      { directiveId, status: p.status === "unanswered" ? "in_progress" : p.status },
      ctx.now,
    );
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "make_directive",
      entityType: "proposal",
      entityId: id,
      unitId: p.from.unitId,
      before: { directiveId: null, status: p.status },
      after: { directiveId },
      at: ctx.now,
      ip: ctx.ip,
    });
    return directiveId;
  });
}

export async function searchProposals(
  db: Kysely<DB>,
  query: Omit<ProposalFilter, "scope" | "limit"> & { limit?: number },
  ctx: Omit<ActorContext, "now">,
): Promise<ProposalRecord[]> {
  return listProposals(db, {
    ...query,
    scope: readableUnits(ctx.actor, ctx.hierarchy, ctx.today),
    limit: query.limit ?? 500,
  });
}

export type ProposalEdit = Omit<ProposalInput, "sessionId">;

/**
 * Corrects a proposal's unit, wording, answer deadline and addressees. Who may: whoever may record it
 * (for the unit it was from and the one it is now from). The answer, its status and a directive made
 * from it stay as they are. Audited with before and after.
 */
export async function editProposal(
  db: Kysely<DB>,
  id: number,
  input: ProposalEdit,
  ctx: ActorContext,
): Promise<ProposalRecord> {
  validateProposal(input);
  return withTransaction(db, async (trx) => {
    const p = await getProposalFor(trx, id, ctx);
    const allowed =
      (await mayRecordProposal(trx, p.from.unitId, p.sessionId, ctx)) &&
      (await mayRecordProposal(trx, input.from.unitId, p.sessionId, ctx));
    if (!allowed) throw new ForbiddenError("Bạn không có quyền sửa kiến nghị này.");
    const date = p.sessionId ? await proposalDate(trx, p.sessionId, ctx).catch(() => ctx.today) : ctx.today;
    await checkProposalParties(trx, input, date, ctx);
    const clean = { ...input, topic: input.topic.trim(), text: input.text?.trim() || null };
    await updateProposalContent(trx, id, clean, ctx.now);
    const party = (x: { unitId: number; organisationId: number | null }) => ({
      unitId: x.unitId,
      organisationId: x.organisationId,
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "update",
      entityType: "proposal",
      entityId: id,
      unitId: clean.from.unitId,
      before: {
        from: party(p.from),
        topic: p.topic,
        text: p.text,
        answerDue: p.answerDue,
        addressees: p.addressees.map(party),
      },
      after: clean,
      at: ctx.now,
      ip: ctx.ip,
    });
    return (await findProposal(trx, id)) as ProposalRecord;
  });
}
