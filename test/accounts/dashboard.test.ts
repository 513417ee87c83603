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

/** 01/02/2021 in Hà Nội: a year of follow-up has happened (as test/sessions/demo.test.ts). */
const DEMO_DATE = new Date("2021-02-01T02:00:00Z");
/** Five days before the deadline (30/09/2020) of the demo's directive that runs late: it is due soon. */
const BEFORE_DEADLINE = new Date("2020-09-25T02:00:00Z");

interface Card {
  key: string;
  label: string;
  count: number;
  href: string;
}

/** Rows of a list page: table body rows (directives, proposals, articles, the approval queue) or notification cards. */
function rowsOf(html: string): number {
  const main = html.slice(html.indexOf("<main"));
  const bodies = [...main.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1] ?? "");
  const tableRows = bodies.reduce((n, body) => n + (body.match(/<tr[\s>]/g)?.length ?? 0), 0);
  const notices = main.match(/<li class="card">/g)?.length ?? 0;
  return tableRows + notices;
}

/** Every row of the list `href` opens, following its pages (`trang=2`, …). */
async function listLength(client: TestClient, href: string): Promise<number> {
  let total = 0;
  for (let page = 1; page < 100; page++) {
    const url = page === 1 ? href : `${href}${href.includes("?") ? "&" : "?"}trang=${page}`;
    const { response, html } = await client.page(url);
    expect(response.status, url).toBe(200);
    total += rowsOf(html);
    if (!new RegExp(`trang=${page + 1}\\b`).test(html)) return total;
  }
  throw new Error(`too many pages at ${href}`);
}

async function cardsOf(client: TestClient): Promise<Card[]> {
  const response = await client.request("/api/v1/dashboard", { headers: { accept: "application/json" } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { cards: Card[] } }).data.cards;
}

const byKey = (cards: Card[]) => Object.fromEntries(cards.map((c) => [c.key, c.count]));

describe.each(ENGINES)("the personal dashboard on %s", (engine) => {
  let t: TestApp;
  const clients = new Map<string, TestClient>();

  async function as(username: string): Promise<TestClient> {
    const known = clients.get(username);
    if (known) return known;
    const client = new TestClient(t);
    await client.logIn(username, DEMO_PASSWORD);
    clients.set(username, client);
    return client;
  }

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-dashboard-"));
    t = await createTestApp(engine, { now: DEMO_DATE, config: { dataDir } });
    await loadDemoIfEmpty(t.database, DEMO_DATE, path.join(dataDir, "media"));
    // The demo has all its work done; put some of it back in the states the cards count.
    const db = t.database.db;
    const thuongThanh = await unitIdAt(db, "Thượng Thanh", "ward", "2020-01-02");
    const waiting = await db
      .selectFrom("results")
      .select("id")
      .where("unit_id", "=", thuongThanh)
      .orderBy("id")
      .limit(4)
      .execute();
    await db
      .updateTable("results")
      .set({
        status: "submitted",
        approved_by: null,
        approved_at: null,
        submitted_at: DEMO_DATE.toISOString(),
      })
      .where(
        "id",
        "in",
        waiting.map((r) => r.id),
      )
      .execute();
    const articles = await db.selectFrom("articles").select("id").orderBy("id").execute();
    expect(articles.length).toBeGreaterThanOrEqual(2);
    await db
      .updateTable("articles")
      .set({ status: "submitted", published_at: null })
      .where("id", "=", articles[0]?.id ?? 0)
      .execute();
    await db
      .updateTable("articles")
      .set({ status: "scheduled", published_at: "2021-03-01T01:00:00.000Z" })
      .where("id", "=", articles[1]?.id ?? 0)
      .execute();
    await db
      .updateTable("proposals")
      .set({
        status: "unanswered",
        answer: null,
        answered_at: null,
        answered_by: null,
        answer_organisation_id: null,
      })
      .where("status", "=", "answered")
      .execute();
  }, 180_000);
  afterAll(() => t.close());

  const ACCOUNTS = ["admin", "vanphong.longbien", "thuongthanh", "bientap", "yte.longbien"];

  describe.each([
    ["01/02/2021", DEMO_DATE],
    ["25/09/2020", BEFORE_DEADLINE],
  ])("on %s", (_day, now) => {
    beforeAll(() => t.setNow(now));

    it.each(ACCOUNTS)("counts for %s exactly the rows of the list each card opens", async (username) => {
      const client = await as(username);
      for (const card of await cardsOf(client)) {
        expect({ key: card.key, rows: await listLength(client, card.href) }).toEqual({
          key: card.key,
          rows: card.count,
        });
      }
    });
  });

  it("shows each person the cards their roles can apply to, zeros included", async () => {
    t.setNow(DEMO_DATE);
    expect(byKey(await cardsOf(await as("vanphong.longbien")))).toEqual({
      "targets.approvals": 4,
      "directives.overdue": 1,
      "directives.dueSoon": 0,
      "directives.extensionRequests": 0,
      "proposals.toAnswer": 1,
      "notifications.unread": 3,
      // A unit admin may decide hand-overs; in 2021 no unit of the demo has ended yet.
      "handovers.waiting": 0,
      // Citizens' feedback came with the portal's form in 2026: none in 2021.
      "feedback.waiting": 0,
      "feedback.overdue": 0,
    });
    expect(Object.keys(byKey(await cardsOf(await as("bientap"))))).toEqual([
      "articles.submitted",
      "articles.scheduled",
      "notifications.unread",
    ]);
    // The ward cannot approve its own figures; the card shows, at 0.
    expect(byKey(await cardsOf(await as("thuongthanh")))).toMatchObject({ "targets.approvals": 0 });
    expect(byKey(await cardsOf(await as("admin")))).toMatchObject({
      "targets.approvals": 4,
      "articles.submitted": 1,
      "articles.scheduled": 1,
    });
    t.setNow(BEFORE_DEADLINE);
    expect(byKey(await cardsOf(await as("vanphong.longbien")))).toMatchObject({
      "directives.overdue": 0,
      "directives.dueSoon": 1,
    });
    t.setNow(DEMO_DATE);
  });

  it("counts only my directives: not those I merely may read", async () => {
    t.setNow(DEMO_DATE);
    const yte = await as("yte.longbien");
    expect(byKey(await cardsOf(yte))["directives.overdue"]).toBe(0);
    expect(await listLength(yte, "/quan-tri/nhiem-vu?tien_do=overdue")).toBe(1);
  });

  it("answers the documented shape, and 401 to anonymous callers", async () => {
    const cards = await cardsOf(await as("thuongthanh"));
    for (const card of cards) {
      expect(Object.keys(card).sort()).toEqual(["count", "href", "key", "label"]);
      expect(card.href).toMatch(/^\/quan-tri\//);
      expect(Number.isInteger(card.count) && card.count >= 0).toBe(true);
    }
    const anonymous = await t.app.request("/api/v1/dashboard", { headers: { accept: "application/json" } });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it("shows the cards on /quan-tri with vi-VN numbers, each linking to its list", async () => {
    t.setNow(DEMO_DATE);
    const client = await as("thuongthanh");
    const { html } = await client.page("/quan-tri");
    expect(html).toContain("Việc của tôi");
    for (const card of await cardsOf(client)) {
      expect(html).toContain(`href="${card.href.replaceAll("&", "&amp;")}"`);
      expect(html).toContain(card.label);
    }
    expect(html).toContain('<span class="dashboard-count">13</span>');
  });
});
