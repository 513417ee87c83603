import { describe, expect, it } from "vitest";
import { noticeHeaderHints } from "./notice-header.rules.js";

describe("noticeHeaderHints", () => {
  it.each([
    [
      "QUẬN ỦY LONG BIÊN\n*\nSố 136-TB/QU\nĐẢNG CỘNG SẢN VIỆT NAM\nLong Biên, ngày 05 tháng 01 năm 2020",
      { number: "136-TB/QU", issuedOn: "2020-01-05" },
    ],
    [
      "UBND PHƯỜNG BỒ ĐỀ\nSố: 12/TB-UBND\nBồ Đề, ngày 10 tháng 6 năm 2026",
      { number: "12/TB-UBND", issuedOn: "2026-06-10" },
    ],
    ["Số 136 - TB/QU\nHà Nội, ngày 31 tháng 02 năm 2020", { number: "136-TB/QU" }],
    ["THÔNG BÁO\n1. Giao phòng Tài chính…", {}],
  ])("%#", (text, hints) => {
    expect(noticeHeaderHints(text)).toEqual(hints);
  });

  it("reads only the header, not numbers and dates quoted in the body", () => {
    const body = Array.from({ length: 25 }, () => "Nội dung.").join("\n");
    expect(noticeHeaderHints(`${body}\nSố: 99/QĐ-UBND ngày 01 tháng 02 năm 2019`)).toEqual({});
  });
});
