import { describe, expect, it } from "vitest";
import {
  type EvaluationInput,
  type EvaluationOptions,
  evaluateIndicator,
  type IndicatorSemantics,
  UNCOMPUTABLE,
} from "./evaluation.math.js";

const amount: IndicatorSemantics = {
  direction: "higher_is_better",
  comparisonMode: "ratio",
  valueType: "number",
  unit: "tỷ đồng",
};
const count = (unit: string): IndicatorSemantics => ({ ...amount, unit });
const rate: IndicatorSemantics = {
  direction: "higher_is_better",
  comparisonMode: "points",
  valueType: "rate",
  unit: "%",
};
const ceilingRate: IndicatorSemantics = { ...rate, direction: "lower_is_better" };
const floorRate: IndicatorSemantics = { ...rate, direction: "floor" };
const rangeRate: IndicatorSemantics = { ...rate, direction: "range" };
const milestone: IndicatorSemantics = {
  direction: "milestone",
  comparisonMode: "ratio",
  valueType: "boolean",
};

const value = (v: number) => [{ revision: 0, level: { kind: "value" as const, value: v } }];
const final = (v: number) => ({ final: v });

interface Case {
  name: string;
  input: EvaluationInput;
  options?: EvaluationOptions;
  status: string;
  met: boolean | null;
  achievementPct: number | null;
  exceedPct: number | null;
  exceedPoints: number | null;
  precise: string;
  customary: string;
}

