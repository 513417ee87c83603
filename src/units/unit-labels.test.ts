import { describe, expect, it } from "vitest";
import {
  compareUnitNames,
  levelLabel,
  organisationKindLabel,
  successionShareText,
  unitDisplayName,
  validityText,
} from "./unit-labels.js";

describe("unit labels", () => {
  it.each([
    ["city", "Hà Nội", "Thành phố Hà Nội"],
    ["district", "Long Biên", "Quận Long Biên"],
    ["ward", "Thượng Thanh", "Phường Thượng Thanh"],
    ["commune", "Bát Tràng", "Xã Bát Tràng"],
    ["town", "Trâu Quỳ", "Thị trấn Trâu Quỳ"],
    ["residential_group", "Tổ 29", "Tổ dân phố Tổ 29"],
  ])("writes a %s as a Vietnamese reader expects", (level, name, expected) => {
    expect(unitDisplayName({ level, name })).toBe(expected);
  });

  it("keeps an unknown level code rather than inventing a word", () => {
    expect(levelLabel("zone")).toBe("zone");
    expect(organisationKindLabel("peoples_council")).toBe("Hội đồng nhân dân");
    expect(organisationKindLabel("club")).toBe("club");
  });

  it("prints validity with dd/mm/yyyy dates", () => {
    expect(validityText({ validFrom: "2003-11-06", validTo: "2025-06-30" })).toBe(
      "Từ 06/11/2003 đến 30/06/2025",
    );
    expect(validityText({ validFrom: "2025-07-01", validTo: null })).toBe("Từ 01/07/2025, đang hoạt động");
  });

  it("describes how much of a unit a succession link moved, shares stored as fractions", () => {
    expect(successionShareText({ kind: "part", populationShare: 0.4, areaShare: null })).toBe(
      "một phần, 40% dân số",
    );
    expect(successionShareText({ kind: "part", populationShare: 0.125, areaShare: 0.3 })).toBe(
      "một phần, 12,5% dân số, 30% diện tích",
    );
    expect(successionShareText({ kind: "whole", populationShare: null, areaShare: null })).toBe("toàn bộ");
  });

  it("sorts names in Vietnamese alphabetical order (đ after d, accents after the plain letter)", () => {
    const names = ["Đức Giang", "Bồ Đề", "Cự Khối", "Dịch Vọng", "Gia Thụy", "Bát Tràng"];
    expect([...names].sort(compareUnitNames)).toEqual([
      "Bát Tràng",
      "Bồ Đề",
      "Cự Khối",
      "Dịch Vọng",
      "Đức Giang",
      "Gia Thụy",
    ]);
  });
});
