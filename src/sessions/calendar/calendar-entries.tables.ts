import type { Generated } from "kysely";

/**
 * Kysely table types of the leaders' calendar (lịch công tác): entries that are not working sessions
 * (a reception of citizens, a site visit, a ceremony), added to the app-wide `DB`. Conventions as in
 * core/db/schema.ts: instants ISO-8601 UTC text, booleans 0/1.
 */
export interface CalendarEntriesTable {
  id: Generated<number>;
  /** The unit whose calendar it is (the ward); its staff manage it. */
  unit_id: number;
  title: string;
  /** An all-day entry starts at 00:00 in Vietnam of its first day. */
  starts_at: string;
  /** Exclusive end; an all-day entry ends at 00:00 in Vietnam of the day after its last day. */
  ends_at: string;
  all_day: number;
  place: string;
  /** Who hosts it ("UBND phường", "Ủy ban MTTQ phường"), as the calendar prints it. */
  host: string;
  /** 1: shown on the public calendar and in its iCalendar feed. */
  is_public: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** The leaders involved, with the position they held on the entry's day (positions change). */
export interface CalendarEntryPeopleTable {
  id: Generated<number>;
  entry_id: number;
  person_id: number;
  name: string;
  title: string | null;
  sort_order: number;
}

export interface CalendarTables {
  calendar_entries: CalendarEntriesTable;
  calendar_entry_people: CalendarEntryPeopleTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends CalendarTables {}
}
