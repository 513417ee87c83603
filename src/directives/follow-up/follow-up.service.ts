/**
 * Follow-up reports for leaders ("5 rõ"): by lead unit, by assigning leader, by source notice or by
 * period. The database counts buckets (directives.follow-up.repo.ts); the figures follow follow-up.math.ts
 * (computed from the weighted buckets, checked against it in tests), so every screen and export counts
 * exactly as the pure rules say.
 */
import type { Kysely } from "kysely";
import type { Hierarchy } from "../../core/access/hierarchy.rules.js";
import { readableUnits } from "../../core/access/needs.js";
import type { Actor } from "../../core/access/policy.js";
import type { DB } from "../../core/db/schema.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { type SqlClock, sqlClock } from "../timeliness-sql.js";
import { type FollowUpRow, type FollowUpSummary, summaryOfCounts } from "./follow-up.math.js";
import {
  type FollowUpBucket,
  type FollowUpDimension,
  followUpBuckets,
  labelsFor,
  readsCounters,
} from "./follow-up.repo.js";
import { followUpLeadCounts } from "./follow-up-counters-view.repo.js";
import type { DrillFilter } from "./follow-up-links.rules.js";
import {
  addBucket,
  addCounts,
  emptyCounts,
  type SummaryCounts,
  summariseBuckets,
} from "./follow-up-weighted.math.js";

export const PERIOD_GRAINS = ["month", "quarter", "year"] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

export interface FollowUpGroupView {
  key: string | null;
  label: string;
  summary: FollowUpSummary;
  /** The directives this row counts (follow-up-links.rules.ts); a count adds its status or timeliness. */
  drill: DrillFilter;
  /** By lead unit: the unit's own row and its organisations' rows, when it has organisations. */
  parts?: FollowUpGroupView[];
}

export interface FollowUpReport {
  by: FollowUpDimension;
  grain: PeriodGrain;
  /** The Vietnamese day the figures are computed at (YYYY-MM-DD). */
  today: string;
  total: FollowUpSummary;
  /** The directives the whole report counts. */
  drill: DrillFilter;
  groups: FollowUpGroupView[];
}

type KeyedRow = FollowUpRow & { key: string | null };

/**
 * Buckets as rows for follow-up.math: a bucket of n directives becomes n references to one row
 * carrying the bucket's largest delay, which is all the math reads (counts and the maximum).
 */
export function rowsFromBuckets(buckets: readonly FollowUpBucket[]): KeyedRow[] {
  const rows: KeyedRow[] = [];
  for (const b of buckets) {
    const row: KeyedRow = {
      key: b.key,
      leadUnitId: null,
      assignerId: null,
      sourceNoticeId: null,
      state: b.state,
      timeliness: b.timeliness,
      daysOverdue: b.timeliness === "overdue" ? Math.max(0, b.maxDays) : 0,
    };
    for (let i = 0; i < b.count; i += 1) rows.push(row);
  }
  return rows;
}

const ROMAN = ["I", "II", "III", "IV"];

/** "2020-03" at a grain: "2020-03", "2020-Q1" or "2020". */
export function periodKey(month: string | null, grain: PeriodGrain): string | null {
  if (month === null) return null;
  if (grain === "month") return month;
  const [year, m] = month.split("-");
  return grain === "year" ? (year ?? null) : `${year}-Q${Math.ceil(Number(m) / 3)}`;
}

export function periodLabel(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Quý ${ROMAN[Number(quarter[2]) - 1]}/${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `Tháng ${month[2]}/${month[1]}`;
  return `Năm ${key}`;
}

const NO_KEY: Record<FollowUpDimension, string> = {
  lead: "Chưa rõ đơn vị",
  assigner: "Chưa rõ người giao",
  notice: "Không theo thông báo kết luận",
  period: "Không thời hạn",
};

function labelOf(by: FollowUpDimension, key: string | null, names: Map<string, string>): string {
  if (key === null) return NO_KEY[by];
  if (by === "period") return periodLabel(key);
  if (by === "assigner" && key.startsWith("n:")) return key.slice(2);
  return names.get(key) ?? key;
}

function sortGroups(by: FollowUpDimension, groups: FollowUpGroupView[]): FollowUpGroupView[] {
  const collator = new Intl.Collator("vi");
  return groups.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
    if (by === "period") return a.key.localeCompare(b.key);
    return (
      b.summary.overdue - a.summary.overdue ||
      b.summary.total - a.summary.total ||
      collator.compare(a.label, b.label)
    );
  });
}

