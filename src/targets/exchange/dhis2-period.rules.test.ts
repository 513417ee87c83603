import { describe, expect, it } from "vitest";
import { fromDhis2Period, toDhis2Period } from "./dhis2-period.rules.js";

describe("DHIS2 period ids", () => {
  it.each([
    ["2019", "2019"],
    ["2019-07", "201907"],
    ["2019-12", "201912"],
    ["2019-Q3", "2019Q3"],
    ["2019-6T", "2019S1"],
  ])("%s is exchanged as %s, both ways", (key, id) => {
    expect(toDhis2Period(key)).toBe(id);
    expect(fromDhis2Period(id)).toBe(key);
  });

  it.each([["2019-3T", "2019Q1"]])("%s goes out as %s", (key, id) => {
    expect(toDhis2Period(key)).toBe(id);
  });

  it.each(["2019-9T", "2015-2020", "dot-1"])("%s has no DHIS2 id", (key) => {
    expect(toDhis2Period(key)).toBeNull();
  });

  it.each(["2019S2", "2019W12", "201913", "2019Q5", "2019-07", "2019April", ""])("%s is not read", (id) => {
    expect(fromDhis2Period(id)).toBeNull();
  });
});
