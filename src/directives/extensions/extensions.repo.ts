/** SQL of deadline extension requests (directive_extensions). */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { Deadline, DeadlineKind } from "../deadline.js";
import { isDeadlineKind } from "../directives.model.js";
import type { ExtensionDecision, ExtensionStatus } from "./extensions.rules.js";

export interface ExtensionRecord {
  id: number;
  directiveId: number;
  requestedDate: string;
  reason: string;
  status: ExtensionStatus;
  requestedBy: number | null;
  requesterName: string;
  requestedAt: string;
  deciderName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The deadline when it was asked for: the one a grant replaced. */
  previousDeadline: Deadline;
}

function toRecord(r: {
  id: number;
  directive_id: number;
  requested_date: string;
  reason: string;
  status: string;
  requested_by: number | null;
  requester_name: string;
  requested_at: string;
  decider_name: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  previous_deadline_kind: string;
  previous_deadline_date: string | null;
  previous_deadline_phrase: string | null;
}): ExtensionRecord {
  const kind: DeadlineKind = isDeadlineKind(r.previous_deadline_kind) ? r.previous_deadline_kind : "none";
  return {
    id: r.id,
    directiveId: r.directive_id,
    requestedDate: r.requested_date,
    reason: r.reason,
    status: r.status as ExtensionStatus,
    requestedBy: r.requested_by,
    requesterName: r.requester_name,
    requestedAt: r.requested_at,
    deciderName: r.decider_name,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    previousDeadline: { kind, date: r.previous_deadline_date, phrase: r.previous_deadline_phrase },
  };
}

export interface NewExtension {
  directiveId: number;
  requestedDate: string;
  reason: string;
  requestedBy: number;
  requesterName: string;
  at: Date;
  previousDeadline: Deadline;
}

export async function insertExtension(db: Kysely<DB>, e: NewExtension): Promise<number> {
  const row = await db
    .insertInto("directive_extensions")
    .values({
      directive_id: e.directiveId,
      requested_date: e.requestedDate,
      reason: e.reason,
      status: "pending",
      requested_by: e.requestedBy,
      requester_name: e.requesterName,
      requested_at: e.at.toISOString(),
      decided_by: null,
      decider_name: null,
      decided_at: null,
      decision_reason: null,
      previous_deadline_kind: e.previousDeadline.kind,
      previous_deadline_date: e.previousDeadline.date,
      previous_deadline_phrase: e.previousDeadline.phrase,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the decision of a request still pending; false when someone decided it first. */
export async function decideExtension(
  db: Kysely<DB>,
  id: number,
  d: { decision: ExtensionDecision; reason: string; by: number; name: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("directive_extensions")
    .set({
      status: d.decision,
      decision_reason: d.reason,
      decided_by: d.by,
      decider_name: d.name,
      decided_at: d.at.toISOString(),
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findExtension(
  db: Kysely<DB>,
  directiveId: number,
  id: number,
): Promise<ExtensionRecord | undefined> {
  const row = await db
    .selectFrom("directive_extensions")
    .selectAll()
    .where("id", "=", id)
    .where("directive_id", "=", directiveId)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Every request of a directive, oldest first. */
export async function listExtensions(db: Kysely<DB>, directiveId: number): Promise<ExtensionRecord[]> {
  const rows = await db
    .selectFrom("directive_extensions")
    .selectAll()
    .where("directive_id", "=", directiveId)
    .orderBy("id")
    .execute();
  return rows.map(toRecord);
}

/** Directives whose waiting request this user made (they may not decide it themselves). */
export async function pendingRequestedBy(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("directive_extensions")
    .select("directive_id")
    .where("status", "=", "pending")
    .where("requested_by", "=", userId)
    .execute();
  return rows.map((r) => r.directive_id);
}
