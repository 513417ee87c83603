/** Queries of the reminder job: due directives, the sent-reminders ledger, recipients, notifications. */
import type { Kysely } from "kysely";
import type { Need } from "../../core/access/needs.js";
import { mayOnPath } from "../../core/access/needs.js";
import type { Actor, Grant } from "../../core/access/policy.js";
import type { Role } from "../../core/access/roles.js";
import type { DB } from "../../core/db/schema.js";
import { REMINDED_STATES, type ReminderKind } from "./reminders.rules.js";

export interface DueDirective {
  id: number;
  title: string;
  leadUnitId: number;
  leadOrganisationId: number | null;
  deadlineEnd: string;
  deadlineDay: number;
  createdBy: number | null;
}

/**
 * Open directives whose deadline day is at most `horizon` days after `today` (day numbers), leaving out
 * those whose lead unit ended before `todayIso`: that work awaits hand-over, nobody is left to remind.
 */
export async function listDueDirectives(
  db: Kysely<DB>,
  today: number,
  todayIso: string,
  horizon = 7,
): Promise<DueDirective[]> {
  const rows = await db
    .selectFrom("directives")
    .select([
      "id",
      "title",
      "lead_unit_id",
      "lead_organisation_id",
      "deadline_end",
      "deadline_day",
      "created_by",
    ])
    .where("state", "in", [...REMINDED_STATES])
    .where("deadline_day", "is not", null)
    .where("deadline_day", "<=", today + horizon)
    .where("lead_unit_id", "not in", (eb) =>
      eb.selectFrom("units").select("units.id").where("units.valid_to", "<", todayIso),
    )
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    leadUnitId: r.lead_unit_id,
    leadOrganisationId: r.lead_organisation_id,
    deadlineEnd: r.deadline_end as string,
    deadlineDay: r.deadline_day as number,
    createdBy: r.created_by,
  }));
}

/**
 * Records that reminder (directive, kind, dueOn) is being sent. Returns its id, or null when it was
 * recorded before (by this process, another one, or a run before a restart): then nothing is sent.
 */
export async function claimReminder(
  db: Kysely<DB>,
  r: {
    directiveId: number;
    kind: ReminderKind;
    dueOn: string;
    now: Date;
    recipients: number;
    mailStatus: "none" | "pending";
  },
): Promise<number | null> {
  const row = await db
    .insertInto("reminders_sent")
    .values({
      directive_id: r.directiveId,
      kind: r.kind,
      due_on: r.dueOn,
      created_at: r.now.toISOString(),
      recipients: r.recipients,
      mail_status: r.mailStatus,
      mail_error: null,
    })
    .onConflict((oc) => oc.columns(["directive_id", "kind", "due_on"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function setMailStatus(
  db: Kysely<DB>,
  id: number,
  status: "sent" | "failed",
  error: string | null,
): Promise<void> {
  await db
    .updateTable("reminders_sent")
    .set({ mail_status: status, mail_error: error })
    .where("id", "=", id)
    .execute();
}

export interface Recipient {
  userId: number;
  displayName: string;
  email: string | null;
}

/**
 * The people who act for a unit itself: users with an active grant on exactly this unit that allows
 * `need`. Grants on units above are left out on purpose: a district office is not told about every
 * ward's task.
 */
export async function unitOfficers(
  db: Kysely<DB>,
  unitId: number,
  need: Need,
  today: string,
): Promise<Recipient[]> {
  const grants = await db
    .selectFrom("role_grants as g")
    .innerJoin("users as u", "u.id", "g.user_id")
    .select([
      "u.id",
      "u.username",
      "u.display_name",
      "u.email",
      "g.role",
      "g.unit_id",
      "g.valid_from",
      "g.valid_to",
    ])
    .where("g.unit_id", "=", unitId)
    .where("u.disabled", "=", 0)
    .execute();
  const byUser = new Map<number, { actor: Actor; email: string | null }>();
  for (const g of grants) {
    const entry = byUser.get(g.id) ?? {
      actor: { userId: g.id, username: g.username, displayName: g.display_name, grants: [] as Grant[] },
      email: g.email,
    };
    entry.actor.grants.push({
      role: g.role as Role,
      unitId: g.unit_id,
      validFrom: g.valid_from,
      validTo: g.valid_to,
    });
    byUser.set(g.id, entry);
  }
  return [...byUser.values()]
    .filter(({ actor }) => mayOnPath(actor, need, [unitId], today))
    .map(({ actor, email }) => ({ userId: actor.userId, displayName: actor.displayName, email }));
}

/**
 * Who is reminded: the lead unit's own officers (see {@link unitOfficers}), the staff of the lead
 * department, and for an overdue directive also whoever assigned it.
 */
export async function listRecipients(
  db: Kysely<DB>,
  d: Pick<DueDirective, "leadUnitId" | "leadOrganisationId" | "createdBy">,
  kind: ReminderKind | "assigned",
  today: string,
): Promise<Recipient[]> {
  const chosen = new Map<number, Recipient>();
  for (const r of await unitOfficers(db, d.leadUnitId, "directive.report", today)) chosen.set(r.userId, r);
  const extraIds: number[] = [];
  if (d.leadOrganisationId !== null) {
    const staff = await db
      .selectFrom("department_staff")
      .select("user_id")
      .where("organisation_id", "=", d.leadOrganisationId)
      .execute();
    extraIds.push(...staff.map((s) => s.user_id));
  }
  if (kind === "overdue" && d.createdBy !== null) extraIds.push(d.createdBy);
  const missing = extraIds.filter((id) => !chosen.has(id));
  if (missing.length > 0) {
    const users = await db
      .selectFrom("users")
      .select(["id", "display_name", "email"])
      .where("id", "in", missing)
      .where("disabled", "=", 0)
      .execute();
    for (const u of users) chosen.set(u.id, { userId: u.id, displayName: u.display_name, email: u.email });
  }
  return [...chosen.values()].sort((a, b) => a.userId - b.userId);
}

export async function insertNotifications(
  db: Kysely<DB>,
  userIds: number[],
  n: {
    kind: string;
    title: string;
    body: string | null;
    link: string | null;
    directiveId: number | null;
    now: Date;
  },
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        directive_id: n.directiveId,
        created_at: n.now.toISOString(),
        read_at: null,
      })),
    )
    .execute();
}

export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A user's notifications, newest first. */
export async function listNotifications(
  db: Kysely<DB>,
  userId: number,
  limit = 100,
  options: { unreadOnly?: boolean } = {},
): Promise<NotificationRow[]> {
  let query = db.selectFrom("notifications").selectAll().where("user_id", "=", userId);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  const rows = await query.orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

/** How many of the user's notifications are unread. */
export async function countUnreadNotifications(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the user's notifications read (all of them, or one); another user's ids are ignored. */
export async function markNotificationsRead(
  db: Kysely<DB>,
  userId: number,
  now: Date,
  id?: number,
): Promise<void> {
  let q = db
    .updateTable("notifications")
    .set({ read_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (id !== undefined) q = q.where("id", "=", id);
  await q.execute();
}
