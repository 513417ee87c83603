import { describe, expect, it } from "vitest";
import type { Timeliness } from "../timeliness.rules.js";
import type { WorkflowState } from "../workflow.rules.js";
import { type FollowUpRow, summariseFollowUp, summariseFollowUpBy } from "./follow-up.math.js";

function row(
  state: WorkflowState,
  timeliness: Timeliness,
  daysOverdue = 0,
  extra: Partial<FollowUpRow> & { month?: string } = {},
): FollowUpRow & { month?: string } {
  return {
    leadUnitId: 1,
    assignerId: "bt",
    sourceNoticeId: "136-TB/ĐU",
    state,
    timeliness,
    daysOverdue,
    ...extra,
  };
}

describe("summariseFollowUp", () => {
  it("returns zeros and nulls for no directives", () => {
    const s = summariseFollowUp([]);
    expect(s).toMatchObject({
      total: 0,
      cancelled: 0,
      counted: 0,
      completed: 0,
      completionPercent: null,
      completedLate: 0,
      overduePercentOfCompleted: null,
      overdue: 0,
      longestOverdueDays: null,
    });
    expect(Object.values(s.byTimeliness).every((n) => n === 0)).toBe(true);
    expect(Object.values(s.byState).every((n) => n === 0)).toBe(true);
  });

  // [label, rows, completion %, overdue % of completed, overdue, longest]
  const TABLE: Array<[string, FollowUpRow[], number | null, number | null, number, number | null]> = [
    ["all open in time", [row("received", "in_time"), row("in_progress", "due_soon")], 0, null, 0, null],
    [
      "one of two done on time",
      [row("confirmed", "done_on_time"), row("in_progress", "in_time")],
      50,
      0,
      0,
      null,
    ],
    [
      "cancelled left out of the denominator",
      [row("confirmed", "done_on_time"), row("cancelled", "cancelled"), row("cancelled", "cancelled")],
      100,
      0,
      0,
      null,
    ],
    ["only cancelled", [row("cancelled", "cancelled")], null, null, 0, null],
    [
      "paused stays in the denominator",
      [row("confirmed", "done_late", 3), row("paused", "paused")],
      50,
      100,
      0,
      null,
    ],
    [
      "late completions and open overdue",
      [
        row("confirmed", "done_late", 12),
        row("confirmed", "done_on_time"),
        row("confirmed", "done_on_time"),
        row("in_progress", "overdue", 4),
        row("submitted", "overdue", 9),
        row("returned", "overdue", 2),
      ],
      50,
      (1 / 3) * 100,
      3,
      9,
    ],
    [
      "a task done 40 days late is not the longest overdue",
      [row("confirmed", "done_late", 40), row("assigned", "overdue", 1)],
      50,
      100,
      1,
      1,
    ],
    ["overdue on the day after", [row("assigned", "overdue", 1)], 0, null, 1, 1],
    ["no deadline", [row("in_progress", "no_deadline"), row("confirmed", "done_on_time")], 50, 0, 0, null],
  ];

  it.each(TABLE)("%s", (_label, rows, completion, latePercent, overdue, longest) => {
    const s = summariseFollowUp(rows);
    expect(s.total).toBe(rows.length);
    if (completion === null) expect(s.completionPercent).toBeNull();
    else expect(s.completionPercent).toBeCloseTo(completion);
    if (latePercent === null) expect(s.overduePercentOfCompleted).toBeNull();
    else expect(s.overduePercentOfCompleted).toBeCloseTo(latePercent);
    expect(s.overdue).toBe(overdue);
    expect(s.longestOverdueDays).toBe(longest);
  });

  it("counts by state and by timeliness", () => {
    const s = summariseFollowUp([
      row("confirmed", "done_late", 2),
      row("confirmed", "done_on_time"),
      row("in_progress", "overdue", 5),
      row("cancelled", "cancelled"),
    ]);
    expect(s.byState).toMatchObject({ confirmed: 2, in_progress: 1, cancelled: 1, assigned: 0 });
    expect(s.byTimeliness).toMatchObject({
      done_late: 1,
      done_on_time: 1,
      overdue: 1,
      cancelled: 1,
      in_time: 0,
    });
    expect(s).toMatchObject({ cancelled: 1, counted: 3, completed: 2, completedLate: 1 });
  });

  it.each([-1, 1.5, Number.NaN])("rejects daysOverdue %s", (days) => {
    expect(() => summariseFollowUp([row("in_progress", "overdue", days)])).toThrow(RangeError);
  });
});

describe("summariseFollowUpBy", () => {
  const rows = [
    row("confirmed", "done_on_time", 0, { leadUnitId: 1, assignerId: "bt", month: "2020-06" }),
    row("in_progress", "overdue", 6, { leadUnitId: 2, assignerId: "ct", month: "2020-06" }),
    row("confirmed", "done_late", 2, { leadUnitId: 1, assignerId: "ct", month: "2020-12" }),
    row("assigned", "in_time", 0, { leadUnitId: null, assignerId: "bt", month: "2020-12" }),
  ];

  it("groups by a field, in order of first appearance, null included", () => {
    const groups = summariseFollowUpBy(rows, "leadUnitId");
    expect(groups.map((g) => [g.key, g.rows, g.summary.completionPercent])).toEqual([
      [1, 2, 100],
      [2, 1, 0],
      [null, 1, 0],
    ]);
    expect(groups[0]?.summary.overduePercentOfCompleted).toBe(50);
    expect(groups[1]?.summary.longestOverdueDays).toBe(6);
  });

  it("groups by assigning leader and by source notice", () => {
    expect(summariseFollowUpBy(rows, "assignerId").map((g) => [g.key, g.rows])).toEqual([
      ["bt", 2],
      ["ct", 2],
    ]);
    expect(summariseFollowUpBy(rows, "sourceNoticeId").map((g) => [g.key, g.rows])).toEqual([
      ["136-TB/ĐU", 4],
    ]);
  });

  it("groups by any function, such as a period", () => {
    const groups = summariseFollowUpBy(rows, (r) => r.month ?? "?");
    expect(groups.map((g) => [g.key, g.summary.completed, g.summary.overdue])).toEqual([
      ["2020-06", 1, 1],
      ["2020-12", 1, 0],
    ]);
  });

  it("returns no groups for no rows", () => {
    expect(summariseFollowUpBy([], "leadUnitId")).toEqual([]);
  });
});
