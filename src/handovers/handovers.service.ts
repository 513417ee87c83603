/**
 * Applying hand-over decisions: every decision is checked first (the item waits for hand-over, the
 * actor may decide for its successors and for each unit receiving it, the receiving units are
 * successors), then all are applied in one transaction, each with its audit event and its decision
 * row, or none is. A directive's history gets "Tiếp nhận từ phường Thượng Thanh (NQ 1656/NQ-UBTVQH15)".
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { type FieldErrors, ForbiddenError, ValidationError } from "../core/http/errors.js";
import { insertReport } from "../directives/directive-reports.repo.js";
import { findDirective, insertDirective, updateDirective } from "../directives/directives.repo.js";
import { notifyStep } from "../directives/reminders/notifications.repo.js";
import { mayDecideFor, queueOf } from "./handover-queue.service.js";
import type { HandoverDecision, HandoverKind, QueueItem } from "./handovers.model.js";
import {
  insertDecision,
  listCandidateItems,
  loadSuccessions,
  moveProgramItem,
  moveProposal,
  moveTarget,
} from "./handovers.repo.js";
import {
  closedText,
  decisionShapeErrors,
  existsOn,
  receivedText,
  splitText,
  unitInSentence,
} from "./handovers.rules.js";

/** A decision checked against the queue, ready to apply. */
interface Plan {
  decision: HandoverDecision;
  item: QueueItem;
  /** Per receiving unit: the unit taking the assigning side, when the assigner no longer exists. */
  assigningFor: Map<number, number | undefined>;
}

export interface AppliedDecision {
  kind: HandoverKind;
  id: number;
  action: HandoverDecision["action"];
  toUnitIds: number[];
  /** For a split directive: the new directive of each receiving unit, in the order of toUnitIds. */
  newIds: number[];
}

const ENTITY: Record<HandoverKind, string> = {
  directive: "directive",
  proposal: "proposal",
  programme: "work_program_item",
  target: "target",
};

