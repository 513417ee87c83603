import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/accounts/accounts.demo.js";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { unitIdAt } from "../units/demo-app.js";

const TODAY = new Date("2026-12-07T03:00:00Z");

describe.each(ENGINES)("the demo's hand-over in progress on %s", (engine) => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-handover-demo-"));
    t = await createTestApp(engine, { now: TODAY, config: { dataDir } });
    expect(await loadDemoIfEmpty(t.database, TODAY, path.join(dataDir, "media"))).toBe(true);
    admin = new TestClient(t);
    await admin.logIn("admin", DEMO_PASSWORD);
  }, 240_000);
  afterAll(() => t.close());

  it("has moved some of Thượng Thanh's directives to Việt Hưng in July 2025, one split with Bồ Đề", async () => {
    const db = t.database.db;
    const thuongThanh = await unitIdAt(db, "Thượng Thanh", "ward", "2020-01-02");
    const vietHung = await unitIdAt(db, "Việt Hưng", "ward", "2026-01-01");
    const boDe = await unitIdAt(db, "Bồ Đề", "ward", "2026-01-01");
    const decisions = await db.selectFrom("handover_decisions").selectAll().orderBy("id").execute();
    expect(decisions.map((d) => [d.action, d.to_unit_id])).toEqual([
      ["move", vietHung],
      ["move", vietHung],
      ["split", vietHung],
      ["split", boDe],
    ]);
    expect(
      decisions.every(
        (d) =>
          d.from_unit_id === thuongThanh &&
          d.legal_basis === "NQ 1656/NQ-UBTVQH15" &&
          d.decided_at.startsWith("2025-07-15"),
      ),
    ).toBe(true);
    const moved = decisions[0]?.item_id ?? 0;
    const { html } = await admin.page(`/quan-tri/nhiem-vu/${moved}`);
    expect(html).toContain("Tiếp nhận từ phường Thượng Thanh (NQ 1656/NQ-UBTVQH15)");
    const audits = await db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "like", "handover%")
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(["handover", "handover", "handover_split"]);
  });

  it("still has work waiting, the directive due 30/09/2020 among it as 'chờ bàn giao', not overdue", async () => {
    const db = t.database.db;
    const thuongThanh = await unitIdAt(db, "Thượng Thanh", "ward", "2020-01-02");
    const response = await admin.request(`/api/v1/handovers?unit=${thuongThanh}`, {
      headers: { accept: "application/json" },
    });
    const items = ((await response.json()) as { data: { kind: string; id: number }[] }).data;
    expect(items.map((i) => i.kind)).toEqual(["directive", "directive", "directive", "proposal"]);
    const late = await db
      .selectFrom("directives")
      .select("id")
      .where("deadline_date", "=", "2020-09-30")
      .executeTakeFirstOrThrow();
    expect(items.some((i) => i.kind === "directive" && i.id === late.id)).toBe(true);
    const detail = await admin.request(`/api/v1/directives/${late.id}`, {
      headers: { accept: "application/json" },
    });
    expect(((await detail.json()) as { data: { timeliness: string } }).data.timeliness).toBe(
      "awaiting_handover",
    );
    const page = await admin.page("/quan-tri/theo-doi");
    expect(page.html).not.toContain("2.259");
  });
});
