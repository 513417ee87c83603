/**
 * Timeliness as a SQL expression, for filters and follow-up counts over many directives. It mirrors
 * deriveTimeliness() of timeliness.rules.ts on the day numbers copied into each row (see
 * directives.model.ts deadlineColumns): a deadline day ends at 23:59:59.999 in Vietnam, so "after the
 * end of the deadline" is "on a later Vietnamese day". Tests compare both on the same rows.
 */
import { type RawBuilder, sql } from "kysely";
import { vietnamDateOf, vietnamDayNumber } from "./deadline.js";
import type { Timeliness } from "./timeliness.rules.js";
import type { WorkflowState } from "./workflow.rules.js";

/** The clock the expression is evaluated at: today's Vietnamese day number and the due-soon window. */
export interface SqlClock {
  today: number;
  dueSoonDays: number;
  /** Today as `YYYY-MM-DD` in Vietnam: a lead unit whose last day is before it no longer exists. */
  todayDate: string;
}

export function sqlClock(now: Date, dueSoonDays = 7): SqlClock {
  return { today: vietnamDayNumber(now), dueSoonDays, todayDate: vietnamDateOf(now) };
}

/**
 * True for an unfinished directive whose lead unit ended before today (the SQL mirror of
 * awaitsHandover in timeliness.rules.ts). The set of ended units is a small uncorrelated subquery,
 * read once per statement; the date is inlined as a literal so the same text can repeat.
 */
export function awaitingHandoverSql(clock: SqlClock, alias = "directives"): RawBuilder<boolean> {
  const t = sql.raw(alias);
  const date = sql.lit(safeDate(clock.todayDate));
  return sql<boolean>`(${t}.state NOT IN ('confirmed', 'cancelled') AND ${t}.lead_unit_id IN (SELECT ended.id FROM units ended WHERE ended.valid_to < ${date}))`;
}