/** Checks every decision; throws 403 at the first one the actor may not take, 422 with all field errors. */
async function plan(
  trx: Kysely<DB>,
  decisions: readonly HandoverDecision[],
  ctx: ActorContext,
): Promise<Plan[]> {
  const s = await loadSuccessions(trx);
  const ids: Partial<Record<HandoverKind, number[]>> = {};
  for (const d of decisions) {
    ids[d.kind] ??= [];
    ids[d.kind]?.push(d.id);
  }
  const queue = await queueOf(trx, await listCandidateItems(trx, { ids }), s, ctx.today);
  const errors: FieldErrors = {};
  const plans: Plan[] = [];
  for (const [i, d] of decisions.entries()) {
    const at = (field: string) => `decisions.${i}.${field}`;
    const item = queue.find((q) => q.kind === d.kind && q.id === d.id);
    if (!item) {
      errors[at("id")] =
        "Mục này không chờ bàn giao: không có, đã được quyết định, hoặc đơn vị của nó vẫn đang hoạt động.";
      continue;
    }
    const successors = item.proposedSuccessors;
    if (!successors.some((x) => mayDecideFor(x.unitId, ctx)))
      throw new ForbiddenError(
        `Bạn không có quyền quyết định bàn giao công việc của ${unitInSentence(item.fromUnit)}.`,
      );
    const strangers = d.toUnitIds.filter((u) => !successors.some((x) => x.unitId === u));
    if (strangers.length > 0) {
      errors[at("toUnitIds")] =
        `Chỉ chuyển cho đơn vị kế thừa của ${unitInSentence(item.fromUnit)}: ${successors
          .map(unitInSentence)
          .join(", ")}.`;
      continue;
    }
    for (const to of d.toUnitIds) {
      if (!mayDecideFor(to, ctx)) {
        const name = successors.find((x) => x.unitId === to);
        throw new ForbiddenError(
          `Bạn không có quyền nhận công việc thay cho ${name ? unitInSentence(name) : "đơn vị này"}.`,
        );
      }
    }
    const assigningFor = await assigningSides(trx, d, ctx, (message) => {
      errors[at("assigningUnitId")] = message;
    });
    plans.push({ decision: d, item, assigningFor });
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return plans;
}

/**
 * Who takes the assigning side of a directive for each receiving unit: nobody new (undefined) while
 * the assigning unit exists; otherwise the receiving unit, or the unit the decision names, which must
 * be the receiving unit or one above it today, and one the actor may decide for (the province takes
 * it only when the province decides).
 */
async function assigningSides(
  trx: Kysely<DB>,
  d: HandoverDecision,
  ctx: ActorContext,
  refuse: (message: string) => void,
): Promise<Map<number, number | undefined>> {
  const sides = new Map<number, number | undefined>();
  if (d.kind !== "directive" || d.action === "close") return sides;
  const directive = await findDirective(trx, d.id);
  const assigner = directive ? ctx.hierarchy.unit(directive.assigningUnitId) : undefined;
  const assignerGone = assigner !== undefined && !existsOn(assigner, ctx.today);
  for (const to of d.toUnitIds) {
    if (!assignerGone) {
      if (d.assigningUnitId != null) refuse("Đơn vị giao nhiệm vụ vẫn đang hoạt động, không thay được.");
      sides.set(to, undefined);
      continue;
    }
    const taker = d.assigningUnitId ?? to;
    if (!ctx.hierarchy.pathForToday(to, ctx.today).includes(taker))
      refuse("Đơn vị giao nhiệm vụ mới phải là đơn vị nhận hoặc một đơn vị cấp trên của đơn vị đó.");
    else if (!mayDecideFor(taker, ctx))
      throw new ForbiddenError("Bạn không có quyền giao nhiệm vụ thay mặt đơn vị này.");
    sides.set(to, taker);
  }
  return sides;
}

/**
 * Applies the decisions all together or not at all. Throws ValidationError (422, field paths
 * `decisions.N.field`) for malformed decisions or items not waiting, ForbiddenError (403) when the
 * actor may not decide for an item's successors or for a receiving unit.
 */
export async function applyHandoverDecisions(
  db: Kysely<DB>,
  decisions: readonly HandoverDecision[],
  ctx: ActorContext,
): Promise<AppliedDecision[]> {
  const shape = decisionShapeErrors(decisions);
  if (Object.keys(shape).length > 0) throw new ValidationError(shape);
  return withTransaction(db, async (trx) => {
    const applied: AppliedDecision[] = [];
    for (const p of await plan(trx, decisions, ctx)) applied.push(await apply(trx, p, ctx));
    return applied;
  });
}

async function apply(trx: Kysely<DB>, p: Plan, ctx: ActorContext): Promise<AppliedDecision> {
  const { decision: d, item } = p;
  const legalBasis = d.legalBasis.trim();
  const from = item.fromUnit;
  const record = (toUnitId: number | null, newItemId: number | null, assigningUnitId: number | null) =>
    insertDecision(trx, {
      kind: d.kind,
      itemId: d.id,
      fromUnitId: from.unitId,
      action: d.action,
      toUnitId,
      newItemId,
      assigningUnitId,
      legalBasis,
      decidedBy: ctx.actor.userId,
      at: ctx.now,
    });
  const audit = (action: string, unitId: number | null, before: unknown, after: unknown, entityId = d.id) =>
    recordAudit(trx, {
      actor: ctx.actor,
      action,
      entityType: ENTITY[d.kind],
      entityId,
      unitId,
      before,
      after,
      at: ctx.now,
      ip: ctx.ip,
    });
  const result: AppliedDecision = {
    kind: d.kind,
    id: d.id,
    action: d.action,
    toUnitIds: d.toUnitIds,
    newIds: [],
  };
  if (d.kind === "directive") {
    result.newIds = await applyToDirective(trx, p, ctx, { record, audit });
    return result;
  }
  const to = d.toUnitIds[0];
  if (d.action === "close" || to === undefined) {
    await audit(
      "handover_close",
      from.unitId,
      { unitId: from.unitId },
      { legalBasis, note: closedText(legalBasis) },
    );
    await record(null, null, null);
    return result;
  }
  if (d.kind === "proposal") await moveProposal(trx, d.id, to, ctx.now);
  if (d.kind === "programme") await moveProgramItem(trx, d.id, from.unitId, to);
  if (d.kind === "target") await moveTarget(trx, d.id, to);
  await audit(
    "handover",
    to,
    { unitId: from.unitId },
    { unitId: to, legalBasis, note: receivedText(from, legalBasis) },
  );
  await record(to, null, null);
  return result;
}

interface Writers {
  record: (
    toUnitId: number | null,
    newItemId: number | null,
    assigningUnitId: number | null,
  ) => Promise<number>;
  audit: (
    action: string,
    unitId: number | null,
    before: unknown,
    after: unknown,
    entityId?: number,
  ) => Promise<void>;
}

/** Moves, splits or closes a directive, with its history line; returns the ids of directives made by a split. */
async function applyToDirective(trx: Kysely<DB>, p: Plan, ctx: ActorContext, w: Writers): Promise<number[]> {
  const { decision: d, item } = p;
  const legalBasis = d.legalBasis.trim();
  const dir = await findDirective(trx, d.id);
  if (!dir) throw new Error(`directive ${d.id} vanished during its hand-over`);
  const report = (directiveId: number, action: string, text: string, toState = dir.state) =>
    insertReport(trx, {
      directiveId,
      action,
      percent: null,
      text,
      fromState: dir.state,
      toState,
      reportedBy: ctx.actor.userId,
      reporterName: ctx.actor.displayName,
      at: ctx.now,
      fileIds: [],
    });
  const before = {
    lead: dir.lead.unitId,
    leadOrganisationId: dir.lead.organisationId,
    assigningUnitId: dir.assigningUnitId,
    state: dir.state,
  };
  const notify = (id: number, leadUnitId: number, assigningUnitId: number) =>
    notifyStep(
      trx,
      "reassign",
      {
        id,
        title: dir.title,
        leadUnitId,
        leadOrganisationId: null,
        assigningUnitId,
        createdBy: dir.createdBy,
      },
      ctx,
    );

  if (d.action === "close") {
    const text = closedText(legalBasis);
    await updateDirective(trx, d.id, { state: "cancelled" }, ctx.now);
    await report(d.id, "handover_close", text, "cancelled");
    await w.audit("handover_close", item.fromUnit.unitId, before, {
      state: "cancelled",
      legalBasis,
      note: text,
    });
    await w.record(null, null, null);
    return [];
  }
  if (d.action === "move") {
    const to = d.toUnitIds[0] as number;
    const assigning = p.assigningFor.get(to);
    const text = receivedText(item.fromUnit, legalBasis);
    await updateDirective(
      trx,
      d.id,
      { lead: { unitId: to, organisationId: null }, assigningUnitId: assigning },
      ctx.now,
    );
    await report(d.id, "handover", text);
    await w.audit("handover", to, before, {
      lead: to,
      leadOrganisationId: null,
      assigningUnitId: assigning ?? dir.assigningUnitId,
      legalBasis,
      note: text,
    });
    await w.record(to, null, assigning ?? null);
    await notify(d.id, to, assigning ?? dir.assigningUnitId);
    return [];
  }
  // Split: one directive per successor, each linked to the original by its decision row and history.
  const newIds: number[] = [];
  for (const to of d.toUnitIds) {
    const assigning = p.assigningFor.get(to) ?? dir.assigningUnitId;
    const id = await insertDirective(trx, {
      noticeId: dir.noticeId,
      itemId: dir.itemId,
      parentId: dir.parentId,
      proposalId: null,
      title: dir.title,
      lead: { unitId: to, organisationId: null },
      coordinators: dir.coordinators.map((c) => ({ unitId: c.unitId, organisationId: c.organisationId })),
      assigningUnitId: assigning,
      assignerPersonId: dir.assignerPersonId,
      assignerName: dir.assignerName,
      deadline: dir.deadline,
      createdBy: ctx.actor.userId,
      now: ctx.now,
    });
    // The successor carries on where the old unit was.
    await updateDirective(
      trx,
      id,
      {
        state: dir.state,
        stateBeforePause: dir.stateBeforePause,
        progressPercent: dir.progressPercent,
        submittedAt: dir.submittedAt,
      },
      ctx.now,
    );
    const text = `${receivedText(item.fromUnit, legalBasis)}; tách từ nhiệm vụ số ${dir.id}`;
    await report(id, "handover", text);
    await w.audit(
      "create",
      to,
      undefined,
      { splitFrom: dir.id, title: dir.title, lead: to, assigningUnitId: assigning, legalBasis, note: text },
      id,
    );
    await w.record(to, id, p.assigningFor.get(to) ?? null);
    await notify(id, to, assigning);
    newIds.push(id);
  }
  const names = d.toUnitIds.map(
    (to) => item.proposedSuccessors.find((x) => x.unitId === to) ?? { name: String(to), level: "" },
  );
  const text = `${splitText(names, legalBasis)}: nhiệm vụ số ${newIds.join(", ")}`;
  await updateDirective(trx, d.id, { state: "cancelled" }, ctx.now);
  await report(d.id, "handover_split", text, "cancelled");
  await w.audit("handover_split", item.fromUnit.unitId, before, {
    state: "cancelled",
    splitInto: newIds,
    legalBasis,
    note: text,
  });
  return newIds;
}