export interface FollowUpQuery {
  by: FollowUpDimension;
  grain?: PeriodGrain;
  /** Only directives led by these units (e.g. one ward and its groups). */
  leadUnitIds?: number[];
  /** The unit whose tree leadUnitIds is, for the links to the lists. */
  under?: number;
  noticeId?: number;
}

/** The report for what the actor may see, at the Vietnamese day of `now`. */
export async function followUpReport(
  db: Kysely<DB>,
  query: FollowUpQuery,
  ctx: { actor: Actor; hierarchy: Hierarchy; today: string; now: Date },
): Promise<FollowUpReport> {
  return reportOfScope(db, query, readableUnits(ctx.actor, ctx.hierarchy, ctx.today), sqlClock(ctx.now));
}

/**
 * The report over the directives of `scope` at the clock: by lead over every directive, each group's
 * figures straight from its counter row (followUpLeadCounts); otherwise from buckets. Exported for the
 * tests and the benchmark, which compare and time this very path.
 */
export async function reportOfScope(
  db: Kysely<DB>,
  query: FollowUpQuery,
  scope: "all" | number[],
  clock: SqlClock,
): Promise<FollowUpReport> {
  const grain = query.grain ?? "month";
  const base: DrillFilter = query.under === undefined ? {} : { under: query.under };
  const filter = { scope, leadUnitIds: query.leadUnitIds, noticeId: query.noticeId };
  if (query.by === "lead" && readsCounters("lead", filter)) {
    const groups = await followUpLeadCounts(db, clock, query.leadUnitIds);
    const byUnit = new Map<number, Map<string, SummaryCounts>>();
    const names = new Map<string, string>();
    const total = emptyCounts();
    for (const g of groups) {
      addCounts(total, g.counts);
      if (g.unit) names.set(`u${g.unitId}`, unitDisplayName(g.unit));
      const parts = byUnit.get(g.unitId);
      if (parts) parts.set(g.key, g.counts);
      else byUnit.set(g.unitId, new Map([[g.key, g.counts]]));
    }
    // Organisations leading work are few: their names in one small query.
    const organisations = groups.filter((g) => !g.key.startsWith("u")).map((g) => g.key);
    for (const [key, name] of await labelsFor(db, "lead", organisations)) names.set(key, name);
    return {
      by: "lead",
      grain,
      today: clock.todayDate,
      total: summaryOfCounts(total),
      drill: base,
      groups: unitGroups(byUnit, names, base),
    };
  }
  const buckets = await followUpBuckets(db, query.by, filter, clock);
  return buildReport(db, query.by, grain, buckets, clock.todayDate, base);
}

/** The filter of one group: the report's filter and the group's key. */
function drillOf(by: FollowUpDimension, key: string | null, base: DrillFilter): DrillFilter {
  switch (by) {
    case "lead":
      return key === null ? base : { ...base, lead: key };
    case "assigner":
      return key === null ? base : { ...base, assigner: key };
    case "notice":
      return { ...base, notice: key === null ? "none" : Number(key) };
    case "period":
      return { ...base, period: key ?? "none" };
  }
}

/** Buckets by lead unit and group key (the unit "u12" or one of its organisations "o34"), as counts. */
function countsByUnit(buckets: readonly FollowUpBucket[]): Map<number, Map<string, SummaryCounts>> {
  const byUnit = new Map<number, Map<string, SummaryCounts>>();
  for (const b of buckets) {
    const unitId = b.unitId ?? 0;
    const parts = byUnit.get(unitId) ?? new Map<string, SummaryCounts>();
    byUnit.set(unitId, parts);
    const key = b.key ?? `u${unitId}`;
    const counts = parts.get(key) ?? emptyCounts();
    parts.set(key, counts);
    addBucket(counts, b.state, b.timeliness, b.count, b.maxDays);
  }
  return byUnit;
}

