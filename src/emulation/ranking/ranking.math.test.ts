import { describe, expect, it } from "vitest";
import { describeRank, rankCompetition, type ScoredEntry } from "./ranking.math.js";

const entries = (...scores: number[]): ScoredEntry[] =>
  scores.map((score, i) => ({ id: `u${i + 1}`, score }));
const ranksOf = (result: ReturnType<typeof rankCompetition>) => result.map((r) => [r.id, r.rank, r.tied]);

describe("rankCompetition", () => {
  it.each([
    {
      name: "ties share a rank and the next rank skips (1, 2, 2, 4)",
      input: entries(90, 98, 95, 95),
      expected: [
        ["u2", 1, false],
        ["u3", 2, true],
        ["u4", 2, true],
        ["u1", 4, false],
      ],
    },
    {
      name: "no ties",
      input: entries(950, 987.5, 1000),
      expected: [
        ["u3", 1, false],
        ["u2", 2, false],
        ["u1", 3, false],
      ],
    },
    {
      name: "a tie at the top",
      input: entries(97, 97, 80),
      expected: [
        ["u1", 1, true],
        ["u2", 1, true],
        ["u3", 3, false],
      ],
    },
    {
      name: "everyone tied",
      input: entries(50, 50, 50),
      expected: [
        ["u1", 1, true],
        ["u2", 1, true],
        ["u3", 1, true],
      ],
    },
    {
      name: "two separate tie groups (1, 1, 3, 3, 5)",
      input: entries(10, 9, 10, 9, 8),
      expected: [
        ["u1", 1, true],
        ["u3", 1, true],
        ["u2", 3, true],
        ["u4", 3, true],
        ["u5", 5, false],
      ],
    },
    { name: "a single unit", input: entries(42), expected: [["u1", 1, false]] },
    { name: "no units", input: [], expected: [] },
  ])("$name", ({ input, expected }) => {
    expect(ranksOf(rankCompetition(input))).toEqual(expected);
  });

  it("keeps the scores as given", () => {
    expect(rankCompetition(entries(987.55)).map((r) => r.score)).toEqual([987.55]);
  });

  it("does not split a tie on binary noise from summing points", () => {
    const summed = 950.7 + 0.1; // 950.8000000000001 in binary
    expect(summed).not.toBe(950.8);
    const result = rankCompetition([
      { id: "Thượng Thanh", score: summed },
      { id: "Ngọc Thụy", score: 950.8 },
    ]);
    expect(ranksOf(result)).toEqual([
      ["Thượng Thanh", 1, true],
      ["Ngọc Thụy", 1, true],
    ]);
  });

  it("ties at a coarser precision when the locality ranks on rounded scores", () => {
    const input = entries(95.331, 95.334);
    expect(ranksOf(rankCompetition(input))).toEqual([
      ["u2", 1, false],
      ["u1", 2, false],
    ]);
    expect(ranksOf(rankCompetition(input, { precision: 2 }))).toEqual([
      ["u1", 1, true],
      ["u2", 1, true],
    ]);
  });

  it("ranks ascending for penalty-style scores", () => {
    expect(ranksOf(rankCompetition(entries(3, 1, 1), { order: "asc" }))).toEqual([
      ["u2", 1, true],
      ["u3", 1, true],
      ["u1", 3, false],
    ]);
  });

  it.each([
    ["a NaN score", [{ id: "a", score: Number.NaN }]],
    ["an infinite score", [{ id: "a", score: Number.POSITIVE_INFINITY }]],
    [
      "a duplicate id",
      [
        { id: "a", score: 1 },
        { id: "a", score: 2 },
      ],
    ],
  ])("refuses %s", (_name, input) => {
    expect(() => rankCompetition(input)).toThrow(RangeError);
  });
});

describe("describeRank", () => {
  it.each([
    [{ rank: 1, tied: false }, 14, "xếp thứ 1/14"],
    [{ rank: 2, tied: true }, 14, "xếp thứ 2/14 (đồng hạng)"],
    [{ rank: 13, tied: false }, 13, "xếp thứ 13/13"],
  ])("%o of %s → %s", (entry, total, text) => {
    expect(describeRank(entry, total)).toBe(text);
  });
});
