/**
 * The calendar of sessions: grouping by Vietnamese day for the month page, and the iCalendar feed
 * (the `ics` package) that calendar programs import. Times are written in UTC, so every client
 * shows them in its own zone; a session without an end is given two hours.
 */
import type { EventAttributes } from "ics";
import { vnDateString } from "../core/format/vi-date.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { type SessionSummary, sessionKindLabel } from "./sessions.model.js";

export const DEFAULT_MS = 2 * 60 * 60 * 1000;

/** The first instant of a Vietnamese month ("2020-01") and of the next one, as ISO UTC. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return {
    from: new Date(`${month}-01T00:00:00+07:00`).toISOString(),
    to: new Date(`${next}-01T00:00:00+07:00`).toISOString(),
  };
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Sessions grouped by their Vietnamese day, earliest first. */
export function byDay(sessions: readonly SessionSummary[]): { day: string; sessions: SessionSummary[] }[] {
  const days = new Map<string, SessionSummary[]>();
  for (const s of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = vnDateString(s.startsAt);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days].map(([day, list]) => ({ day, sessions: list }));
}

export function utcArray(iso: string): [number, number, number, number, number] {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/**
 * An iCalendar document of the events (an empty calendar when there are none). The `ics` package is
 * loaded on the first feed asked for, not with every page of the app.
 */
export async function icsDocument(
  events: readonly EventAttributes[],
  calName: string,
  productId = "-//giaoban//lich-lam-viec//VI",
): Promise<string> {
  if (events.length === 0) {
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      `PRODID:${productId}`,
      `X-WR-CALNAME:${calName}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const { createEvents } = await import("ics");
  const { error, value } = createEvents([...events], { productId, calName });
  if (error || !value) throw error ?? new Error("ICS generation failed");
  return value;
}

/** An iCalendar document of the sessions; `baseUrl` makes each event link back to its page. */
export async function sessionsToIcs(
  sessions: readonly SessionSummary[],
  baseUrl: URL,
  calName: string,
): Promise<string> {
  const events: EventAttributes[] = sessions.map((s) => {
    const end = s.endsAt ?? new Date(new Date(s.startsAt).getTime() + DEFAULT_MS).toISOString();
    const with_ = s.visiting
      ? `${s.visiting.organisation ?? unitDisplayName(s.visiting)} làm việc với ${unitDisplayName(s.host)}`
      : unitDisplayName(s.host);
    return {
      uid: `session-${s.id}@${baseUrl.host}`,
      start: utcArray(s.startsAt),
      startInputType: "utc",
      startOutputType: "utc",
      end: utcArray(end),
      endInputType: "utc",
      endOutputType: "utc",
      title: s.title,
      location: s.place,
      description: `${sessionKindLabel(s.kind)}: ${with_}. Chủ trì: ${s.chairName}.`,
      url: new URL(`/quan-tri/buoi-lam-viec/${s.id}`, baseUrl).toString(),
      status: "CONFIRMED",
    };
  });
  return icsDocument(events, calName);
}
