import { describe, expect, it } from "vitest";
import {
  defaultWindow,
  periodKindOf,
  periodLabel,
  previousYearKey,
  termYearsOf,
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