// Figures from the reference article (thuong-thanh-2020-01-02.txt) and domain.md §2.
const cases: Case[] = [
  {
    name: "2019 revenue 40,848 vs 36,8 tỷ: đạt 111%",
    input: { semantics: amount, targets: value(36.8), actual: final(40.848) },
    status: "exceeded",
    met: true,
    achievementPct: 111,
    exceedPct: 11,
    exceedPoints: null,
    precise: "đạt 111% kế hoạch, vượt 11%",
    customary: "đạt 111% kế hoạch, vượt 11%",
  },
  {
    name: "term revenue mean 37,6 vs 34,8 tỷ: vượt 8,05% precise, vượt 8% customary",
    input: { semantics: amount, targets: value(34.8), actual: final(37.6) },
    status: "exceeded",
    met: true,
    achievementPct: 108.04597701149426,
    exceedPct: 8.045977011494259,
    exceedPoints: null,
    precise: "đạt 108,05% kế hoạch, vượt 8,05%",
    customary: "đạt 108% kế hoạch, vượt 8%",
  },
  {
    name: "Gia đình văn hóa 90,42% vs 88%: 2,42 points (ratio would be 102,75%)",
    input: { semantics: rate, targets: value(88), actual: final(90.42) },
    status: "exceeded",
    met: true,
    achievementPct: 102.75,
    exceedPct: null,
    exceedPoints: 2.42,
    precise: "đạt 90,42%, vượt 2,42 điểm phần trăm",
    customary: "đạt 90,42%, vượt 2,42%",
  },
  {
    name: "Tổ dân phố văn hóa 82,65% vs 67%: 15,65 points",
    input: { semantics: rate, targets: value(67), actual: final(82.65) },
    status: "exceeded",
    met: true,
    achievementPct: 123.35820895522389,
    exceedPct: null,
    exceedPoints: 15.65,
    precise: "đạt 82,65%, vượt 15,65 điểm phần trăm",
    customary: "đạt 82,65%, vượt 15,65%",
  },
  {
    name: "70 party admissions vs term target 50: 140%",
    input: { semantics: count("đảng viên"), targets: value(50), actual: final(70) },
    status: "exceeded",
    met: true,
    achievementPct: 140,
    exceedPct: 40,
    exceedPoints: null,
    precise: "đạt 140% kế hoạch, vượt 40%",
    customary: "đạt 140% kế hoạch, vượt 40%",
  },
  {
    name: "poverty rate 0,17% under a 1% ceiling: met, no 'đạt X%'",
    input: { semantics: ceilingRate, targets: value(1), actual: final(0.17) },
    status: "exceeded",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: 0.83,
    precise: "ở mức 0,17%, thấp hơn mức trần 0,83 điểm phần trăm",
    customary: "ở mức 0,17%, thấp hơn mức trần 0,83%",
  },
  {
    name: "poverty rate above its ceiling",
    input: { semantics: ceilingRate, targets: value(1), actual: final(1.25) },
    status: "not_met",
    met: false,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: -0.25,
    precise: "ở mức 1,25%, cao hơn mức trần 0,25 điểm phần trăm",
    customary: "ở mức 1,25%, cao hơn mức trần 0,25%",
  },
  {
    name: "rate exactly at its ceiling",
    input: { semantics: ceilingRate, targets: value(1), actual: final(1) },
    status: "met",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: 0,
    precise: "ở mức 1%, bằng mức trần",
    customary: "ở mức 1%, bằng mức trần",
  },
  {
    name: "'giảm 10 hộ nghèo' vs target 6 is a higher-is-better count",
    input: { semantics: count("hộ"), targets: value(6), actual: final(10) },
    status: "exceeded",
    met: true,
    achievementPct: 166.66666666666669,
    exceedPct: 66.66666666666669,
    exceedPoints: null,
    precise: "đạt 166,67% kế hoạch, vượt 66,67%",
    customary: "đạt 167% kế hoạch, vượt 67%",
  },
  {
    name: "'giảm 10 hộ nghèo' at one decimal: đạt 166,7% kế hoạch",
    input: { semantics: count("hộ"), targets: value(6), actual: final(10) },
    options: { preciseDigits: 1 },
    status: "exceeded",
    met: true,
    achievementPct: 166.66666666666669,
    exceedPct: 66.66666666666669,
    exceedPoints: null,
    precise: "đạt 166,7% kế hoạch, vượt 66,7%",
    customary: "đạt 167% kế hoạch, vượt 67%",
  },
  {
    name: "zero target, positive actual: no percentage",
    input: { semantics: count("hộ"), targets: value(0), actual: final(5) },
    status: "exceeded",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    precise: "đạt 5 hộ, vượt kế hoạch 5 hộ (kế hoạch bằng 0, không tính tỷ lệ %)",
    customary: "đạt 5 hộ, vượt kế hoạch 5 hộ (kế hoạch bằng 0, không tính tỷ lệ %)",
  },
  {
    name: "zero target, zero actual",
    input: { semantics: count("hộ"), targets: value(0), actual: final(0) },
    status: "met",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    precise: "đạt 0 hộ, bằng kế hoạch (kế hoạch bằng 0, không tính tỷ lệ %)",
    customary: "đạt 0 hộ, bằng kế hoạch (kế hoạch bằng 0, không tính tỷ lệ %)",
  },
  {
    name: "zero actual against a positive target",
    input: { semantics: amount, targets: value(36.8), actual: final(0) },
    status: "not_met",
    met: false,
    achievementPct: 0,
    exceedPct: -100,
    exceedPoints: null,
    precise: "đạt 0% kế hoạch, chưa đạt (thiếu 100%)",
    customary: "đạt 0% kế hoạch, chưa đạt (thiếu 100%)",
  },
  {
    name: "short of a ratio target by less than the display precision: digits grow, never '100%'",
    input: { semantics: amount, targets: value(100), actual: final(99.6) },
    status: "not_met",
    met: false,
    achievementPct: 99.6,
    exceedPct: -0.4000000000000057,
    exceedPoints: null,
    precise: "đạt 99,6% kế hoạch, chưa đạt (thiếu 0,4%)",
    customary: "đạt 99,6% kế hoạch, chưa đạt (thiếu 0,4%)",
  },
  {
    name: "rate below its target in points",
    input: { semantics: rate, targets: value(88), actual: final(85) },
    status: "not_met",
    met: false,
    achievementPct: 96.5909090909091,
    exceedPct: null,
    exceedPoints: -3,
    precise: "đạt 85%, thấp hơn chỉ tiêu 3 điểm phần trăm",
    customary: "đạt 85%, thấp hơn chỉ tiêu 3%",
  },
  {
    name: "rate exactly on target",
    input: { semantics: rate, targets: value(88), actual: final(88) },
    status: "met",
    met: true,
    achievementPct: 100,
    exceedPct: null,
    exceedPoints: 0,
    precise: "đạt 88%, bằng chỉ tiêu",
    customary: "đạt 88%, bằng chỉ tiêu",
  },
  {
    name: "floor ≥ 99,3% exceeded",
    input: { semantics: floorRate, targets: value(99.3), actual: final(99.5) },
    status: "exceeded",
    met: true,
    achievementPct: 100.20140986908359,
    exceedPct: null,
    exceedPoints: 0.20000000000000284,
    precise: "đạt 99,5%, cao hơn mức tối thiểu 0,2 điểm phần trăm",
    customary: "đạt 99,5%, cao hơn mức tối thiểu 0,2%",
  },
  {
    name: "floor ≥ 99,3% exactly",
    input: { semantics: floorRate, targets: value(99.3), actual: final(99.3) },
    status: "met",
    met: true,
    achievementPct: 100,
    exceedPct: null,
    exceedPoints: 0,
    precise: "đạt 99,3%, bằng mức tối thiểu",
    customary: "đạt 99,3%, bằng mức tối thiểu",
  },
  {
    name: "floor ≥ 99,3% not reached",
    input: { semantics: floorRate, targets: value(99.3), actual: final(99) },
    status: "not_met",
    met: false,
    achievementPct: 99.69788519637463,
    exceedPct: null,
    exceedPoints: -0.29999999999999716,
    precise: "đạt 99%, thấp hơn mức tối thiểu 0,3 điểm phần trăm",
    customary: "đạt 99%, thấp hơn mức tối thiểu 0,3%",
  },
  {
    name: "birth rate in ‰ under its ceiling",
    input: { semantics: { ...ceilingRate, unit: "‰" }, targets: value(15), actual: final(14.5) },
    status: "exceeded",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: 0.5,
    precise: "ở mức 14,5‰, thấp hơn mức trần 0,5 điểm phần nghìn",
    customary: "ở mức 14,5‰, thấp hơn mức trần 0,5‰",
  },
  {
    name: "count ceiling in ratio mode: a gap in units, no percentage",
    input: {
      semantics: { ...amount, direction: "lower_is_better", unit: "vụ" },
      targets: value(10),
      actual: final(7),
    },
    status: "exceeded",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    precise: "ở mức 7 vụ, thấp hơn mức trần 3 vụ",
    customary: "ở mức 7 vụ, thấp hơn mức trần 3 vụ",
  },
  {
    name: "zero ceiling (no fires allowed), none happened",
    input: {
      semantics: { ...amount, direction: "lower_is_better", unit: "vụ" },
      targets: value(0),
      actual: final(0),
    },
    status: "met",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    precise: "ở mức 0 vụ, bằng mức trần",
    customary: "ở mức 0 vụ, bằng mức trần",
  },
  {
    name: "zero ceiling broken",
    input: {
      semantics: { ...amount, direction: "lower_is_better", unit: "vụ" },
      targets: value(0),
      actual: final(2),
    },
    status: "not_met",
    met: false,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    precise: "ở mức 2 vụ, cao hơn mức trần 2 vụ",
    customary: "ở mức 2 vụ, cao hơn mức trần 2 vụ",
  },
  {
    name: "negative target in ratio mode: no percentage",
    input: { semantics: { ...amount, unit: undefined }, targets: value(-5), actual: final(-2) },
    status: "exceeded",
    met: true,
    achievementPct: null,
    exceedPct: null,
    exceedPoints: null,
    precise: "đạt -2, vượt kế hoạch 3 (không tính tỷ lệ %)",
    customary: "đạt -2, vượt kế hoạch 3 (không tính tỷ lệ %)",
  },
];

