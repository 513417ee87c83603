import { describe, expect, it } from "vitest";
import { sqlClock } from "../timeliness-sql.js";
import {
  addToCell,
  type CounterCell,
  cellBuckets,
  counterEntry,
  decodeCell,
  encodeCell,
} from "./follow-up-counters.math.js";

const source = (state: string, deadlineDay: number | null, submittedDay: number | null = null) => ({
  lead_unit_id: 1,
  lead_organisation_id: null,
  assigner_person_id: null,
  assigner_name: null,
  assigning_unit_id: 2,
  notice_id: null,
  deadline_end: null,
  deadline_day: deadlineDay,
  submitted_day: submittedDay,
  state,
});

describe("follow-up counter cells", () => {
  it("keep open work's deadline days, submitted and confirmed work's days late, and nothing else", () => {
    expect(counterEntry(source("in_progress", 18_500))).toEqual({ state: "in_progress", day: 18_500 });
    expect(counterEntry(source("submitted", 18_500, 18_503))).toEqual({ state: "submitted", day: 3 });
    expect(counterEntry(source("confirmed", 18_500, 18_490))).toEqual({ state: "confirmed", day: 0 });
    expect(counterEntry(source("confirmed", null, 18_490))).toEqual({ state: "confirmed", day: null });
    expect(counterEntry(source("paused", 18_500))).toEqual({ state: "paused", day: null });
  });

  it("round-trip through the stored form, days sorted, and drop what reaches zero", () => {
    const cell: CounterCell = {};
    for (const d of [18_510, 18_500, 18_510, null]) addToCell(cell, { state: "assigned", day: d }, 1);
    addToCell(cell, { state: "confirmed", day: 2 }, 1);
    expect(cell).toEqual({ assigned: [4, 18_500, 1, 18_510, 2], confirmed: [1, 2, 1] });
    expect(encodeCell(cell)).toBe("[0,4,2,18500,1,10,2,4,1,1,2,1]");
    expect(decodeCell(encodeCell(cell))).toEqual(cell);
    addToCell(cell, { state: "confirmed", day: 2 }, -1);
    addToCell(cell, { state: "assigned", day: 18_500 }, -1);
    expect(cell).toEqual({ assigned: [3, 18_510, 2] });
    expect(() => decodeCell('{"assigned":[1]}')).toThrow(/rebuild/);
  });

  it("count open work against today: overdue with the longest delay, due soon within 7 days, in time after", () => {
    const clock = { ...sqlClock(new Date("2020-07-10T03:00:00Z")) };
    const t = clock.today;
    const cell: CounterCell = {};
    for (const d of [t - 5, t - 1, t, t + 7, t + 8, null]) addToCell(cell, { state: "received", day: d }, 1);
    expect(cellBuckets(cell, {}, clock)).toEqual([
      { state: "received", timeliness: "no_deadline", count: 1, maxDays: 0 },
      { state: "received", timeliness: "overdue", count: 2, maxDays: 5 },
      { state: "received", timeliness: "due_soon", count: 2, maxDays: 0 },
      { state: "received", timeliness: "in_time", count: 1, maxDays: 0 },
    ]);
    // Work awaiting hand-over, already taken out of the tally, is counted apart.
    expect(cellBuckets({}, { received: 2 }, clock)).toEqual([
      { state: "received", timeliness: "awaiting_handover", count: 2, maxDays: 0 },
    ]);
  });
});