/** The clock's date, checked to be a plain `YYYY-MM-DD` before it is inlined into SQL. */
function safeDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a date: ${date}`);
  return date;
}

/**
 * The timeliness code of a row of `directives` (aliased `alias`). The numbers are inlined as
 * literals (they are integers we computed), so the same text can appear in SELECT and WHERE.
 */
export function timelinessSql(clock: SqlClock, alias = "directives"): RawBuilder<string> {
  const t = sql.raw(alias);
  const today = sql.lit(Math.trunc(clock.today));
  const soon = sql.lit(Math.trunc(clock.dueSoonDays));
  return sql<string>`CASE
    WHEN ${t}.state = 'cancelled' THEN 'cancelled'
    WHEN ${awaitingHandoverSql(clock, alias)} THEN 'awaiting_handover'
    WHEN ${t}.state = 'paused' THEN 'paused'
    WHEN ${t}.state = 'confirmed' THEN
      CASE WHEN ${t}.deadline_day IS NULL OR ${t}.submitted_day <= ${t}.deadline_day THEN 'done_on_time' ELSE 'done_late' END
    WHEN ${t}.deadline_day IS NULL THEN 'no_deadline'
    WHEN ${t}.state = 'submitted' AND ${t}.submitted_day IS NOT NULL THEN
      CASE WHEN ${t}.submitted_day > ${t}.deadline_day THEN 'overdue' ELSE 'in_time' END
    WHEN ${today} > ${t}.deadline_day THEN 'overdue'
    WHEN ${t}.deadline_day - ${today} <= ${soon} THEN 'due_soon'
    ELSE 'in_time'
  END`;
}

/**
 * Days late, meaningful where timeliness is overdue or done_late: at the submission for submitted and
 * confirmed rows (the clock stopped there), otherwise today. 0 without a deadline or while the work
 * awaits hand-over.
 */
export function daysOverdueSql(clock: SqlClock, alias = "directives"): RawBuilder<number> {
  const t = sql.raw(alias);
  const today = sql.lit(Math.trunc(clock.today));
  return sql<number>`CASE
    WHEN ${t}.deadline_day IS NULL OR ${awaitingHandoverSql(clock, alias)} THEN 0
    WHEN ${t}.state IN ('submitted', 'confirmed') AND ${t}.submitted_day IS NOT NULL THEN ${t}.submitted_day - ${t}.deadline_day
    ELSE ${today} - ${t}.deadline_day
  END`;
}

/**
 * Per-group counts from which the timeliness of every directive of one workflow state follows, for
 * aggregates grouped by state (so the database streams them in the covering index's order instead of
 * sorting on a computed timeliness, and evaluates only plain comparisons per row). Within one state
 * the rules of deriveTimeliness reduce to:
 * - confirmed: done_late when submitted after the deadline day (`submittedLate`), else done_on_time;
 * - submitted: no_deadline without a deadline, overdue when submitted after it (`submittedLate`), else
 *   in_time (the clock stopped at the submission);
 * - open states: no_deadline, overdue when the deadline day is before today (`pastDeadline`), due_soon
 *   within `dueSoonDays` (`dueSoon`), else in_time;
 * - paused, cancelled: themselves.
 * Before all of these, an unfinished directive whose lead unit no longer exists is awaiting_handover
 * (`awaiting`); the other counts read its deadline as absent, so it is never late or due.
 * `withDeadline` counts rows with a deadline day; `maxSubmittedLate` (submitted_day − deadline_day) and
 * `minDeadline` give the longest delay. Tests compare the result with the rules row by row.
 */
export function timelinessCountsSql(clock: SqlClock) {
  const today = sql.lit(Math.trunc(clock.today));
  const soonUntil = sql.lit(Math.trunc(clock.today + clock.dueSoonDays));
  const waiting = awaitingHandoverSql(clock);
  // The deadline day as the counts read it: none while the work awaits hand-over.
  const deadline = sql`(CASE WHEN ${waiting} THEN NULL ELSE deadline_day END)`;
  return {
    awaiting: sql<number>`COUNT(CASE WHEN ${waiting} THEN 1 END)`,
    withDeadline: sql<number>`COUNT(${deadline})`,
    submittedLate: sql<number>`COUNT(CASE WHEN submitted_day > ${deadline} THEN 1 END)`,
    pastDeadline: sql<number>`COUNT(CASE WHEN ${deadline} < ${today} THEN 1 END)`,
    dueSoon: sql<number>`COUNT(CASE WHEN ${deadline} >= ${today} AND ${deadline} <= ${soonUntil} THEN 1 END)`,
    maxSubmittedLate: sql<number | null>`MAX(submitted_day - ${deadline})`,
    minDeadline: sql<number | null>`MIN(${deadline})`,
  };
}

/** The counts of one (group, state) as produced by {@link timelinessCountsSql}. */
export interface StateCounts {
  state: WorkflowState;
  count: number;
  /** Unfinished with a lead unit that no longer exists (not counted in the fields below). */
  awaiting: number;
  withDeadline: number;
  submittedLate: number;
  pastDeadline: number;
  dueSoon: number;
  maxSubmittedLate: number | null;
  minDeadline: number | null;
}

/** Receives one timeliness bucket of a state: its count (> 0) and the longest delay of an overdue one. */
export type BucketVisitor = (
  state: WorkflowState,
  timeliness: Timeliness,
  count: number,
  maxDays: number,
) => void;

/**
 * Splits the counts of one state into timeliness buckets with the longest delay of the overdue ones,
 * handing each non-empty bucket to `visit` (nothing allocated: the follow-up view calls this for every
 * state of thousands of groups).
 */
export function eachBucketOfState(c: StateCounts, clock: SqlClock, visit: BucketVisitor): void {
  const s = c.state;
  if (c.awaiting > 0) visit(s, "awaiting_handover", c.awaiting, 0);
  const noDeadline = c.count - c.awaiting - c.withDeadline;
  switch (s) {
    case "cancelled":
    case "paused":
      if (c.count - c.awaiting > 0) visit(s, s, c.count - c.awaiting, 0);
      break;
    case "confirmed":
      if (c.submittedLate > 0) visit(s, "done_late", c.submittedLate, 0);
      if (c.count - c.submittedLate > 0) visit(s, "done_on_time", c.count - c.submittedLate, 0);
      break;
    case "submitted":
      if (noDeadline > 0) visit(s, "no_deadline", noDeadline, 0);
      if (c.submittedLate > 0) visit(s, "overdue", c.submittedLate, Math.max(0, c.maxSubmittedLate ?? 0));
      if (c.withDeadline - c.submittedLate > 0) visit(s, "in_time", c.withDeadline - c.submittedLate, 0);
      break;
    default: {
      const late = c.minDeadline === null ? 0 : Math.max(0, clock.today - c.minDeadline);
      const inTime = c.withDeadline - c.pastDeadline - c.dueSoon;
      if (noDeadline > 0) visit(s, "no_deadline", noDeadline, 0);
      if (c.pastDeadline > 0) visit(s, "overdue", c.pastDeadline, late);
      if (c.dueSoon > 0) visit(s, "due_soon", c.dueSoon, 0);
      if (inTime > 0) visit(s, "in_time", inTime, 0);
    }
  }
}

/** The buckets of {@link eachBucketOfState} as a list. */
export function bucketsOfState(
  c: StateCounts,
  clock: SqlClock,
): { timeliness: Timeliness; count: number; maxDays: number }[] {
  const out: { timeliness: Timeliness; count: number; maxDays: number }[] = [];
  eachBucketOfState(c, clock, (_state, timeliness, count, maxDays) =>
    out.push({ timeliness, count, maxDays }),
  );
  return out;
}
