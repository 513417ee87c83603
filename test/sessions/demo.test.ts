import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/db/database.js";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { loadSessionsDemo } from "../../src/demo/load-sessions.js";
import { daysOverdueOf, timelinessOf } from "../../src/directives/directives.model.js";
import { listDirectives } from "../../src/directives/directives.repo.js";
import { listProposals } from "../../src/directives/proposals/proposals.repo.js";
import { sqlClock } from "../../src/directives/timeliness-sql.js";
import { createTestDatabase, ENGINES } from "../support/databases.js";
import { storedAndRecomputedCounters } from "../support/follow-up-counters.js";

/** 01/02/2021 in Hà Nội: a year of follow-up has happened. */
const DEMO_DATE = new Date("2021-02-01T02:00:00Z");

describe.each(ENGINES)("the reference session demo on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemoIfEmpty(database, DEMO_DATE, mkdtempSync(path.join(tmpdir(), "giaoban-demo-media-")));
    // Whether or not the demo loader already calls it, the session is there once, afterwards.
    await database.db.transaction().execute((trx) => loadSessionsDemo(trx, DEMO_DATE));
  }, 120_000);
  afterAll(() => database.close());

  it("is loaded once", async () => {
    expect(await database.db.transaction().execute((trx) => loadSessionsDemo(trx, DEMO_DATE))).toBe(false);
    const sessions = await database.db.selectFrom("working_sessions").selectAll().execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      place: "Phòng họp 1 UBND phường Thượng Thanh",
      chair_name: "Đỗ Mạnh Hải",
      starts_at: "2020-01-02T07:00:00.000Z",
    });
    const docs = await database.db.selectFrom("session_documents").selectAll().execute();
    expect(docs).toMatchObject([{ kind: "evaluation", period_key: "2019" }]);
  });

  it("leaves the follow-up counters equal to a count of its directives", async () => {
    const { stored, recomputed } = await storedAndRecomputedCounters(database.db);
    expect(Object.keys(stored).length).toBeGreaterThan(0);
    expect(stored).toEqual(recomputed);
  });

  it("holds the nine conclusions, their directives and child tasks, with a history up to the demo date", async () => {
    const items = await database.db
      .selectFrom("conclusion_items")
      .select(["number", "area"])
      .orderBy("sort_order")
      .execute();
    expect(items.map((i) => i.area)).toEqual([
      "economy",
      "urban_management",
      "land",
      "administrative_reform",
      "culture_society",
      "education",
      "fire_prevention",
      "party_building",
      "proposals",
    ]);
    const { rows } = await listDirectives(database.db, {
      scope: "all",
      clock: sqlClock(DEMO_DATE),
      limit: 100,
      offset: 0,
    });
    const byTimeliness = new Map<string, number>();
    for (const d of rows)
      byTimeliness.set(timelinessOf(d, DEMO_DATE), (byTimeliness.get(timelinessOf(d, DEMO_DATE)) ?? 0) + 1);
    expect(Object.fromEntries(byTimeliness)).toEqual({
      done_on_time: 5,
      done_late: 3,
      overdue: 1,
      in_time: 1,
      no_deadline: 5,
    });
    const overdue = rows.find((d) => timelinessOf(d, DEMO_DATE) === "overdue");
    expect(overdue?.deadline.date).toBe("2020-09-30");
    expect(daysOverdueOf(overdue as NonNullable<typeof overdue>, DEMO_DATE)).toBe(124);
    const grandchild = rows.find((d) => d.title.startsWith("Lấy ý kiến góp ý"));
    const child = rows.find((d) => d.id === grandchild?.parentId);
    expect(rows.find((d) => d.id === child?.parentId)?.lead.name).toBe("Đảng ủy phường Thượng Thanh");
  });

  it("has two answered proposals, one of them turned into a directive", async () => {
    const proposals = await listProposals(database.db, { scope: "all", limit: 10 });
    expect(proposals.map((p) => p.status)).toEqual(["answered", "resolved"]);
    expect(proposals.every((p) => p.answer && p.sessionId)).toBe(true);
    expect(proposals[1]?.directiveId).not.toBeNull();
  });

  it("replays only what happened before an earlier demo date", async () => {
    const early = await createTestDatabase(engine);
    try {
      const date = new Date("2020-03-01T02:00:00Z");
      await loadDemoIfEmpty(early, date, mkdtempSync(path.join(tmpdir(), "giaoban-demo-media-")));
      await early.db.transaction().execute((trx) => loadSessionsDemo(trx, date));
      const confirmed = await early.db
        .selectFrom("directives")
        .select("id")
        .where("state", "=", "confirmed")
        .execute();
      expect(confirmed).toHaveLength(0);
      const reports = await early.db.selectFrom("directive_reports").select("at").execute();
      expect(reports.every((r) => r.at <= date.toISOString())).toBe(true);
    } finally {
      await early.close();
    }
  }, 120_000);
});
