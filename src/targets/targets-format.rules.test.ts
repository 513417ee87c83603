import { describe, expect, it } from "vitest";
import { formatGap } from "./targets-format.rules.js";

describe("formatGap", () => {
  it.each([
    [8.0459, null, "tỷ đồng", undefined, "+8,05%"],
    [8.0459, null, "tỷ đồng", 0, "+8%"],
    [1.25, null, "tỷ đồng", 1, "+1,3%"],
    [-0.35, null, "hộ", 1, "-0,4%"],
    [null, 2.42, "%", 0, "+2,42 điểm %"],
    [null, null, "%", 1, "—"],
  ] as const)("%s / %s %s with %s digits → %s", (pct, points, unit, digits, text) => {
    expect(formatGap(pct, points, unit, digits)).toBe(text);
  });
});
