import { describe, expect, it } from "vitest";
import type { Deadline } from "./deadline.js";
import {
  daysOverdue,
  daysUntilDeadline,
  deriveTimeliness,
  resolveDeadline,
  type Timeliness,
  type TimelinessInput,
} from "./timeliness.rules.js";
import type { WorkflowState } from "./workflow.rules.js";

/** An instant given as Vietnamese local time, so the tables read like the calendar on the wall. */
function vn(local: string): Date {
  return new Date(`${local}+07:00`);
}

const JUNE_30: Pick<Deadline, "kind" | "date"> = { kind: "date", date: "2020-06-30" };

describe("resolveDeadline", () => {
  it.each([
    ["date", "2020-06-30", "2020-06-30T23:59:59.999+07:00"],
    ["month", "2020-03-01", "2020-03-31T23:59:59.999+07:00"],
    ["month", "2020-02-10", "2020-02-29T23:59:59.999+07:00"],
    ["quarter", "2020-04-15", "2020-06-30T23:59:59.999+07:00"],
    ["year", "2020-12-31", "2020-12-31T23:59:59.999+07:00"],
    ["year", "2020-01-01", "2020-12-31T23:59:59.999+07:00"],
    ["term", "2025-12-31", "2025-12-31T23:59:59.999+07:00"],
  ] as const)("%s %s ends at %s", (kind, date, end) => {
    expect(resolveDeadline({ kind, date })?.toISOString()).toBe(new Date(end).toISOString());
  });

  it.each([
    [{ kind: "recurring", date: null }],
    [{ kind: "none", date: null }],
    [{ kind: "recurring", date: "2020-01-01" }],
    [{ kind: "date", date: null }],
    [{ kind: "date", date: "2020-02-30" }],
    [null],
  ] as const)("%j has no end", (deadline) => {
    expect(resolveDeadline(deadline)).toBeNull();
  });
});

type Row = [
  label: string,
  state: WorkflowState,
  deadline: Pick<Deadline, "kind" | "date"> | null,
  now: string,
  submittedAt: string | null,
  confirmedAt: string | null,
  expected: Timeliness,
  days: number,
];

const ROWS: Row[] = [
  // Open tasks against the clock.
  ["long before", "in_progress", JUNE_30, "2020-06-01T09:00", null, null, "in_time", 0],
  ["8 days left", "received", JUNE_30, "2020-06-22T23:59", null, null, "in_time", 0],
  ["7 days left", "received", JUNE_30, "2020-06-23T00:00", null, null, "due_soon", 0],
  ["deadline day, last minute", "assigned", JUNE_30, "2020-06-30T23:59:59.999", null, null, "due_soon", 0],
  ["first instant after", "assigned", JUNE_30, "2020-07-01T00:00", null, null, "overdue", 1],
  ["ten days after", "in_progress", JUNE_30, "2020-07-10T08:00", null, null, "overdue", 10],
  ["returned, late", "returned", JUNE_30, "2020-07-03T08:00", "2020-06-29T10:00", null, "overdue", 3],
  ["returned, in time", "returned", JUNE_30, "2020-06-01T08:00", "2020-05-29T10:00", null, "in_time", 0],
  // Submitted: the clock stops at the submission.
  [
    "submitted in time, deadline passed",
    "submitted",
    JUNE_30,
    "2020-07-20T08:00",
    "2020-06-30T16:00",
    null,
    "in_time",
    0,
  ],
  [
    "submitted in time, deadline near",
    "submitted",
    JUNE_30,
    "2020-06-29T08:00",
    "2020-06-28T16:00",
    null,
    "in_time",
    0,
  ],
  ["submitted late", "submitted", JUNE_30, "2020-07-20T08:00", "2020-07-02T16:00", null, "overdue", 2],
  ["submitted, time unknown", "submitted", JUNE_30, "2020-07-02T08:00", null, null, "overdue", 2],
  // Confirmed: the confirmed submission counts, not the confirmation.
  [
    "submitted in time, confirmed late",
    "confirmed",
    JUNE_30,
    "2020-08-01T08:00",
    "2020-06-30T16:00",
    "2020-07-15T09:00",
    "done_on_time",
    0,
  ],
  [
    "submitted late, confirmed",
    "confirmed",
    JUNE_30,
    "2020-08-01T08:00",
    "2020-07-05T16:00",
    "2020-07-06T09:00",
    "done_late",
    5,
  ],
  [
    "confirmed directly in time",
    "confirmed",
    JUNE_30,
    "2020-08-01T08:00",
    null,
    "2020-06-30T23:00",
    "done_on_time",
    0,
  ],
  [
    "confirmed directly late",
    "confirmed",
    JUNE_30,
    "2020-08-01T08:00",
    null,
    "2020-07-01T00:00",
    "done_late",
    1,
  ],
  [
    "confirmed without deadline",
    "confirmed",
    { kind: "recurring", date: null },
    "2020-08-01T08:00",
    null,
    "2020-07-01T00:00",
    "done_on_time",
    0,
  ],
  // No deadline.
  [
    "recurring",
    "in_progress",
    { kind: "recurring", date: null },
    "2030-01-01T00:00",
    null,
    null,
    "no_deadline",
    0,
  ],
  ["none", "assigned", { kind: "none", date: null }, "2030-01-01T00:00", null, null, "no_deadline", 0],
  ["null", "submitted", null, "2030-01-01T00:00", "2029-01-01T00:00", null, "no_deadline", 0],
  // Set aside by the assigner.
  ["paused after the deadline", "paused", JUNE_30, "2020-09-01T00:00", null, null, "paused", 0],
  ["cancelled after the deadline", "cancelled", JUNE_30, "2020-09-01T00:00", null, null, "cancelled", 0],
  // Period deadlines end at the end of their last day.
  [
    "year 2020 on 31/12",
    "in_progress",
    { kind: "year", date: "2020-12-31" },
    "2020-12-31T23:00",
    null,
    null,
    "due_soon",
    0,
  ],
  [
    "year 2020 on 1/1/2021",
    "in_progress",
    { kind: "year", date: "2020-12-31" },
    "2021-01-01T00:00",
    null,
    null,
    "overdue",
    1,
  ],
  [
    "quarter II on 1/7",
    "in_progress",
    { kind: "quarter", date: "2020-06-30" },
    "2020-07-01T07:00",
    null,
    null,
    "overdue",
    1,
  ],
  [
    "month 3 in March",
    "in_progress",
    { kind: "month", date: "2020-03-31" },
    "2020-03-02T07:00",
    null,
    null,
    "in_time",
    0,
  ],
  [
    "term 2020–2025",
    "in_progress",
    { kind: "term", date: "2025-12-31" },
    "2020-01-02T15:00",
    null,
    null,
    "in_time",
    0,
  ],
];

