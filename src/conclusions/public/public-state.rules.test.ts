import { describe, expect, it } from "vitest";
import type { Timeliness } from "../../directives/timeliness.rules.js";
import {
  itemState,
  type PublicDirectiveFacts,
  publicItems,
  stateText,
  summarise,
  summaryText,
} from "./public-state.rules.js";

describe("an item's public state from its directives' timeliness", () => {
  it.each<[Timeliness[], string]>([
    [[], "not_assigned"],
    [["in_time"], "in_progress"],
    [["due_soon", "no_deadline"], "in_progress"],
    [["done_on_time"], "done_on_time"],
    [["done_on_time", "done_late"], "done_late"],
    [["done_on_time", "in_time"], "in_progress"],
    [["done_on_time", "overdue"], "overdue"],
    [["overdue", "awaiting_handover"], "overdue"],
    [["awaiting_handover", "in_time"], "awaiting_handover"],
    [["paused"], "paused"],
    [["paused", "done_on_time"], "paused"],
    [["cancelled", "done_on_time"], "done_on_time"],
    [["cancelled"], "cancelled"],
  ])("%j → %s", (timeliness, state) => {
    expect(itemState(timeliness)).toBe(state);
  });

  it("says in plain words how late an overdue item is", () => {
    expect(stateText("overdue", 12)).toBe("Quá hạn 12 ngày");
    expect(stateText("done_on_time", 0)).toBe("Đã hoàn thành đúng hạn");
    expect(stateText("in_progress", 0)).toBe("Đang thực hiện");
  });
});

const directive = (over: Partial<PublicDirectiveFacts> & { id: number }): PublicDirectiveFacts => ({
  itemId: null,
  parentId: null,
  lead: { unitId: 1, organisationId: 2, name: "UBND phường Thượng Thanh" },
  deadline: { kind: "year", date: "2020-12-31", phrase: null },
  timeliness: "in_time",
  daysOverdue: 0,
  progressPercent: 0,
  ...over,
});

describe("the items a published notice shows", () => {
  const items = [
    { id: 10, parentItemId: null, number: "1", text: "Về phát triển kinh tế" },
    { id: 11, parentItemId: null, number: "2", text: "Công tác quản lý đô thị" },
    { id: 12, parentItemId: null, number: "8", text: "Công tác xây dựng Đảng" },
  ];
  const directives = [
    directive({ id: 1, itemId: 10, timeliness: "done_on_time", progressPercent: 100 }),
    directive({
      id: 2,
      itemId: 10,
      timeliness: "done_late",
      progressPercent: 100,
      deadline: { kind: "date", date: "2020-06-30", phrase: null },
    }),
    directive({ id: 3, itemId: 11, timeliness: "overdue", daysOverdue: 40, progressPercent: 50 }),
    directive({
      id: 4,
      itemId: 12,
      lead: { unitId: 1, organisationId: 3, name: "Đảng ủy phường Thượng Thanh" },
      progressPercent: 30,
    }),
    // A child task of item 8's directive, and its own child: their reports belong to item 8.
    directive({ id: 5, parentId: 4, timeliness: "done_on_time" }),
    directive({ id: 6, parentId: 5, timeliness: "done_on_time" }),
  ];
  const reports = [
    {
      directiveId: 3,
      action: "report_progress",
      percent: 50,
      text: "Xử lý 42 trường hợp.",
      at: "2020-06-30",
    },
    { directiveId: 6, action: "submit", percent: 100, text: "Đã tổng hợp 146 ý kiến.", at: "2020-05-14" },
    { directiveId: 2, action: "submit", percent: 100, text: "  ", at: "2020-08-14" },
  ];

  const shown = publicItems({
    items,
    shownItemIds: new Set([10, 11, 12]),
    directives,
    reports,
    showReports: true,
  });

  it("gives each item its leads, deadlines, state and mean progress", () => {
    expect(shown[0]).toMatchObject({
      number: "1",
      leads: ["UBND phường Thượng Thanh"],
      deadlines: ["trong năm 2020", "trước ngày 30/06/2020"],
      state: "done_late",
      progressPercent: 100,
      reports: [],
    });
    expect(shown[1]).toMatchObject({ state: "overdue", stateText: "Quá hạn 40 ngày", progressPercent: 50 });
    // The item's state is its own directive's: finished child tasks do not finish it.
    expect(shown[2]).toMatchObject({ state: "in_progress", leads: ["Đảng ủy phường Thượng Thanh"] });
  });

  it("files child tasks' reports under the item, marks completions, drops empty texts", () => {
    expect(shown[1]?.reports).toEqual([
      { at: "2020-06-30", percent: 50, text: "Xử lý 42 trường hợp.", kind: "progress" },
    ]);
    expect(shown[2]?.reports).toEqual([
      { at: "2020-05-14", percent: 100, text: "Đã tổng hợp 146 ý kiến.", kind: "completion" },
    ]);
  });

  it("leaves out items not chosen, and every report when reports are not shown", () => {
    const some = publicItems({
      items,
      shownItemIds: new Set([11]),
      directives,
      reports,
      showReports: false,
    });
    expect(some.map((i) => i.number)).toEqual(["2"]);
    expect(some[0]?.reports).toEqual([]);
  });

  it("counts done (on time, late), overdue and in progress", () => {
    const summary = summarise(shown);
    expect(summary).toEqual({
      items: 3,
      done: 1,
      doneOnTime: 0,
      doneLate: 1,
      overdue: 1,
      inProgress: 1,
      other: 0,
    });
    expect(summaryText(summary)).toBe(
      "3 nội dung: 1 đã hoàn thành (0 đúng hạn, 1 chậm hạn), 1 quá hạn, 1 đang thực hiện",
    );
  });
});
