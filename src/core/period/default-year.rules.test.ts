import { describe, expect, it } from "vitest";
import { defaultYear } from "./default-year.rules.js";

describe("defaultYear", () => {
  it.each([
    // [years with data, today, fallback, expected]
    [["2019", "2020", "2018"], "2026-12-07", undefined, "2020"],
    [[2019, 2026], "2026-12-07", undefined, "2026"],
    [["2019", "2027"], "2026-12-07", undefined, "2019"],
    [["2027", "2028"], "2026-12-07", undefined, "2027"],
    [[], "2026-12-07", undefined, "2026"],
    [[], "2026-12-07", "2025", "2025"],
    [["2015-2020", "2019", "quy-1"], "2026-12-07", undefined, "2019"],
    [["2015-2020"], "2020-01-02", "2019", "2019"],
  ] as [(string | number)[], string, string | undefined, string][])(
    "%j on %s (fallback %s) → %s",
    (years, today, fallback, expected) => {
      expect(defaultYear(years, today, fallback)).toBe(expected);
    },
  );
});
