import { describe, expect, it } from "vitest";
import { figureProblem, isCountUnit, targetFigureProblem } from "./figure-bounds.rules.js";

const rate = { valueType: "rate" as const, unitOfMeasure: "%" };
const perMille = { valueType: "rate" as const, unitOfMeasure: "‰" };
const growthInPercent = { valueType: "number" as const, unitOfMeasure: "%" };
const households = { valueType: "number" as const, unitOfMeasure: "hộ" };
const money = { valueType: "number" as const, unitOfMeasure: "tỷ đồng" };
const dong = { valueType: "number" as const, unitOfMeasure: "triệu đồng" };
const area = { valueType: "number" as const, unitOfMeasure: "ha" };

describe("figureProblem", () => {
  it.each([
    [rate, 90.42],
    [rate, 0],
    [rate, 100],
    [perMille, 15.2],
    [growthInPercent, 250],
    [growthInPercent, -12.5],
    [households, 0],
    [households, 500],
    [money, 37.6],
    [money, 8102.16],
    [area, 0.000001],
    [area, -3.5],
  ] as const)("accepts %o %d", (indicator, value) => {
    expect(figureProblem(indicator, value)).toBeNull();
  });

  it.each([
    [rate, 100.01, "Tỷ lệ phải từ 0 đến 100%."],
    [rate, -1, "Tỷ lệ phải từ 0 đến 100%."],
    [perMille, 1001, "Tỷ lệ phải từ 0 đến 1.000‰."],
    [households, 2.5, "Số hộ phải là số nguyên."],
    [households, -1, "Số hộ không được âm."],
    [money, 1e8, "Số tiền quá lớn: tối đa 10.000.000 tỷ đồng."],
    [dong, 1e11, "Số tiền quá lớn: tối đa 10.000.000.000 triệu đồng."],
    [area, 1e16, "Số quá lớn: tối đa 1.000.000.000.000.000."],
    [area, 1e-320, "Số quá nhỏ: nhập 0, hoặc một số có giá trị tuyệt đối từ 0,000001 trở lên."],
    [area, Number.POSITIVE_INFINITY, "Giá trị phải là một số hữu hạn."],
    [rate, Number.NaN, "Giá trị phải là một số hữu hạn."],
  ] as const)("refuses %o %d", (indicator, value, message) => {
    expect(figureProblem(indicator, value)).toBe(message);
  });

  it("knows count units by their first words", () => {
    expect(["hộ", "người", "lượt người", "đảng viên", "Hộ gia đình", "vụ"].every(isCountUnit)).toBe(true);
    expect(["%", "tỷ đồng", "ha", "km", "người/km²"].some(isCountUnit)).toBe(false);
  });
});

describe("targetFigureProblem", () => {
  it("reads a term target in the unit of its aggregation", () => {
    expect(targetFigureProblem(households, "growth", 120)).toBeNull();
    expect(targetFigureProblem(households, "mean", 12.4)).toBeNull();
    expect(targetFigureProblem(households, null, 1234.5)).toBeNull();
    expect(targetFigureProblem(households, "sum", -1)).toBe("Số hộ không được âm.");
    expect(targetFigureProblem(rate, "count", 4)).toBeNull();
    expect(targetFigureProblem(rate, "count", 4.5)).toBe("Số năm phải là số nguyên không âm.");
    expect(targetFigureProblem(rate, null, 101)).toBe("Tỷ lệ phải từ 0 đến 100%.");
  });
});
