/**
 * Timeliness as a SQL expression, for filters and follow-up counts over many directives. It mirrors
 * deriveTimeliness() of timeliness.rules.ts on the day numbers copied into each row (see
 * directives.model.ts deadlineColumns): a deadline day ends at 23:59:59.999 in Vietnam, so "after the
 * end of the deadline" is "on a later Vietnamese day". Tests compare both on the same rows.
 */
import { type RawBuilder, sql } from "kysely";
import { vietnamDayNumber } from "./deadline.js";
import type { Timeliness } from "./timeliness.rules.js";
import type { WorkflowState } from "./workflow.rules.js";

/** The clock the expression is evaluated at: today's Vietnamese day number and the due-soon window. */
export interface SqlClock {
  today: number;
  dueSoonDays: number;
}

export function sqlClock(now: Date, dueSoonDays = 7): SqlClock {
  return { today: vietnamDayNumber(now), dueSoonDays };
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
 * confirmed rows (the clock stopped there), otherwise today. 0 without a deadline.
 */
export function daysOverdueSql(clock: SqlClock, alias = "directives"): RawBuilder<number> {
  const t = sql.raw(alias);
  const today = sql.lit(Math.trunc(clock.today));
  return sql<number>`CASE
    WHEN ${t}.deadline_day IS NULL THEN 0
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
 * `withDeadline` counts rows with a deadline day; `maxSubmittedLate` (submitted_day − deadline_day) and
 * `minDeadline` give the longest delay. Tests compare the result with the rules row by row.
 */
export function timelinessCountsSql(clock: SqlClock) {
  const today = sql.lit(Math.trunc(clock.today));
  const soonUntil = sql.lit(Math.trunc(clock.today + clock.dueSoonDays));
  return {
    withDeadline: sql<number>`COUNT(deadline_day)`,
    submittedLate: sql<number>`COUNT(CASE WHEN submitted_day > deadline_day THEN 1 END)`,
    pastDeadline: sql<number>`COUNT(CASE WHEN deadline_day < ${today} THEN 1 END)`,
    dueSoon: sql<number>`COUNT(CASE WHEN deadline_day >= ${today} AND deadline_day <= ${soonUntil} THEN 1 END)`,
    maxSubmittedLate: sql<number | null>`MAX(submitted_day - deadline_day)`,
    minDeadline: sql<number | null>`MIN(deadline_day)`,
  };
}

/** The counts of one (group, state) as produced by {@link timelinessCountsSql}. */
export interface StateCounts {
  state: WorkflowState;
  count: number;
  withDeadline: number;
  submittedLate: number;
  pastDeadline: number;
  dueSoon: number;
  maxSubmittedLate: number | null;
  minDeadline: number | null;
}

/** Splits the counts of one state into timeliness buckets with the longest delay of the overdue ones. */
export function bucketsOfState(
  c: StateCounts,
  clock: SqlClock,
): { timeliness: Timeliness; count: number; maxDays: number }[] {
  const out: { timeliness: Timeliness; count: number; maxDays: number }[] = [];
  const add = (timeliness: Timeliness, count: number, maxDays = 0) => {
    if (count > 0) out.push({ timeliness, count, maxDays });
  };
  const noDeadline = c.count - c.withDeadline;
  switch (c.state) {
    case "cancelled":
    case "paused":
      add(c.state, c.count);
      break;
    case "confirmed":
      add("done_late", c.submittedLate);
      add("done_on_time", c.count - c.submittedLate);
      break;
    case "submitted":
      add("no_deadline", noDeadline);
      add("overdue", c.submittedLate, Math.max(0, c.maxSubmittedLate ?? 0));
      add("in_time", c.withDeadline - c.submittedLate);
      break;
    default:
      add("no_deadline", noDeadline);
      add("overdue", c.pastDeadline, c.minDeadline === null ? 0 : Math.max(0, clock.today - c.minDeadline));
      add("due_soon", c.dueSoon);
      add("in_time", c.withDeadline - c.pastDeadline - c.dueSoon);
  }
  return out;
}
