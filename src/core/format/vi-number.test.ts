import { describe, expect, it } from "vitest";
import {
  formatViNumber,
  formatViPercent,
  formatViPerMille,
  parseViNumber,
  roundHalfAwayFromZero,
} from "./vi-number.js";

describe("formatViNumber", () => {
  it.each([
    // Figures from the reference article and domain.md.
    [8102.16, {}, "8.102,16"],
    [90.42, {}, "90,42"],
    [37.6, {}, "37,6"],
    [111, {}, "111"],
    [17.7, {}, "17,7"],
    [0.17, {}, "0,17"],
    // Trailing zeros trimmed by default, kept on request.
    [37.6, { minimumFractionDigits: 2 }, "37,60"],
    [111, { minimumFractionDigits: 1 }, "111,0"],
    // Thousands grouping, including four-digit numbers.
    [1234, {}, "1.234"],
    [1234567.891, {}, "1.234.567,89"],
    [5467, {}, "5.467"],
    [1234.5, { useGrouping: false }, "1234,5"],
    // Negative numbers use the ASCII hyphen-minus, as Intl's vi-VN does.
    [-1234.5, {}, "-1.234,5"],
    [-0.17, {}, "-0,17"],
    // Rounding: half away from zero at the display precision.
    [108.04597701149426, {}, "108,05"],
    [108.04597701149426, { maximumFractionDigits: 0 }, "108"],
    [166.66666666666666, { maximumFractionDigits: 1 }, "166,7"],
    [2.425, {}, "2,43"],
    [-2.425, {}, "-2,43"],
    [1.005, {}, "1,01"],
    [2.5, { maximumFractionDigits: 0 }, "3"],
    [-2.5, { maximumFractionDigits: 0 }, "-3"],
    [0.1 + 0.2, {}, "0,3"],
    [90.42 - 88, {}, "2,42"],
    // Zero and values that round to zero never print "-0".
    [0, {}, "0"],
    [-0, {}, "0"],
    [-0.001, {}, "0"],
    // Sign for changes.
    [2.42, { signDisplay: "exceptZero" }, "+2,42"],
    [-3, { signDisplay: "exceptZero" }, "-3"],
    [0, { signDisplay: "exceptZero" }, "0"],
  ] as const)("formats %s with %o as %s", (value, options, expected) => {
    expect(formatViNumber(value, options)).toBe(expected);
  });

  it("matches Intl.NumberFormat('vi-VN') where the defaults agree", () => {
    const intl = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
    for (const value of [8102.16, 90.42, 37.6, 1234567.5, -42.01]) {
      expect(formatViNumber(value)).toBe(intl.format(value));
    }
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("refuses %s", (value) => {
    expect(() => formatViNumber(value)).toThrow(RangeError);
  });
});

describe("formatViPercent and formatViPerMille", () => {
  it.each([
    [111, {}, "111%"],
    [2.42, {}, "2,42%"],
    [90.42, {}, "90,42%"],
    [108.04597701149426, { maximumFractionDigits: 0 }, "108%"],
    [-0.83, {}, "-0,83%"],
    [0, {}, "0%"],
  ] as const)("percent %s → %s", (value, options, expected) => {
    expect(formatViPercent(value, options)).toBe(expected);
  });

  it.each([
    [15.2, "15,2‰"],
    [0.5, "0,5‰"],
    [-1.25, "-1,25‰"],
  ] as const)("per-mille %s → %s", (value, expected) => {
    expect(formatViPerMille(value)).toBe(expected);
  });
});

describe("roundHalfAwayFromZero", () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-2.675, 2, -2.68],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [108.04597701149426, 2, 108.05],
    [166.66666666666666, 1, 166.7],
    [0.1 + 0.2, 2, 0.3],
    [-0.001, 2, 0],
    [1234.5, 0, 1235],
  ] as const)("%s at %s digits → %s", (value, digits, expected) => {
    expect(roundHalfAwayFromZero(value, digits)).toBe(expected);
  });

  it("never returns -0", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });

  it("refuses NaN", () => {
    expect(() => roundHalfAwayFromZero(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe("parseViNumber", () => {
  it.each([
    ["8.102,16", 8102.16, "none"],
    ["90,42", 90.42, "none"],
    ["37,6", 37.6, "none"],
    ["1.234,5", 1234.5, "none"],
    ["1234,5", 1234.5, "none"],
    ["1.234", 1234, "none"],
    ["1.234.567", 1234567, "none"],
    ["1.234.567,891", 1234567.891, "none"],
    ["0", 0, "none"],
    ["0,5", 0.5, "none"],
    ["06", 6, "none"],
    ["111", 111, "none"],
    ["-1.234,5", -1234.5, "none"],
    ["−0,83", -0.83, "none"],
    ["+2,42", 2.42, "none"],
    ["-0", 0, "none"],
    ["111%", 111, "percent"],
    ["2,42%", 2.42, "percent"],
    ["90,42 %", 90.42, "percent"],
    ["-0,14%", -0.14, "percent"],
    ["15,2‰", 15.2, "permille"],
    ["  1.234,5\u00a0", 1234.5, "none"],
    ["999.999.999.999.999", 999999999999999, "none"],
    ["1,500000000000000000", 1.5, "none"],
  ] as const)("reads %j as %s (%s)", (text, value, unit) => {
    expect(parseViNumber(text)).toEqual({ ok: true, value, unit });
  });

  it("never returns -0", () => {
    const result = parseViNumber("-0,0");
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  const generic = "Không phải là số hợp lệ (ví dụ: 1.234,5).";
  const dotDecimal =
    "Dấu chấm chỉ dùng để tách nhóm ba chữ số (1.234); phần thập phân dùng dấu phẩy (ví dụ: 1.234,5).";
  it.each([
    ["", "Chưa nhập số."],
    ["   ", "Chưa nhập số."],
    ["abc", generic],
    ["12a", generic],
    [",5", generic],
    ["5,", generic],
    ["1,2,3", generic],
    ["1 234", generic],
    ["--5", generic],
    ["%", generic],
    ["5%%", generic],
    ["Infinity", generic],
    ["1e3", generic],
    // A dot that cannot be a thousands separator: rejected with the specific message, never guessed.
    ["1234.5", dotDecimal],
    ["12.34", dotDecimal],
    ["1.2345", dotDecimal],
    ["1234.567", dotDecimal],
    ["1.234.56", dotDecimal],
    ["1,234.5", dotDecimal],
    ["1.234,5.6", dotDecimal],
    ["1.", dotDecimal],
    [".5", dotDecimal],
    // "0.123" is an English decimal far more often than the number 123.
    [
      "0.123",
      "Số bắt đầu bằng 0 không được có dấu chấm tách nghìn; phần thập phân dùng dấu phẩy (ví dụ: 0,123).",
    ],
    ["1234567890123456", "Số có quá nhiều chữ số (tối đa 15 chữ số)."],
  ] as const)("rejects %j", (text, message) => {
    expect(parseViNumber(text)).toEqual({ ok: false, message });
  });

  it.each([8102.16, 90.42, -1234567.25, 0.17, 1234])("round-trips %s through formatViNumber", (value) => {
    const parsed = parseViNumber(formatViNumber(value));
    expect(parsed).toEqual({ ok: true, value, unit: "none" });
  });
});
