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

/** The FollowUpSummary of the directives the buckets stand for (see follow-up.math.ts for the rules). */
export function summariseBuckets(buckets: readonly WeightedBucket[]): FollowUpSummary {
  const byState = zeroCounts(WORKFLOW_STATES);
  const byTimeliness = zeroCounts(TIMELINESS);
  let completedLate = 0;
  let longestOverdueDays: number | null = null;
  let total = 0;
  for (const b of buckets) {
    if (!Number.isInteger(b.count) || b.count < 0)
      throw new RangeError(`count must be a whole number ≥ 0, got ${b.count}`);
    if (b.count === 0) continue;
    total += b.count;
    byState[b.state] += b.count;
    byTimeliness[b.timeliness] += b.count;
    if (b.state === "confirmed" && b.timeliness === "done_late") completedLate += b.count;
    if (b.timeliness === "overdue") longestOverdueDays = Math.max(longestOverdueDays ?? 0, b.maxDays);
  }
  return summaryOfCounts({ total, byState, byTimeliness, completedLate, longestOverdueDays });
}