describe("evaluateIndicator: value targets", () => {
  it.each(cases)("$name", (c) => {
    const result = evaluateIndicator(c.input, c.options);
    expect(result.status).toBe(c.status);
    expect(result.met).toBe(c.met);
    expect(result.basis).toBe("final");
    for (const key of ["achievementPct", "exceedPct", "exceedPoints"] as const) {
      const expected = c[key];
      if (expected === null) expect(result[key], key).toBeNull();
      else expect(result[key], key).toBeCloseTo(expected, 9);
    }
    expect(result.wording).toEqual({ precise: c.precise, customary: c.customary });
  });

  it("treats an actual equal to the target within binary noise as met, not 'vượt 0%'", () => {
    const mean = (33.2 + 35.1 + 37.9 + 40.1 + 41.7) / 5;
    const result = evaluateIndicator({ semantics: amount, targets: value(37.6), actual: final(mean) });
    expect(result).toMatchObject({ status: "met", achievementPct: 100, exceedPct: 0, margin: 0 });
    expect(result.wording.precise).toBe("đạt 100% kế hoạch");
  });

  it("reports the signed margin in the indicator's unit", () => {
    expect(
      evaluateIndicator({ semantics: amount, targets: value(34.8), actual: final(37.6) }).margin,
    ).toBeCloseTo(2.8, 9);
    expect(
      evaluateIndicator({ semantics: ceilingRate, targets: value(1), actual: final(1.25) }).margin,
    ).toBeCloseTo(-0.25, 9);
  });
});

