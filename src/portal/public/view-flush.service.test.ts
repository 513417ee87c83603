import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { addArticleViews, insertArticle } from "../articles/articles.repo.js";
import { createViewCounter } from "./view-flush.service.js";

const BROWSER =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const START = new Date("2020-01-03T01:00:00Z");

describe.each(ENGINES)("article view counting on %s", (engine) => {
  let t: TestApp;
  let articleId: number;
  let unitId: number;
  let now = START;

  const storedViews = async (id = articleId) =>
    Number(
      (
        await t.database.db
          .selectFrom("articles")
          .select("views")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).views,
    );
  const counter = () => createViewCounter(t.database, t.ctx.config, () => now);

  beforeAll(async () => {
    t = await createTestApp(engine, { now: START });
    unitId = await createUnit(t.database.db, { name: "Thượng Thanh" });
    articleId = await insertArticle(t.database.db, {
      slug: "ban-thuong-vu-lam-viec",
      title: "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh",
      lead: null,
      bodyHtml: "<p>Nội dung</p>",
      status: "published",
      publishedAt: "2020-01-02T14:49:00.000Z",
      unitId,
      categoryId: null,
      authorId: null,
      now: START,
    });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    now = START;
    t.setNow(START);
    await t.database.db.updateTable("articles").set({ views: 129 }).where("id", "=", articleId).execute();
  });

  it("buffers page views: no database write per request, one additive write per flush", async () => {
    const views = t.ctx.viewCounter;
    await views.flush();
    for (let i = 0; i < 5; i++) {
      const visitor = new TestClient(t, `198.51.100.${i + 1}`);
      const res = await visitor.request("/tin-tuc/ban-thuong-vu-lam-viec");
      expect(res.status).toBe(200);
    }
    expect(await storedViews()).toBe(129);
    expect(views.pending(articleId)).toBe(5);
    // The page shows stored + pending as they were before this visit: the sixth reader sees the
    // five earlier readers counted, and their own view from their next visit on.
    const sixth = await new TestClient(t, "198.51.100.99").page("/tin-tuc/ban-thuong-vu-lam-viec");
    expect(sixth.html).toContain("Lượt xem: 134</p>");

    // Someone else adds 10 meanwhile (another process): the flush adds, it does not overwrite.
    await addArticleViews(t.database.db, new Map([[articleId, 10]]));
    await views.flush();
    expect(await storedViews()).toBe(145);
    expect(views.pending(articleId)).toBe(0);
    await views.flush();
    expect(await storedViews()).toBe(145);
  });

  it("counts a visitor once per 30 minutes", async () => {
    const views = counter();
    expect(views.record(articleId, "203.0.113.5", BROWSER)).toBe(true);
    now = new Date(START.getTime() + 29 * 60_000);
    expect(views.record(articleId, "203.0.113.5", BROWSER)).toBe(false);
    // Another address is another reader.
    expect(views.record(articleId, "203.0.113.6", BROWSER)).toBe(true);
    now = new Date(START.getTime() + 30 * 60_000);
    expect(views.record(articleId, "203.0.113.5", BROWSER)).toBe(true);
    await views.stop();
    expect(await storedViews()).toBe(132);
  });

  it("does not count again for a changed User-Agent: 2.000 browsers at one address are one view", async () => {
    const views = counter();
    let counted = 0;
    for (let i = 0; i < 2000; i++)
      if (views.record(articleId, "203.0.113.9", `${BROWSER} Build/${i}`)) counted++;
    expect(counted).toBe(1);
    // An IPv6 reader may use any address of its /64; the mapped form of an IPv4 address is that address.
    expect(views.record(articleId, "2001:db8:aa:bb::1", BROWSER)).toBe(true);
    expect(views.record(articleId, "2001:0db8:00aa:00bb:1:2:3:4", BROWSER)).toBe(false);
    expect(views.record(articleId, "2001:db8:aa:bc::1", BROWSER)).toBe(true);
    expect(views.record(articleId, "::ffff:203.0.113.9", BROWSER)).toBe(false);
    await views.stop();
    expect(await storedViews()).toBe(132);
  });

  it("counts each article separately for one address", async () => {
    const views = counter();
    const other = await insertArticle(t.database.db, {
      slug: "bai-khac",
      title: "Bài khác",
      lead: null,
      bodyHtml: "<p>Nội dung</p>",
      status: "published",
      publishedAt: "2020-01-02T14:49:00.000Z",
      unitId,
      categoryId: null,
      authorId: null,
      now: START,
    });
    expect(views.record(articleId, "203.0.113.10", BROWSER)).toBe(true);
    expect(views.record(other, "203.0.113.10", BROWSER)).toBe(true);
    await views.stop();
    expect(await storedViews()).toBe(130);
    expect(await storedViews(other)).toBe(1);
  });

  it("counts a reload through the app only after the window, with the test clock", async () => {
    const reader = new TestClient(t, "192.0.2.44");
    await t.ctx.viewCounter.flush();
    await reader.request("/tin-tuc/ban-thuong-vu-lam-viec");
    await reader.request("/tin-tuc/ban-thuong-vu-lam-viec");
    expect(t.ctx.viewCounter.pending(articleId)).toBe(1);
    t.setNow(new Date(START.getTime() + 31 * 60_000));
    const third = await reader.page("/tin-tuc/ban-thuong-vu-lam-viec");
    expect(t.ctx.viewCounter.pending(articleId)).toBe(2);
    expect(third.html).toContain("Lượt xem: 130</p>");
    await t.ctx.viewCounter.flush();
    expect(await storedViews()).toBe(131);
  });

  it("ignores bots and requests without a user agent", async () => {
    await t.ctx.viewCounter.flush();
    const bot = new TestClient(t, "66.249.66.1");
    const res = await bot.request("/tin-tuc/ban-thuong-vu-lam-viec", {
      headers: { "user-agent": GOOGLEBOT },
    });
    expect(res.status).toBe(200);
    expect(t.ctx.viewCounter.pending(articleId)).toBe(0);
    const views = counter();
    expect(views.record(articleId, "66.249.66.1", GOOGLEBOT)).toBe(false);
    expect(views.record(articleId, "66.249.66.1", "curl/8.5.0")).toBe(false);
    expect(views.record(articleId, "66.249.66.1", undefined)).toBe(false);
    await views.stop();
    expect(await storedViews()).toBe(129);
  });

  it("does not count HEAD requests", async () => {
    await t.ctx.viewCounter.flush();
    const res = await new TestClient(t, "192.0.2.80").request("/tin-tuc/ban-thuong-vu-lam-viec", {
      method: "HEAD",
    });
    expect(res.status).toBe(200);
    expect(t.ctx.viewCounter.pending(articleId)).toBe(0);
  });

  it("adds up the flushes of two counters (two processes) into one database", async () => {
    const first = counter();
    const second = counter();
    for (let i = 0; i < 3; i++) first.record(articleId, `10.0.0.${i}`, BROWSER);
    for (let i = 0; i < 4; i++) second.record(articleId, `10.0.1.${i}`, BROWSER);
    await Promise.all([first.flush(), second.flush()]);
    expect(await storedViews()).toBe(136);
  });

  it("stop() writes what is left", async () => {
    const views = counter();
    views.record(articleId, "10.0.2.1", BROWSER);
    views.record(articleId, "10.0.2.2", BROWSER);
    expect(await storedViews()).toBe(129);
    await views.stop();
    expect(await storedViews()).toBe(131);
    expect(views.pending(articleId)).toBe(0);
  });

  it("writes each flush to the Vietnamese day it happens on, for the most-read ranking of a period", async () => {
    const dailyViews = async () =>
      (
        await t.database.db
          .selectFrom("article_daily_views")
          .select(["day", "views"])
          .where("article_id", "=", articleId)
          .orderBy("day")
          .execute()
      ).map((r) => [r.day, Number(r.views)]);
    await t.database.db.deleteFrom("article_daily_views").execute();
    const views = counter();
    // 23:50 on 03/01/2020 in Hà Nội is still 16:50 UTC of the same day; 00:10 is the next day.
    now = new Date("2020-01-03T16:50:00Z");
    views.record(articleId, "10.0.4.1", BROWSER);
    views.record(articleId, "10.0.4.2", BROWSER);
    await views.flush();
    now = new Date("2020-01-03T17:10:00Z");
    views.record(articleId, "10.0.4.3", BROWSER);
    await views.stop();
    expect(await dailyViews()).toEqual([
      ["2020-01-03", 2],
      ["2020-01-04", 1],
    ]);
    expect(await storedViews()).toBe(132);
  });

  it("keeps the counts when a flush fails, and writes them on the next flush", async () => {
    let failing = true;
    const writes: Map<number, number>[] = [];
    const { ViewCounter } = await import("./view-counter.js");
    const views = new ViewCounter(
      async (counts) => {
        if (failing) throw new Error("database unavailable");
        writes.push(new Map(counts));
        await addArticleViews(t.database.db, counts);
      },
      "secret-secret-secret-secret-secret-12",
      () => now,
    );
    views.record(articleId, "10.0.3.1", BROWSER);
    views.record(articleId, "10.0.3.2", BROWSER);
    await expect(views.flush()).rejects.toThrow("database unavailable");
    expect(views.pending(articleId)).toBe(2);
    views.record(articleId, "10.0.3.3", BROWSER);
    failing = false;
    await views.flush();
    expect(writes).toEqual([new Map([[articleId, 3]])]);
    expect(await storedViews()).toBe(132);
  });
});
