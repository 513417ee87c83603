/**
 * Use cases of directives: create (also as child tasks), move through the workflow with a report,
 * change deadline and coordinators. Each runs in one transaction with its audit event; who may act
 * is decided by directives.access.ts (through the central policy) and workflow.rules.ts.
 */

import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { mayOnUnit } from "../core/access/needs.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { partyAt } from "../units/parties.rules.js";
import { checkPartiesAt } from "../units/parties.service.js";
import { type Deadline, lastDayCovered } from "./deadline.js";
import { staffOrganisationIds } from "./department-staff.repo.js";
import { mayReadDirective, relationsTo } from "./directive-access.rules.js";
import { insertReport } from "./directive-reports.repo.js";
import type { DirectiveRecord } from "./directives.model.js";
import {
  type DirectivePatch,
  findDirective,
  insertDirective,
  type NewDirective,
  type PartyInput,
  replaceCoordinators,
  updateDirective,
} from "./directives.repo.js";
import { notifyStep } from "./reminders/notifications.repo.js";
import { type ActorRelation, nextState, type WorkflowAction } from "./workflow.rules.js";

function parties(d: DirectiveRecord) {
  return {
    leadUnitId: d.lead.unitId,
    leadOrganisationId: d.lead.organisationId,
    assigningUnitId: d.assigningUnitId,
    coordinatorUnitIds: d.coordinators.map((c) => c.unitId),
  };
}

/** The directive if the actor may see it; 404 otherwise, so ids of others' tasks are not confirmed. */
export async function getDirectiveFor(
  db: Kysely<DB>,
  id: number,
  ctx: Omit<ActorContext, "now">,
): Promise<DirectiveRecord> {
  const d = await findDirective(db, id);
  if (!d || !mayReadDirective(ctx.actor, parties(d), ctx.hierarchy, ctx.today)) {
    throw new NotFoundError("Không tìm thấy nhiệm vụ này.");
  }
  return d;
}

/** How the actor relates to the directive (assigner, assignee, coordinator, other). */
export async function relationsOf(
  db: Kysely<DB>,
  d: DirectiveRecord,
  ctx: Omit<ActorContext, "now">,
): Promise<ActorRelation[]> {
  const staff = await staffOrganisationIds(db, ctx.actor.userId);
  return relationsTo(ctx.actor, parties(d), ctx.hierarchy, ctx.today, staff);
}

/**
 * The deadline as stored: a month, quarter or year deadline on the last day of its period (a form may
 * send any day inside it), no date for "recurring" and "none".
 */
export function normalizeDeadline(d: Deadline): Deadline {
  if (d.kind === "recurring" || d.kind === "none") return { ...d, date: null };
  if (d.date !== null && (d.kind === "month" || d.kind === "quarter" || d.kind === "year")) {
    return { ...d, date: lastDayCovered(d.kind, d.date) ?? d.date };
  }
  return d;
}

/** A unit assigns to itself, its organisations or units below it, never sideways or upwards. */
function checkLeadUnder(lead: PartyInput, assigningUnitId: number, ctx: Omit<ActorContext, "now">): void {
  if (!ctx.hierarchy.pathForToday(lead.unitId, ctx.today).includes(assigningUnitId)) {
    throw new ValidationError({
      lead: "Đơn vị chủ trì phải là đơn vị giao nhiệm vụ hoặc một đơn vị trực thuộc.",
    });
  }
}

export interface DirectiveInput {
  title: string;
  lead: PartyInput;
  coordinators: PartyInput[];
  deadline: Deadline;
  assigningUnitId: number;
  assignerPersonId: number | null;
  assignerName: string | null;
  noticeId?: number | null;
  itemId?: number | null;
  parentId?: number | null;
  proposalId?: number | null;
  /**
   * The day the directive is given, at which its lead and coordinators must exist: a conclusion
   * notice's issue date; today by default.
   */
  givenOn?: string | null;
}

/**
 * Creates a directive inside the caller's transaction `trx`. A top-level directive needs the right to
 * assign on its assigning unit; a child task (parentId) may be made by whoever leads or assigned the
 * parent, and is assigned by the parent's lead unit. Returns the new id.
 */
