import { describe, expect, it } from "vitest";
import { effectiveDateOf, Hierarchy, isValidAt, type ParentLink, type UnitSpan } from "./hierarchy.rules.js";

/**
 * A small copy of the demo's shape: Hà Nội (1) → quận Long Biên (2, until 30/06/2025) → wards
 * Thượng Thanh (3), Sài Đồng (4, until 31/12/2024), Ngọc Thụy (5); from 01/07/2025 the new wards
 * Việt Hưng (6) and Bồ Đề (7) directly under Hà Nội; another district Ba Đình (8) with Phúc Xá (9).
 */
const units: UnitSpan[] = [
  { id: 1, validFrom: "1945-01-01", validTo: null },
  { id: 2, validFrom: "2003-11-06", validTo: "2025-06-30" },
  { id: 3, validFrom: "2003-11-06", validTo: "2025-06-30" },
  { id: 4, validFrom: "2003-11-06", validTo: "2024-12-31" },
  { id: 5, validFrom: "2003-11-06", validTo: "2025-06-30" },
  { id: 6, validFrom: "2025-07-01", validTo: null },
  { id: 7, validFrom: "2025-07-01", validTo: null },
  { id: 8, validFrom: "1961-01-01", validTo: "2025-06-30" },
  { id: 9, validFrom: "1961-01-01", validTo: "2025-06-30" },
];
const links: ParentLink[] = [
  { unitId: 2, parentId: 1, validFrom: "2003-11-06", validTo: "2025-06-30" },
  { unitId: 3, parentId: 2, validFrom: "2003-11-06", validTo: "2025-06-30" },
  { unitId: 4, parentId: 2, validFrom: "2003-11-06", validTo: "2024-12-31" },
  { unitId: 5, parentId: 2, validFrom: "2003-11-06", validTo: "2025-06-30" },
  { unitId: 6, parentId: 1, validFrom: "2025-07-01", validTo: null },
  { unitId: 7, parentId: 1, validFrom: "2025-07-01", validTo: null },
  { unitId: 8, parentId: 1, validFrom: "1961-01-01", validTo: "2025-06-30" },
  { unitId: 9, parentId: 8, validFrom: "1961-01-01", validTo: "2025-06-30" },
];
const hierarchy = new Hierarchy(units, links);

describe("isValidAt", () => {
  it.each([
    ["the first day", "2003-11-06", true],
    ["the day before", "2003-11-05", false],
    ["the last day", "2025-06-30", true],
    ["the day after", "2025-07-01", false],
  ])("counts both ends inclusive: %s", (_label, date, expected) => {
    expect(isValidAt({ validFrom: "2003-11-06", validTo: "2025-06-30" }, date)).toBe(expected);
  });

  it("treats a null end as still valid and a null start as always", () => {
    expect(isValidAt({ validFrom: "2025-07-01", validTo: null }, "2100-01-01")).toBe(true);
    expect(isValidAt({ validFrom: null, validTo: null }, "1900-01-01")).toBe(true);
    expect(isValidAt({ validFrom: null, validTo: "2020-01-01" }, "2020-01-02")).toBe(false);
  });
});

describe("effectiveDateOf", () => {
  it("is today while the unit exists", () => {
    expect(effectiveDateOf({ id: 3, validFrom: "2003-11-06", validTo: "2025-06-30" }, "2020-01-02")).toBe(
      "2020-01-02",
    );
  });
  it("is the last day of a dissolved unit", () => {
    expect(effectiveDateOf({ id: 3, validFrom: "2003-11-06", validTo: "2025-06-30" }, "2026-01-01")).toBe(
      "2025-06-30",
    );
  });
  it("is the first day of a unit that only exists in the future", () => {
    expect(effectiveDateOf({ id: 6, validFrom: "2025-07-01", validTo: null }, "2020-01-02")).toBe(
      "2025-07-01",
    );
  });
});

describe("Hierarchy paths", () => {
  it("walks up to the city at a date, nearest first", () => {
    expect(hierarchy.pathAt(3, "2020-01-02")).toEqual([3, 2, 1]);
    expect(hierarchy.pathAt(6, "2026-01-01")).toEqual([6, 1]);
  });

  it("stops where no parent link is valid", () => {
    // On 01/07/2025 the old ward's link has ended: alone on its path.
    expect(hierarchy.pathAt(3, "2025-07-01")).toEqual([3]);
    expect(hierarchy.parentAt(2, "2003-11-05")).toBeNull();
  });

  it("reads a dissolved unit's path at its last day, so it stays under its former district", () => {
    expect(hierarchy.pathForToday(3, "2026-01-01")).toEqual([3, 2, 1]);
    expect(hierarchy.pathForToday(4, "2025-03-01")).toEqual([4, 2, 1]);
  });

  it("returns only the unit for an unknown id", () => {
    expect(hierarchy.pathForToday(99, "2020-01-02")).toEqual([99]);
  });

  it("does not loop on a cycle in bad data", () => {
    const cyclic = new Hierarchy(
      [
        { id: 1, validFrom: "2000-01-01", validTo: null },
        { id: 2, validFrom: "2000-01-01", validTo: null },
      ],
      [
        { unitId: 1, parentId: 2, validFrom: "2000-01-01", validTo: null },
        { unitId: 2, parentId: 1, validFrom: "2000-01-01", validTo: null },
      ],
    );
    expect(cyclic.pathAt(1, "2020-01-01")).toEqual([1, 2]);
  });
});

describe("Hierarchy.unitIdsUnder", () => {
  it("covers a district's wards, past ones included, and nothing outside", () => {
    expect(hierarchy.unitIdsUnder([2], "2020-01-02").sort()).toEqual([2, 3, 4, 5]);
    // After the district ended its former wards are still under it (read at their last day).
    expect(hierarchy.unitIdsUnder([2], "2026-01-01").sort()).toEqual([2, 3, 4, 5]);
  });

  it("puts the new wards under the city only", () => {
    expect(hierarchy.unitIdsUnder([1], "2026-01-01").sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(hierarchy.unitIdsUnder([2], "2026-01-01")).not.toContain(6);
  });

  it("covers a ward alone", () => {
    expect(hierarchy.unitIdsUnder([3], "2020-01-02")).toEqual([3]);
    expect(hierarchy.unitIdsUnder([], "2020-01-02")).toEqual([]);
  });
});

describe("Hierarchy.childrenAt", () => {
  it("lists the district's wards valid at the date", () => {
    expect(hierarchy.childrenAt(2, "2020-01-02").sort()).toEqual([3, 4, 5]);
    // Sài Đồng ended on 31/12/2024.
    expect(hierarchy.childrenAt(2, "2025-03-01").sort()).toEqual([3, 5]);
    expect(hierarchy.childrenAt(2, "2026-01-01")).toEqual([]);
  });

  it("lists the city's children before and after 01/07/2025", () => {
    expect(hierarchy.childrenAt(1, "2020-01-02").sort()).toEqual([2, 8]);
    expect(hierarchy.childrenAt(1, "2026-01-01").sort()).toEqual([6, 7]);
  });

  it("lists the top-level units for null", () => {
    expect(hierarchy.childrenAt(null, "2020-01-02")).toEqual([1]);
  });
});
