import { describe, expect, it } from "vitest";
import { compareWithSamePeriod } from "./same-period.math.js";

describe("compareWithSamePeriod", () => {
  it.each([
    [103, 100, 103, "bằng 103% so với cùng kỳ", "tăng 3% so với cùng kỳ"],
    [95, 100, 95, "bằng 95% so với cùng kỳ", "giảm 5% so với cùng kỳ"],
    [100, 100, 100, "bằng 100% so với cùng kỳ", "không thay đổi so với cùng kỳ"],
    [40.848, 36.8, 111, "bằng 111% so với cùng kỳ", "tăng 11% so với cùng kỳ"],
    [100.001, 100, 100.001, "bằng 100,001% so với cùng kỳ", "tăng 0,001% so với cùng kỳ"],
    [0, 50, 0, "bằng 0% so với cùng kỳ", "giảm 100% so với cùng kỳ"],
  ] as const)("ratio: %s vs %s", (current, previous, ratioPct, ratioWording, changeWording) => {
    const result = compareWithSamePeriod(current, previous);
    expect(result.ratioPct).toBeCloseTo(ratioPct, 9);
    expect(result.changePct).toBeCloseTo(ratioPct - 100, 9);
    expect(result.changePoints).toBeNull();
    expect(result.ratioWording).toBe(ratioWording);
    expect(result.changeWording).toBe(changeWording);
  });

  it.each([
    [null, 100, "chưa có số liệu so sánh"],
    [103, null, "chưa có số liệu so sánh"],
    [103, undefined, "chưa có số liệu so sánh"],
    [103, 0, "chưa có số liệu so sánh (cùng kỳ bằng 0)"],
    [103, -4, "chưa có số liệu so sánh (cùng kỳ âm)"],
  ] as const)("ratio without a usable base: %s vs %s", (current, previous, text) => {
    expect(compareWithSamePeriod(current, previous)).toMatchObject({
      ratioPct: null,
      changePct: null,
      changePoints: null,
      ratioWording: text,
      changeWording: text,
    });
  });

  it.each([
    [90.42, 89.2, 1.22, "tăng 1,22 điểm phần trăm so với cùng kỳ"],
    [0.17, 0.31, -0.14, "giảm 0,14 điểm phần trăm so với cùng kỳ"],
    [0.5, 0, 0.5, "tăng 0,5 điểm phần trăm so với cùng kỳ"],
    [88, 88, 0, "không thay đổi so với cùng kỳ"],
  ] as const)("points: %s vs %s", (current, previous, points, text) => {
    const result = compareWithSamePeriod(current, previous, { mode: "points", unit: "%" });
    expect(result.changePoints).toBeCloseTo(points, 9);
    expect(result).toMatchObject({
      ratioPct: null,
      changePct: null,
      ratioWording: null,
      changeWording: text,
    });
  });

  it("points with a missing figure", () => {
    expect(compareWithSamePeriod(0.17, null, { mode: "points", unit: "%" })).toMatchObject({
      changePoints: null,
      ratioWording: null,
      changeWording: "chưa có số liệu so sánh",
    });
  });

  it("says figures too large or small to compare are not comparable, instead of failing", () => {
    const notComparable = "chưa có số liệu so sánh (số liệu quá lớn hoặc quá nhỏ)";
    for (const [current, previous] of [
      [Number.NaN, 1],
      [1e308, 1e-10],
      [1e308, -1e308],
    ] as const) {
      expect(compareWithSamePeriod(current, previous)).toMatchObject({
        ratioPct: null,
        changeWording: notComparable,
      });
    }
    expect(compareWithSamePeriod(1e308, -1e308, { mode: "points", unit: "%" }).changeWording).toBe(
      notComparable,
    );
  });

  it.each([
    [44.4, 39.6, "tấn", 4.8, "tăng 4,8 tấn (tăng 12,12%) so với cùng kỳ"],
    [120, 132, "tấn", -12, "giảm 12 tấn (giảm 9,09%) so với cùng kỳ"],
    [12, 0, "hộ", 12, "tăng 12 hộ so với cùng kỳ"],
    [7, 7, "vụ", 0, "không thay đổi so với cùng kỳ"],
  ] as const)("gives the change in the unit: %s vs %s %s", (current, previous, unit, change, wording) => {
    const result = compareWithSamePeriod(current, previous, { unit });
    expect(result.previous).toBe(previous);
    expect(result.change).toBe(change);
    expect(result.wording).toBe(wording);
  });

  it("gives a rate's change in points as its change", () => {
    const result = compareWithSamePeriod(90.42, 89.2, { mode: "points", unit: "%" });
    expect(result).toMatchObject({ previous: 89.2, change: 1.22, changePct: null });
    expect(result.wording).toBe("tăng 1,22 điểm phần trăm so với cùng kỳ");
  });

  it("computes the ratio in decimal", () => {
    expect(compareWithSamePeriod(44.4, 40).changePct).toBe(11);
  });
});