describe("deriveTimeliness and daysOverdue", () => {
  it.each(ROWS)("%s", (_label, state, deadline, now, submittedAt, confirmedAt, expected, days) => {
    const input: TimelinessInput = {
      state,
      deadline,
      now: vn(now),
      submittedAt: submittedAt === null ? null : vn(submittedAt),
      confirmedAt: confirmedAt === null ? null : vn(confirmedAt),
    };
    expect(deriveTimeliness(input)).toBe(expected);
    expect(daysOverdue(input)).toBe(days);
  });

  it("uses Vietnamese days whatever the instant's UTC date", () => {
    // 2020-06-30T18:00Z is already 1 July 01:00 in Hà Nội.
    const input = { state: "in_progress", deadline: JUNE_30, now: new Date("2020-06-30T18:00:00Z") } as const;
    expect(deriveTimeliness(input)).toBe("overdue");
    expect(daysOverdue(input)).toBe(1);
  });

  it.each([
    [0, "2020-06-29T12:00", "in_time"],
    [0, "2020-06-30T00:00", "due_soon"],
    [1, "2020-06-29T12:00", "due_soon"],
    [30, "2020-06-01T00:00", "due_soon"],
    [30, "2020-05-30T23:59", "in_time"],
  ] as const)("dueSoonDays %i at %s → %s", (dueSoonDays, now, expected) => {
    expect(deriveTimeliness({ state: "received", deadline: JUNE_30, now: vn(now), dueSoonDays })).toBe(
      expected,
    );
  });

  it.each([-1, 1.5, Number.NaN])("rejects dueSoonDays %s", (dueSoonDays) => {
    expect(() =>
      deriveTimeliness({ state: "received", deadline: JUNE_30, now: vn("2020-06-01T00:00"), dueSoonDays }),
    ).toThrow(RangeError);
  });

  it("rejects a confirmed task with no submission or confirmation time", () => {
    const input = { state: "confirmed", deadline: JUNE_30, now: vn("2020-06-01T00:00") } as const;
    expect(() => deriveTimeliness(input)).toThrow(RangeError);
    expect(() => daysOverdue(input)).toThrow(RangeError);
  });
});

describe("daysUntilDeadline", () => {
  it.each([
    ["2020-06-23T10:00", 7],
    ["2020-06-30T23:59", 0],
    ["2020-07-02T00:01", -2],
  ])("at %s → %i", (now, expected) => {
    expect(daysUntilDeadline(JUNE_30, vn(now))).toBe(expected);
  });

  it("is null without a deadline", () => {
    expect(daysUntilDeadline({ kind: "recurring", date: null }, vn("2020-06-01T00:00"))).toBeNull();
  });
});

describe("awaiting hand-over (the lead unit was dissolved on 30/06/2025)", () => {
  const DISSOLVED = "2025-06-30";
  const SEPT_30: Pick<Deadline, "kind" | "date"> = { kind: "date", date: "2020-09-30" };
  it.each([
    // state, now (Vietnam), lead unit's last day, expected timeliness, days overdue
    ["in_progress", "2026-12-07T09:00", DISSOLVED, "awaiting_handover", 0],
    ["paused", "2026-12-07T09:00", DISSOLVED, "awaiting_handover", 0],
    ["submitted", "2026-12-07T09:00", DISSOLVED, "awaiting_handover", 0],
    // On the unit's last day it still exists: late as any other task.
    ["in_progress", "2025-06-30T23:59", DISSOLVED, "overdue", 1734],
    // The first day after it: nobody is left to be late.
    ["in_progress", "2025-07-01T00:00", DISSOLVED, "awaiting_handover", 0],
    ["cancelled", "2026-12-07T09:00", DISSOLVED, "cancelled", 0],
    ["in_progress", "2026-12-07T09:00", null, "overdue", 2259],
  ] as const)("%s at %s, lead unit until %s → %s", (state, now, leadUnitValidTo, expected, days) => {
    const input: TimelinessInput = { state, deadline: SEPT_30, now: vn(now), leadUnitValidTo };
    expect(deriveTimeliness(input)).toBe(expected);
    expect(daysOverdue(input)).toBe(days);
  });

  it("keeps a confirmed task's result after its unit is gone", () => {
    const input: TimelinessInput = {
      state: "confirmed",
      deadline: SEPT_30,
      submittedAt: vn("2020-10-05T09:00"),
      now: vn("2026-12-07T09:00"),
      leadUnitValidTo: DISSOLVED,
    };
    expect(deriveTimeliness(input)).toBe("done_late");
  });
});
