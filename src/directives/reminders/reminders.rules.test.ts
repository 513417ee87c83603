import { describe, expect, it } from "vitest";
import { reminderKindFor, reminderSubject } from "./reminders.rules.js";

describe("reminderKindFor", () => {
  it.each([
    [30, null],
    [8, null],
    [7, "7d"],
    [4, "7d"],
    [3, "3d"],
    [2, "3d"],
    [1, "1d"],
    [0, "1d"],
    [-1, "overdue"],
    [-400, "overdue"],
  ] as const)("%i days left → %s", (days, kind) => {
    expect(reminderKindFor(days)).toBe(kind);
  });

  it("refuses fractions", () => {
    expect(() => reminderKindFor(1.5)).toThrow(RangeError);
  });
});

describe("reminderSubject", () => {
  it("says how many days are left or late, in Vietnamese", () => {
    expect(reminderSubject("7d", "Kết thúc chăn nuôi trong khu dân cư", 7)).toBe(
      "Nhiệm vụ còn 7 ngày đến hạn: Kết thúc chăn nuôi trong khu dân cư",
    );
    expect(reminderSubject("1d", "X", 0)).toBe("Nhiệm vụ đến hạn hôm nay: X");
    expect(reminderSubject("overdue", "X", -3)).toBe("Nhiệm vụ quá hạn 3 ngày: X");
  });
});
