import { describe, expect, it } from "vitest";
import { checkDecision, checkRequest, type RequestFacts } from "./extensions.rules.js";

const facts: RequestFacts = {
  state: "in_progress",
  deadline: { kind: "date", date: "2026-03-31" },
  leadUnitLive: true,
  hasPending: false,
  today: "2026-03-10",
};

describe("checkRequest", () => {
  it.each([
    ["a date after the deadline", facts, "2026-04-30", null],
    ["today, past the deadline of an overdue task", { ...facts, today: "2026-04-05" }, "2026-04-05", null],
    [
      "the deadline day itself",
      facts,
      "2026-03-31",
      { fields: { requestedDate: "Ngày đề nghị gia hạn phải sau hạn hiện tại (31/03/2026)." } },
    ],
    [
      "a day in the past",
      { ...facts, today: "2026-04-05" },
      "2026-04-04",
      { fields: { requestedDate: "Ngày đề nghị gia hạn đã qua: vui lòng chọn một ngày từ hôm nay trở đi." } },
    ],
    [
      "a year deadline read to its last day",
      { ...facts, deadline: { kind: "year", date: "2026-01-01" } },
      "2026-12-31",
      { fields: { requestedDate: "Ngày đề nghị gia hạn phải sau hạn hiện tại (31/12/2026)." } },
    ],
    ["no date", facts, "", { fields: { requestedDate: "Vui lòng chọn ngày đề nghị gia hạn." } }],
    [
      "a second request",
      { ...facts, hasPending: true },
      "2026-04-30",
      { conflict: expect.stringContaining("đang chờ duyệt") },
    ],
    [
      "a lead unit that no longer exists",
      { ...facts, leadUnitLive: false },
      "2026-04-30",
      { conflict: expect.stringContaining("chờ bàn giao") },
    ],
    [
      "no deadline",
      { ...facts, deadline: { kind: "recurring", date: null } },
      "2026-04-30",
      { conflict: expect.stringContaining("không có thời hạn") },
    ],
    [
      "a confirmed task",
      { ...facts, state: "confirmed" },
      "2026-04-30",
      { conflict: expect.stringContaining("đã kết thúc") },
    ],
    [
      "a submitted task",
      { ...facts, state: "submitted" },
      "2026-04-30",
      { conflict: expect.stringContaining("chờ xác nhận") },
    ],
    [
      "a paused task",
      { ...facts, state: "paused" },
      "2026-04-30",
      { conflict: expect.stringContaining("tạm dừng") },
    ],
  ] as const)("%s", (_name, f, date, expected) => {
    expect(checkRequest(f as RequestFacts, date, "Chờ vốn")).toEqual(expected);
  });

  it("asks for a reason", () => {
    expect(checkRequest(facts, "2026-04-30", "  ")).toEqual({
      fields: { reason: "Vui lòng nêu lý do xin gia hạn." },
    });
  });
});

describe("checkDecision", () => {
  const pending = {
    status: "pending",
    state: "in_progress",
    deadline: { kind: "date", date: "2026-03-31" },
    requestedDate: "2026-04-30",
  } as const;
  it("lets a waiting request be granted or refused with a reason", () => {
    expect(checkDecision(pending, "granted", "Đồng ý")).toBeNull();
    expect(checkDecision(pending, "refused", "Cấp bách")).toBeNull();
    expect(checkDecision(pending, "refused", "")).toEqual({
      fields: { reason: "Vui lòng nêu lý do không đồng ý gia hạn." },
    });
  });
  it("refuses deciding twice, on a finished task, or granting a date the deadline already passed", () => {
    expect(checkDecision({ ...pending, status: "granted" }, "refused", "x")).toHaveProperty("conflict");
    expect(checkDecision({ ...pending, state: "cancelled" }, "granted", "x")).toHaveProperty("conflict");
    expect(
      checkDecision({ ...pending, deadline: { kind: "date", date: "2026-05-31" } }, "granted", "x"),
    ).toHaveProperty("conflict");
  });
});
