/**
 * Every write of a directive row: insert and update. Each moves the directive between the follow-up
 * counters in the same transaction (follow-up/follow-up-counters.repo.ts), so the counters always
 * equal a count of the directives.
 */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import type { Deadline } from "./deadline.js";
import { dayOf, deadlineColumns } from "./directives.model.js";
import type { PartyInput } from "./directives.repo.js";
import {
  applyDirectiveChange,
  lockCounterSource,
  readCounterSource,
} from "./follow-up/follow-up-counters.repo.js";
import type { WorkflowState } from "./workflow.rules.js";

export interface NewDirective {
  noticeId: number | null;
  itemId: number | null;
  parentId: number | null;
  proposalId: number | null;
  title: string;
  lead: PartyInput;
  coordinators: PartyInput[];
  assigningUnitId: number;
  assignerPersonId: number | null;
  assignerName: string | null;
  deadline: Deadline;
  createdBy: number | null;
  now: Date;
}

/** Inserts a directive and counts it in the follow-up counters, in one transaction. */
export function insertDirective(db: Kysely<DB>, d: NewDirective): Promise<number> {
  return withTransaction(db, async (trx) => {
    const id = await insertDirectiveRow(trx, d);
    await applyDirectiveChange(trx, null, (await readCounterSource(trx, id)) ?? null);
    return id;
  });
}

async function insertDirectiveRow(db: Kysely<DB>, d: NewDirective): Promise<number> {
  const at = d.now.toISOString();
  const row = await db
    .insertInto("directives")
    .values({
      notice_id: d.noticeId,
      item_id: d.itemId,
      parent_id: d.parentId,
      proposal_id: d.proposalId,
      title: d.title,
      lead_unit_id: d.lead.unitId,
      lead_organisation_id: d.lead.organisationId,
      assigning_unit_id: d.assigningUnitId,
      assigner_person_id: d.assignerPersonId,
      assigner_name: d.assignerName,
      deadline_kind: d.deadline.kind,
      deadline_date: d.deadline.date,
      deadline_phrase: d.deadline.phrase,
      ...deadlineColumns(d.deadline.kind, d.deadline.date),
      state: "assigned",
      state_before_pause: null,
      progress_percent: 0,
      submitted_at: null,
      submitted_day: null,
      confirmed_at: null,
      created_by: d.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceCoordinators(db, row.id, d.coordinators);
  return row.id;
}

export async function replaceCoordinators(
  db: Kysely<DB>,
  directiveId: number,
  parties: PartyInput[],
): Promise<void> {
  await db.deleteFrom("directive_coordinators").where("directive_id", "=", directiveId).execute();
  if (parties.length === 0) return;
  await db
    .insertInto("directive_coordinators")
    .values(
      parties.map((p) => ({
        directive_id: directiveId,
        unit_id: p.unitId,
        organisation_id: p.organisationId,
      })),
    )
    .execute();
}

/** The fields a workflow step or an edit changes; derived copies are recomputed here, never by callers. */
export interface DirectivePatch {
  state?: WorkflowState;
  stateBeforePause?: WorkflowState | null;
  progressPercent?: number;
  submittedAt?: string | null;
  confirmedAt?: string | null;
  lead?: PartyInput;
  deadline?: Deadline;
  title?: string;
  /** The leader who gave it (corrected with the notice's signer). */
  assigner?: { personId: number | null; name: string | null };
  /** The assigning side, when a hand-over moves it from a unit that no longer exists. */
  assigningUnitId?: number;
}

/**
 * Changes a directive and moves it between follow-up counters, in one transaction: the row is locked
 * and read before the change and read again after it.
 */
export function updateDirective(db: Kysely<DB>, id: number, patch: DirectivePatch, now: Date): Promise<void> {
  return withTransaction(db, async (trx) => {
    const before = await lockCounterSource(trx, id);
    await updateDirectiveRow(trx, id, patch, now);
    if (before) await applyDirectiveChange(trx, before, (await readCounterSource(trx, id)) ?? null);
  });
}

async function updateDirectiveRow(
  db: Kysely<DB>,
  id: number,
  patch: DirectivePatch,
  now: Date,
): Promise<void> {
  await db
    .updateTable("directives")
    .set({
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.stateBeforePause !== undefined ? { state_before_pause: patch.stateBeforePause } : {}),
      ...(patch.progressPercent !== undefined ? { progress_percent: patch.progressPercent } : {}),
      ...(patch.submittedAt !== undefined
        ? { submitted_at: patch.submittedAt, submitted_day: dayOf(patch.submittedAt) }
        : {}),
      ...(patch.confirmedAt !== undefined ? { confirmed_at: patch.confirmedAt } : {}),
      ...(patch.lead
        ? { lead_unit_id: patch.lead.unitId, lead_organisation_id: patch.lead.organisationId }
        : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.assigningUnitId !== undefined ? { assigning_unit_id: patch.assigningUnitId } : {}),
      ...(patch.assigner
        ? { assigner_person_id: patch.assigner.personId, assigner_name: patch.assigner.name }
        : {}),
      ...(patch.deadline
        ? {
            deadline_kind: patch.deadline.kind,
            deadline_date: patch.deadline.date,
            deadline_phrase: patch.deadline.phrase,
            ...deadlineColumns(patch.deadline.kind, patch.deadline.date),
          }
        : {}),
      updated_at: now.toISOString(),
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Deletes a directive and its coordinators and takes it out of the follow-up counters, in one
 * transaction. No screen deletes directives today (they are cancelled); whatever deletes one must
 * come through here. Rows that point at it (reports, extensions) make it fail, leaving nothing half-done.
 */
export function deleteDirective(db: Kysely<DB>, id: number): Promise<void> {
  return withTransaction(db, async (trx) => {
    const before = await lockCounterSource(trx, id);
    if (!before) return;
    await trx.deleteFrom("directive_coordinators").where("directive_id", "=", id).execute();
    await trx.deleteFrom("directives").where("id", "=", id).execute();
    await applyDirectiveChange(trx, before, null);
  });
}
