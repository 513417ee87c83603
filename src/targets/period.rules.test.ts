import { describe, expect, it } from "vitest";
import {
  defaultWindow,
  periodKindOf,
  periodLabel,
  previousYearKey,
  sameKeyInYear,
  termYearsOf,
  windowProblem,
  yearKeyOf,
  yearPartOf,
  yearWindow,
} from "./period.rules.js";

describe("period keys", () => {
  it.each([
    ["2019", "year"],
    ["2015-2020", "term"],
    ["2020-6T", "cumulative"],
    ["2019-9T", "cumulative"],
    ["2019-3T", "cumulative"],
    ["2020-Q1", "quarter"],
    ["2019-Q3", "quarter"],
    ["2019-07", "month"],
    ["2019-12", "month"],
    ["2019-13", null],
    ["2019-Q5", null],
    ["2019-12T", null],
    ["2019-0T", null],
    ["dot-thi-dua-1", "custom"],
    ["2020-2015", null],
    ["2019-", null],
    ["20190", null],
    ["1800", null],
    ["", null],
    ["năm 2019", null],
  ])("%s is a %s key", (key, kind) => {
    expect(periodKindOf(key)).toBe(kind);
  });

  it("gives the calendar and NĐ 09/2019 windows of a year", () => {
    expect(yearWindow(2019)).toEqual({ start: "2019-01-01", end: "2019-12-31" });
    expect(yearWindow(2019, "nd09")).toEqual({ start: "2018-12-15", end: "2019-12-14" });
  });

  it("reads a term A-B as the years A … B−1, as the reference article reports 2015–2019 for 2015–2020", () => {
    expect(defaultWindow("2015-2020")).toEqual({ start: "2015-01-01", end: "2019-12-31" });
    expect(defaultWindow("2015-2020", "nd09")).toEqual({ start: "2014-12-15", end: "2019-12-14" });
    expect(termYearsOf("2015-01-01", "2019-12-31")).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(termYearsOf("2014-12-15", "2019-12-14")).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(termYearsOf("2016-01-01", "2020-12-31")).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(defaultWindow("dot-1")).toBeNull();
  });

  it.each([
    ["2019-6T", "calendar", "2019-01-01", "2019-06-30"],
    ["2019-6T", "nd09", "2018-12-15", "2019-06-14"],
    ["2019-9T", "calendar", "2019-01-01", "2019-09-30"],
    ["2019-Q3", "calendar", "2019-07-01", "2019-09-30"],
    ["2019-Q3", "nd09", "2019-06-15", "2019-09-14"],
    ["2019-Q1", "nd09", "2018-12-15", "2019-03-14"],
    ["2019-07", "calendar", "2019-07-01", "2019-07-31"],
    ["2020-02", "calendar", "2020-02-01", "2020-02-29"],
    ["2019-07", "nd09", "2019-06-15", "2019-07-14"],
  ] as const)("gives %s under the %s rule the window %s – %s", (key, rule, start, end) => {
    expect(defaultWindow(key, rule)).toEqual({ start, end });
  });

  it("places a part of a year in its year", () => {
    expect(yearPartOf("2019-6T")).toEqual({ year: 2019, firstMonth: 1, lastMonth: 6, months: 6 });
    expect(yearPartOf("2019-Q3")).toEqual({ year: 2019, firstMonth: 7, lastMonth: 9, months: 3 });
    expect(yearPartOf("2019-07")).toEqual({ year: 2019, firstMonth: 7, lastMonth: 7, months: 1 });
    expect(yearPartOf("2019")).toBeNull();
    expect(yearKeyOf("2019-9T")).toBe("2019");
    expect(sameKeyInYear("2019-6T", 2017)).toBe("2017-6T");
    expect(sameKeyInYear("2015-2020", 2017)).toBeNull();
  });

  it("labels periods for sentences and finds last year", () => {
    expect(periodLabel("2019")).toBe("năm 2019");
    expect(periodLabel("2015-2020")).toBe("nhiệm kỳ 2015–2020");
    expect(periodLabel("2019-6T")).toBe("6 tháng đầu năm 2019");
    expect(periodLabel("2019-9T")).toBe("9 tháng đầu năm 2019");
    expect(periodLabel("2019-Q3")).toBe("quý III/2019");
    expect(periodLabel("2019-Q1")).toBe("quý I/2019");
    expect(periodLabel("2019-07")).toBe("tháng 7/2019");
    expect(periodLabel("dot-1")).toBe("kỳ dot-1");
    expect(previousYearKey("2019")).toBe("2018");
    expect(previousYearKey("2019-6T")).toBe("2018-6T");
    expect(previousYearKey("2019-Q3")).toBe("2018-Q3");
    expect(previousYearKey("2019-07")).toBe("2018-07");
    expect(previousYearKey("2015-2020")).toBeNull();
    expect(previousYearKey("dot-1")).toBeNull();
  });
});

describe("explicit period dates", () => {
  it.each([
    ["2019", "2019-01-01", "2019-12-31"],
    ["2019", "2018-12-15", "2019-12-14"],
    ["2019", "2019-01-01", "2019-06-30"],
    ["2015-2020", "2015-01-01", "2020-12-31"],
    ["2020-6T", "2020-01-01", "2020-06-30"],
    ["2020-6T", "2019-12-15", "2020-06-14"],
    ["dot-1", "2019-01-01", "2019-06-30"],
  ])("accepts %s from %s to %s", (key, start, end) => {
    expect(windowProblem(key, start, end)).toBeNull();
  });

  it.each([
    [
      "2026",
      "2019-01-01",
      "2019-12-31",
      "periodStart",
      "Ngày phải nằm trong năm 2026 (từ 15/12/2025 đến 31/12/2026).",
    ],
    [
      "2019",
      "2019-01-01",
      "2020-03-31",
      "periodEnd",
      "Ngày phải nằm trong năm 2019 (từ 15/12/2018 đến 31/12/2019).",
    ],
    [
      "2019",
      "2018-12-01",
      "2019-12-31",
      "periodStart",
      "Ngày phải nằm trong năm 2019 (từ 15/12/2018 đến 31/12/2019).",
    ],
    [
      "2015-2020",
      "2015-01-01",
      "2021-01-01",
      "periodEnd",
      "Ngày phải nằm trong nhiệm kỳ 2015–2020 (từ 15/12/2014 đến 31/12/2020).",
    ],
    ["2020-6T", "2020-06-30", "2020-01-01", "periodEnd", "Ngày kết thúc phải sau ngày bắt đầu."],
    ["2019", "2019-12-31", "2019-01-01", "periodEnd", "Ngày kết thúc phải sau ngày bắt đầu."],
    [
      "2020-6T",
      "2019-01-01",
      "2019-06-30",
      "periodStart",
      "Ngày phải nằm trong 6 tháng đầu năm 2020 (từ 15/12/2019 đến 31/12/2020).",
    ],
  ])("refuses %s from %s to %s", (key, start, end, field, message) => {
    expect(windowProblem(key, start, end)).toEqual({ field, message });
  });
});
