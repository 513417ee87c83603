import { describe, expect, it } from "vitest";
import {
  type ActualFigures,
  type Direction,
  type Evaluation,
  type EvaluationInput,
  evaluateIndicator,
  type IndicatorSemantics,
  type TargetRevision,
} from "./evaluation.math.js";
import { evaluateLean } from "./evaluation-lean.math.js";

/** Every combination the catalogue allows, and several it does not (which must throw alike). */
function* inputs(): Generator<EvaluationInput> {
  const directions: Direction[] = ["higher_is_better", "lower_is_better", "range", "floor", "milestone"];
  const targetSets: TargetRevision[][] = [
    [],
    [{ revision: 0, level: { kind: "value", value: 40 } }],
    [{ revision: 0, level: { kind: "value", value: 0 } }],
    [{ revision: 0, level: { kind: "value", value: -5 } }],
    [
      { revision: 0, level: { kind: "value", value: 34.8 } },
      { revision: 1, level: { kind: "value", value: 37.6 } },
    ],
    [
      { revision: 1, level: { kind: "value", value: 88 } },
      { revision: 1, level: { kind: "value", value: 90 } },
    ],
    [{ revision: 0, level: { kind: "range", min: 7.3, max: 7.8 } }],
    [{ revision: 0, level: { kind: "range", min: 8, max: 7 } }],
    [{ revision: 0, level: { kind: "milestone" } }],
    [{ revision: 0, level: { kind: "value", value: Number.NaN } }],
  ];
  const numbers = [
    0,
    7.3,
    7.55,
    7.8,
    7.9,
    37.6,
    37.600000000000001,
    40,
    44.4,
    -3,
    0.17,
    Number.POSITIVE_INFINITY,
  ];
  const actuals: ActualFigures[] = [
    {},
    { final: null, estimate: null },
    ...numbers.flatMap((n) => [{ final: n }, { estimate: n }, { final: n, estimate: n + 1 }]),
    { final: true },
    { estimate: false },
  ];
  for (const direction of directions) {
    for (const comparisonMode of ["ratio", "points"] as const) {
      for (const valueType of ["number", "rate", "boolean"] as const) {
        const semantics: IndicatorSemantics = {
          direction,
          comparisonMode,
          valueType,
          unit: valueType === "rate" ? "%" : "tỷ đồng",
        };
        for (const targets of targetSets) for (const actual of actuals) yield { semantics, targets, actual };
      }
    }
  }
}

function outcome(fn: () => unknown): { value?: unknown; error?: string } {
  try {
    // Every field, the lazy wording (a prototype getter) included.
    const e = fn() as Evaluation;
    // Lazy fields are prototype getters of a lean evaluation: read them by name.
    const lazy = {
      achievementPct: e.achievementPct,
      exceedPct: e.exceedPct,
      exceedPoints: e.exceedPoints,
      margin: e.margin,
      wording: e.wording,
    };
    return { value: { ...e, ...lazy } };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe("evaluateLean", () => {
  it("agrees with evaluateIndicator on every field, or throws the same error", () => {
    let compared = 0;
    for (const input of inputs()) {
      expect(
        outcome(() => evaluateLean(input)),
        JSON.stringify(input),
      ).toEqual(outcome(() => evaluateIndicator(input)));
      compared++;
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("computes the wording only when it is read", () => {
    const input: EvaluationInput = {
      semantics: {
        direction: "higher_is_better",
        comparisonMode: "ratio",
        valueType: "number",
        unit: "tỷ đồng",
      },
      targets: [{ revision: 0, level: { kind: "value", value: 40 } }],
      actual: { final: 44.4 },
    };
    const lean = evaluateLean(input);
    expect(Object.getOwnPropertyDescriptor(lean, "wording")).toBeUndefined();
    expect(lean.status).toBe("exceeded");
    expect(lean.wording.customary).toBe("đạt 111% kế hoạch, vượt 11%");
    expect(JSON.parse(JSON.stringify(lean)).wording.precise).toBe("đạt 111% kế hoạch, vượt 11%");
  });
});
