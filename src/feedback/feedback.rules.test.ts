import { describe, expect, it } from "vitest";
import { addWorkingDays, answerDueDate, reminderFor, workingDaysLeft } from "./answer-deadline.rules.js";
import { challengeDecision, parseSumAnswer, rateDecision, sumQuestion } from "./feedback-abuse.rules.js";
import { CODE_ALPHABET, codeFromBytes, normaliseCode } from "./feedback-code.rules.js";
import { checkFeedback, isContact } from "./feedback-input.rules.js";

describe("the answer deadline: 10 working days", () => {
  it.each([
    // Monday → Monday two weeks on; Friday → Friday two weeks on; a Saturday counts from Monday.
    ["2026-12-07", "2026-12-21"],
    ["2026-12-04", "2026-12-18"],
    ["2026-12-05", "2026-12-18"],
    ["2026-12-31", "2027-01-14"],
  ])("received %s, answer by %s", (received, due) => {
    expect(answerDueDate(received)).toBe(due);
  });

  it("counts working days left, negative once past", () => {
    expect(addWorkingDays("2026-12-11", 1)).toBe("2026-12-14");
    expect(workingDaysLeft("2026-12-07", "2026-12-21")).toBe(10);
    expect(workingDaysLeft("2026-12-21", "2026-12-21")).toBe(0);
    expect(workingDaysLeft("2026-12-22", "2026-12-21")).toBe(-1);
  });

  it.each([
    ["2026-12-07", "2026-12-21", null],
    ["2026-12-17", "2026-12-21", "due_soon"],
    ["2026-12-21", "2026-12-21", "due_soon"],
    ["2026-12-22", "2026-12-21", "overdue"],
  ] as const)("on %s, due %s: %s", (today, due, kind) => {
    expect(reminderFor(today, due)).toBe(kind);
  });
});

describe("tracking codes", () => {
  it("uses no look-alike characters", () => {
    for (const ch of "0O1IL5S2Z8BUV") expect(CODE_ALPHABET).not.toContain(ch);
  });

  it("makes a code from random bytes without bias, skipping bytes past the last whole alphabet", () => {
    expect(codeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5]))).toBe("PA-34679A");
    const limit = 256 - (256 % CODE_ALPHABET.length);
    expect(codeFromBytes(new Uint8Array([limit, 0, 1, 2, 3, 4, 5]))).toBe("PA-34679A");
    expect(codeFromBytes(new Uint8Array([255, 255]))).toBeNull();
  });

  it.each([
    ["PA-7K3M9Q", "PA-7K3M9Q"],
    ["pa-7k3m9q", "PA-7K3M9Q"],
    [" 7K3 M9Q ", "PA-7K3M9Q"],
    ["PA-7K3M9", null],
    ["PA-0K3M9Q", null],
    ["", null],
  ])("reads %j as %j", (typed, code) => {
    expect(normaliseCode(typed)).toBe(code);
  });
});

describe("abuse limits", () => {
  const now = new Date("2026-12-07T03:00:00Z");
  it("lets 5 an hour and 20 a day through, and says when the next may go", () => {
    expect(
      rateDecision({ lastHour: 4, oldestInHour: null, lastDay: 4, oldestInDay: null }, now).allowed,
    ).toBe(true);
    const hour = rateDecision(
      {
        lastHour: 5,
        oldestInHour: "2026-12-07T02:30:00.000Z",
        lastDay: 5,
        oldestInDay: "2026-12-07T02:30:00.000Z",
      },
      now,
    );
    expect(hour).toMatchObject({ allowed: false, retryAfterSeconds: 30 * 60 });
    const day = rateDecision(
      { lastHour: 0, oldestInHour: null, lastDay: 20, oldestInDay: "2026-12-06T04:00:00.000Z" },
      now,
    );
    expect(day).toMatchObject({ allowed: false, retryAfterSeconds: 60 * 60 });
  });

  it("asks the sum in words and reads the answer in digits", () => {
    expect(sumQuestion(7, 5)).toEqual({
      text: "Bảy cộng năm bằng bao nhiêu? (trả lời bằng chữ số)",
      answer: 12,
    });
    expect(parseSumAnswer(" 12 ")).toBe(12);
    expect(parseSumAnswer("mười hai")).toBeNull();
  });

  it("hands out at most 60 challenges to an address in 10 minutes", () => {
    const nowMs = 1_000_000_000;
    const recent = Array.from({ length: 60 }, (_, i) => nowMs - i * 1000);
    expect(challengeDecision(recent, nowMs).allowed).toBe(false);
    expect(challengeDecision(recent, nowMs + 10 * 60 * 1000).allowed).toBe(true);
  });
});

describe("a citizen's input", () => {
  const draft = {
    unitId: 5,
    topic: "environment",
    place: "Ngõ 90",
    text: "Rác tồn đọng đầu ngõ.",
    senderName: "",
    senderContact: "",
    wantsReply: false,
    consent: true,
    photoCount: 0,
  };

  it.each(["0912 345 678", "+84 912.345.678", "024 3872 1234", "an@example.vn"])(
    "takes %s as a contact",
    (c) => {
      expect(isContact(c)).toBe(true);
    },
  );
  it.each(["12345", "an@", "gọi tôi"])("refuses %s as a contact", (c) => {
    expect(isContact(c)).toBe(false);
  });

  it("accepts an anonymous feedback, trimmed", () => {
    const r = checkFeedback({ ...draft, place: "  Ngõ 90 " });
    expect(r).toEqual({
      ok: true,
      value: {
        unitId: 5,
        topic: "environment",
        place: "Ngõ 90",
        text: draft.text,
        senderName: null,
        senderContact: null,
        wantsReply: false,
      },
    });
  });

  it("names every wrong field", () => {
    const r = checkFeedback({
      ...draft,
      unitId: null,
      topic: "x",
      place: "",
      text: "ngắn",
      wantsReply: true,
      consent: false,
      photoCount: 4,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.fields).sort()).toEqual([
        "consent",
        "photos",
        "place",
        "senderContact",
        "text",
        "topic",
        "unitId",
      ]);
  });
});
