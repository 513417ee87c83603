import { describe, expect, it } from "vitest";
import { buildCompareTable, type CompareFigure, columnsFor, sortRows, wholeOf } from "./compare.rules.js";
import { trendYears } from "./unit-trend.service.js";

const cell = (value: number | null, estimate = false) => ({ value, estimate });

describe("columnsFor", () => {
  it("lists every year of the range, empty ones too", () => {
    expect(columnsFor("year", 2015, 2017, []).map((c) => c.key)).toEqual(["2015", "2016", "2017"]);
  });

  it("lists only the quarters holding figures, in calendar order, with their labels", () => {
    const columns = columnsFor("quarter", 2018, 2019, [
      "2019-Q3",
      "2018-Q4",
      "2019-07",
      "2017-Q1",
      "2019-Q1",
    ]);
    expect(columns).toEqual([
      { key: "2018-Q4", label: "Quý IV/2018" },
      { key: "2019-Q1", label: "Quý I/2019" },
      { key: "2019-Q3", label: "Quý III/2019" },
    ]);
    expect(columnsFor("cumulative", 2019, 2019, ["2019-9T", "2019-6T"]).map((c) => c.label)).toEqual([
      "6 tháng đầu năm 2019",
      "9 tháng đầu năm 2019",
    ]);
  });
});

describe("wholeOf", () => {
  it("adds an additive figure exactly, and marks a whole resting on an estimate", () => {
    expect(wholeOf("sum", [cell(32.4), cell(0.1), cell(0.2, true)], [])).toEqual({
      value: 32.7,
      estimate: true,
      present: 3,
      method: "sum",
    });
  });

  it("weights a rate by population when every unit has one, else takes the plain mean", () => {
    expect(wholeOf("weighted_mean", [cell(90), cell(80)], [3000, 1000]).value).toBe(87.5);
    const plain = wholeOf("weighted_mean", [cell(90), cell(80)], [3000, null]);
    expect([plain.value, plain.method]).toEqual([85, "mean"]);
  });

  it("gives no whole until every unit has a figure, and none for milestones", () => {
    expect(wholeOf("sum", [cell(1), cell(null)], [])).toMatchObject({
      value: null,
      present: 1,
      method: null,
    });
    expect(wholeOf("none", [cell(1)], [])).toMatchObject({ value: null, method: null });
  });
});

describe("buildCompareTable and sortRows", () => {
  const figures: CompareFigure[] = [
    { unitId: 1, periodKey: "2019", version: "estimate", value: 10 },
    { unitId: 1, periodKey: "2019", version: "final", value: 12 },
    { unitId: 2, periodKey: "2019", version: "estimate", value: 30 },
    { unitId: 3, periodKey: "2018", version: "final", value: 5 },
  ];
  const table = buildCompareTable({
    units: [
      { id: 1, name: "Phường Bồ Đề" },
      { id: 2, name: "Phường Ái Mộ" },
      { id: 3, name: "Phường Cự Khối" },
    ],
    columns: columnsFor("year", 2018, 2019, []),
    figures,
    weights: [],
    rule: "sum",
  });

  it("takes the final figure over the estimate", () => {
    expect(table.rows.map((r) => r.cells[1])).toEqual([cell(12), cell(30, true), cell(null)]);
  });

  it("sorts by a column either way with units lacking a figure last, or by name", () => {
    expect(sortRows(table, "2019", "desc").map((r) => r.unitId)).toEqual([2, 1, 3]);
    expect(sortRows(table, "2019", "asc").map((r) => r.unitId)).toEqual([1, 2, 3]);
    expect(sortRows(table, "ten", "asc").map((r) => r.unitId)).toEqual([2, 1, 3]);
  });
});

describe("trendYears", () => {
  it("covers the five years up to a year or a part of one, and a term's own years", () => {
    expect([trendYears("2019"), trendYears("2019-6T"), trendYears("2015-2020"), trendYears("abc")]).toEqual([
      [2015, 2019],
      [2015, 2019],
      [2015, 2020],
      null,
    ]);
  });
});
