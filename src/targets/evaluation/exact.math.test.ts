import { describe, expect, it } from "vitest";
import {
  averageOf,
  difference,
  meanOf,
  ratioPct,
  roundOrNull,
  roundTo,
  shareOf,
  sumOf,
} from "./exact.math.js";

describe("exact arithmetic of figures", () => {
  it.each([
    ["revenue 44,4 of 40", ratioPct(44.4, 40), 111],
    ["term mean 37,6 of 34,8 rounds only for display", roundTo(ratioPct(37.6, 34.8), 2), 108.05],
    ["points 90,42 − 88", difference(90.42, 88), 2.42],
    ["0,1 + 0,2", sumOf([0.1, 0.2]), 0.3],
    ["term mean of the article's revenue", meanOf(sumOf([32.4, 34.5, 37.1, 39.6, 44.4]), 5), 37.6],
    ["1,5% of 412 households", shareOf(412, 1.5), 6.18],
    ["a ranking score read back", roundTo(785.5699999999999, 2), 785.57],
    ["half away from zero", roundTo(2.675, 2), 2.68],
    ["half away from zero, negative", roundTo(-2.425, 2), -2.43],
    ["one decimal", roundTo(101.25, 1), 101.3],
  ])("%s", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("keeps absent values absent", () => {
    expect(roundOrNull(null, 2)).toBeNull();
    expect(averageOf([])).toBeNull();
    expect(averageOf([50, 52])).toBe(51);
    expect(roundTo(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it("is exact where doubles are not", () => {
    expect((44.4 / 40) * 100).not.toBe(111);
    expect(ratioPct(44.4, 40)).toBe(111);
  });
});