describe("evaluateIndicator: ranges and milestones", () => {
  const range = [{ revision: 0, level: { kind: "range" as const, min: 7.3, max: 7.8 } }];
  it.each([
    [7.5, "met", 0, "đạt 7,5%, trong khoảng chỉ tiêu 7,3–7,8%"],
    [7.3, "met", 0, "đạt 7,3%, trong khoảng chỉ tiêu 7,3–7,8%"],
    [7.8, "met", 0, "đạt 7,8%, trong khoảng chỉ tiêu 7,3–7,8%"],
    [7, "not_met", -0.3, "đạt 7%, thấp hơn cận dưới 0,3 điểm phần trăm (chỉ tiêu 7,3–7,8%)"],
    [8.1, "not_met", -0.3, "đạt 8,1%, cao hơn cận trên 0,3 điểm phần trăm (chỉ tiêu 7,3–7,8%)"],
  ] as const)("range 7,3–7,8%%, actual %s → %s", (actual, status, margin, precise) => {
    const result = evaluateIndicator({ semantics: rangeRate, targets: range, actual: final(actual) });
    expect(result.status).toBe(status);
    expect(result.margin).toBeCloseTo(margin, 9);
    expect(result.achievementPct).toBeNull();
    expect(result.wording.precise).toBe(precise);
  });

  it.each([
    [true, "met", true, "đã hoàn thành"],
    [false, "not_met", false, "chưa hoàn thành"],
  ] as const)("milestone achieved=%s", (actual, status, met, text) => {
    const result = evaluateIndicator({
      semantics: milestone,
      targets: [{ revision: 0, level: { kind: "milestone" } }],
      actual: { final: actual },
    });
    expect(result).toMatchObject({ status, met, achievementPct: null, margin: null });
    expect(result.wording).toEqual({ precise: text, customary: text });
  });
});

