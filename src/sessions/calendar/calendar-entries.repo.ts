import type { Kysely, Selectable } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { CalendarEntriesTable } from "./calendar-entries.tables.js";

/** A calendar entry as the form writes it; `people` are person ids in order. */
export interface CalendarEntryInput {
  unitId: number;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  place: string;
  host: string;
  isPublic: boolean;
  people: number[];
}

export interface CalendarEntry extends Omit<CalendarEntryInput, "people"> {
  id: number;
  people: { personId: number; name: string; title: string | null }[];
}

/** A leader with the position held on the entry's day, as stored beside it. */
export interface EntryPerson {
  personId: number;
  name: string;
  title: string | null;
}

const COLUMNS = [
  "id",
  "unit_id",
  "title",
  "starts_at",
  "ends_at",
  "all_day",
  "place",
  "host",
  "is_public",
] as const;

type EntryRow = Pick<Selectable<CalendarEntriesTable>, (typeof COLUMNS)[number]>;

async function withPeople(db: Kysely<DB>, rows: EntryRow[]): Promise<CalendarEntry[]> {
  const ids = rows.map((r) => r.id);
  const people =
    ids.length === 0
      ? []
      : await db
          .selectFrom("calendar_entry_people")
          .select(["entry_id", "person_id", "name", "title"])
          .where("entry_id", "in", ids)
          .orderBy("sort_order")
          .orderBy("id")
          .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    allDay: r.all_day === 1,
    place: r.place,
    host: r.host,
    isPublic: r.is_public === 1,
    people: people
      .filter((p) => p.entry_id === r.id)
      .map((p) => ({ personId: p.person_id, name: p.name, title: p.title })),
  }));
}

export async function findCalendarEntry(db: Kysely<DB>, id: number): Promise<CalendarEntry | null> {
  const row = await db.selectFrom("calendar_entries").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? ((await withPeople(db, [row]))[0] ?? null) : null;
}

/**
 * Entries of the given units overlapping [from, to), public or not, earliest first; `publicOnly`
 * for the public calendar.
 */
export async function listCalendarEntries(
  db: Kysely<DB>,
  query: { unitIds: "all" | number[]; from: string; to: string; publicOnly?: boolean },
): Promise<CalendarEntry[]> {
  if (query.unitIds !== "all" && query.unitIds.length === 0) return [];
  let q = db
    .selectFrom("calendar_entries")
    .select(COLUMNS)
    .where("starts_at", "<", query.to)
    .where("ends_at", ">", query.from);
  if (query.unitIds !== "all") q = q.where("unit_id", "in", query.unitIds);
  if (query.publicOnly) q = q.where("is_public", "=", 1);
  return withPeople(db, await q.orderBy("starts_at").orderBy("id").execute());
}

function entryValues(input: CalendarEntryInput) {
  return {
    unit_id: input.unitId,
    title: input.title,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    all_day: input.allDay ? 1 : 0,
    place: input.place,
    host: input.host,
    is_public: input.isPublic ? 1 : 0,
  };
}

async function writePeople(db: Kysely<DB>, entryId: number, people: readonly EntryPerson[]): Promise<void> {
  await db.deleteFrom("calendar_entry_people").where("entry_id", "=", entryId).execute();
  if (people.length === 0) return;
  await db
    .insertInto("calendar_entry_people")
    .values(
      people.map((p, i) => ({
        entry_id: entryId,
        person_id: p.personId,
        name: p.name,
        title: p.title,
        sort_order: i,
      })),
    )
    .execute();
}

export async function insertCalendarEntry(
  db: Kysely<DB>,
  input: CalendarEntryInput,
  people: readonly EntryPerson[],
  meta: { userId: number | null; now: Date },
): Promise<number> {
  const at = meta.now.toISOString();
  const row = await db
    .insertInto("calendar_entries")
    .values({ ...entryValues(input), created_by: meta.userId, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await writePeople(db, row.id, people);
  return row.id;
}

export async function updateCalendarEntry(
  db: Kysely<DB>,
  id: number,
  input: CalendarEntryInput,
  people: readonly EntryPerson[],
  now: Date,
): Promise<void> {
  await db
    .updateTable("calendar_entries")
    .set({ ...entryValues(input), updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
  await writePeople(db, id, people);
}

export async function deleteCalendarEntry(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom("calendar_entries").where("id", "=", id).execute();
}
