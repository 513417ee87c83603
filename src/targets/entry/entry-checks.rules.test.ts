import { describe, expect, it } from "vitest";
import type { Indicator } from "../catalogue/indicator.model.js";
import {
  askedFigure,
  entryProblem,
  entryWarning,
  figureKindOf,
  liveAchievementPct,
  NO_CONTEXT,
  samePeriodLastYear,
  yearOfPeriod,
} from "./entry-checks.rules.js";

const base: Indicator = {
  id: 1,
  code: "X",
  name: "x",
  field: "Kinh tế",
  unitOfMeasure: "tỷ đồng",
  valueType: "number",
  direction: "higher_is_better",
  comparisonMode: "ratio",
  termAggregation: "sum",
  responsibleOrganisationId: null,
  definition: null,
  isPublic: true,
  sortOrder: 0,
  precision: null,
  percentDigits: null,
};
const rate = { ...base, unitOfMeasure: "%", valueType: "rate" as const, comparisonMode: "points" as const };
const members = { ...base, unitOfMeasure: "đảng viên" };

describe("entryProblem", () => {
  it.each([
    ["a rate over 100%", rate, 1234.5, "Tỷ lệ phải từ 0 đến 100%."],
    ["a negative count", members, -3, "Số đảng viên không được âm."],
    ["a fraction of a count", members, 2.5, "Số đảng viên phải là số nguyên."],
    [
      "a count set as such in the catalogue",
      { ...base, unitOfMeasure: "tấn", figureKind: "count" as const },
      -1,
      "Số tấn không được âm.",
    ],
    [
      "a growth % typed as a rate by the catalogue",
      { ...base, unitOfMeasure: "%", figureKind: "rate" as const },
      120,
      "Tỷ lệ phải từ 0 đến 100%.",
    ],
    ["below the catalogue's bound", { ...base, minValue: 10 }, 9, "Giá trị không được nhỏ hơn 10 tỷ đồng."],
    [
      "outside both bounds",
      { ...members, minValue: 0, maxValue: 40 },
      41,
      "Giá trị phải từ 0 đảng viên đến 40 đảng viên.",
    ],
    ["a plausible figure", members, 16, null],
    ["money, which may be negative", { ...base }, -3.5, null],
  ])("%s", (_, indicator, value, expected) => {
    expect(entryProblem(indicator, value)).toBe(expected);
  });
});

describe("entryWarning", () => {
  const context = { ...NO_CONTEXT, samePeriod: 44.4, lastYear: 44.4, target: 42 };
  it.each([
    [150, "Số liệu gấp 3,4 lần số cùng kỳ năm trước (44,4 tỷ đồng)."],
    [5, "Số liệu chỉ bằng 11,3% số cùng kỳ năm trước (44,4 tỷ đồng)."],
    [120, null],
    [15, null],
    [0, null],
  ])("%s tỷ against 44,4 last year and 42 planned", (value, expected) => {
    expect(entryWarning(base, value, context)).toBe(expected);
  });

  it("takes the indicator's factor, and the target when there is no figure last year", () => {
    expect(entryWarning({ ...base, warnFactor: 1.5 }, 70, { ...NO_CONTEXT, target: 42 })).toBe(
      "Số liệu gấp 1,7 lần kế hoạch (42 tỷ đồng).",
    );
    expect(entryWarning(base, 70, { ...NO_CONTEXT, target: 42 })).toBeNull();
    expect(entryWarning(base, 70, NO_CONTEXT)).toBeNull();
  });
});

describe("the context of a figure", () => {
  it("reads '% đạt' against the period's target, else the year's, and only for ratio indicators", () => {
    expect(liveAchievementPct(base, 21, { ...NO_CONTEXT, yearTarget: 42 })).toBe(50);
    expect(liveAchievementPct(base, 21, { ...NO_CONTEXT, target: 20, yearTarget: 42 })).toBe(105);
    expect(liveAchievementPct(rate, 90, { ...NO_CONTEXT, target: 88 })).toBeNull();
    expect(
      liveAchievementPct({ ...base, direction: "lower_is_better" }, 3, { ...NO_CONTEXT, target: 6 }),
    ).toBeNull();
    expect(liveAchievementPct(base, 21, { ...NO_CONTEXT, target: 0 })).toBeNull();
  });

  it.each([
    ["2019", 2019, "2018"],
    ["2019-6T", 2019, "2018-6T"],
    ["2019-Q3", 2019, "2018-Q3"],
    ["2019-07", 2019, "2018-07"],
    ["2015-2020", null, null],
  ])("%s falls in %s; the same period a year earlier is %s", (key, year, previous) => {
    expect(yearOfPeriod(key)).toBe(year);
    expect(samePeriodLastYear(key)).toBe(previous);
  });

  it("infers the kind from the unit when the catalogue does not set it", () => {
    expect(figureKindOf(base)).toBe("money");
    expect(figureKindOf(members)).toBe("count");
    expect(figureKindOf(rate)).toBe("rate");
    expect(figureKindOf({ ...base, unitOfMeasure: "tấn" })).toBe("number");
    expect(figureKindOf({ ...base, unitOfMeasure: "tấn", figureKind: "count" })).toBe("count");
  });

  it.each([
    ["level", 40, null, 40],
    ["at_least", 95, null, 95],
    ["at_most", 2, null, 2],
    ["sub_targets", 17, null, 17],
    // giảm 1,5% of 400 households leaves 394; giảm 6 of 120 leaves 114.
    ["reduction_pct", 1.5, 400, 394],
    ["reduction_amount", 6, 120, 114],
    ["reduction_pct", 1.5, null, null],
  ] as const)("a %s target of %s (baseline %s) asks for %s", (kind, value, baseline, asked) => {
    expect(askedFigure({ kind, value, baseline })).toBe(asked);
  });
});
