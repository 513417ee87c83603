import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "./evaluation.math.js";
import { computeTermFigure, geometricGrowthPct, type TermFigureInput, termYears } from "./term.math.js";

const years = termYears(2015, 2019);
const series = (...values: (number | null)[]): TermFigureInput => ({
  years,
  values: values.map((value, i) => ({ year: 2015 + i, value })),
});

// Illustrative annual figures consistent with the reference article's term figures:
// revenue averaging 37,6 tỷ đồng a year, 70 party members admitted over the term.
const revenue = series(33.2, 35.1, 37.9, 40.1, 41.7);
const admissions = series(12, 14, 15, 13, 16);

describe("termYears", () => {
  it("lists the years inclusive", () => {
    expect(termYears(2016, 2020)).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(termYears(2020, 2020)).toEqual([2020]);
  });
  it.each([
    [2020, 2016],
    [2015.5, 2020],
  ])("refuses %s–%s", (from, to) => {
    expect(() => termYears(from, to)).toThrow(RangeError);
  });
});

describe("geometricGrowthPct", () => {
  it.each([
    [100, 121, 2, 10],
    [100, 100, 4, 0],
    [100, 81, 2, -10],
    [100, 0, 3, -100],
    [33.2, 41.7, 4, ((41.7 / 33.2) ** 0.25 - 1) * 100],
  ])("%s → %s over %s intervals = %s%%", (start, end, n, expected) => {
    expect(geometricGrowthPct(start, end, n)).toBeCloseTo(expected, 9);
  });
  it.each([
    [0, 10, 2],
    [-5, 10, 2],
    [10, -1, 2],
    [10, 20, 0],
    [10, 20, 1.5],
    [Number.NaN, 20, 2],
  ])("refuses start %s, end %s, %s intervals", (start, end, n) => {
    expect(() => geometricGrowthPct(start, end, n)).toThrow(RangeError);
  });
});

describe("computeTermFigure with every year present", () => {
  it.each([
    ["sum", revenue, 188],
    ["mean", revenue, 37.6],
    ["end", revenue, 41.7],
    ["sum", admissions, 70],
    ["mean", admissions, 14],
    ["growth", revenue, ((41.7 / 33.2) ** 0.25 - 1) * 100],
    ["count", series(1, 1, 0, 1, 1), 4],
    ["count", series(0, 0, 0, 0, 0), 0],
  ] as const)("%s", (aggregation, input, expected) => {
    const result = computeTermFigure(aggregation, input);
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toBeCloseTo(expected, 9);
    expect(result).toMatchObject({ complete: true, missingYears: [], note: null });
  });

  it("reports the years and intervals used for growth", () => {
    expect(computeTermFigure("growth", revenue)).toMatchObject({
      ok: true,
      yearsUsed: [2015, 2019],
      intervals: 4,
    });
    expect(computeTermFigure("mean", revenue)).toMatchObject({ yearsUsed: years, intervals: null });
  });

  it("feeds the evaluation: mean revenue 37,6 vs 34,8 tỷ → vượt 8,05%", () => {
    const mean = computeTermFigure("mean", revenue);
    if (!mean.ok) throw new Error(mean.message);
    const evaluation = evaluateIndicator({
      semantics: {
        direction: "higher_is_better",
        comparisonMode: "ratio",
        valueType: "number",
        unit: "tỷ đồng",
      },
      targets: [{ revision: 0, level: { kind: "value", value: 34.8 } }],
      actual: { final: mean.value },
    });
    expect(evaluation.wording).toEqual({
      precise: "đạt 108,05% kế hoạch, vượt 8,05%",
      customary: "đạt 108% kế hoạch, vượt 8%",
    });
  });

  it("feeds the evaluation: 70 admissions over the term vs 50 → 140%", () => {
    const sum = computeTermFigure("sum", admissions);
    if (!sum.ok) throw new Error(sum.message);
    const evaluation = evaluateIndicator({
      semantics: {
        direction: "higher_is_better",
        comparisonMode: "ratio",
        valueType: "number",
        unit: "đảng viên",
      },
      targets: [{ revision: 0, level: { kind: "value", value: 50 } }],
      actual: { final: sum.value },
    });
    expect(evaluation.achievementPct).toBe(140);
  });

  it("accepts the values in any order and treats an absent year like a null one", () => {
    const shuffled: TermFigureInput = { years: [...years].reverse(), values: [...revenue.values].reverse() };
    expect(computeTermFigure("mean", shuffled)).toMatchObject({ ok: true, yearsUsed: years });
  });
});

