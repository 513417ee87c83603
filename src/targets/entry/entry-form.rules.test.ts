import { describe, expect, it } from "vitest";
import { formatEntryValue, parseEntryValue } from "./entry-form.rules.js";

const money = { valueType: "number" as const, unitOfMeasure: "tỷ đồng" };
const rate = { valueType: "rate" as const, unitOfMeasure: "%" };
const birth = { valueType: "rate" as const, unitOfMeasure: "‰" };
const milestone = { valueType: "boolean" as const, unitOfMeasure: "" };

describe("the data-entry field", () => {
  it.each([
    [money, "1.234,5", 1234.5],
    [money, " 44,4 ", 44.4],
    [money, "", null],
    [rate, "90,42%", 90.42],
    [rate, "90,42", 90.42],
    [birth, "15,2‰", 15.2],
    [milestone, "dat", true],
    [milestone, "chua-dat", false],
    [milestone, "", null],
  ])("reads %o %s", (indicator, text, value) => {
    expect(parseEntryValue(indicator, text)).toEqual({ ok: true, value });
  });

  it.each([
    [money, "46.62", "Dấu chấm chỉ dùng để tách nhóm ba chữ số"],
    [money, "12,5%", "Chỉ tiêu này tính bằng tỷ đồng, không phải %."],
    [rate, "15‰", "Chỉ tiêu này tính bằng %, không phải ‰."],
    [money, "nhiều", "Không phải là số hợp lệ"],
    [milestone, "có", "Chọn “Đã hoàn thành” hoặc “Chưa hoàn thành”."],
  ])("refuses %o %s with a message for the field", (indicator, text, message) => {
    const result = parseEntryValue(indicator, text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it("shows stored values back the vi-VN way", () => {
    expect(formatEntryValue(money, 1234.5)).toBe("1.234,5");
    expect(formatEntryValue(money, 0.123456)).toBe("0,123456");
    expect(formatEntryValue(milestone, 1)).toBe("dat");
    expect(formatEntryValue(money, null)).toBe("");
  });
});
