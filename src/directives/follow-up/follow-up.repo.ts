/**
 * The follow-up aggregate: one SQL pass groups directives by a key, their workflow state and their
 * timeliness (the SQL mirror of the rules), with the count and the longest delay of each bucket. A
 * few thousand buckets come back instead of every directive, so 100.000 directives stay fast.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { formatDateVi } from "../../core/format/vi-date.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { directiveInScope } from "../directives.repo.js";
import type { Timeliness } from "../timeliness.rules.js";
import { bucketsOfState, type SqlClock, timelinessCountsSql } from "../timeliness-sql.js";
import type { WorkflowState } from "../workflow.rules.js";
import { type FollowUpDimension, followUpKeyOf } from "./follow-up-counters.math.js";
import { type CounterBucket, followUpBucketsFromCounters } from "./follow-up-counters-view.repo.js";

export { FOLLOW_UP_DIMENSIONS, type FollowUpDimension } from "./follow-up-counters.math.js";

/**
 * The columns each dimension groups on; the text key is made in JS (see {@link keyOf}), because
 * grouping on plain columns lets SQLite and PostgreSQL read the covering index instead of the table.
 */
const KEY_COLUMNS = {
  lead: ["lead_unit_id", "lead_organisation_id"],
  assigner: ["assigner_person_id", "assigner_name", "assigning_unit_id"],
  notice: ["notice_id"],
  period: [],
} as const;

type KeyRow = Record<string, string | number | null>;

/** One (group, state, timeliness) of the follow-up counts, from the counters or the GROUP BY. */
export type FollowUpBucket = CounterBucket;

export interface FollowUpScope {
  /** Units the caller may see (lead, assigning or coordinating); "all" for system admins. */
  scope: "all" | number[];
  /** Only directives led by these units. */
  leadUnitIds?: number[];
  noticeId?: number;
}

/**
 * Counts per (key, state, timeliness) at the clock's day. Over every directive (a system admin's
 * view, by lead also of some lead units) they come from the maintained counters
 * (follow-up-counters.repo.ts), a few thousand rows; a narrower scope counts its directives directly.
 */
export async function followUpBuckets(
  db: Kysely<DB>,
  by: FollowUpDimension,
  filter: FollowUpScope,
  clock: SqlClock,
): Promise<FollowUpBucket[]> {
  return readsCounters(by, filter)
    ? followUpBucketsFromCounters(db, by, clock, filter.leadUnitIds)
    : followUpBucketsFromRows(db, by, filter, clock);
}

/** Whether the report of this filter reads the maintained counters (else the GROUP BY over directives). */
export function readsCounters(by: FollowUpDimension, filter: FollowUpScope): boolean {
  return (
    filter.scope === "all" &&
    filter.noticeId === undefined &&
    (filter.leadUnitIds === undefined || by === "lead")
  );
}

/**
 * The same counts by one GROUP BY over the directives: the path of narrow scopes, and the baseline
 * the counters are checked against (tests, bench/follow-up.mjs).
 */
export async function followUpBucketsFromRows(
  db: Kysely<DB>,
  by: FollowUpDimension,
  filter: FollowUpScope,
  clock: SqlClock,
): Promise<FollowUpBucket[]> {
  if (filter.scope !== "all" && filter.scope.length === 0) return [];
  const columns = KEY_COLUMNS[by].map((c) => sql.ref(`directives.${c}`).as(c));
  const groupColumns = KEY_COLUMNS[by].map((c) => sql.ref(`directives.${c}`));
  const period = sql<string | null>`SUBSTR(directives.deadline_end, 1, 7)`;
  const counts = timelinessCountsSql(clock);
  let q = db
    .selectFrom("directives")
    .select([
      ...columns,
      ...(by === "period" ? [period.as("period")] : []),
      "directives.state as s",
      (eb) => eb.fn.countAll<number>().as("n"),
      counts.awaiting.as("aw"),
      counts.withDeadline.as("wd"),
      counts.submittedLate.as("sl"),
      counts.pastDeadline.as("pd"),
      counts.dueSoon.as("ds"),
      counts.maxSubmittedLate.as("msl"),
      counts.minDeadline.as("mind"),
    ])
    // Grouped on plain columns in the covering index's order, so the rows stream without a sort.
    .groupBy([...groupColumns, ...(by === "period" ? [period] : []), "directives.state"]);
  if (filter.scope !== "all") q = q.where(directiveInScope(filter.scope));
  if (filter.leadUnitIds) {
    q =
      filter.leadUnitIds.length === 0
        ? q.where(sql<boolean>`1 = 0`)
        : q.where("directives.lead_unit_id", "in", filter.leadUnitIds);
  }
  if (filter.noticeId !== undefined) q = q.where("directives.notice_id", "=", filter.noticeId);
  const rows = (await q.execute()) as unknown as (KeyRow & {
    s: string;
    n: number;
    aw: number;
    wd: number;
    sl: number;
    pd: number;
    ds: number;
    msl: number | null;
    mind: number | null;
  })[];
  const buckets: FollowUpBucket[] = [];
  for (const r of rows) {
    const key = followUpKeyOf(by, r);
    const state = r.s as WorkflowState;
    const split = bucketsOfState(
      {
        state,
        count: Number(r.n),
        awaiting: Number(r.aw),
        withDeadline: Number(r.wd),
        submittedLate: Number(r.sl),
        pastDeadline: Number(r.pd),
        dueSoon: Number(r.ds),
        maxSubmittedLate: r.msl === null ? null : Number(r.msl),
        minDeadline: r.mind === null ? null : Number(r.mind),
      },
      clock,
    );
    const unitId = by === "lead" ? { unitId: Number(r.lead_unit_id) } : {};
    for (const b of split) buckets.push({ key, ...unitId, state, ...b });
  }
  return buckets;
}

/** Names for group keys: units, organisations, people, notices. */
export async function labelsFor(
  db: Kysely<DB>,
  by: FollowUpDimension,
  keys: (string | null)[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = (prefix: string) =>
    keys
      .filter(
        (k): k is string =>
          typeof k === "string" && k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)),
      )
      .map((k) => Number(k.slice(prefix.length)));
  const unitIds = ids("u");
  if (unitIds.length > 0) {
    const rows = await db
      .selectFrom("units")
      .select(["id", "name", "level"])
      .where("id", "in", unitIds)
      .execute();
    for (const r of rows) labels.set(`u${r.id}`, unitDisplayName(r));
  }
  const orgIds = ids("o");
  if (orgIds.length > 0) {
    const rows = await db
      .selectFrom("organisations")
      .select(["id", "name"])
      .where("id", "in", orgIds)
      .execute();
    for (const r of rows) labels.set(`o${r.id}`, r.name);
  }
  const personIds = ids("p");
  if (by === "assigner" && personIds.length > 0) {
    const rows = await db
      .selectFrom("people")
      .select(["id", "full_name"])
      .where("id", "in", personIds)
      .execute();
    for (const r of rows) labels.set(`p${r.id}`, r.full_name);
  }
  if (by === "notice") {
    const noticeIds = keys.filter((k): k is string => k !== null && /^\d+$/.test(k)).map(Number);
    if (noticeIds.length > 0) {
      const rows = await db
        .selectFrom("conclusion_notices")
        .select(["id", "number", "issued_on"])
        .where("id", "in", noticeIds)
        .execute();
      for (const r of rows)
        labels.set(String(r.id), `Thông báo ${r.number} ngày ${formatDateVi(r.issued_on)}`);
    }
  }
  return labels;
}
