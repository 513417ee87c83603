import { expect } from "vitest";
import type { TestClient } from "./http.js";

/**
 * Follow-up figures against the lists they open, through the API: `GET /api/v1/follow-up` rows carry
 * `href` (the directives list API with the row's filter); each count adds its own part of the filter
 * (`status=…`, `timeliness=…`). Shared by the follow-up drill tests of both demo stories.
 */

export interface Summary {
  total: number;
  completed: number;
  cancelled: number;
  byState: Record<string, number>;
  byTimeliness: Record<string, number>;
}
export interface Row {
  key: string | null;
  label: string;
  summary: Summary;
  href: string;
  parts?: Row[];
}
export interface Report {
  total: Summary;
  href: string;
  groups: Row[];
}

/** Every report the API gives: by lead, assigner, notice, and period at each grain. */
export const REPORTS = [
  "by=lead",
  "by=assigner",
  "by=notice",
  "by=period&grain=month",
  "by=period&grain=quarter",
  "by=period&grain=year",
];

/**
 * Every count of a summary with the list filter that selects it, as the API documents: the total,
 * done (confirmed), cancelled, each timeliness (the page's columns) and each workflow state.
 */
export function counts(s: Summary): [string, number][] {
  return [
    ["", s.total],
    ["status=confirmed", s.completed],
    ["status=cancelled", s.cancelled],
    ...Object.entries(s.byTimeliness).map(([t, n]): [string, number] => [`timeliness=${t}`, n]),
    ...Object.entries(s.byState ?? {}).map(([t, n]): [string, number] => [`status=${t}`, n]),
  ];
}

/** Every directive of the API list `href` opens, following its pages. */
export async function apiListLength(client: TestClient, href: string): Promise<number> {
  let seen = 0;
  for (let page = 1; page < 100; page++) {
    const response = await client.request(`${href}${href.includes("?") ? "&" : "?"}page=${page}`);
    expect(response.status, href).toBe(200);
    const body = (await response.json()) as { data: unknown[]; meta: { total: number } };
    seen += body.data.length;
    if (seen >= body.meta.total || body.data.length === 0) {
      expect(seen, href).toBe(body.meta.total);
      return seen;
    }
  }
  throw new Error(`too many pages at ${href}`);
}

export async function followUpReport(client: TestClient, query: string): Promise<Report> {
  const response = await client.request(`/api/v1/follow-up?${query}`);
  expect(response.status, query).toBe(200);
  return ((await response.json()) as { data: Report }).data;
}

/** Every row of a report (units, their organisations, the total line) in page order. */
export function rowsOf(r: Report): Row[] {
  return [
    ...r.groups.flatMap((g) => [g, ...(g.parts ?? [])]),
    { key: "total", label: "Tổng cộng", summary: r.total, href: r.href },
  ];
}

/**
 * Checks every count of every row of the report against the length of the list it opens. Returns
 * the mismatches as "row · filter: count ≠ list length" (none when the figures hold) and how many
 * counts were checked.
 */
export async function drillMismatches(
  client: TestClient,
  r: Report,
): Promise<{ checked: number; mismatches: string[] }> {
  const mismatches: string[] = [];
  let checked = 0;
  for (const row of rowsOf(r)) {
    for (const [filter, n] of counts(row.summary)) {
      const href = filter === "" ? row.href : `${row.href}${row.href.includes("?") ? "&" : "?"}${filter}`;
      const length = await apiListLength(client, href);
      checked++;
      if (length !== n) mismatches.push(`${row.label} · ${filter || "total"}: ${n} ≠ ${length}`);
    }
  }
  return { checked, mismatches };
}
