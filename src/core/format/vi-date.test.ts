import { describe, expect, it } from "vitest";
import {
  formatDateTimeVi,
  formatDateVi,
  formatTimeVi,
  isIsoDate,
  vnDateString,
  vnWallTimeToInstant,
} from "./vi-date.js";

/** The time zone database's answer, the reference the fixed-offset arithmetic must agree with. */
const reference = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function referenceDateTime(instant: Date): string {
  const p = Object.fromEntries(reference.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

describe("Vietnamese dates and times", () => {
  it.each([
    ["2020-01-02T14:49:00Z", "02/01/2020", "21:49", "2020-01-02"],
    // 17:00 UTC is already the next day in Hà Nội.
    ["2019-12-31T17:00:00Z", "01/01/2020", "00:00", "2020-01-01"],
    ["2019-12-31T16:59:59Z", "31/12/2019", "23:59", "2019-12-31"],
    ["2024-02-28T20:30:00Z", "29/02/2024", "03:30", "2024-02-29"],
  ])("prints %s as %s %s (today %s)", (iso, date, time, today) => {
    expect(formatDateVi(iso)).toBe(date);
    expect(formatTimeVi(new Date(iso))).toBe(time);
    expect(formatDateTimeVi(iso)).toBe(`${date} ${time}`);
    expect(vnDateString(iso)).toBe(today);
  });

  it("prints a calendar date as written, without a time zone shift", () => {
    expect(formatDateVi("2020-06-30")).toBe("30/06/2020");
  });

  it("agrees with the time zone database at every hour boundary of several years since 1976", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1976, 0, 1); t < Date.UTC(2040, 0, 1); t += 37 * 3_600_000 + 60_000) {
      const instant = new Date(t);
      const ours = formatDateTimeVi(instant);
      if (ours !== referenceDateTime(instant)) mismatches.push(`${instant.toISOString()}: ${ours}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("turns a wall-clock time in Vietnam back into the same instant", () => {
    const instant = vnWallTimeToInstant("2020-01-02", "21:49");
    expect(instant.toISOString()).toBe("2020-01-02T14:49:00.000Z");
    expect(formatDateTimeVi(instant)).toBe("02/01/2020 21:49");
  });

  it.each([
    ["2020-02-29", true],
    ["2019-02-29", false],
    ["2020-13-01", false],
    ["2020-1-2", false],
  ])("knows whether %s is a real date", (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});
