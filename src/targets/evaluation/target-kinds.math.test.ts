import { describe, expect, it } from "vitest";
import type { TargetKind } from "../assignment/target.model.js";
import type { IndicatorSemantics } from "./evaluation.math.js";
import { evaluateKinded } from "./target-kinds.math.js";

const households: IndicatorSemantics = {
  direction: "lower_is_better",
  comparisonMode: "ratio",
  valueType: "number",
  unit: "hộ",
};
const money: IndicatorSemantics = { ...households, direction: "higher_is_better", unit: "tỷ đồng" };
const criteria: IndicatorSemantics = { ...money, unit: "tiêu chí" };

const target = (kind: TargetKind, value: number, extra: { baseline?: number; subTotal?: number } = {}) => ({
  revisions: [{ revision: 0, level: { kind: "value" as const, value } }],
  kind,
  baseline: extra.baseline ?? null,
  subTotal: extra.subTotal ?? null,
});

describe("targets of each kind", () => {
  it("reduces by a percentage of the baseline: 'giảm 1,5% số hộ nghèo' of 400 households", () => {
    const { evaluation, problem } = evaluateKinded(
      households,
      target("reduction_pct", 1.5, { baseline: 400 }),
      {
        final: 392,
      },
    );
    expect(problem).toBeNull();
    // 8 of 400 households = 2% against 1,5% asked: 133,33% of the reduction.
    expect(evaluation).toMatchObject({ status: "exceeded", actual: 392 });
    expect(evaluation.achievementPct).toBeCloseTo(133.333333, 5);
    expect(evaluation.wording.precise).toBe(
      "giảm 8 hộ (2%) so với mức gốc 400 hộ; mức giảm đạt 133,33% kế hoạch, vượt 33,33%",
    );
  });

  it("reduces by an amount: 6 households asked, 10 reduced", () => {
    const { evaluation } = evaluateKinded(households, target("reduction_amount", 6, { baseline: 120 }), {
      final: 110,
    });
    expect(evaluation.achievementPct).toBeCloseTo(166.666667, 5);
    expect(evaluation.wording.precise).toMatch(
      /^giảm 10 hộ \(8,33%\) so với mức gốc 120 hộ; mức giảm đạt 166,67% kế hoạch/,
    );
  });

  it("says when a reduction went the wrong way", () => {
    const { evaluation } = evaluateKinded(households, target("reduction_amount", 6, { baseline: 120 }), {
      final: 125,
    });
    expect(evaluation.status).toBe("not_met");
    expect(evaluation.wording.precise).toMatch(/^tăng 5 hộ/);
  });

  it("refuses a reduction in % without a positive baseline as a data problem", () => {
    const { evaluation, problem } = evaluateKinded(
      households,
      target("reduction_pct", 1.5, { baseline: 0 }),
      {
        final: 3,
      },
    );
    expect(evaluation.status).toBe("no_data");
    expect(problem).toContain("Chỉ tiêu giao không khớp");
  });

  it.each([
    ["at_least", 50, 52, "exceeded"],
    ["at_least", 50, 48, "not_met"],
    ["at_most", 50, 48, "exceeded"],
    ["at_most", 50, 52, "not_met"],
  ] as const)("%s %s with %s is %s", (kind, value, actual, status) => {
    expect(evaluateKinded(money, target(kind, value), { final: actual }).evaluation.status).toBe(status);
  });

  it("counts sub-targets met: 'đạt 17/19 tiêu chí'", () => {
    const met = evaluateKinded(criteria, target("sub_targets", 19, { subTotal: 19 }), {
      final: 19,
    }).evaluation;
    expect(met.status).toBe("met");
    expect(met.wording.precise).toBe("đạt 19/19 chỉ tiêu thành phần");
    const short = evaluateKinded(criteria, target("sub_targets", 19, { subTotal: 19 }), {
      estimate: 17,
    }).evaluation;
    expect(short.status).toBe("not_met");
    expect(short.wording.precise).toBe(
      "đạt 17/19 chỉ tiêu thành phần, chưa đạt yêu cầu 19/19 (theo số ước thực hiện)",
    );
    const some = evaluateKinded(criteria, target("sub_targets", 15, { subTotal: 19 }), {
      final: 17,
    }).evaluation;
    expect(some.wording.precise).toBe("đạt 17/19 chỉ tiêu thành phần (yêu cầu 15/19)");
  });
});
