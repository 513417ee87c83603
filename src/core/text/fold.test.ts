import { describe, expect, it } from "vitest";
import { foldVietnamese, foldVietnameseKeepingLength, hasVietnameseDiacritics } from "./fold.js";

describe("foldVietnamese", () => {
  it.each([
    ["Thượng Thanh", "thuong thanh"],
    ["ĐẢNG ỦY PHƯỜNG", "dang uy phuong"],
    ["đường Đức Giang", "duong duc giang"],
    ["  Long   Biên\t\n quận ", "long bien quan"],
    // Old-style ("hoà") and new-style ("hòa") tone placement fold to the same text.
    ["hoà", "hoa"],
    ["hòa", "hoa"],
    // Decomposed input (as some editors produce) folds like precomposed input.
    ["Thượng".normalize("NFD"), "thuong"],
    ["ma má mà mả mã mạ", "ma ma ma ma ma ma"],
    ["Nguyễn Thế Thạch – UVTV", "nguyen the thach – uvtv"],
    ["", ""],
    ["2020 - 2025", "2020 - 2025"],
    ["İstanbul", "istanbul"],
  ])("%j → %j", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });
});

describe("foldVietnameseKeepingLength", () => {
  it.each([
    ["Thượng Thanh", "thuong thanh"],
    ["Đ/c Đỗ Mạnh Hải", "d/c do manh hai"],
    ["  hai  dấu cách ", "  hai  dau cach "],
    ["Trước ngày 30/6/2020", "truoc ngay 30/6/2020"],
  ])("%j → %j with the same length", (input, expected) => {
    const folded = foldVietnameseKeepingLength(input);
    expect(folded).toBe(expected);
    expect(folded.length).toBe(input.length);
  });

  it("lets a match in the folded text be cut out of the original", () => {
    const original = "kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.";
    const folded = foldVietnameseKeepingLength(original);
    const start = folded.indexOf("trong nam");
    expect(original.slice(start, start + "trong năm 2020".length)).toBe("trong năm 2020");
  });

  it("keeps characters outside the Basic Multilingual Plane in place", () => {
    const input = "A😀B";
    expect(foldVietnameseKeepingLength(input)).toBe("a😀b");
  });
});

describe("hasVietnameseDiacritics", () => {
  it.each([
    ["Thượng Thanh", true],
    ["Dong", false],
    ["đ", true],
    ["Thuong Thanh phuong", false],
    ["", false],
  ])("%j → %s", (input, expected) => {
    expect(hasVietnameseDiacritics(input)).toBe(expected);
  });
});
