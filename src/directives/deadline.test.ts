import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  endOfQuarter,
  endOfVietnamDay,
  isoDate,
  lastDayCovered,
  parseIsoDate,
  vietnamDateOf,
  vietnamDayNumber,
} from "./deadline.js";

describe("calendar helpers", () => {
  it.each([
    [2020, 2, 29],
    [2019, 2, 28],
    [2100, 2, 28],
    [2000, 2, 29],
    [2020, 4, 30],
    [2020, 12, 31],
  ])("daysInMonth(%i, %i) = %i", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    [2020, 6, 30, "2020-06-30"],
    [2020, 2, 30, null],
    [2020, 13, 1, null],
    [2020, 0, 1, null],
    [20, 1, 1, null],
    [2020, 1, 0, null],
    [2020.5, 1, 1, null],
  ])("isoDate(%s, %s, %s) = %s", (y, m, d, expected) => {
    expect(isoDate(y, m, d)).toBe(expected);
  });

  it.each([
    ["2020-06-30", { year: 2020, month: 6, day: 30 }],
    ["2020-02-30", null],
    ["2020-6-30", null],
    ["30/06/2020", null],
  ])("parseIsoDate(%j)", (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
  });

  it.each([
    [1, "2020-03-31"],
    [2, "2020-06-30"],
    [3, "2020-09-30"],
    [4, "2020-12-31"],
  ])("endOfQuarter(2020, %i) = %s", (q, expected) => {
    expect(endOfQuarter(2020, q)).toBe(expected);
  });
});

describe("lastDayCovered", () => {
  it.each([
    ["date", "2020-06-15", "2020-06-15"],
    ["month", "2020-02-01", "2020-02-29"],
    ["month", "2020-03-31", "2020-03-31"],
    ["quarter", "2020-04-01", "2020-06-30"],
    ["quarter", "2020-12-31", "2020-12-31"],
    ["year", "2020-01-02", "2020-12-31"],
    ["term", "2025-06-30", "2025-06-30"],
    ["recurring", "2020-01-01", null],
    ["none", "2020-01-01", null],
    ["date", null, null],
    ["date", "not a date", null],
  ] as const)("%s %s → %s", (kind, date, expected) => {
    expect(lastDayCovered(kind, date)).toBe(expected);
  });
});

describe("Vietnam time", () => {
  it("ends a day at 23:59:59.999 UTC+7", () => {
    expect(endOfVietnamDay("2020-06-30").toISOString()).toBe("2020-06-30T16:59:59.999Z");
    expect(endOfVietnamDay("2020-12-31").toISOString()).toBe("2020-12-31T16:59:59.999Z");
  });

  it("rejects a non-date", () => {
    expect(() => endOfVietnamDay("2020-02-30")).toThrow(RangeError);
  });

  it.each([
    ["2020-06-30T16:59:59.999Z", "2020-06-30"],
    ["2020-06-30T17:00:00.000Z", "2020-07-01"],
    ["2020-01-01T00:00:00.000Z", "2020-01-01"],
    ["2019-12-31T16:59:59.999Z", "2019-12-31"],
    ["1969-12-31T17:00:00.000Z", "1970-01-01"],
  ])("the instant %s falls on %s in Vietnam", (instant, date) => {
    expect(vietnamDateOf(new Date(instant))).toBe(date);
  });

  it("counts whole Vietnamese days between instants", () => {
    const a = vietnamDayNumber(new Date("2020-06-30T16:59:59.999Z"));
    const b = vietnamDayNumber(new Date("2020-06-30T17:00:00.000Z"));
    expect(b - a).toBe(1);
    expect(() => vietnamDayNumber(new Date("nope"))).toThrow(RangeError);
  });
});
