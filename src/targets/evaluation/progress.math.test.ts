import { describe, expect, it } from "vitest";
import type { IndicatorSemantics } from "./evaluation.math.js";
import { expectedShare, judgeProgress } from "./progress.math.js";

const money: IndicatorSemantics = {
  direction: "higher_is_better",
  comparisonMode: "ratio",
  valueType: "number",
  unit: "tỷ đồng",
};
const cases: IndicatorSemantics = { ...money, direction: "lower_is_better", unit: "vụ" };
const rate: IndicatorSemantics = { ...money, comparisonMode: "points", valueType: "rate", unit: "%" };
const halfYear = { pct: 50, basis: "months" as const };

/** Six months against the year's target of `target`, with whatever else a case changes. */
const judge = (
  semantics: IndicatorSemantics,
  target: number,
  actual: number,
  extra: Partial<Parameters<typeof judgeProgress>[0]> = {},
) =>
  judgeProgress({
    semantics,
    level: { kind: "value", value: target },
    actual,
    expected: halfYear,
    wholeName: "kế hoạch năm",
    ...extra,
  });

describe("expected share of the year", () => {
  it.each([
    [6, [], 50, "months"],
    [9, [], 75, "months"],
    [1, [], 8.333333333333334, "months"],
    [6, [{ part: 18, whole: 40 }], 45, "seasonal"],
    [
      6,
      [
        { part: 18, whole: 40 },
        { part: 21, whole: 42 },
      ],
      47.5,
      "seasonal",
    ],
    [
      6,
      [
        { part: null, whole: 40 },
        { part: 5, whole: 0 },
      ],
      50,
      "months",
    ],
  ] as const)("%s months, past %j → %s%% (%s)", (months, past, pct, basis) => {
    expect(expectedShare(months, past)).toEqual({ pct, basis });
  });
});

describe("progress against the year's target", () => {
  it("says six months of revenue at 52,5% of the year's estimate is on track, never 'chưa đạt'", () => {
    const progress = judge(money, 40, 21);
    expect(progress).toMatchObject({ yearTarget: 40, yearTargetPct: 52.5, expectedPct: 50, onTrack: true });
    expect(progress?.wording.precise).toBe("đạt 52,5% kế hoạch năm (tiến độ dự kiến 50%), bảo đảm tiến độ");
    expect(progress?.wording.customary).toBe("đạt 53% kế hoạch năm (tiến độ dự kiến 50%), bảo đảm tiến độ");
  });

  it("says a figure under the expected share is behind", () => {
    const progress = judge(money, 40, 18, { expected: { pct: 47.5, basis: "seasonal" } });
    expect(progress).toMatchObject({ yearTargetPct: 45, onTrack: false, expectedBasis: "seasonal" });
    expect(progress?.wording.precise).toContain("chậm tiến độ");
    expect(progress?.wording.precise).not.toContain("chưa đạt");
  });

  it("keeps a ceiling on cases within its share of the year", () => {
    const within = judge(cases, 10, 4);
    expect(within).toMatchObject({ yearTargetPct: 40, onTrack: true });
    expect(within?.wording.precise).toBe(
      "ở mức 4 vụ, bằng 40% mức trần năm (tiến độ dự kiến 50%), trong giới hạn tiến độ",
    );
    const over = judge(cases, 10, 7);
    expect(over?.onTrack).toBe(false);
  });

  it("compares a rate with the year's level as it stands", () => {
    const progress = judge(rate, 88, 89.5);
    expect(progress).toMatchObject({ yearTarget: 88, yearTargetPct: null, expectedPct: null, onTrack: true });
    expect(progress?.wording.precise).toBe("đạt 89,5%, vượt 1,5 điểm phần trăm so với kế hoạch năm");
  });

  it("forecasts the whole year from the year's estimate", () => {
    const progress = judge(money, 40, 21, { forecast: 44.4 });
    expect(progress?.forecast).toEqual({ value: 44.4, achievementPct: 111 });
    expect(progress?.wording.precise).toContain("dự kiến cả năm 44,4 tỷ đồng (111% kế hoạch năm)");
  });

  it("judges a term mid-way: after 3 of 5 years, 62% of the term's sum", () => {
    const progress = judge({ ...money, unit: "đảng viên" }, 50, 31, {
      expected: { pct: 60, basis: "years" },
      wholeName: "chỉ tiêu nhiệm kỳ",
      lead: "sau 3 năm (2025–2027) ",
      flow: true,
    });
    expect(progress?.wording.customary).toBe(
      "sau 3 năm (2025–2027) đạt 62% chỉ tiêu nhiệm kỳ (tiến độ dự kiến 60%), bảo đảm tiến độ",
    );
  });

  it("has nothing to judge for a milestone", () => {
    expect(
      judgeProgress({
        semantics: { ...money, direction: "milestone", valueType: "boolean" },
        level: { kind: "milestone" },
        actual: 1,
        expected: halfYear,
        wholeName: "kế hoạch năm",
      }),
    ).toBeNull();
  });
});
