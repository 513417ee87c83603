import { describe, expect, it } from "vitest";
import {
  parseCsv,
  readDataValueSetCsv,
  readDataValueSetJson,
  readDhis2Value,
  writeDataValueSetCsv,
  writeDhis2Value,
} from "./dhis2-format.js";
import { matchOrgUnit, orgUnitLabel } from "./dhis2-match.rules.js";

const unit = (id: number, code: string | null, validFrom: string, validTo: string | null) => ({
  id,
  name: `Đơn vị ${id}`,
  level: "ward",
  code,
  validFrom,
  validTo,
});

describe("DHIS2 dataValueSets", () => {
  it("reads JSON, with set-level period and orgUnit for values that omit them", () => {
    expect(
      readDataValueSetJson({
        period: "2019",
        orgUnit: "00115",
        dataValues: [
          { dataElement: "THU_NS", value: "44.4" },
          { dataElement: "GDVH", period: "2018", value: 91 },
        ],
      }),
    ).toEqual([
      {
        where: "dataValues[0]",
        dataElement: "THU_NS",
        period: "2019",
        orgUnit: "00115",
        value: "44.4",
        comment: null,
      },
      {
        where: "dataValues[1]",
        dataElement: "GDVH",
        period: "2018",
        orgUnit: "00115",
        value: "91",
        comment: null,
      },
    ]);
    expect(() => readDataValueSetJson({ values: [] })).toThrow("Tài liệu không có mảng dataValues.");
  });

  it("reads and writes CSV with quotes, commas and any column order", () => {
    expect(parseCsv('a,"b ""c""",d\r\n"x,y",,z\n')).toEqual([
      ["a", 'b "c"', "d"],
      ["x,y", "", "z"],
    ]);
    const values = readDataValueSetCsv(
      'Value,Period,OrgUnit,DataElement,Comment\n44.4,2019,00115,THU_NS,"Ghi chú, có dấu phẩy"\n',
    );
    expect(values).toEqual([
      {
        where: "dòng 2",
        dataElement: "THU_NS",
        period: "2019",
        orgUnit: "00115",
        value: "44.4",
        comment: "Ghi chú, có dấu phẩy",
      },
    ]);
    expect(() => readDataValueSetCsv("dataelement,value\nA,1\n")).toThrow(
      "Dòng 1: thiếu cột period, orgunit.",
    );
    const csv = writeDataValueSetCsv([
      {
        dataElement: "THU_NS",
        period: "2019",
        orgUnit: "00115",
        value: "44.4",
        lastUpdated: "2020-01-01T03:00:00.000Z",
        comment: 'Số "suy ra"',
      },
    ]);
    expect(csv).toBe(
      'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\r\nTHU_NS,2019,00115,,,44.4,,2020-01-01T03:00:00.000Z,"Số ""suy ra""",false\r\n',
    );
  });

  it("reads values the DHIS2 way, refusing vi-VN commas", () => {
    expect(readDhis2Value("44.4", false)).toEqual({ ok: true, value: 44.4 });
    expect(readDhis2Value("1e3", false)).toEqual({ ok: true, value: 1000 });
    expect(readDhis2Value("true", true)).toEqual({ ok: true, value: true });
    expect(readDhis2Value("44,4", false).ok).toBe(false);
    expect(readDhis2Value("có", true).ok).toBe(false);
    expect(writeDhis2Value(0.30000000000000004, false)).toBe("0.30000000000000004");
    expect(writeDhis2Value(1, true)).toBe("true");
  });

  it("matches a reused statistics code by the period, and falls back to an internal id", () => {
    const units = [
      unit(4, "00118", "2003-11-06", "2025-06-30"),
      unit(17, "00118", "2025-07-01", null),
      unit(5, "00115", "2003-11-06", null),
    ];
    expect(matchOrgUnit("00118", { start: "2019-01-01", end: "2019-12-31" }, units)).toEqual({
      ok: true,
      unitId: 4,
    });
    expect(matchOrgUnit("00118", { start: "2026-01-01", end: "2026-12-31" }, units)).toEqual({
      ok: true,
      unitId: 17,
    });
    expect(matchOrgUnit("00118", { start: "2025-01-01", end: "2025-12-31" }, units)).toMatchObject({
      ok: false,
    });
    expect(matchOrgUnit("5", { start: "2019-01-01", end: "2019-12-31" }, units)).toEqual({
      ok: true,
      unitId: 5,
    });
    expect(matchOrgUnit("00999", { start: "2019-01-01", end: "2019-12-31" }, units)).toEqual({
      ok: false,
      message: "không có đơn vị mã “00999” trong kỳ.",
    });
    expect(
      orgUnitLabel(units[0] as (typeof units)[number], { start: "2019-01-01", end: "2019-12-31" }, units),
    ).toBe("00118");
    expect(
      orgUnitLabel(units[0] as (typeof units)[number], { start: "2025-01-01", end: "2025-12-31" }, units),
    ).toBe("4");
  });
});
