/**
 * Loads the leaders' calendar entries and the site identity of the demo: the present story's week
 * of phường Việt Hưng around "today" and its portal's identity, or, before the present story began,
 * the district portal; the reference story's week of Thượng Thanh in both cases.
 */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { vnDateString, vnWallTimeToInstant } from "../core/format/vi-date.js";
import { DEMO_EMBLEM_SVG, PRESENT_SITE, REFERENCE_SITE } from "../portal/site/site-settings.demo.js";
import { saveSiteSettings } from "../portal/site/site-settings.repo.js";
import { reencodeEmblem } from "../portal/site/site-settings.service.js";
import {
  type DemoCalendarEntry,
  PRESENT_CALENDAR,
  PRESENT_CALENDAR_UNIT_KEY,
  REFERENCE_CALENDAR,
  REFERENCE_CALENDAR_UNIT_KEY,
} from "../sessions/calendar/calendar.demo.js";
import { insertCalendarEntry } from "../sessions/calendar/calendar-entries.repo.js";
import { mondayOf, nextDay, shiftWeek } from "../sessions/calendar/week.rules.js";
import { listPeopleAt } from "../units/parties.repo.js";
import { idOf } from "./demo-registry.js";

function dayOf(entry: DemoCalendarEntry, monday: string): string {
  if (typeof entry.day === "string") return entry.day;
  return nextDayN(monday, entry.day);
}

function nextDayN(day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
}

async function insertEntries(
  db: Kysely<DB>,
  entries: readonly DemoCalendarEntry[],
  unitId: number,
  monday: string,
  now: Date,
): Promise<number> {
  for (const entry of entries) {
    const day = dayOf(entry, monday);
    const known = await listPeopleAt(db, day);
    const people = entry.people.map((name) => {
      const person = known.find((p) => p.name === name);
      if (!person) throw new Error(`demo calendar: unknown person "${name}"`);
      return { personId: person.id, name: person.name, title: person.titles.split(", ")[0] || null };
    });
    const allDay = entry.start === undefined;
    await insertCalendarEntry(
      db,
      {
        unitId,
        title: entry.title,
        startsAt: vnWallTimeToInstant(day, entry.start ?? "00:00").toISOString(),
        endsAt: (allDay
          ? vnWallTimeToInstant(nextDay(day), "00:00")
          : vnWallTimeToInstant(day, entry.end ?? "")
        ).toISOString(),
        allDay,
        place: entry.place,
        host: entry.host,
        isPublic: entry.isPublic,
        people: people.map((p) => p.personId),
      },
      people,
      { userId: null, now },
    );
  }
  return entries.length;
}

export async function loadCalendarAndSite(
  db: Kysely<DB>,
  refs: { now: Date; unitIds: Map<string, number>; present: boolean },
): Promise<{ calendarEntries: number; siteSettings: number }> {
  const { now, unitIds, present } = refs;
  let count = await insertEntries(
    db,
    REFERENCE_CALENDAR,
    idOf(unitIds, REFERENCE_CALENDAR_UNIT_KEY),
    "",
    now,
  );
  if (present) {
    const monday = mondayOf(vnDateString(now));
    count += await insertEntries(db, PRESENT_CALENDAR, idOf(unitIds, PRESENT_CALENDAR_UNIT_KEY), monday, now);
    // The week after, so "Tuần sau" is not empty on a Friday.
    count += await insertEntries(
      db,
      PRESENT_CALENDAR.slice(0, 1),
      idOf(unitIds, PRESENT_CALENDAR_UNIT_KEY),
      shiftWeek(monday, 1),
      now,
    );
  }
  const site = present ? PRESENT_SITE : REFERENCE_SITE;
  const emblem = await reencodeEmblem(
    new File([DEMO_EMBLEM_SVG], "bieu-trung.svg", { type: "image/svg+xml" }),
  );
  await saveSiteSettings(
    db,
    {
      wardName: site.wardName,
      unitId: idOf(unitIds, site.unitKey),
      address: site.address,
      phone: site.phone,
      email: site.email,
      openingHours: site.openingHours,
      editorInCharge: site.editorInCharge,
    },
    emblem,
    now,
  );
  return { calendarEntries: count, siteSettings: 1 };
}
