import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedRegistry } from "../sessions/seed.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";

interface Card {
  key: string;
  label: string;
  count: number;
  href: string;
}

/** The admin menu of a page, as "label (count)" per entry. */
function menuOf(html: string): string[] {
  const nav = html.match(/<nav aria-label="Quản trị" class="admin-nav">([\s\S]*?)<\/nav>/)?.[1] ?? "";
  return [...nav.matchAll(/<a href="[^"]*"[^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    (m[1] ?? "").replace(/<[^>]+>/g, ""),
  );
}

describe.each(ENGINES)("counts beside the admin menu on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;

  async function cardsOf(client: TestClient): Promise<Record<string, number>> {
    const res = await client.request("/api/v1/dashboard", { headers: { accept: "application/json" } });
    const cards = ((await res.json()) as { data: { cards: Card[] } }).data.cards;
    return Object.fromEntries(cards.map((c) => [c.key, c.count]));
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-05-04T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
    // Two tasks for the ward: one already late (the office assigned it, so it is the office's too),
    // one the ward asks to extend.
    for (const [title, date] of [
      ["Hoàn thành hồ sơ quyết toán công trình", "2020-04-30"],
      ["Tổ chức Ngày hội đại đoàn kết", "2020-06-30"],
    ]) {
      const res = await office.sendJson("POST", "/api/v1/directives", {
        title,
        lead: { unitId: s.ward },
        deadline: { kind: "date", date },
        assigningUnitId: s.district,
      });
      expect(res.status).toBe(201);
    }
    const [, later] = await t.database.db.selectFrom("directives").select("id").orderBy("id").execute();
    const asked = await ward.sendJson("POST", `/api/v1/directives/${later?.id}/extension-requests`, {
      requestedDate: "2020-08-31",
      reason: "Chờ ý kiến của Thành phố.",
    });
    expect(asked.status).toBe(201);
  });
  afterAll(() => t.close());

  it("shows beside each entry the count of its dashboard card, only when work waits", async () => {
    const cards = await cardsOf(office);
    expect(cards).toMatchObject({
      "directives.overdue": 1,
      "directives.extensionRequests": 1,
      "notifications.unread": 1,
      "targets.approvals": 0,
    });
    for (const path of ["/quan-tri", "/quan-tri/nhiem-vu", "/quan-tri/theo-doi"]) {
      const menu = menuOf((await office.page(path)).html);
      expect(menu).toContain(`Nhiệm vụ (${cards["directives.overdue"]})`);
      expect(menu).toContain(`Đề nghị gia hạn (${cards["directives.extensionRequests"]})`);
      expect(menu).toContain(`Thông báo của tôi (${cards["notifications.unread"]})`);
      // Nothing waits for approval: no count.
      expect(menu).toContain("Phê duyệt số liệu");
    }
    // The ward: its late task, and the notice of the new tasks; it decides no extension of the office.
    const wardCards = await cardsOf(ward);
    const wardMenu = menuOf((await ward.page("/quan-tri/nhiem-vu")).html);
    expect(wardMenu).toContain(`Nhiệm vụ (${wardCards["directives.overdue"]})`);
    expect(wardMenu).toContain(`Thông báo của tôi (${wardCards["notifications.unread"]})`);
    expect(wardMenu).toContain("Đề nghị gia hạn");
    expect(wardCards["directives.extensionRequests"]).toBe(0);
  });

  it("folds the same menu behind 'Trình đơn' for phones, the button carrying the sum of the counts", async () => {
    const { html } = await office.page("/quan-tri/theo-doi");
    const phone = html.match(/<details class="phone-menu">([\s\S]*?)<\/details>/)?.[1] ?? "";
    const wide = html.match(/<nav aria-label="Quản trị" class="admin-nav">([\s\S]*?)<\/nav>/)?.[1];
    expect(phone).toContain(`<nav aria-label="Quản trị" class="phone-nav">${wide}</nav>`);
    const counts = menuOf(html).map((label) => Number(/\((\d+)\)$/.exec(label)?.[1] ?? 0));
    const sum = counts.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(0);
    expect(phone).toContain(`<summary>Trình đơn<span class="nav-count"> (${sum} việc chờ)</span></summary>`);
  });

  it("follows the cards when the work is done", async () => {
    const [, later] = await t.database.db.selectFrom("directives").select("id").orderBy("id").execute();
    const request = await t.database.db
      .selectFrom("directive_extensions")
      .select("id")
      .executeTakeFirstOrThrow();
    const res = await office.sendJson(
      "POST",
      `/api/v1/directives/${later?.id}/extension-requests/${request.id}/decision`,
      { decision: "granted", reason: "Đồng ý." },
    );
    expect(res.status).toBe(200);
    const menu = menuOf((await office.page("/quan-tri/nhiem-vu")).html);
    expect(menu).toContain("Đề nghị gia hạn");
    expect((await cardsOf(office))["directives.extensionRequests"]).toBe(0);
  });

  it("draws no counts for anonymous visitors", async () => {
    const { html } = await new TestClient(t).page("/");
    expect(html).not.toContain("nav-count");
  });
});
