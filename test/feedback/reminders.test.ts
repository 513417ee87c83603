import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFeedback } from "../../src/feedback/feedback.repo.js";
import {
  createFeedbackReminderJob,
  runFeedbackReminders,
} from "../../src/feedback/feedback-reminders.job.js";
import { ENGINES } from "../support/databases.js";
import { createFeedbackWorld, type FeedbackWorld } from "./world.js";

describe.each(ENGINES)("feedback reminders on %s", (engine) => {
  let w: FeedbackWorld;
  const sent: { to: string[]; subject: string; text: string }[] = [];
  const deps = () => ({
    mailer: { sendMail: async (m: { to: string[]; subject: string; text: string }) => sent.push(m) },
    from: "giaoban <no-reply@example.vn>",
    baseUrl: new URL("https://phuong.example.vn"),
  });

  beforeAll(async () => {
    w = await createFeedbackWorld(engine);
    const db = w.t.database.db;
    await db
      .updateTable("users")
      .set({ email: "canbo.a@example.vn" })
      .where("username", "=", "canbo.a")
      .execute();
    await db
      .updateTable("users")
      .set({ email: "bientap.a@example.vn" })
      .where("username", "=", "bientap.a")
      .execute();
    await db
      .updateTable("users")
      .set({ email: "canbo.b@example.vn" })
      .where("username", "=", "canbo.b")
      .execute();
    for (const [code, due] of [
      ["PA-333333", "2026-12-21"],
      ["PA-444444", "2026-12-08"],
    ] as const)
      await insertFeedback(db, {
        code,
        unitId: w.wardA,
        topic: "other",
        place: `Tổ ${code}`,
        text: "Nội dung phản ánh thử nhắc hạn.",
        senderName: null,
        senderContact: null,
        wantsReply: false,
        answerDue: due,
        senderKey: "test",
        now: new Date("2026-11-20T03:00:00Z"),
      });
  });
  afterAll(async () => w?.close());

  it("mails the ward's handlers once when the deadline nears and once when it has passed", async () => {
    const db = w.t.database.db;
    // 07/12: PA-444444 is due tomorrow; PA-333333 has 10 working days left.
    expect(await runFeedbackReminders(db, new Date("2026-12-07T01:00:00Z"), deps())).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(["canbo.a@example.vn"]);
    expect(sent[0]?.subject).toBe("Phản ánh PA-444444 sắp đến hạn trả lời (08/12/2026)");
    expect(sent[0]?.text).toContain("https://phuong.example.vn/quan-tri/phan-anh/PA-444444");
    // The same day again: nothing more.
    expect(await runFeedbackReminders(db, new Date("2026-12-07T05:00:00Z"), deps())).toBe(0);
    // 09/12: PA-444444 is overdue.
    expect(await runFeedbackReminders(db, new Date("2026-12-09T01:00:00Z"), deps())).toBe(1);
    expect(sent[1]?.subject).toContain("PA-444444 đã quá hạn");
    // Answered: no more reminders for it.
    await db.updateTable("feedbacks").set({ state: "answered" }).where("code", "=", "PA-333333").execute();
    expect(await runFeedbackReminders(db, new Date("2026-12-22T01:00:00Z"), deps())).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it("deletes a sender's name and contact five years after the answer, and keeps the feedback", async () => {
    const db = w.t.database.db;
    await insertFeedback(db, {
      code: "PA-666666",
      unitId: w.wardA,
      topic: "other",
      place: "Tổ 6",
      text: "Phản ánh cũ đã trả lời.",
      senderName: "Lê Văn Bình",
      senderContact: "binh@example.vn",
      wantsReply: true,
      answerDue: "2021-12-15",
      senderKey: "test",
      now: new Date("2021-12-01T03:00:00Z"),
    });
    await db
      .updateTable("feedbacks")
      .set({ state: "answered", answer: "Đã xử lý.", answered_at: "2021-12-06T03:00:00.000Z" })
      .where("code", "=", "PA-666666")
      .execute();
    const job = createFeedbackReminderJob(deps());
    await job.run(db, new Date("2026-12-01T03:00:00Z"));
    const kept = await db
      .selectFrom("feedbacks")
      .select(["sender_name"])
      .where("code", "=", "PA-666666")
      .executeTakeFirstOrThrow();
    expect(kept.sender_name).toBe("Lê Văn Bình");
    await job.run(db, new Date("2026-12-07T03:00:00Z"));
    const row = await db
      .selectFrom("feedbacks")
      .select(["sender_name", "sender_contact", "answer"])
      .where("code", "=", "PA-666666")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sender_name: null, sender_contact: null, answer: "Đã xử lý." });
  });
});