describe("evaluateIndicator: estimates, missing figures and revisions", () => {
  it("reports no data without inventing a figure", () => {
    for (const actual of [{}, { final: null }, { final: null, estimate: null }]) {
      const result = evaluateIndicator({ semantics: amount, targets: value(36.8), actual });
      expect(result).toMatchObject({
        status: "no_data",
        met: null,
        basis: "none",
        actual: null,
        achievementPct: null,
      });
      expect(result.wording).toEqual({ precise: "chưa có số liệu", customary: "chưa có số liệu" });
    }
  });

  it("uses an estimate only when there is no final figure, and says so", () => {
    const result = evaluateIndicator({
      semantics: amount,
      targets: value(36.8),
      actual: { estimate: 40.848 },
    });
    expect(result).toMatchObject({ status: "exceeded", met: true, basis: "estimate", actual: 40.848 });
    expect(result.wording.precise).toBe("đạt 111% kế hoạch, vượt 11% (theo số ước thực hiện)");
  });

  it("prefers the final figure over the estimate", () => {
    const result = evaluateIndicator({
      semantics: amount,
      targets: value(36.8),
      actual: { final: 35, estimate: 40.848 },
    });
    expect(result).toMatchObject({ status: "not_met", basis: "final", actual: 35 });
    expect(result.wording.precise).toBe("đạt 95,11% kế hoạch, chưa đạt (thiếu 4,89%)");
  });

  it("uses the latest revision of the target, whatever the input order", () => {
    const targets = [
      { revision: 1, level: { kind: "value" as const, value: 40 } },
      { revision: 0, level: { kind: "value" as const, value: 36.8 } },
    ];
    const result = evaluateIndicator({ semantics: amount, targets, actual: final(40.848) });
    expect(result).toMatchObject({
      targetRevision: 1,
      targetRevised: true,
      target: { kind: "value", value: 40 },
    });
    expect(result.achievementPct).toBeCloseTo(102.12, 9);
    expect(result.wording.precise).toBe("đạt 102,12% kế hoạch, vượt 2,12%");
  });

  it("marks an unrevised target as such", () => {
    const result = evaluateIndicator({ semantics: amount, targets: value(36.8), actual: final(40.848) });
    expect(result).toMatchObject({ targetRevision: 0, targetRevised: false });
  });

  it("reports an indicator without any target", () => {
    const result = evaluateIndicator({ semantics: amount, targets: [], actual: final(40) });
    expect(result).toMatchObject({ status: "no_target", met: null, target: null, targetRevision: null });
    expect(result.wording.precise).toBe("chưa giao chỉ tiêu");
  });
});

describe("evaluateIndicator: inconsistent input is a bug, not a result", () => {
  it.each([
    [
      "duplicate revisions",
      { semantics: amount, targets: [...value(1), ...value(2)], actual: final(1) },
      RangeError,
    ],
    [
      "range direction with a single value",
      { semantics: rangeRate, targets: value(7), actual: final(7) },
      TypeError,
    ],
    [
      "value direction with a range",
      {
        semantics: rate,
        targets: [{ revision: 0, level: { kind: "range" as const, min: 1, max: 2 } }],
        actual: final(1),
      },
      TypeError,
    ],
    [
      "boolean actual for a number",
      { semantics: amount, targets: value(1), actual: { final: true } },
      TypeError,
    ],
    [
      "number actual for a milestone",
      {
        semantics: milestone,
        targets: [{ revision: 0, level: { kind: "milestone" as const } }],
        actual: final(1),
      },
      TypeError,
    ],
    [
      "inverted range",
      {
        semantics: rangeRate,
        targets: [{ revision: 0, level: { kind: "range" as const, min: 8, max: 7 } }],
        actual: final(7),
      },
      RangeError,
    ],
  ] as const)("%s throws", (_name, input, error) => {
    expect(() => evaluateIndicator(input as EvaluationInput)).toThrow(error);
  });

  it.each([
    ["NaN actual", value(1), Number.NaN],
    ["infinite target", value(Number.POSITIVE_INFINITY), 1],
    ["a ratio past the largest number", value(1e-320), 44.4],
    ["a gap past the largest number", value(-1e308), 1e308],
  ] as const)("%s is no data, not a crash", (_name, targets, actual) => {
    const evaluation = evaluateIndicator({ semantics: amount, targets, actual: final(actual) });
    expect(evaluation).toMatchObject({ status: "no_data", met: null, achievementPct: null, margin: null });
    expect(evaluation.wording.precise).toBe(UNCOMPUTABLE);
  });
});
