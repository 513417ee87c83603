import { describe, expect, it } from "vitest";
import { TIMELINESS } from "../timeliness.rules.js";
import { WORKFLOW_STATES } from "../workflow.rules.js";
import { summariseFollowUp } from "./follow-up.math.js";
import { rowsFromBuckets } from "./follow-up.service.js";
import { summariseBuckets, type WeightedBucket } from "./follow-up-weighted.math.js";

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("summariseBuckets", () => {
  it("gives exactly what follow-up.math gives on the rows the buckets stand for", () => {
    const rand = random(7);
    for (let round = 0; round < 300; round += 1) {
      const buckets: WeightedBucket[] = Array.from({ length: Math.floor(rand() * 12) }, () => ({
        state: WORKFLOW_STATES[Math.floor(rand() * WORKFLOW_STATES.length)] as WeightedBucket["state"],
        timeliness: TIMELINESS[Math.floor(rand() * TIMELINESS.length)] as WeightedBucket["timeliness"],
        count: Math.floor(rand() * 5),
        maxDays: Math.floor(rand() * 400),
      }));
      const expected = summariseFollowUp(rowsFromBuckets(buckets.map((b) => ({ ...b, key: null }))));
      expect(summariseBuckets(buckets)).toEqual(expected);
    }
  });

  it("returns nulls for nothing, and refuses a negative count", () => {
    expect(summariseBuckets([])).toMatchObject({
      total: 0,
      completionPercent: null,
      overduePercentOfCompleted: null,
      longestOverdueDays: null,
    });
    expect(() =>
      summariseBuckets([{ state: "assigned", timeliness: "in_time", count: -1, maxDays: 0 }]),
    ).toThrow(RangeError);
  });
});