export async function createDirectiveIn(
  trx: Kysely<DB>,
  input: DirectiveInput,
  ctx: ActorContext,
): Promise<number> {
  const title = input.title.trim();
  if (!title) throw new ValidationError({ title: "Vui lòng nhập nội dung nhiệm vụ." });
  let assigningUnitId = input.assigningUnitId;
  if (input.parentId) {
    const parent = await getDirectiveFor(trx, input.parentId, ctx);
    const rel = await relationsOf(trx, parent, ctx);
    if (!rel.includes("assignee") && !rel.includes("assigner")) throw new ForbiddenError();
    assigningUnitId = parent.lead.unitId;
  } else if (!mayOnUnit(ctx.actor, "directive.assign", assigningUnitId, ctx.hierarchy, ctx.today)) {
    throw new ForbiddenError("Bạn không có quyền giao nhiệm vụ thay mặt đơn vị này.");
  }
  checkLeadUnder(input.lead, assigningUnitId, ctx);
  await checkPartiesAt(
    trx,
    ctx.hierarchy,
    [partyAt("lead", input.lead), ...input.coordinators.map((c, i) => partyAt(`coordinators.${i}`, c))],
    input.givenOn ?? ctx.today,
  );
  const values: NewDirective = {
    noticeId: input.noticeId ?? null,
    itemId: input.itemId ?? null,
    parentId: input.parentId ?? null,
    proposalId: input.proposalId ?? null,
    title,
    lead: input.lead,
    coordinators: input.coordinators,
    assigningUnitId,
    assignerPersonId: input.assignerPersonId,
    assignerName: input.assignerName,
    deadline: normalizeDeadline(input.deadline),
    createdBy: ctx.actor.userId,
    now: ctx.now,
  };
  const id = await insertDirective(trx, values);
  await recordAudit(trx, {
    actor: ctx.actor,
    action: "create",
    entityType: "directive",
    entityId: id,
    unitId: input.lead.unitId,
    after: {
      title,
      lead: input.lead,
      coordinators: input.coordinators,
      deadline: input.deadline,
      parentId: values.parentId,
    },
    at: ctx.now,
    ip: ctx.ip,
  });
  await notifyStep(
    trx,
    "assigned",
    {
      id,
      title,
      leadUnitId: input.lead.unitId,
      leadOrganisationId: input.lead.organisationId,
      assigningUnitId,
      createdBy: ctx.actor.userId,
    },
    ctx,
  );
  return id;
}

export async function createDirective(
  db: Kysely<DB>,
  input: DirectiveInput,
  ctx: ActorContext,
): Promise<number> {
  return withTransaction(db, (trx) => createDirectiveIn(trx, input, ctx));
}

export interface ActionInput {
  action: WorkflowAction;
  /** Progress or decision note. */
  text?: string | null;
  /** 0–100, for report_progress (required) and submit (defaults to 100). */
  percent?: number | null;
  /** For reassign. */
  newLead?: PartyInput;
  fileIds?: number[];
  /** The text may show on the public page of a published notice (default: internal). */
  public?: boolean;
}

