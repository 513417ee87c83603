import { describe, expect, it } from "vitest";
import {
  defaultWindow,
  periodKindOf,
  periodLabel,
  previousYearKey,
  termYearsOf,
  windowProblem,
  yearWindow,
} from "./period.rules.js";

describe("period keys", () => {
  it.each([
    ["2019", "year"],
    ["2015-2020", "term"],
    ["2020-6T", "custom"],
    ["2020-Q1", "custom"],
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
    expect(defaultWindow("2020-6T")).toBeNull();
  });

  it("labels periods for sentences and finds last year", () => {
    expect(periodLabel("2019")).toBe("năm 2019");
    expect(periodLabel("2015-2020")).toBe("nhiệm kỳ 2015–2020");
    expect(periodLabel("2020-6T")).toBe("kỳ 2020-6T");
    expect(previousYearKey("2019")).toBe("2018");
    expect(previousYearKey("2015-2020")).toBeNull();
  });
});

describe("explicit period dates", () => {
  it.each([
    ["2019", "2019-01-01", "2019-12-31"],
    ["2019", "2018-12-15", "2019-12-14"],
    ["2019", "2019-01-01", "2019-06-30"],
    ["2015-2020", "2015-01-01", "2020-12-31"],
    ["2020-6T", "2020-01-01", "2020-06-30"],
    ["2020-6T", "2019-01-01", "2019-06-30"],
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
  ])("refuses %s from %s to %s", (key, start, end, field, message) => {
    expect(windowProblem(key, start, end)).toEqual({ field, message });
  });
});
