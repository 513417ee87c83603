import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { insertArticle } from "../articles/articles.repo.js";
import { reindexArticle } from "../search/search-index.service.js";

const START = new Date("2020-01-03T01:00:00Z");
const ARTICLE = "/tin-tuc/ban-thuong-vu-lam-viec";
const TITLE = "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh";

const titleOf = (html: string) => html.match(/<h1 id="article-title">([^<]*)<\/h1>/)?.[1];
const viewsOf = (html: string) => html.match(/Lượt xem: ([\d.]+)/)?.[1];
const metaTokenOf = (html: string) => html.match(/<meta name="csrf-token" content="([^"]*)"/)?.[1];

describe.each(ENGINES)("public pages served from the page cache on %s", (engine) => {
  let t: TestApp;
  let articleId: number;
  let unitId: number;

  /** Changes the title behind the app's back, as another process sharing the database would. */
  const retitleDirectly = (title: string) =>
    t.database.db.updateTable("articles").set({ title }).where("id", "=", articleId).execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { now: START, config: { pageCacheTtlMs: 60_000 } });
    unitId = await createUnit(t.database.db, { name: "Thượng Thanh" });
    await createUser(t.database.db, { username: "bientap", grants: [{ role: "editor", unitId }] });
    articleId = await insertArticle(t.database.db, {
      slug: "ban-thuong-vu-lam-viec",
      title: TITLE,
      lead: null,
      bodyHtml: "<p>Nội dung</p>",
      status: "published",
      publishedAt: "2020-01-02T14:49:00.000Z",
      unitId,
      categoryId: (
        await t.database.db
          .insertInto("categories")
          .values({ slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện", sort_order: 1 })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
      authorId: null,
      now: START,
    });
    await reindexArticle(t.database.db, articleId);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.ctx.pageCache.invalidate();
    await retitleDirectly(TITLE);
    await t.database.db.updateTable("articles").set({ views: 1289 }).where("id", "=", articleId).execute();
    await t.database.db.deleteFrom("article_ratings").execute();
    await t.ctx.viewCounter.flush();
    await t.database.db.updateTable("articles").set({ views: 1289 }).where("id", "=", articleId).execute();
  });

  it("renders an article once for anonymous visitors, still counting each visit", async () => {
    const first = await new TestClient(t, "198.51.100.1").page(ARTICLE);
    expect(titleOf(first.html)).toBe(TITLE);
    expect(viewsOf(first.html)).toBe("1.289");
    await retitleDirectly("Tiêu đề đã đổi");
    const second = await new TestClient(t, "198.51.100.2").page(ARTICLE);
    // Served from the cache: the title changed behind the app's back is not read again…
    expect(titleOf(second.html)).toBe(TITLE);
    // …but the count is this visit's: the first visitor's view is in it.
    expect(viewsOf(second.html)).toBe("1.290");
    await t.ctx.viewCounter.flush();
    const third = await new TestClient(t, "198.51.100.3").page(ARTICLE);
    expect(viewsOf(third.html)).toBe("1.291");
  });

  it("gives each visitor the CSRF token of their own cookie in the rating form, and none in the head", async () => {
    const pages = [];
    for (const ip of ["198.51.100.4", "198.51.100.5"]) {
      const client = new TestClient(t, ip);
      const { response, html } = await client.page(ARTICLE);
      const cookie = response.headers.getSetCookie().find((line) => line.startsWith("gb_csrf="));
      const cookieToken = cookie?.split(";")[0]?.slice("gb_csrf=".length);
      const formToken = html.match(/name="_csrf" value="([^"]*)"/)?.[1];
      pages.push({ cookieToken, metaToken: metaTokenOf(html), formToken, html });
    }
    for (const page of pages) {
      expect(page.cookieToken).toMatch(/^[\w-]{32,}$/);
      expect(page.metaToken).toBeUndefined();
      expect(page.formToken).toBe(page.cookieToken);
      expect(page.html).not.toMatch(/[\uE000\uE001]/);
    }
    expect(pages[0]?.cookieToken).not.toBe(pages[1]?.cookieToken);
  });

  it("lets a visitor's rating through: they see their choice, and everyone sees the new tally", async () => {
    const rater = new TestClient(t, "198.51.100.6");
    await rater.page(ARTICLE);
    await new TestClient(t, "198.51.100.7").page(ARTICLE);
    const posted = await rater.postForm(`${ARTICLE}/danh-gia`, { muc: "3" }, ARTICLE);
    expect(posted.status).toBe(303);
    const own = await rater.page(ARTICLE);
    expect(own.html).toMatch(/<input[^>]*value="3"[^>]*checked/);
    const other = await new TestClient(t, "198.51.100.8").page(ARTICLE);
    expect(other.html).not.toMatch(/<input[^>]*checked/);
    expect(other.html).toContain("1 lượt đánh giá");
    // The page is now cached with its raters: the rater still gets their own page from it…
    const ownAgain = await rater.page(ARTICLE);
    expect(ownAgain.html).toMatch(/<input[^>]*value="3"[^>]*checked/);
    // …and anyone else the cached one.
    await retitleDirectly("Tiêu đề đã đổi");
    const another = await new TestClient(t, "198.51.100.18").page(ARTICLE);
    expect(titleOf(another.html)).toBe(TITLE);
    expect(another.html).not.toMatch(/<input[^>]*checked/);
  });

  it("drops cached pages after any accepted change made through the app", async () => {
    await new TestClient(t, "198.51.100.9").page(ARTICLE);
    await retitleDirectly("Tiêu đề đã đổi");
    const rater = new TestClient(t, "198.51.100.10");
    await rater.page(ARTICLE);
    await rater.postForm(`${ARTICLE}/danh-gia`, { muc: "2" }, ARTICLE);
    const after = await new TestClient(t, "198.51.100.11").page(ARTICLE);
    expect(titleOf(after.html)).toBe("Tiêu đề đã đổi");
  });

  it("never serves a signed-in user the anonymous page, nor caches theirs", async () => {
    await new TestClient(t, "198.51.100.12").page("/");
    const editor = new TestClient(t, "198.51.100.13");
    await editor.logIn("bientap");
    const own = await editor.page(ARTICLE);
    expect(own.html).toContain("bientap");
    const anonymous = await new TestClient(t, "198.51.100.14").page(ARTICLE);
    expect(anonymous.html).not.toContain("bientap");
  });

  it("caches the home page too, per page number", async () => {
    const home = await new TestClient(t, "198.51.100.15").page("/");
    expect(home.html).toContain(TITLE);
    await retitleDirectly("Tiêu đề đã đổi");
    const again = await new TestClient(t, "198.51.100.16").page("/");
    expect(again.html).toContain(TITLE);
    // The home page has no form: an anonymous reader gets no token and no cookie.
    expect(again.html).not.toContain("_csrf");
    expect(again.response.headers.getSetCookie()).toEqual([]);
    expect(home.response.headers.getSetCookie()).toEqual([]);
    t.ctx.pageCache.invalidate();
    const fresh = await new TestClient(t, "198.51.100.17").page("/");
    expect(fresh.html).toContain("Tiêu đề đã đổi");
  });

  it.each([
    ["a category page", "/chuyen-muc/tin-tuc-su-kien"],
    ["a search", "/tim-kiem?q=thuong+thanh"],
  ])("caches %s too, and renders it again once dropped", async (_what, path) => {
    const first = await new TestClient(t, "198.51.100.19").page(path);
    expect(first.response.status).toBe(200);
    expect(first.html).toContain("Thường vụ");
    await retitleDirectly("Tiêu đề đã đổi");
    const again = await new TestClient(t, "198.51.100.20").page(path);
    expect(again.html).toContain("Thường vụ");
    expect(again.html).not.toContain("Tiêu đề đã đổi");
    t.ctx.pageCache.invalidate();
    const fresh = await new TestClient(t, "198.51.100.21").page(path);
    expect(fresh.html).toContain("Tiêu đề đã đổi");
  });

  it("never keeps a search with a mistake in its form, nor an unknown category", async () => {
    const bad = await new TestClient(t, "198.51.100.22").page("/tim-kiem?q=x&tu-ngay=2020-13-45");
    expect(bad.response.status).toBe(422);
    const missing = await new TestClient(t, "198.51.100.23").page("/chuyen-muc/khong-co");
    expect(missing.response.status).toBe(404);
    expect(t.ctx.pageCache.size).toBe(0);
  });
});
