import { describe, expect, it } from "vitest";
import { nameInSentence } from "../catalogue/indicator.model.js";
import { unitInSentence, unitTitle } from "../unit-wording.rules.js";
import { rankingScore } from "./ranking-score.math.js";

describe("rankingScore", () => {
  it.each([
    [{ met: 16, exceeded: 16, withData: 16, noData: 0 }, 100],
    [{ met: 14, exceeded: 10, withData: 16, noData: 0 }, 75],
    [{ met: 12, exceeded: 11, withData: 16, noData: 0 }, 71.88],
    // A target without an approved figure counts as not met.
    [{ met: 15, exceeded: 15, withData: 15, noData: 1 }, 93.75],
    [{ met: 0, exceeded: 0, withData: 0, noData: 3 }, 0],
    [{ met: 0, exceeded: 0, withData: 0, noData: 0 }, null],
  ])("%o scores %s", (summary, score) => {
    expect(rankingScore(summary)).toBe(score);
  });
});

describe("names in sentences", () => {
  it("lower-cases an indicator's first letter unless it starts with an acronym", () => {
    expect(nameInSentence("Thu ngân sách nhà nước trên địa bàn")).toBe("thu ngân sách nhà nước trên địa bàn");
    expect(nameInSentence("HĐND phường họp đúng kỳ")).toBe("HĐND phường họp đúng kỳ");
  });

  it("prints a unit once with its level word, however it was stored", () => {
    expect(unitInSentence({ name: "Thượng Thanh", level: "ward" })).toBe("phường Thượng Thanh");
    expect(unitInSentence({ name: "phường Thượng Thanh", level: "ward" })).toBe("phường Thượng Thanh");
    expect(unitTitle({ name: "Long Biên", level: "district" })).toBe("Quận Long Biên");
    expect(unitTitle({ name: "Cả nước", level: "country" })).toBe("Cả nước");
  });
});