describe("computeTermFigure with missing years", () => {
  const gap = series(33.2, 35.1, null, 40.1, 41.7);

  it.each(["sum", "mean", "count"] as const)(
    "%s refuses a gap by default and names the year",
    (aggregation) => {
      expect(computeTermFigure(aggregation, gap)).toEqual({
        ok: false,
        aggregation,
        reason: "missing_years",
        missingYears: [2017],
        message: "Thiếu số liệu năm 2017.",
      });
    },
  );

  it("treats a year absent from the values as missing", () => {
    const absent: TermFigureInput = {
      years,
      values: revenue.values.filter((v) => v.year !== 2016 && v.year !== 2018),
    };
    expect(computeTermFigure("sum", absent)).toMatchObject({
      ok: false,
      missingYears: [2016, 2018],
      message: "Thiếu số liệu năm 2016, 2018.",
    });
  });

  it.each([
    ["sum", 150.1],
    ["mean", 150.1 / 4],
    ["count", 4],
  ] as const)("%s uses the years present when the caller allows it, and says so", (aggregation, expected) => {
    const result = computeTermFigure(aggregation, gap, { allowMissing: true });
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toBeCloseTo(expected, 9);
    expect(result).toMatchObject({
      complete: false,
      yearsUsed: [2015, 2016, 2018, 2019],
      missingYears: [2017],
      note: "Tính trên số liệu năm 2015, 2016, 2018, 2019; thiếu số liệu năm 2017.",
    });
  });

  it("growth and end-of-term do not need middle years: computed, with the gap reported", () => {
    for (const aggregation of ["growth", "end"] as const) {
      const result = computeTermFigure(aggregation, gap);
      expect(result).toMatchObject({
        ok: true,
        complete: false,
        missingYears: [2017],
        note: "Chưa có số liệu năm 2017 (không cần cho cách tính này).",
      });
    }
  });

  it("growth refuses a missing first or last year unless allowed", () => {
    const noEnd = series(33.2, 35.1, 37.9, 40.1, null);
    expect(computeTermFigure("growth", noEnd)).toMatchObject({
      ok: false,
      reason: "missing_years",
      message: "Thiếu số liệu năm 2019.",
    });
    const allowed = computeTermFigure("growth", noEnd, { allowMissing: true });
    if (!allowed.ok) throw new Error(allowed.message);
    expect(allowed).toMatchObject({ yearsUsed: [2015, 2018], intervals: 3, complete: false });
    expect(allowed.value).toBeCloseTo(((40.1 / 33.2) ** (1 / 3) - 1) * 100, 9);
    expect(allowed.note).toBe("Tính trên số liệu năm 2015, 2018; thiếu số liệu năm 2019.");
  });

  it("end-of-term falls back to the latest year only when allowed", () => {
    const poverty = series(1.2, 0.9, 0.6, 0.17, null);
    expect(computeTermFigure("end", poverty)).toMatchObject({ ok: false, missingYears: [2019] });
    expect(computeTermFigure("end", poverty, { allowMissing: true })).toMatchObject({
      ok: true,
      value: 0.17,
      yearsUsed: [2018],
    });
  });

  it("reports a term with no figures at all", () => {
    const empty = series(null, null, null, null, null);
    for (const aggregation of ["sum", "mean", "end", "count", "growth"] as const) {
      expect(computeTermFigure(aggregation, empty, { allowMissing: true })).toMatchObject({
        ok: false,
        reason: "not_enough_data",
      });
    }
  });

  it("growth needs two years with figures", () => {
    const one = series(null, null, 37.9, null, null);
    expect(computeTermFigure("growth", one, { allowMissing: true })).toMatchObject({
      ok: false,
      reason: "not_enough_data",
      message: "Cần số liệu của ít nhất hai năm để tính tăng trưởng bình quân.",
    });
  });

  it.each([
    [
      series(0, 1, 2, 3, 4),
      "non_positive_start",
      "Không tính được tăng trưởng bình quân: số liệu năm 2015 bằng 0 hoặc âm.",
    ],
    [series(5, 1, 2, 3, -4), "negative_end", "Không tính được tăng trưởng bình quân: số liệu năm 2019 âm."],
  ] as const)("growth refuses an impossible base (%#)", (input, reason, message) => {
    expect(computeTermFigure("growth", input)).toMatchObject({ ok: false, reason, message });
  });
});

describe("computeTermFigure refuses malformed input", () => {
  it.each([
    ["no years", { years: [], values: [] }],
    ["a duplicated term year", { years: [2015, 2015], values: [] }],
    ["a figure outside the term", { years, values: [{ year: 2020, value: 1 }] }],
    [
      "two figures for one year",
      {
        years,
        values: [
          { year: 2015, value: 1 },
          { year: 2015, value: 2 },
        ],
      },
    ],
    ["a NaN figure", { years, values: [{ year: 2015, value: Number.NaN }] }],
  ] as const)("%s", (_name, input) => {
    expect(() => computeTermFigure("sum", input as TermFigureInput)).toThrow(RangeError);
  });
});
