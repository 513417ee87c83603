/**
 * Use cases of the leaders' calendar entries: add, correct and delete an entry of a unit's calendar
 * (its staff only: `calendar.manage` on the unit), and list a week's entries for the admin page.
 * Every change is audited with before and after in the same transaction. The leaders involved are
 * stored with the position they held on the entry's day.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { can, grantedRoots } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { withTransaction } from "../../core/db/transaction.js";
import { vnDateString } from "../../core/format/vi-date.js";
import { ForbiddenError, NotFoundError } from "../../core/http/errors.js";
import { listPeopleAt } from "../../units/parties.repo.js";
import {
  type CalendarEntry,
  type CalendarEntryInput,
  deleteCalendarEntry,
  type EntryPerson,
  findCalendarEntry,
  insertCalendarEntry,
  listCalendarEntries,
  updateCalendarEntry,
} from "./calendar-entries.repo.js";

type ReadContext = Omit<ActorContext, "now">;

export function mayKeepCalendar(ctx: ReadContext, unitId: number): boolean {
  return can(
    ctx.actor,
    "calendar.manage",
    { unitPath: ctx.hierarchy.pathForToday(unitId, ctx.today) },
    ctx.today,
  );
}

/** Units whose calendar the actor keeps, among `unitIds`. */
export function calendarUnitsOf(ctx: ReadContext, unitIds: readonly number[]): number[] {
  return unitIds.filter((id) => mayKeepCalendar(ctx, id));
}

async function peopleOf(db: Kysely<DB>, input: CalendarEntryInput): Promise<EntryPerson[]> {
  if (input.people.length === 0) return [];
  const known = await listPeopleAt(db, vnDateString(input.startsAt));
  return input.people.map((id) => {
    const person = known.find((p) => p.id === id);
    if (!person) throw new NotFoundError("Không tìm thấy người này.");
    return { personId: id, name: person.name, title: person.titles.split(", ")[0] || null };
  });
}

function audited(entry: CalendarEntryInput, people: readonly EntryPerson[]) {
  const { people: _ids, ...rest } = entry;
  return { ...rest, people: people.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)) };
}

export async function createCalendarEntry(
  db: Kysely<DB>,
  input: CalendarEntryInput,
  ctx: ActorContext,
): Promise<number> {
  if (!mayKeepCalendar(ctx, input.unitId))
    throw new ForbiddenError("Bạn không quản lý lịch công tác của đơn vị này.");
  const people = await peopleOf(db, input);
  return withTransaction(db, async (trx) => {
    const id = await insertCalendarEntry(trx, input, people, { userId: ctx.actor.userId, now: ctx.now });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "create",
      entityType: "calendar_entry",
      entityId: id,
      unitId: input.unitId,
      after: audited(input, people),
      at: ctx.now,
      ip: ctx.ip,
    });
    return id;
  });
}

/** The entry if the actor keeps its unit's calendar; 404 otherwise (a private entry stays unseen). */
export async function getCalendarEntryFor(
  db: Kysely<DB>,
  id: number,
  ctx: ReadContext,
): Promise<CalendarEntry> {
  const entry = await findCalendarEntry(db, id);
  if (!entry || !mayKeepCalendar(ctx, entry.unitId)) throw new NotFoundError("Không tìm thấy mục lịch này.");
  return entry;
}

function asInput(entry: CalendarEntry): CalendarEntryInput {
  const { id: _id, people, ...rest } = entry;
  return { ...rest, people: people.map((p) => p.personId) };
}

/** Corrects an entry; the actor must keep both the old and the new unit's calendar. */
export async function editCalendarEntry(
  db: Kysely<DB>,
  id: number,
  input: CalendarEntryInput,
  ctx: ActorContext,
): Promise<void> {
  const before = await getCalendarEntryFor(db, id, ctx);
  if (!mayKeepCalendar(ctx, input.unitId))
    throw new ForbiddenError("Bạn không quản lý lịch công tác của đơn vị này.");
  const people = await peopleOf(db, input);
  await withTransaction(db, async (trx) => {
    await updateCalendarEntry(trx, id, input, people, ctx.now);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "update",
      entityType: "calendar_entry",
      entityId: id,
      unitId: input.unitId,
      before: audited(asInput(before), before.people),
      after: audited(input, people),
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}

export async function removeCalendarEntry(db: Kysely<DB>, id: number, ctx: ActorContext): Promise<void> {
  const before = await getCalendarEntryFor(db, id, ctx);
  await withTransaction(db, async (trx) => {
    await deleteCalendarEntry(trx, id);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "delete",
      entityType: "calendar_entry",
      entityId: id,
      unitId: before.unitId,
      before: audited(asInput(before), before.people),
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}

/** The week's entries (public or not) of the calendars the actor keeps. */
export function searchCalendarEntries(
  db: Kysely<DB>,
  range: { from: string; to: string },
  ctx: ReadContext,
): Promise<CalendarEntry[]> {
  const roots = grantedRoots(ctx.actor, "calendar.manage", ctx.today);
  const unitIds = roots === "all" ? "all" : ctx.hierarchy.unitIdsUnder(roots, ctx.today);
  return listCalendarEntries(db, { unitIds, ...range });
}
