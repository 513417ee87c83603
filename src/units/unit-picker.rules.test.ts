import { describe, expect, it } from "vitest";
import { type DatedUnit, unitPickerGroups } from "./unit-picker.rules.js";

const unit = (
  id: number,
  name: string,
  level: string,
  validFrom: string,
  validTo: string | null,
): DatedUnit => ({
  id,
  name,
  level,
  valid_from: validFrom,
  valid_to: validTo,
});

const UNITS: DatedUnit[] = [
  unit(1, "Bồ Đề", "ward", "2003-11-06", "2025-06-30"),
  unit(2, "Sài Đồng", "ward", "2003-11-06", "2024-12-31"),
  unit(3, "Việt Hưng", "ward", "2025-07-01", null),
  unit(4, "Bồ Đề", "ward", "2025-07-01", null),
  unit(5, "Hà Nội", "city", "1831-01-01", null),
  unit(6, "Long Biên", "district", "2003-11-06", "2025-06-30"),
  unit(7, "Hòa Bình", "ward", "2027-01-01", null),
];

describe("unitPickerGroups", () => {
  it("puts today's units first (higher levels, then by name), then future ones, then former ones by end date", () => {
    expect(unitPickerGroups(UNITS, "2026-12-07")).toEqual([
      {
        label: "Đơn vị hiện nay",
        choices: [
          { value: "5", label: "Thành phố Hà Nội" },
          { value: "4", label: "Phường Bồ Đề" },
          { value: "3", label: "Phường Việt Hưng" },
        ],
      },
      {
        label: "Đơn vị sắp thành lập (từ 01/01/2027)",
        choices: [{ value: "7", label: "Phường Hòa Bình (từ 01/01/2027)" }],
      },
      {
        label: "Đơn vị cũ (đến 30/06/2025)",
        choices: [
          { value: "6", label: "Quận Long Biên (đến 30/06/2025)" },
          { value: "1", label: "Phường Bồ Đề (đến 30/06/2025)" },
        ],
      },
      {
        label: "Đơn vị cũ (đến 31/12/2024)",
        choices: [{ value: "2", label: "Phường Sài Đồng (đến 31/12/2024)" }],
      },
    ]);
  });

  it("lists the 2020 structure as current on a day of 2020", () => {
    const groups = unitPickerGroups(UNITS, "2020-01-02");
    expect(groups.map((g) => g.label)).toEqual([
      "Đơn vị hiện nay",
      "Đơn vị sắp thành lập (từ 01/07/2025)",
      "Đơn vị sắp thành lập (từ 01/01/2027)",
    ]);
    expect(groups[0]?.choices.map((c) => c.label)).toEqual([
      "Thành phố Hà Nội",
      "Quận Long Biên",
      "Phường Bồ Đề",
      "Phường Sài Đồng",
    ]);
  });

  it("counts a unit's last day as current", () => {
    expect(unitPickerGroups([UNITS[0] as DatedUnit], "2025-06-30")[0]?.label).toBe("Đơn vị hiện nay");
  });
});
