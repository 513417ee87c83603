/**
 * follow-up.math's summary computed from weighted buckets (n directives of one state and timeliness)
 * instead of one row per directive: the same definitions, in time proportional to the number of
 * buckets rather than of directives, which is what keeps the view over 100.000 directives fast. A test
 * checks it against summariseFollowUp on expanded rows; if follow-up.math gains row weights, this
 * file can go.
 */

import { TIMELINESS, type Timeliness } from "../timeliness.rules.js";
import { WORKFLOW_STATES, type WorkflowState } from "../workflow.rules.js";
import { type FollowUpSummary, summaryOfCounts, zeroCounts } from "./follow-up.math.js";

export interface WeightedBucket {
  state: WorkflowState;
  timeliness: Timeliness;
  count: number;
  /** Largest days late among the bucket's directives (read for overdue buckets only). */
  maxDays: number;
}

/** What a summary is computed from (summaryOfCounts), gathered bucket by bucket. */
export interface SummaryCounts {
  total: number;
  byState: Record<WorkflowState, number>;
  byTimeliness: Record<Timeliness, number>;
  completedLate: number;
  longestOverdueDays: number | null;
}

export function emptyCounts(): SummaryCounts {
  return {
    total: 0,
    byState: zeroCounts(WORKFLOW_STATES),
    byTimeliness: zeroCounts(TIMELINESS),
    completedLate: 0,
    longestOverdueDays: null,
  };
}

/** Adds a bucket of `count` directives of one state and timeliness to `counts` (in place). */
export function addBucket(
  counts: SummaryCounts,
  state: WorkflowState,
  timeliness: Timeliness,
  count: number,
  maxDays: number,
): void {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (count === 0) return;
  counts.total += count;
  counts.byState[state] += count;
  counts.byTimeliness[timeliness] += count;
  if (state === "confirmed" && timeliness === "done_late") counts.completedLate += count;
  if (timeliness === "overdue") counts.longestOverdueDays = Math.max(counts.longestOverdueDays ?? 0, maxDays);
}

/** Adds every count of `other` to `counts` (in place): the counts of the union of two sets of directives. */
export function addCounts(counts: SummaryCounts, other: SummaryCounts): SummaryCounts {
  counts.total += other.total;
  for (const s of WORKFLOW_STATES) counts.byState[s] += other.byState[s];
  for (const t of TIMELINESS) counts.byTimeliness[t] += other.byTimeliness[t];
  counts.completedLate += other.completedLate;
  if (other.longestOverdueDays !== null)
    counts.longestOverdueDays = Math.max(counts.longestOverdueDays ?? 0, other.longestOverdueDays);
  return counts;
}

/** The FollowUpSummary of the directives the buckets stand for (see follow-up.math.ts for the rules). */
export function summariseBuckets(buckets: readonly WeightedBucket[]): FollowUpSummary {
  const counts = emptyCounts();
  for (const b of buckets) addBucket(counts, b.state, b.timeliness, b.count, b.maxDays);
  return summaryOfCounts(counts);
}
