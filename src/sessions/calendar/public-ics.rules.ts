/**
 * The public leaders' calendar as iCalendar: only what the public page shows (title, time, place,
 * host, the leaders involved). All-day entries are dates; timed ones are written in UTC, and a
 * session without an end is given two hours.
 */
import type { EventAttributes } from "ics";
import { vnDateString } from "../../core/format/vi-date.js";
import { DEFAULT_MS, icsDocument, utcArray } from "../calendar.rules.js";
import type { PublicEvent } from "./week.rules.js";

function dateArray(day: string): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

export function publicEventsToIcs(
  events: readonly PublicEvent[],
  baseUrl: URL,
  calName: string,
): Promise<string> {
  const attributes: EventAttributes[] = events.map((e) => {
    const description = [e.host, e.people.length > 0 ? `Thành phần: ${e.people.join("; ")}` : null]
      .filter((x): x is string => x !== null)
      .join(". ");
    const common = {
      uid: `${e.key}@${baseUrl.host}`,
      title: e.title,
      location: e.place,
      ...(description ? { description } : {}),
      ...(e.href ? { url: new URL(e.href, baseUrl).toString() } : {}),
      status: "CONFIRMED" as const,
    };
    if (e.allDay) {
      return {
        ...common,
        start: dateArray(vnDateString(e.startsAt)),
        end: dateArray(vnDateString(e.endsAt ?? e.startsAt)),
      };
    }
    const end = e.endsAt ?? new Date(new Date(e.startsAt).getTime() + DEFAULT_MS).toISOString();
    return {
      ...common,
      start: utcArray(e.startsAt),
      startInputType: "utc",
      startOutputType: "utc",
      end: utcArray(end),
      endInputType: "utc",
      endOutputType: "utc",
    };
  });
  return icsDocument(attributes, calName, "-//giaoban//lich-cong-tac//VI");
}
