import type { AddressInfo } from "node:net";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadHierarchy } from "../../src/core/access/hierarchy.repo.js";
import type { Database } from "../../src/core/db/database.js";
import { JobScheduler } from "../../src/core/jobs/scheduler.js";
import { deadlineColumns } from "../../src/directives/directives.model.js";
import { createDirective } from "../../src/directives/directives.service.js";
import { createReminderJob } from "../../src/directives/reminders/reminders.job.js";
import { createTestDatabase, ENGINES } from "../support/databases.js";
import { type Seeded, seedRegistry } from "./seed.js";

interface Mail {
  to: string[];
  subject: string;
}

/** A local mail sink on 127.0.0.1: accepts everything, keeps what it received. */
async function startMailSink(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = raw.match(/^Subject: (.*)$/m)?.[1] ?? "";
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(ENGINES)("reminders on %s", (engine) => {
  let database: Database;
  let s: Seeded;
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  let directiveId: number;
  const config = () => ({
    smtp: { url: sink.url, from: "giaoban <nhac-viec@example.vn>" },
    publicBaseUrl: new URL("http://localhost"),
  });

  beforeAll(async () => {
    sink = await startMailSink();
    database = await createTestDatabase(engine);
    s = await seedRegistry(database.db);
    const db = database.db;
    await db
      .updateTable("users")
      .set({ email: "phuong@example.vn" })
      .where("username", "=", "ward")
      .execute();
    await db
      .updateTable("users")
      .set({ email: "vanphong@example.vn" })
      .where("username", "=", "office")
      .execute();
    const office = await db
      .selectFrom("users")
      .select(["id", "username", "display_name"])
      .where("username", "=", "office")
      .executeTakeFirstOrThrow();
    const actor = {
      userId: office.id,
      username: office.username,
      displayName: office.display_name,
      grants: [{ role: "unit_admin" as const, unitId: s.district, validFrom: "2019-01-01", validTo: null }],
    };
    directiveId = await createDirective(
      db,
      {
        title: "Xây dựng phương án sắp xếp chợ tổ 29",
        lead: { unitId: s.ward, organisationId: null },
        coordinators: [],
        deadline: { kind: "date", date: "2020-01-10", phrase: "trước ngày 10/01/2020" },
        assigningUnitId: s.district,
        assignerPersonId: null,
        assignerName: null,
      },
      {
        actor,
        hierarchy: await loadHierarchy(db),
        today: "2020-01-02",
        now: new Date("2020-01-02T03:00:00Z"),
        ip: null,
      },
    );
  });
  afterAll(async () => {
    await database.close();
    await sink.close();
  });

  const at = (iso: string) => new Date(iso);

  it("sends the 7-day reminder once, however many runs and processes", async () => {
    const job = createReminderJob(config());
    const now = at("2020-01-03T01:00:00Z"); // 03/01 in Hà Nội: 7 days before 10/01
    await Promise.all([
      job.run(database.db, now),
      job.run(database.db, now),
      createReminderJob(config()).run(database.db, now),
    ]);
    await job.run(database.db, at("2020-01-04T01:00:00Z"));
    expect(sink.mails).toEqual([{ to: ["phuong@example.vn"], subject: expect.stringContaining("=?UTF-8?") }]);
    const ledger = await database.db.selectFrom("reminders_sent").selectAll().execute();
    expect(ledger).toMatchObject([
      { directive_id: directiveId, kind: "7d", due_on: "2020-01-10", mail_status: "sent", recipients: 1 },
    ]);
    const notes = await database.db
      .selectFrom("notifications")
      .select(["kind", "title", "link"])
      .where("kind", "like", "reminder_%")
      .execute();
    expect(notes).toEqual([
      {
        kind: "reminder_7d",
        title: "Nhiệm vụ còn 7 ngày đến hạn: Xây dựng phương án sắp xếp chợ tổ 29",
        link: `/quan-tri/nhiem-vu/${directiveId}`,
      },
    ]);
  });

  it("survives a restart: a new scheduler on the same database does not send again", async () => {
    const logger = pino({ level: "silent" });
    let now = at("2020-01-08T01:00:00Z"); // 2 days left: the 3-day reminder
    const first = new JobScheduler(database.db, [createReminderJob(config())], logger, () => now);
    expect(await first.tick()).toEqual(["directive-reminders"]);
    // Restarted later the same day with its job row forced due again: the ledger still says "sent".
    await database.db
      .updateTable("jobs")
      .set({ next_run_at: now.toISOString() })
      .where("name", "=", "directive-reminders")
      .execute();
    now = at("2020-01-08T05:00:00Z");
    const second = new JobScheduler(database.db, [createReminderJob(config())], logger, () => now);
    expect(await second.tick()).toEqual(["directive-reminders"]);
    expect(sink.mails.map((m) => m.to)).toEqual([["phuong@example.vn"], ["phuong@example.vn"]]);
    expect(
      (await database.db.selectFrom("reminders_sent").select("kind").orderBy("id").execute()).map(
        (r) => r.kind,
      ),
    ).toEqual(["7d", "3d"]);
  });

  it("skips the reminders a missed day would have sent and tells the assigner once it is overdue", async () => {
    const job = createReminderJob(config());
    await job.run(database.db, at("2020-01-11T01:00:00Z")); // 11/01: one day late; 1-day reminder never sent
    await job.run(database.db, at("2020-01-12T01:00:00Z"));
    expect(sink.mails).toHaveLength(3);
    expect(sink.mails[2]?.to.sort()).toEqual(["phuong@example.vn", "vanphong@example.vn"]);
    const kinds = await database.db.selectFrom("reminders_sent").select("kind").orderBy("id").execute();
    expect(kinds.map((r) => r.kind)).toEqual(["7d", "3d", "overdue"]);
  });

  it("keeps in-app notifications without SMTP", async () => {
    await database.db
      .updateTable("directives")
      .set({ deadline_date: "2020-01-20", ...deadlineColumns("date", "2020-01-20") })
      .where("id", "=", directiveId)
      .execute();
    const job = createReminderJob({ smtp: null, publicBaseUrl: new URL("http://localhost") });
    await job.run(database.db, at("2020-01-13T01:00:00Z"));
    const last = await database.db
      .selectFrom("reminders_sent")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ kind: "7d", due_on: "2020-01-20", mail_status: "none" });
    expect(sink.mails).toHaveLength(3);
  });

  it("reminds nobody of work whose lead unit has ended: it awaits hand-over", async () => {
    const db = database.db;
    await db
      .updateTable("directives")
      .set({ deadline_date: "2020-02-05", ...deadlineColumns("date", "2020-02-05") })
      .where("id", "=", directiveId)
      .execute();
    await db.updateTable("units").set({ valid_to: "2020-01-31" }).where("id", "=", s.ward).execute();
    const count = async () => (await db.selectFrom("reminders_sent").select("id").execute()).length;
    const before = await count();
    const job = createReminderJob({ smtp: null, publicBaseUrl: new URL("http://localhost") });
    await job.run(db, at("2020-02-03T01:00:00Z")); // 2 days before the deadline, 3 days after the ward ended
    expect(await count()).toBe(before);
    await db.updateTable("units").set({ valid_to: null }).where("id", "=", s.ward).execute();
    await job.run(db, at("2020-02-03T01:00:00Z"));
    expect(await count()).toBe(before + 1);
  });
});