function checkInput(input: ActionInput): void {
  const fields: Record<string, string> = {};
  const p = input.percent;
  if (input.action === "report_progress" && (p === null || p === undefined))
    fields.percent = "Vui lòng nhập tỷ lệ hoàn thành (0–100%).";
  if (p !== null && p !== undefined && (!Number.isInteger(p) || p < 0 || p > 100)) {
    fields.percent = "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.";
  }
  if (input.action === "report_progress" && !input.text?.trim())
    fields.text = "Vui lòng nêu kết quả đã thực hiện.";
  if (input.action === "return" && !input.text?.trim()) fields.text = "Vui lòng nêu lý do trả lại.";
  if (input.action === "reassign" && !input.newLead) fields.lead = "Vui lòng chọn đơn vị chủ trì mới.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/**
 * Performs one workflow action with its report (progress text, percent, files), in one transaction
 * with the audit event. Refusals: 403 when the actor may not (wrong actor), 409 when the state does
 * not allow it, 422 for bad input; the messages are Vietnamese and shown as they are.
 */
export async function actOnDirective(
  db: Kysely<DB>,
  id: number,
  input: ActionInput,
  ctx: ActorContext,
): Promise<DirectiveRecord> {
  checkInput(input);
  return withTransaction(db, (trx) => actOnDirectiveIn(trx, id, input, ctx));
}

/** {@link actOnDirective} inside the caller's transaction (the demo loader runs in one). */
export async function actOnDirectiveIn(
  trx: Kysely<DB>,
  id: number,
  input: ActionInput,
  ctx: ActorContext,
): Promise<DirectiveRecord> {
  checkInput(input);
  const d = await getDirectiveFor(trx, id, ctx);
  const relations = await relationsOf(trx, d, ctx);
  const result = nextState(d.state, input.action, relations, {
    stateBeforePause: d.stateBeforePause ?? undefined,
  });
  if (!result.ok) {
    if (result.reason === "wrong_actor") throw new ForbiddenError(result.message);
    throw new ConflictError(result.message);
  }
  const at = ctx.now.toISOString();
  const patch: DirectivePatch = { state: result.state };
  if (input.action === "report_progress") patch.progressPercent = input.percent ?? d.progressPercent;
  if (input.action === "submit") {
    patch.progressPercent = input.percent ?? 100;
    patch.submittedAt = at;
  }
  if (input.action === "confirm") {
    patch.confirmedAt = at;
    patch.progressPercent = 100;
    // The completion moment is the submission being confirmed; it stays as recorded.
    if (!d.submittedAt) patch.submittedAt = at;
  }
  if (input.action === "pause") patch.stateBeforePause = d.state;
  if (input.action === "resume") patch.stateBeforePause = null;
  if (input.action === "reassign" && input.newLead) {
    checkLeadUnder(input.newLead, d.assigningUnitId, ctx);
    await checkPartiesAt(trx, ctx.hierarchy, [partyAt("newLead", input.newLead)], ctx.today);
    patch.lead = input.newLead;
  }
  await updateDirective(trx, id, patch, ctx.now);
  await insertReport(trx, {
    directiveId: id,
    action: input.action,
    percent: patch.progressPercent ?? null,
    text: input.text?.trim() || null,
    fromState: d.state,
    toState: result.state,
    reportedBy: ctx.actor.userId,
    reporterName: ctx.actor.displayName,
    at: ctx.now,
    fileIds: input.fileIds ?? [],
    isPublic: input.public === true,
  });
  await recordAudit(trx, {
    actor: ctx.actor,
    action: input.action,
    entityType: "directive",
    entityId: id,
    unitId: d.lead.unitId,
    before: { state: d.state, progressPercent: d.progressPercent, lead: d.lead.unitId },
    after: {
      state: result.state,
      progressPercent: patch.progressPercent ?? d.progressPercent,
      lead: patch.lead?.unitId ?? d.lead.unitId,
      note: input.text ?? null,
    },
    at: ctx.now,
    ip: ctx.ip,
  });
  const after = (await findDirective(trx, id)) as DirectiveRecord;
  if (
    input.action === "submit" ||
    input.action === "confirm" ||
    input.action === "return" ||
    input.action === "reassign"
  ) {
    await notifyStep(
      trx,
      input.action,
      {
        id,
        title: after.title,
        leadUnitId: after.lead.unitId,
        leadOrganisationId: after.lead.organisationId,
        assigningUnitId: after.assigningUnitId,
        createdBy: after.createdBy,
      },
      ctx,
    );
  }
  return after;
}

/** The assigner changes the deadline, title or coordinating units of an open directive. */
export async function editDirective(
  db: Kysely<DB>,
  id: number,
  changes: { title?: string; deadline?: Deadline; coordinators?: PartyInput[] },
  ctx: ActorContext,
): Promise<DirectiveRecord> {
  return withTransaction(db, async (trx) => {
    const d = await getDirectiveFor(trx, id, ctx);
    if (!(await relationsOf(trx, d, ctx)).includes("assigner"))
      throw new ForbiddenError("Chỉ người giao nhiệm vụ mới được sửa nhiệm vụ.");
    if (d.state === "confirmed" || d.state === "cancelled")
      throw new ConflictError("Nhiệm vụ đã kết thúc, không sửa được.");
    if (changes.coordinators) {
      // Those already coordinating stay even if reorganised since; the ones added must exist today.
      const kept = (c: PartyInput) =>
        d.coordinators.some((x) => x.unitId === c.unitId && x.organisationId === c.organisationId);
      await checkPartiesAt(
        trx,
        ctx.hierarchy,
        changes.coordinators.flatMap((c, i) => (kept(c) ? [] : [partyAt(`coordinators.${i}`, c)])),
        ctx.today,
      );
    }
    await updateDirective(
      trx,
      id,
      {
        title: changes.title?.trim() || undefined,
        deadline: changes.deadline ? normalizeDeadline(changes.deadline) : undefined,
      },
      ctx.now,
    );
    if (changes.coordinators) await replaceCoordinators(trx, id, changes.coordinators);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "update",
      entityType: "directive",
      entityId: id,
      unitId: d.lead.unitId,
      before: { title: d.title, deadline: d.deadline, coordinators: d.coordinators.map((c) => c.unitId) },
      after: changes,
      at: ctx.now,
      ip: ctx.ip,
    });
    return (await findDirective(trx, id)) as DirectiveRecord;
  });
}
