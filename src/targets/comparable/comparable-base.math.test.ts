import { describe, expect, it } from "vitest";
import {
  defaultComparableRule,
  type RebuildPart,
  rebuildLevel,
  rebuildValue,
  type SuccessionLink,
  tracePredecessors,
  type UnitSpan,
} from "./comparable-base.math.js";

const unit = (id: number, validFrom: string, validTo: string | null): [number, UnitSpan] => [
  id,
  { id, validFrom, validTo },
];
const link = (
  from: number,
  to: number,
  date: string,
  share: number | null,
  whole = false,
): SuccessionLink => ({
  fromUnitId: from,
  toUnitId: to,
  effectiveDate: date,
  kind: whole ? "whole" : "part",
  populationShare: share,
  legalBasis: date === "2025-07-01" ? "NQ 1656" : "NQ 1286",
});

// 1 old A, 2 old B (gains part of 3 on 01/01/2025), 3 dissolved 31/12/2024, 9 new unit of 01/07/2025.
const UNITS = new Map([
  unit(1, "2003-11-06", "2025-06-30"),
  unit(2, "2003-11-06", "2025-06-30"),
  unit(3, "2003-11-06", "2024-12-31"),
  unit(9, "2025-07-01", null),
]);
const LINKS = [
  link(3, 2, "2025-01-01", 0.4),
  link(1, 9, "2025-07-01", 0.6),
  link(2, 9, "2025-07-01", 0.7),
  link(3, 1, "2025-01-01", 0.6),
];

describe("tracePredecessors", () => {
  it("multiplies shares along a chain and adds the paths that reach the same unit", () => {
    const traced = tracePredecessors(9, "2019-12-31", LINKS, UNITS);
    expect(traced.predecessors.map((p) => [p.unitId, p.share])).toEqual([
      [1, 0.6],
      // 0,6 × 0,6 (through 1) + 0,4 × 0,7 (through 2)
      [3, 0.64],
      [2, 0.7],
    ]);
    expect(traced.predecessors.find((p) => p.unitId === 3)?.legalBases).toEqual(["NQ 1656", "NQ 1286"]);
    expect(traced.missingShares).toEqual([]);
  });

  it("ignores links that took effect before the period's date", () => {
    // In 2025-03 unit 3 is gone (its part already in 1 and 2): only 1 and 2 remain.
    const traced = tracePredecessors(9, "2025-03-31", LINKS, UNITS);
    expect(traced.predecessors.map((p) => p.unitId)).toEqual([1, 2]);
  });

  it("reports a part link without a share and carries null down the chain", () => {
    const links = [
      link(3, 2, "2025-01-01", null),
      link(2, 9, "2025-07-01", 0.7),
      link(1, 9, "2025-07-01", 1, true),
    ];
    const traced = tracePredecessors(9, "2019-12-31", links, UNITS);
    expect(traced.predecessors.map((p) => [p.unitId, p.share])).toEqual([
      [2, 0.7],
      [3, null],
      [1, 1],
    ]);
    expect(traced.missingShares).toEqual([links[0]]);
  });

  it("finds nothing for a unit without links, and survives a cycle", () => {
    expect(tracePredecessors(9, "2025-12-31", LINKS, UNITS).predecessors).toEqual([]);
    const cycle = [link(1, 2, "2025-01-01", 0.5), link(2, 1, "2025-01-01", 0.5)];
    expect(tracePredecessors(1, "2019-12-31", cycle, UNITS).predecessors.map((p) => p.unitId)).toEqual([2]);
  });
});

describe("rebuildValue", () => {
  const parts = (xs: [number | null, number | undefined, number | undefined][]): RebuildPart[] =>
    xs.map(([share, final, weight], i) => ({ unitId: i + 1, share, final, weight }));

  it.each([
    // rule, parts, expected
    [
      "sum",
      parts([
        [0.6, 44.4, undefined],
        [0.5, 30, undefined],
      ]),
      { ok: true, value: 41.64, basis: "final" },
    ],
    ["sum", parts([[1, 7, undefined]]), { ok: true, value: 7, basis: "final" }],
    [
      "weighted_mean",
      parts([
        [0.6, 90, 30000],
        [0.5, 80, 20000],
      ]),
      { ok: true, value: (18000 * 90 + 10000 * 80) / 28000, basis: "final" },
    ],
    [
      "sum",
      parts([
        [null, 1, undefined],
        [0.5, 2, undefined],
      ]),
      { ok: false, reason: "share", unitIds: [1] },
    ],
    [
      "sum",
      parts([
        [0.5, undefined, undefined],
        [0.5, 2, undefined],
      ]),
      { ok: false, reason: "figure", unitIds: [1] },
    ],
    [
      "weighted_mean",
      parts([
        [0.5, 90, 100],
        [0.5, 80, undefined],
      ]),
      { ok: false, reason: "weight", unitIds: [2] },
    ],
    [
      "weighted_mean",
      parts([
        [0.5, 90, 0],
        [0.5, 80, 0],
      ]),
      { ok: false, reason: "weight", unitIds: [1, 2] },
    ],
    ["none", parts([[1, 1, undefined]]), { ok: false, reason: "rule", unitIds: [] }],
  ] as const)("%s of %j", (rule, input, expected) => {
    const result = rebuildValue(rule, input);
    if (expected.ok && result.ok) expect(result.value).toBeCloseTo(expected.value, 9);
    else expect(result).toEqual(expected);
    expect(result.ok).toBe(expected.ok);
  });

  it("is an estimate when any figure used is one", () => {
    const result = rebuildValue("sum", [
      { unitId: 1, share: 0.5, final: 10 },
      { unitId: 2, share: 0.5, estimate: 20 },
    ]);
    expect(result).toEqual({ ok: true, value: 15, basis: "estimate" });
  });
});

describe("rebuildLevel and the default rule", () => {
  it("adds value targets by share, keeps a shared rate target, refuses mixed kinds and milestones", () => {
    const value = (v: number) => ({ kind: "value" as const, value: v });
    expect(
      rebuildLevel("sum", [
        { share: 0.6, level: value(40) },
        { share: 0.5, level: value(28) },
      ]),
    ).toEqual(value(38));
    expect(
      rebuildLevel("weighted_mean", [
        { share: 0.6, weight: 30000, level: value(88) },
        { share: 0.5, weight: 20000, level: value(88) },
      ]),
    ).toEqual(value(88));
    expect(
      rebuildLevel("sum", [
        { share: 1, level: { kind: "range", min: 1, max: 2 } },
        { share: 1, level: { kind: "range", min: 3, max: 4 } },
      ]),
    ).toEqual({ kind: "range", min: 4, max: 6 });
    expect(
      rebuildLevel("sum", [
        { share: 1, level: value(1) },
        { share: 1, level: null },
      ]),
    ).toBeNull();
    expect(rebuildLevel("sum", [{ share: 1, level: { kind: "milestone" } }])).toBeNull();
    // Equal rate targets need no weight nor share; different ones do.
    expect(
      rebuildLevel("weighted_mean", [
        { share: null, level: value(88) },
        { share: 0.5, level: value(88) },
      ]),
    ).toEqual(value(88));
    expect(
      rebuildLevel("weighted_mean", [
        { share: 1, level: value(88) },
        { share: 1, level: value(90) },
      ]),
    ).toBeNull();
    expect([
      defaultComparableRule("number"),
      defaultComparableRule("rate"),
      defaultComparableRule("boolean"),
    ]).toEqual(["sum", "weighted_mean", "none"]);
  });
});
