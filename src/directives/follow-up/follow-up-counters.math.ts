/**
 * Follow-up counters: what one directive adds to the maintained counts of its follow-up groups, and
 * the timeliness buckets those counts give on a given day. Pure logic; the SQL lives in
 * follow-up-counters.repo.ts.
 *
 * Timeliness changes at midnight without anyone acting, so the counters never store "overdue". Per
 * group (a lead unit, an assigner, a notice, a deadline month) and workflow state they keep a
 * histogram: for open work the deadline days (compared with today when the report is read), for
 * submitted and confirmed work the days late at the submission (a fixed outcome: 0 = on time), and
 * nothing for paused and cancelled work. One group is one row of a few dozen numbers, so the view over
 * 100.000 directives reads a few thousand rows instead of every directive.
 */

import type { Timeliness } from "../timeliness.rules.js";
import { type BucketVisitor, eachBucketOfState, type SqlClock, type StateCounts } from "../timeliness-sql.js";
import { WORKFLOW_STATES, type WorkflowState } from "../workflow.rules.js";

export const FOLLOW_UP_DIMENSIONS = ["lead", "assigner", "notice", "period"] as const;
export type FollowUpDimension = (typeof FOLLOW_UP_DIMENSIONS)[number];

/** The columns of a directive the follow-up groups and counts read. */
export interface CounterSource {
  lead_unit_id: number;
  lead_organisation_id: number | null;
  assigner_person_id: number | null;
  assigner_name: string | null;
  assigning_unit_id: number;
  notice_id: number | null;
  deadline_end: string | null;
  deadline_day: number | null;
  submitted_day: number | null;
  state: string;
}

type KeyRow = Record<string, string | number | null>;

/**
 * Group keys as text: lead "o34" (an organisation) or "u12" (a unit); assigner "p5" (a person), else
 * "n:<name>", else "u<assigning unit>"; notice "<id>"; period "yyyy-mm" of the deadline's last day.
 * Null gathers rows without one (no notice, no deadline).
 */
export function followUpKeyOf(by: FollowUpDimension, r: KeyRow): string | null {
  switch (by) {
    case "lead":
      return r.lead_organisation_id !== null ? `o${r.lead_organisation_id}` : `u${r.lead_unit_id}`;
    case "assigner":
      if (r.assigner_person_id !== null) return `p${r.assigner_person_id}`;
      return r.assigner_name !== null ? `n:${r.assigner_name}` : `u${r.assigning_unit_id}`;
    case "notice":
      return r.notice_id === null ? null : String(r.notice_id);
    case "period":
      return r.period === null || r.period === undefined ? null : String(r.period);
  }
}

/** One counter row's identity: the dimension, the group key and, by lead, the lead unit (else 0). */
export interface CounterGroup {
  dimension: FollowUpDimension;
  key: string | null;
  unitId: number;
}

export function counterGroup(by: FollowUpDimension, d: CounterSource): CounterGroup {
  const period = d.deadline_end === null ? null : d.deadline_end.slice(0, 7);
  return {
    dimension: by,
    key: followUpKeyOf(by, { ...d, period }),
    unitId: by === "lead" ? d.lead_unit_id : 0,
  };
}

/** The stored group key: text, with "" for the group of rows without a key (no notice, no deadline). */
export const storedKey = (key: string | null) => key ?? "";
export const readKey = (stored: string) => (stored === "" ? null : stored);
/** A counter row's identity as one string (the table's primary key). */
export const pkOf = (g: CounterGroup) => `${g.dimension}\u0000${g.unitId}\u0000${storedKey(g.key)}`;

/** Open work: its timeliness depends on today. */
const OPEN_STATES: readonly string[] = ["assigned", "received", "in_progress", "returned"];

/** What one directive adds to its group: its state and the histogram day (null: none). */
export interface CounterEntry {
  state: WorkflowState;
  day: number | null;
}

/**
 * The histogram day of a directive, mirroring timelinessCountsSql: open work keeps its deadline day;
 * submitted and confirmed work keeps its days late at the submission (submitted_day − deadline_day,
 * 0 when on time or not submitted), or none without a deadline; paused and cancelled work keeps none.
 */
