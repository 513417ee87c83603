import { describe, expect, it } from "vitest";
import { capitaliseFirst } from "./sentence.js";

describe("capitaliseFirst", () => {
  it.each([
    ["phường chủ động xây dựng kế hoạch", "Phường chủ động xây dựng kế hoạch"],
    ["đẩy nhanh tiến độ", "Đẩy nhanh tiến độ"],
    ["  ưu tiên nguồn lực", "  Ưu tiên nguồn lực"],
    ["UBND phường thực hiện", "UBND phường thực hiện"],
    ["2020: hoàn thành", "2020: hoàn thành"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(capitaliseFirst(input)).toBe(expected);
  });
});
