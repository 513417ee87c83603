/**
 * Timeliness as a SQL expression, for filters and follow-up counts over many directives. It mirrors
 * deriveTimeliness() of timeliness.rules.ts on the day numbers copied into each row (see
 * directives.model.ts deadlineColumns): a deadline day ends at 23:59:59.999 in Vietnam, so "after the
 * end of the deadline" is "on a later Vietnamese day". Tests compare both on the same rows.
 */
import { type RawBuilder, sql } from "kysely";
import { vietnamDayNumber } from "./deadline.js";

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