export function counterEntry(d: CounterSource): CounterEntry {
  const state = d.state as WorkflowState;
  if (d.deadline_day === null) return { state, day: null };
  if (OPEN_STATES.includes(state)) return { state, day: d.deadline_day };
  if (state === "submitted" || state === "confirmed") {
    const late = d.submitted_day === null ? 0 : d.submitted_day - d.deadline_day;
    return { state, day: Math.max(0, late) };
  }
  return { state, day: null };
}

/**
 * The counts of one state of a group, flat so that JSON stores and parses it fast: how many, then
 * the histogram as pairs sorted by day: [n, day1, count1, day2, count2, …].
 */
export type StateTally = number[];

/** The counts of one group, by workflow state (states without work are absent). */
export type CounterCell = Partial<Record<WorkflowState, StateTally>>;

/** Adds `delta` at `day` (null: only to the total) of a tally, keeping days sorted and without zeros. */
function addToTally(tally: StateTally, day: number | null, delta: number): void {
  tally[0] = (tally[0] ?? 0) + delta;
  if (day === null || delta === 0) return;
  let i = 1;
  while (i < tally.length && (tally[i] as number) < day) i += 2;
  if (i < tally.length && tally[i] === day) {
    const next = (tally[i + 1] as number) + delta;
    if (next === 0) tally.splice(i, 2);
    else tally[i + 1] = next;
  } else tally.splice(i, 0, day, delta);
}

function setTally(cell: CounterCell, state: WorkflowState, tally: StateTally): void {
  if (tally[0] === 0 && tally.length === 1) delete cell[state];
  else cell[state] = tally;
}

/** Adds (delta 1) or removes (delta −1) one directive's entry; the cell is changed in place. */
export function addToCell(cell: CounterCell, entry: CounterEntry, delta: number): CounterCell {
  const tally = cell[entry.state] ?? [0];
  addToTally(tally, entry.day, delta);
  setTally(cell, entry.state, tally);
  return cell;
}

/** Adds every state of `other` times `delta` to `cell` (in place). */
export function mergeCell(cell: CounterCell, other: CounterCell, delta: number): CounterCell {
  for (const [state, tally] of Object.entries(other) as [WorkflowState, StateTally][]) {
    const target = cell[state] ?? [0];
    let withDays = 0;
    for (let i = 1; i < tally.length; i += 2) {
      addToTally(target, tally[i] as number, delta * (tally[i + 1] as number));
      withDays += tally[i + 1] as number;
    }
    addToTally(target, null, delta * ((tally[0] as number) - withDays));
    setTally(cell, state, target);
  }
  return cell;
}

export function cellTotal(cell: CounterCell): number {
  let total = 0;
  for (const tally of Object.values(cell)) total += tally?.[0] ?? 0;
  return total;
}

/**
 * A cell as stored: one JSON array of numbers, per state present (in WORKFLOW_STATES order) its index,
 * its total, how many days follow and the days as (day, count) pairs, each day after the first written
 * as the step from the one before. About half the bytes of the object form, parsed twice as fast, which
 * is most of the view's cost over thousands of groups.
 */
export function flattenCell(cell: CounterCell): number[] {
  const out: number[] = [];
  WORKFLOW_STATES.forEach((state, index) => {
    const tally = cell[state];
    if (!tally) return;
    out.push(index, tally[0] ?? 0, (tally.length - 1) / 2);
    let previous = 0;
    for (let i = 1; i < tally.length; i += 2) {
      const day = tally[i] as number;
      out.push(i === 1 ? day : day - previous, tally[i + 1] as number);
      previous = day;
    }
  });
  return out;
}

export function encodeCell(cell: CounterCell): string {
  return JSON.stringify(flattenCell(cell));
}

/** A stored cell's numbers (flattenCell's form), refusing an older stored form. */
export function parseCell(text: string): number[] {
  const flat: unknown = JSON.parse(text);
  // An earlier build of this branch stored objects: say so rather than count nothing.
  if (!Array.isArray(flat))
    throw new Error("follow_up_counters holds an older form: rebuild the follow-up counters");
  return flat as number[];
}

export function decodeCell(text: string): CounterCell {
  const flat = parseCell(text);
  const cell: CounterCell = {};
  let i = 0;
  while (i < flat.length) {
    const state = WORKFLOW_STATES[flat[i] as number] as WorkflowState;
    const pairs = flat[i + 2] as number;
    const tally: StateTally = [flat[i + 1] as number];
    let day = 0;
    for (let p = 0, j = i + 3; p < pairs; p += 1, j += 2) {
      day = p === 0 ? (flat[j] as number) : day + (flat[j] as number);
      tally.push(day, flat[j + 1] as number);
    }
    cell[state] = tally;
    i += 3 + 2 * pairs;
  }
  return cell;
}

