/**
 * The follow-up view's reads of the maintained counters (follow-up-counters.repo.ts keeps them): the
 * counter rows of a dimension at the clock's day, as buckets or, by lead, as each group's summary
 * counts straight from its row.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { Timeliness } from "../timeliness.rules.js";
import type { SqlClock } from "../timeliness-sql.js";
import type { WorkflowState } from "../workflow.rules.js";
import {
  type AwaitingCounts,
  addToCell,
  type CounterSource,
  counterEntry,
  counterGroup,
  decodeCell,
  eachCellBucket,
  type FollowUpDimension,
  flattenCell,
  parseCell,
  pkOf,
  readKey,
} from "./follow-up-counters.math.js";
import { COUNTER_SOURCE_COLUMNS } from "./follow-up-counters.repo.js";
import { addBucket, emptyCounts, type SummaryCounts } from "./follow-up-weighted.math.js";

/**
 * Unfinished directives whose lead unit ended before the clock's day: they await hand-over, which
 * depends on today, so the view takes them out of the counters and counts them apart. Few: a
 * hand-over moves them to a successor.
 */
async function awaitingSources(
  db: Kysely<DB>,
  clock: SqlClock,
  leadUnitIds?: number[],
): Promise<CounterSource[]> {
  let q = db
    .selectFrom("directives")
    .select([...COUNTER_SOURCE_COLUMNS])
    .where("state", "not in", ["confirmed", "cancelled"])
    .where("lead_unit_id", "in", (eb) =>
      eb.selectFrom("units").select("units.id").where("units.valid_to", "<", clock.todayDate),
    );
  if (leadUnitIds) q = q.where("lead_unit_id", "in", leadUnitIds);
  return q.execute();
}

/** A follow-up bucket from the counters: the same shape as the aggregate over directives gives. */
export interface CounterBucket {
  key: string | null;
  /** By lead: the lead unit (of the organisation too), so organisations gather under their unit. */
  unitId?: number;
  state: WorkflowState;
  timeliness: Timeliness;
  count: number;
  /** Largest days late in the bucket (meaningful for overdue and done_late). */
  maxDays: number;
}

/** One counter row as the view reads it, with its lead unit's name and level (by lead). */
interface CounterRow {
  group_key: string;
  unit_id: number;
  cells: string;
  unit_name?: string | null;
  unit_level?: string | null;
}

/**
 * Reads the counter rows of a dimension (by lead, of some lead units only, each with its unit's name
 * and level) and hands each group's stored numbers to `visit`, less the work awaiting hand-over, which
 * is handed over apart by state (rare: a hand-over moves it to a successor).
 */
async function eachCounterGroup(
  db: Kysely<DB>,
  by: FollowUpDimension,
  clock: SqlClock,
  leadUnitIds: number[] | undefined,
  visit: (
    row: CounterRow,
    key: string | null,
    flat: readonly number[],
    awaiting: AwaitingCounts | null,
  ) => void,
): Promise<void> {
  if (leadUnitIds && (by !== "lead" || leadUnitIds.length === 0)) {
    if (leadUnitIds.length === 0) return;
    throw new RangeError("Counters filter on lead units only when grouped by lead unit");
  }
  let q = db
    .selectFrom("follow_up_counters")
    .select(["group_key", "unit_id", "cells"])
    .where("dimension", "=", by);
  if (by === "lead")
    q = q
      .leftJoin("units", "units.id", "follow_up_counters.unit_id")
      .select(["units.name as unit_name", "units.level as unit_level"]);
  if (leadUnitIds) q = q.where("unit_id", "in", leadUnitIds);
  const [rows, waiting] = await Promise.all([
    q.execute() as Promise<CounterRow[]>,
    awaitingSources(db, clock, leadUnitIds),
  ]);
  const waitingEntries = new Map<string, CounterSource[]>();
  for (const d of waiting) {
    const pk = pkOf(counterGroup(by, d));
    waitingEntries.set(pk, [...(waitingEntries.get(pk) ?? []), d]);
  }
  for (const r of rows) {
    const key = readKey(r.group_key);
    const entries =
      waitingEntries.size > 0
        ? waitingEntries.get(pkOf({ dimension: by, key, unitId: Number(r.unit_id) }))
        : undefined;
    if (entries === undefined) {
      visit(r, key, parseCell(r.cells), null);
      continue;
    }
    const cell = decodeCell(r.cells);
    const awaiting: AwaitingCounts = {};
    for (const d of entries) {
      const entry = counterEntry(d);
      addToCell(cell, entry, -1);
      awaiting[entry.state] = (awaiting[entry.state] ?? 0) + 1;
    }
    visit(r, key, flattenCell(cell), awaiting);
  }
}

/**
 * The follow-up buckets of every directive (or of those led by `leadUnitIds`, by lead only) from the
 * counters at the clock's day: the counter rows of the dimension, less the work awaiting hand-over,
 * which is counted apart.
 */
export async function followUpBucketsFromCounters(
  db: Kysely<DB>,
  by: FollowUpDimension,
  clock: SqlClock,
  leadUnitIds?: number[],
): Promise<CounterBucket[]> {
  const buckets: CounterBucket[] = [];
  await eachCounterGroup(db, by, clock, leadUnitIds, (r, key, flat, awaiting) => {
    const unitId = Number(r.unit_id);
    eachCellBucket(flat, awaiting, clock, (state, timeliness, count, maxDays) => {
      const bucket: CounterBucket = { key, state, timeliness, count, maxDays };
      if (by === "lead") bucket.unitId = unitId;
      buckets.push(bucket);
    });
  });
  return buckets;
}

/** One lead group's summary counts from the counters, with its lead unit's name and level. */
export interface LeadCounts {
  key: string;
  unitId: number;
  unit: { name: string; level: string } | null;
  counts: SummaryCounts;
}

/**
 * By lead, each group's summary counts straight from its counter row (no buckets): what the view
 * over thousands of lead units reads. Groups without any directive are left out.
 */
export async function followUpLeadCounts(
  db: Kysely<DB>,
  clock: SqlClock,
  leadUnitIds?: number[],
): Promise<LeadCounts[]> {
  const out: LeadCounts[] = [];
  let counts = emptyCounts();
  const add = (state: WorkflowState, timeliness: Timeliness, count: number, maxDays: number) =>
    addBucket(counts, state, timeliness, count, maxDays);
  await eachCounterGroup(db, "lead", clock, leadUnitIds, (r, key, flat, awaiting) => {
    eachCellBucket(flat, awaiting, clock, add);
    if (counts.total === 0) return;
    const unitId = Number(r.unit_id);
    const unit =
      r.unit_name === null || r.unit_name === undefined
        ? null
        : { name: r.unit_name, level: r.unit_level ?? "" };
    out.push({ key: key ?? `u${unitId}`, unitId, unit, counts });
    counts = emptyCounts();
  });
  return out;
}