/**
 * By lead: one row per unit with its total, and, when organisations of the unit ("UBND phường X",
 * "Đảng ủy phường X") lead some directives, the unit's own row and each organisation's row under it.
 */
function unitGroups(
  byUnit: Map<number, Map<string, SummaryCounts>>,
  names: Map<string, string>,
  base: DrillFilter,
): FollowUpGroupView[] {
  const groups: FollowUpGroupView[] = [];
  for (const [unitId, parts] of byUnit) {
    const unitKey = `u${unitId}`;
    let all: SummaryCounts | undefined;
    if (parts.size === 1) for (const counts of parts.values()) all = counts;
    else {
      all = emptyCounts();
      for (const counts of parts.values()) addCounts(all, counts);
    }
    const group: FollowUpGroupView = {
      key: `unit:${unitId}`,
      label: labelOf("lead", unitKey, names),
      summary: summaryOfCounts(all ?? emptyCounts()),
      drill: { ...base, unit: unitId },
    };
    if (parts.size > 1 || !parts.has(unitKey)) {
      group.parts = [...parts]
        .map(([key, counts]) => ({
          key,
          label: key === unitKey ? `${labelOf("lead", key, names)} (đơn vị)` : labelOf("lead", key, names),
          summary: summaryOfCounts(counts),
          drill: drillOf("lead", key, base),
        }))
        .sort((a, b) =>
          a.key === unitKey ? -1 : b.key === unitKey ? 1 : a.label.localeCompare(b.label, "vi"),
        );
    }
    groups.push(group);
  }
  return sortGroups("lead", groups);
}

/** Figures and labels from buckets; exported for the benchmark, which times the same path. */
export async function buildReport(
  db: Kysely<DB>,
  by: FollowUpDimension,
  grain: PeriodGrain,
  buckets: readonly FollowUpBucket[],
  today: string,
  base: DrillFilter = {},
): Promise<FollowUpReport> {
  const total = summariseBuckets(buckets);
  if (by === "lead") {
    const byUnit = countsByUnit(buckets);
    const keys = [...byUnit].flatMap(([unitId, parts]) => [`u${unitId}`, ...parts.keys()]);
    const names = await labelsFor(db, "lead", keys);
    return { by, grain, today, total, drill: base, groups: unitGroups(byUnit, names, base) };
  }
  const grouped = new Map<string | null, FollowUpBucket[]>();
  for (const b of buckets) {
    const key = by === "period" ? periodKey(b.key, grain) : b.key;
    const list = grouped.get(key);
    if (list) list.push(b);
    else grouped.set(key, [b]);
  }
  const names = await labelsFor(db, by, [...grouped.keys()]);
  const groups = [...grouped].map(([key, list]) => ({
    key,
    label: labelOf(by, key, names),
    summary: summariseBuckets(list),
    drill: drillOf(by, key, base),
  }));
  return { by, grain, today, total, drill: base, groups: sortGroups(by, groups) };
}

/** The follow-up filter in words, for the list it opens: "Chủ trì: UBND phường X", "Thời hạn: Quý II/2020"… */
export async function describeDrill(db: Kysely<DB>, drill: DrillFilter): Promise<string[]> {
  const name = async (by: FollowUpDimension, key: string) => labelOf(by, key, await labelsFor(db, by, [key]));
  const out: string[] = [];
  if (drill.under !== undefined)
    out.push(`Đơn vị chủ trì: ${await name("lead", `u${drill.under}`)} và cấp dưới`);
  if (drill.lead !== undefined) out.push(`Chủ trì: ${await name("lead", drill.lead)}`);
  if (drill.assigner !== undefined) out.push(`Người giao: ${await name("assigner", drill.assigner)}`);
  if (drill.notice !== undefined)
    out.push(drill.notice === "none" ? NO_KEY.notice : await name("notice", String(drill.notice)));
  if (drill.period !== undefined)
    out.push(drill.period === "none" ? NO_KEY.period : `Thời hạn: ${periodLabel(drill.period)}`);
  return out;
}