/** Directives awaiting hand-over of a group, by state: already taken out of its cell, counted apart. */
export type AwaitingCounts = Partial<Record<WorkflowState, number>>;

/**
 * Hands every timeliness bucket of a cell at the clock to `visit`, straight from its stored numbers
 * (flattenCell's form): per state the counts timelinessCountsSql would give, split as bucketsOfState
 * splits them. Nothing is allocated per state or bucket, so the view over thousands of groups costs
 * little more than parsing their rows. `awaiting` directives (waiting for hand-over) were already
 * taken out of the cell and are added back apart.
 */
export function eachCellBucket(
  flat: readonly number[],
  awaiting: AwaitingCounts | null,
  clock: SqlClock,
  visit: BucketVisitor,
): void {
  const c = scratch;
  const soonUntil = clock.today + clock.dueSoonDays;
  let i = 0;
  while (i < flat.length) {
    const state = WORKFLOW_STATES[flat[i] as number] as WorkflowState;
    const pairs = flat[i + 2] as number;
    let withDeadline = 0;
    let submittedLate = 0;
    let pastDeadline = 0;
    let dueSoon = 0;
    let day = 0;
    // Days are sorted: the first is the smallest, the last the largest.
    const end = i + 3 + 2 * pairs;
    for (let j = i + 3; j < end; j += 2) {
      day = j === i + 3 ? (flat[j] as number) : day + (flat[j] as number);
      const v = flat[j + 1] as number;
      withDeadline += v;
      if (day > 0) submittedLate += v;
      if (day < clock.today) pastDeadline += v;
      else if (day <= soonUntil) dueSoon += v;
    }
    const aw = awaiting?.[state] ?? 0;
    c.state = state;
    c.count = (flat[i + 1] as number) + aw;
    c.awaiting = aw;
    c.withDeadline = withDeadline;
    c.submittedLate = submittedLate;
    c.pastDeadline = pastDeadline;
    c.dueSoon = dueSoon;
    c.maxSubmittedLate = pairs > 0 ? day : null;
    c.minDeadline = pairs > 0 ? (flat[i + 3] as number) : null;
    if (c.count !== 0) eachBucketOfState(c, clock, visit);
    i = end;
  }
  if (awaiting === null) return;
  // States with work awaiting hand-over only.
  for (const state of Object.keys(awaiting) as WorkflowState[]) {
    if (stateInFlat(flat, state)) continue;
    const aw = awaiting[state] ?? 0;
    if (aw === 0) continue;
    Object.assign(c, { ...EMPTY_COUNTS, state, count: aw, awaiting: aw });
    eachBucketOfState(c, clock, visit);
  }
}

const EMPTY_COUNTS: StateCounts = {
  state: "assigned",
  count: 0,
  awaiting: 0,
  withDeadline: 0,
  submittedLate: 0,
  pastDeadline: 0,
  dueSoon: 0,
  maxSubmittedLate: null,
  minDeadline: null,
};
/** Reused by eachCellBucket, which runs to completion before anyone else can use it. */
const scratch: StateCounts = { ...EMPTY_COUNTS };

function stateInFlat(flat: readonly number[], state: WorkflowState): boolean {
  const index = WORKFLOW_STATES.indexOf(state);
  for (let i = 0; i < flat.length; i += 3 + 2 * (flat[i + 2] as number)) if (flat[i] === index) return true;
  return false;
}

/** The timeliness buckets of a group at the clock, as the follow-up aggregate over directives gives them. */
export function cellBuckets(
  cell: CounterCell,
  awaiting: AwaitingCounts,
  clock: SqlClock,
): { state: WorkflowState; timeliness: Timeliness; count: number; maxDays: number }[] {
  const out: { state: WorkflowState; timeliness: Timeliness; count: number; maxDays: number }[] = [];
  eachCellBucket(flattenCell(cell), awaiting, clock, (state, timeliness, count, maxDays) =>
    out.push({ state, timeliness, count, maxDays }),
  );
  return out;
}
