/**
 * The follow-up aggregate: one SQL pass groups directives by a key, their workflow state and their
 * timeliness (the SQL mirror of the rules), with the count and the longest delay of each bucket. A
 * few thousand buckets come back instead of every directive, so 100.000 directives stay fast.
 */
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { formatDateVi } from "../core/format/vi-date.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { daysOverdueSql, type SqlClock, timelinessSql } from "./directives.timeliness-sql.js";
import type { Timeliness } from "./timeliness.rules.js";
import type { WorkflowState } from "./workflow.rules.js";

export const FOLLOW_UP_DIMENSIONS = ["lead", "assigner", "notice", "period"] as const;
export type FollowUpDimension = (typeof FOLLOW_UP_DIMENSIONS)[number];

/**
 * Group keys as text: lead "o34" (an organisation) or "u12" (a unit); assigner "p5" (a person), else
 * "n:<name>", else "u<assigning unit>"; notice "<id>"; period "yyyy-mm" of the deadline's last day.
 * Null gathers rows without one (no notice, no deadline).
 */
function keySql(by: FollowUpDimension) {
  switch (by) {
    case "lead":
      return sql<
        string | null
      >`COALESCE('o' || CAST(lead_organisation_id AS TEXT), 'u' || CAST(lead_unit_id AS TEXT))`;
    case "assigner":
      return sql<
        string | null
      >`COALESCE('p' || CAST(assigner_person_id AS TEXT), 'n:' || assigner_name, 'u' || CAST(assigning_unit_id AS TEXT))`;
    case "notice":
      return sql<string | null>`CAST(notice_id AS TEXT)`;
    case "period":
      return sql<string | null>`SUBSTR(deadline_end, 1, 7)`;
  }
}

export interface FollowUpBucket {
  key: string | null;
  state: WorkflowState;
  timeliness: Timeliness;
  count: number;
  /** Largest days late in the bucket (meaningful for overdue and done_late). */
  maxDays: number;
}

export interface FollowUpScope {
  /** Units the caller may see (lead, assigning or coordinating); "all" for system admins. */
  scope: "all" | number[];
  /** Only directives led by these units. */
  leadUnitIds?: number[];
  noticeId?: number;
}

function scoped(scope: number[]) {
  return (eb: ExpressionBuilder<DB, "directives">) =>
    eb.or([
      eb("directives.lead_unit_id", "in", scope),
      eb("directives.assigning_unit_id", "in", scope),
      eb.exists(
        eb
          .selectFrom("directive_coordinators as dc")
          .select("dc.id")
          .whereRef("dc.directive_id", "=", "directives.id")
          .where("dc.unit_id", "in", scope),
      ),
    ]);
}

/** Counts per (key, state, timeliness) at the clock's day. */
export async function followUpBuckets(
  db: Kysely<DB>,
  by: FollowUpDimension,
  filter: FollowUpScope,
  clock: SqlClock,
): Promise<FollowUpBucket[]> {
  if (filter.scope !== "all" && filter.scope.length === 0) return [];
  let inner = db
    .selectFrom("directives")
    .select([
      keySql(by).as("k"),
      "directives.state as s",
      timelinessSql(clock).as("t"),
      daysOverdueSql(clock).as("d"),
    ]);
  if (filter.scope !== "all") inner = inner.where(scoped(filter.scope));
  if (filter.leadUnitIds) {
    inner =
      filter.leadUnitIds.length === 0
        ? inner.where(sql<boolean>`1 = 0`)
        : inner.where("directives.lead_unit_id", "in", filter.leadUnitIds);
  }
  if (filter.noticeId !== undefined) inner = inner.where("directives.notice_id", "=", filter.noticeId);
  const rows = await db
    .selectFrom(inner.as("x"))
    .select(["x.k", "x.s", "x.t", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("x.d").as("m")])
    .groupBy(["x.k", "x.s", "x.t"])
    .execute();
  return rows.map((r) => ({
    key: r.k,
    state: r.s as WorkflowState,
    timeliness: r.t as Timeliness,
    count: Number(r.n),
    maxDays: Number(r.m ?? 0),
  }));
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
