import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/accounts/accounts.demo.js";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { drillMismatches, followUpReport, REPORTS } from "../support/follow-up-drill.js";
import { TestClient } from "../support/http.js";
import { unitIdAt } from "../units/demo-app.js";

/**
 * The follow-up figures of the demo's present day (07/12/2026: the city's session with phường Việt
 * Hưng, its directives done, in progress and one overdue, the ward's own tasks, the former wards'
 * work waiting for hand-over) equal the lengths of the lists they open: every count of every row of
 * every report, for each account of that story, on the whole tree and on one ward's, on both engines.
 * (The 2021 figures: follow-up-drill.test.ts.)
 */
const TODAY = new Date("2026-12-07T03:00:00Z");
const ACCOUNTS = ["admin", "ubnd.hanoi", "viethung", "lanhdao.viethung"];

describe.each(ENGINES)("present-day follow-up figures open the directives they count, on %s", (engine) => {
  let t: TestApp;
  let vietHung: number;
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-follow-up-today-"));
    t = await createTestApp(engine, { now: TODAY, config: { dataDir } });
    await loadDemoIfEmpty(t.database, TODAY, path.join(dataDir, "media"));
    vietHung = await unitIdAt(t.database.db, "Việt Hưng", "ward", "2026-12-07");
    for (const username of ACCOUNTS) {
      const client = new TestClient(t);
      await client.logIn(username, DEMO_PASSWORD);
      clients.set(username, client);
    }
  }, 180_000);
  afterAll(() => t.close());

  it.each(ACCOUNTS)(
    "%s: every count of every row of every report equals the length of the list it opens",
    async (username) => {
      const client = clients.get(username) as TestClient;
      let checked = 0;
      for (const query of [...REPORTS, ...REPORTS.map((q) => `${q}&unit=${vietHung}`)]) {
        const r = await followUpReport(client, query);
        expect(r.total.total, query).toBeGreaterThan(0);
        const result = await drillMismatches(client, r);
        expect(result.mismatches, query).toEqual([]);
        checked += result.checked;
      }
      // Every report has at least its total line, each with its dozens of counts.
      expect(checked).toBeGreaterThan(REPORTS.length * 2 * 20);
    },
    300_000,
  );

  it("counts the overdue directive of phường Việt Hưng once, in the ward's row and the city's total", async () => {
    const r = await followUpReport(clients.get("ubnd.hanoi") as TestClient, "by=lead");
    const ward = r.groups.find((g) => g.label.normalize("NFC") === "Phường Việt Hưng");
    expect(ward?.summary.byTimeliness.overdue).toBe(1);
    expect(r.total.byTimeliness.overdue).toBe(1);
  });
});
