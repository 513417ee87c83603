/**
 * The public leaders' calendar of a unit: its working sessions (title, time, place and who chairs
 * them, never minutes or the attendance list) and its calendar entries marked public, as public
 * events. Open to anyone; nothing here depends on who asks.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { listCalendarEntries } from "./calendar-entries.repo.js";
import { listUnitSessionsBetween } from "./leaders-calendar.repo.js";
import type { PublicEvent } from "./week.rules.js";

export async function publicEventsBetween(
  db: Kysely<DB>,
  unitId: number,
  range: { from: string; to: string },
): Promise<PublicEvent[]> {
  const [sessions, entries] = await Promise.all([
    listUnitSessionsBetween(db, unitId, range),
    listCalendarEntries(db, { unitIds: [unitId], ...range, publicOnly: true }),
  ]);
  const fromSessions: PublicEvent[] = sessions.map((s) => ({
    key: `session-${s.id}`,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    allDay: false,
    place: s.place,
    host: `Chủ trì: ${s.chairTitle ? `${s.chairName} – ${s.chairTitle}` : s.chairName}`,
    people: [],
  }));
  const fromEntries: PublicEvent[] = entries.map((e) => ({
    key: `entry-${e.id}`,
    title: e.title,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    allDay: e.allDay,
    place: e.place,
    host: e.host,
    people: e.people.map((p) => (p.title ? `${p.name} – ${p.title}` : p.name)),
  }));
  return [...fromSessions, ...fromEntries].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
