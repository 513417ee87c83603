/**
 * Follow-up figures for leaders ("5 rõ"): how many directives, how many done, how many late, and the
 * worst delay, overall or per lead unit, assigning leader, source notice or period. Pure arithmetic
 * over rows whose timeliness was already derived (timeliness.rules.ts), so every screen, report and
 * export counts the same way.
 */
import { TIMELINESS, type Timeliness } from "../timeliness.rules.js";
import { WORKFLOW_STATES, type WorkflowState } from "../workflow.rules.js";

type Id = string | number | null;

/** One directive as the follow-up counts it. */
export interface FollowUpRow {
  leadUnitId: Id;
  assignerId: Id;
  sourceNoticeId: Id;
  state: WorkflowState;
  timeliness: Timeliness;
  /** From daysOverdue(): days late now (open) or at completion (done late); 0 otherwise. */
  daysOverdue: number;
}

/** Counts and ratios over a set of directives. Percentages are unrounded (0–100): format them for display. */
export interface FollowUpSummary {
  total: number;
  byState: Record<WorkflowState, number>;
  byTimeliness: Record<Timeliness, number>;
  cancelled: number;
  /** Directives that count: total minus cancelled (paused ones still count: they are not done). */
  counted: number;
  /** Confirmed by the assigner: the only "done". */
  completed: number;
  /** completed ÷ counted × 100; null when nothing counts. */
  completionPercent: number | null;
  /** Completed late (confirmed with timeliness done_late). */
  completedLate: number;
  /** completedLate ÷ completed × 100 ("tỷ lệ hoàn thành quá hạn"); null when nothing is completed. */
  overduePercentOfCompleted: number | null;
  /** Not done and past the deadline now (timeliness overdue). */
  overdue: number;
  /** Largest daysOverdue among the overdue ones; null when none is overdue. */
  longestOverdueDays: number | null;
  /**
   * Not done, and the lead unit no longer exists (timeliness awaiting_handover): shown apart ("chờ
   * bàn giao"), neither overdue nor in time, until a successor takes the work over.
   */
  awaitingHandover: number;
}

export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  // A loop, not Object.fromEntries: this runs once per group of a report of thousands of groups.
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  return out;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/**
 * Summarises directives for a leader.
 *
 * - completion % = confirmed ÷ (total − cancelled); paused directives stay in the denominator.
 * - late % of completed = confirmed-and-done_late ÷ confirmed.
 * - overdue = rows whose timeliness is "overdue" (unfinished and past the deadline, including a late
 *   submission awaiting confirmation); longest overdue = the largest daysOverdue among them, so a task
 *   that was finished late does not count as "still overdue".
 * Each field is trusted for its own purpose (state for done/cancelled, timeliness for lateness); rows
 * are expected to be consistent, as deriveTimeliness makes them. Throws RangeError on a negative or
 * fractional daysOverdue, which would otherwise silently skew the maximum.
 */
export function summariseFollowUp(rows: readonly FollowUpRow[]): FollowUpSummary {
  const byState = zeroCounts(WORKFLOW_STATES);
  const byTimeliness = zeroCounts(TIMELINESS);
  let completedLate = 0;
  let longestOverdueDays: number | null = null;
  for (const row of rows) {
    if (!Number.isInteger(row.daysOverdue) || row.daysOverdue < 0) {
      throw new RangeError(`daysOverdue must be a whole number ≥ 0, got ${row.daysOverdue}`);
    }
    byState[row.state] += 1;
    byTimeliness[row.timeliness] += 1;
    if (row.state === "confirmed" && row.timeliness === "done_late") completedLate += 1;
    if (row.timeliness === "overdue") longestOverdueDays = Math.max(longestOverdueDays ?? 0, row.daysOverdue);
  }
  return summaryOfCounts({ total: rows.length, byState, byTimeliness, completedLate, longestOverdueDays });
}

/** The summary's derived figures from its counts: the one place the rules above turn into numbers. */
export function summaryOfCounts(counts: {
  total: number;
  byState: Record<WorkflowState, number>;
  byTimeliness: Record<Timeliness, number>;
  completedLate: number;
  longestOverdueDays: number | null;
}): FollowUpSummary {
  const { total, byState, byTimeliness, completedLate, longestOverdueDays } = counts;
  const cancelled = byState.cancelled;
  const counted = total - cancelled;
  const completed = byState.confirmed;
  return {
    total,
    byState,
    byTimeliness,
    cancelled,
    counted,
    completed,
    completionPercent: percent(completed, counted),
    completedLate,
    overduePercentOfCompleted: percent(completedLate, completed),
    overdue: byTimeliness.overdue,
    longestOverdueDays,
    awaitingHandover: byTimeliness.awaiting_handover,
  };
}

/** One group of {@link summariseFollowUpBy}. */
export interface FollowUpGroup<K> {
  key: K;
  rows: number;
  summary: FollowUpSummary;
}

/**
 * Summarises directives per group: by a field of the row ("leadUnitId", "assignerId",
 * "sourceNoticeId"…) or by any function of it (a period such as the month of the deadline). Groups come
 * in the order their first row appears; keys are compared with SameValueZero (as Map does), so use
 * strings or numbers, not objects or Dates, and null gathers the rows without a value.
 */
export function summariseFollowUpBy<T extends FollowUpRow, K>(
  rows: readonly T[],
  by: keyof T | ((row: T) => K),
): FollowUpGroup<K>[] {
  const keyOf = typeof by === "function" ? by : (row: T) => row[by] as K;
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].map(([key, list]) => ({ key, rows: list.length, summary: summariseFollowUp(list) }));
}
