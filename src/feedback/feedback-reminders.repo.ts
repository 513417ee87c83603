/** Queries of the feedback reminder job: open feedbacks, the ward's officers, the sent-reminders ledger. */
import type { Kysely } from "kysely";
import { can, type Grant } from "../core/access/policy.js";
import type { Role } from "../core/access/roles.js";
import { isUniqueViolation } from "../core/db/dialect.js";
import type { DB } from "../core/db/schema.js";

export interface OpenFeedback {
  id: number;
  code: string;
  unitId: number;
  place: string;
  answerDue: string;
}

/** Feedbacks waiting for an answer (new or in progress, not hidden or spam). */
export async function listOpenFeedbacks(db: Kysely<DB>): Promise<OpenFeedback[]> {
  const rows = await db
    .selectFrom("feedbacks")
    .select(["id", "code", "unit_id", "place", "answer_due"])
    .where("state", "in", ["new", "in_progress"])
    .where("visibility", "=", "visible")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    unitId: r.unit_id,
    place: r.place,
    answerDue: r.answer_due,
  }));
}

/**
 * The e-mail addresses of the people granted on the ward itself who may handle its feedback today
 * (the city above sees the queue but is not reminded of each ward's work).
 */
export async function wardHandlerEmails(db: Kysely<DB>, unitId: number, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom("role_grants as g")
    .innerJoin("users as u", "u.id", "g.user_id")
    .select(["u.id", "u.email", "g.role", "g.unit_id", "g.valid_from", "g.valid_to"])
    .where("g.unit_id", "=", unitId)
    .where("u.disabled", "=", 0)
    .execute();
  const emails = new Set<string>();
  for (const r of rows) {
    const grant: Grant = {
      role: r.role as Role,
      unitId: r.unit_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    };
    const actor = { userId: r.id, username: "", displayName: "", grants: [grant] };
    if (r.email && can(actor, "feedback.handle", { unitPath: [unitId] }, today)) emails.add(r.email);
  }
  return [...emails].sort();
}

/** Records a reminder; false when it was recorded before (by this run, another process, or earlier). */
export async function claimFeedbackReminder(
  db: Kysely<DB>,
  r: { feedbackId: number; kind: string; dueOn: string; now: Date; recipients: number },
): Promise<boolean> {
  try {
    await db
      .insertInto("feedback_reminders")
      .values({
        feedback_id: r.feedbackId,
        kind: r.kind,
        due_on: r.dueOn,
        sent_at: r.now.toISOString(),
        recipients: r.recipients,
      })
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Forgets the name and contact of the senders of feedbacks answered before `answeredBefore` (the
 * retention the consent notice states); the feedback itself stays. Returns how many it cleared.
 */
export async function forgetSenders(db: Kysely<DB>, answeredBefore: string): Promise<number> {
  const result = await db
    .updateTable("feedbacks")
    .set({ sender_name: null, sender_contact: null, wants_reply: 0 })
    .where("answered_at", "is not", null)
    .where("answered_at", "<", answeredBefore)
    .where((eb) => eb.or([eb("sender_name", "is not", null), eb("sender_contact", "is not", null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
