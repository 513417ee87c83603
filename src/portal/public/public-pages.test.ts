import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { insertArticle } from "../articles/articles.repo.js";
import { addDailyViews } from "./most-read.repo.js";

/** Home sections, category pages, the article page's additions, print view, feeds, sitemap, robots. */

const NOW = new Date("2020-01-05T03:00:00Z");
const REF = "ban-thuong-vu-lam-viec-voi-phuong-thuong-thanh";

describe.each(ENGINES)("public portal pages on %s", (engine) => {
  let t: TestApp;
  let unitId: number;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp(engine, { now: NOW });
    const db = t.database.db;
    unitId = await createUnit(db, { name: "Thượng Thanh" });
    const cat = async (slug: string, name: string, sort: number) =>
      (
        await db
          .insertInto("categories")
          .values({ slug, name, sort_order: sort })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const news = await cat("tin-tuc-su-kien", "Tin tức - Sự kiện", 1);
    const notices = await cat("thong-bao", "Thông báo", 2);
    await cat("trong", "Chuyên mục trống", 3);
    const add = async (
      slug: string,
      title: string,
      day: number,
      categoryId: number | null,
      status: "draft" | "published" = "published",
    ) => {
      const id = await insertArticle(db, {
        slug,
        title,
        lead: `Tóm tắt của ${title}`,
        bodyHtml: `<p>Nội dung ${title} &amp; <b>thêm</b>.</p>`,
        status,
        publishedAt: `2019-12-${String(day).padStart(2, "0")}T02:00:00.000Z`,
        unitId,
        categoryId,
        authorId: null,
        now: NOW,
      });
      ids.set(slug, id);
      return id;
    };
    for (let day = 1; day <= 12; day++) await add(`tin-${day}`, `Tin số ${day}`, day, news);
    await add(REF, "Ban Thường vụ làm việc với phường Thượng Thanh", 20, news);
    await add("thong-bao-nghi-tet", "Thông báo nghỉ Tết <Dương lịch>", 19, notices);
    await add("nhap", "Bản nháp", 21, notices, "draft");
    // Featured by tag, and related by a shared tag.
    const tag = async (slug: string, name: string) =>
      (
        await db
          .insertInto("tags")
          .values({ slug, name, created_at: NOW.toISOString() })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const featured = await tag("noi-bat", "Nổi bật");
    const party = await tag("dai-hoi-dang", "Đại hội Đảng");
    await db
      .insertInto("article_tags")
      .values([
        { article_id: ids.get("tin-3") as number, tag_id: featured },
        { article_id: ids.get(REF) as number, tag_id: party },
        { article_id: ids.get("thong-bao-nghi-tet") as number, tag_id: party },
      ])
      .execute();
    await db
      .updateTable("articles")
      .set({ views: 129 })
      .where("id", "=", ids.get(REF) as number)
      .execute();
    await addDailyViews(
      db,
      new Map([
        [ids.get("tin-5") as number, 7],
        [ids.get(REF) as number, 3],
      ]),
      "2020-01-05",
    );
    await addDailyViews(db, new Map([[ids.get("tin-5") as number, 1]]), "2020-01-05");
  });
  afterAll(async () => {
    await t.close();
  });

  it("home: search first, featured (tagged noi-bat), Tin mới nhất, no article twice, the week's most read", async () => {
    const { response, html } = await new TestClient(t).page("/");
    expect(response.status).toBe(200);
    expect(html.indexOf('id="tim-kiem-q"')).toBeLessThan(html.indexOf('id="tin-moi-nhat"'));
    expect(html).toMatch(/<h2 id="tin-noi-bat">Tin nổi bật<\/h2>.*Tin số 3/s);
    // Every category's newest articles are among the ten newest: no category repeats them.
    expect(html).not.toContain('<h2 id="cm-tin-tuc-su-kien">');
    expect(html).not.toContain("Chuyên mục trống");
    const outsideMostRead = html.slice(0, html.indexOf('id="doc-nhieu"'));
    const shown = [...outsideMostRead.matchAll(/<a href="(\/tin-tuc\/[^"]+)">/g)].map((m) => m[1]);
    expect(shown.length).toBe(11);
    expect(new Set(shown).size).toBe(shown.length);
    const box = html.slice(html.indexOf('id="doc-nhieu"'));
    expect(box.indexOf("Tin số 5")).toBeLessThan(box.indexOf("Ban Thường vụ"));
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Tin mới nhất (RSS)" href="/rss.xml"/>',
    );
    expect(html).not.toContain("Bản nháp");
    // Page 2 continues the list only.
    const second = await new TestClient(t).page("/?trang=2");
    expect(second.html).not.toContain("tin-noi-bat");
  });

  it("category page: newest first, ten a page, feed links, 404 for unknown categories and pages", async () => {
    const client = new TestClient(t);
    const { html } = await client.page("/chuyen-muc/tin-tuc-su-kien");
    expect(html).toContain("<h1>Tin tức - Sự kiện</h1>");
    const titles = [...html.matchAll(/<h2 class="article-card-title"><a href="[^"]*">([^<]*)<\/a>/g)].map(
      (m) => m[1],
    );
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe("Ban Thường vụ làm việc với phường Thượng Thanh");
    expect(html).toContain('<a href="/chuyen-muc/tin-tuc-su-kien?trang=2" rel="next">');
    expect(html).toContain('href="/chuyen-muc/tin-tuc-su-kien/rss.xml"');
    const page2 = await client.page("/chuyen-muc/tin-tuc-su-kien?trang=2");
    expect(page2.html).toContain("Tin số 1<");
    expect((await client.request("/chuyen-muc/tin-tuc-su-kien?trang=3")).status).toBe(404);
    expect((await client.request("/chuyen-muc/khong-co")).status).toBe(404);
    const empty = await client.page("/chuyen-muc/trong");
    expect(empty.html).toContain("Chuyên mục chưa có bài viết nào.");
  });

  it("article page: related news by shared tag, print and save links, share links, rating form with CSRF", async () => {
    const { html } = await new TestClient(t).page(`/tin-tuc/${REF}`);
    const related = html.slice(html.indexOf('id="tin-lien-quan"'));
    expect(related.indexOf("Thông báo nghỉ Tết")).toBeGreaterThan(0);
    expect(related.indexOf("Thông báo nghỉ Tết")).toBeLessThan(related.indexOf("Tin số 12"));
    expect(html).toContain(`<a href="/tin-tuc/${REF}/in">In bài viết</a>`);
    expect(html).toContain(
      `href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`http://localhost/tin-tuc/${REF}`)}"`,
    );
    expect(html).toMatch(
      /<form method="post" action="\/tin-tuc\/[^"]+\/danh-gia"><input type="hidden" name="_csrf" value="[^"]+"\/>/,
    );
    expect(html).toContain('<label for="danh-gia-3">Hài lòng</label>');
    expect(html).toContain("Chưa có lượt đánh giá nào.");
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain('<meta property="article:section" content="Tin tức - Sự kiện"/>');
  });

  it("rating: one per visitor (a second choice replaces the first), CSRF required, results shown", async () => {
    const reader = new TestClient(t, "198.51.100.40");
    await reader.page(`/tin-tuc/${REF}`);
    const without = await reader.request(`/tin-tuc/${REF}/danh-gia`, {
      method: "POST",
      body: new URLSearchParams({ muc: "3" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(without.status).toBe(403);
    const first = await reader.postForm(`/tin-tuc/${REF}/danh-gia`, { muc: "3" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/tin-tuc/${REF}?danh-gia=da-ghi#danh-gia-bai`);
    await reader.postForm(`/tin-tuc/${REF}/danh-gia`, { muc: "1" });
    const other = new TestClient(t, "198.51.100.41");
    await other.page(`/tin-tuc/${REF}`);
    await other.postForm(`/tin-tuc/${REF}/danh-gia`, { muc: "3" });
    const { html } = await reader.page(`/tin-tuc/${REF}?danh-gia=da-ghi`);
    expect(html).toContain("Cảm ơn bạn đã đánh giá.");
    expect(html).toContain("Kết quả (2 lượt đánh giá):");
    expect(html).toContain("<li>Hài lòng: 1 (50%)</li>");
    expect(html).toContain("<li>Chưa hài lòng: 1 (50%)</li>");
    expect(html).toMatch(/id="danh-gia-1" name="muc" value="1" checked/);
    const empty = await reader.postForm(`/tin-tuc/${REF}/danh-gia`, { muc: "9" });
    expect(empty.headers.get("location")).toContain("danh-gia=chua-chon");
    expect((await reader.postForm("/tin-tuc/nhap/danh-gia", { muc: "3" })).status).toBe(404);
  });

  it("rating: changing the User-Agent does not add votes (20 browsers at one address are one vote)", async () => {
    const summary = async () => {
      const { html } = await new TestClient(t, "198.51.100.99").page(`/tin-tuc/${REF}`);
      return html.match(/Kết quả \((\d+) lượt đánh giá\)/)?.[1];
    };
    const before = Number((await summary()) ?? 0);
    const attacker = new TestClient(t, "198.51.100.50");
    await attacker.page(`/tin-tuc/${REF}`);
    for (let i = 0; i < 20; i++) {
      const response = await attacker.request(`/tin-tuc/${REF}/danh-gia`, {
        method: "POST",
        body: new URLSearchParams({ _csrf: attacker.csrfToken, muc: "3" }),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": `Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/${100 + i}.0 Safari/537.36`,
        },
      });
      expect(response.status).toBe(303);
    }
    expect(Number(await summary())).toBe(before + 1);
    // One IPv6 /64 (a home or a phone picks any address in it) is one voter too.
    for (const ip of ["2001:db8:1:2::1", "2001:db8:1:2:a:b:c:d"]) {
      const voter = new TestClient(t, ip);
      await voter.page(`/tin-tuc/${REF}`);
      expect((await voter.postForm(`/tin-tuc/${REF}/danh-gia`, { muc: "2" })).status).toBe(303);
    }
    expect(Number(await summary())).toBe(before + 2);
  });

  it("print view and download of the article", async () => {
    const client = new TestClient(t);
    const { response, html } = await client.page(`/tin-tuc/${REF}/in`);
    expect(response.status).toBe(200);
    expect(html).toContain('<body class="print-view">');
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toMatch(/Ngày đăng 20\/12\/2019 \| 09:00 \| Lượt xem: \d+/);
    expect(html).toContain(`Nguồn: <a href="http://localhost/tin-tuc/${REF}">`);
    const download = await client.request(`/tin-tuc/${REF}/in?tai-ve=1`);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${REF}.html"`);
    expect(await download.text()).toContain('<base href="http://localhost"/>');
    expect((await client.request("/tin-tuc/nhap/in")).status).toBe(404);
  });

  it("most read: per period from daily counts, all time from the article counts", async () => {
    const client = new TestClient(t);
    const week = await client.page("/doc-nhieu-nhat?ky=tuan");
    expect(week.html).toMatch(
      /Tin số 5<\/a> <span class="muted">\(<time[^>]*>05\/12\/2019<\/time>; 8 lượt xem\)/,
    );
    const all = await client.page("/doc-nhieu-nhat?ky=tat-ca");
    expect(all.html).toContain("129 lượt xem");
    expect(all.html).toContain('aria-current="page">Mọi thời gian');
    t.setNow(new Date("2020-01-20T03:00:00Z"));
    try {
      const later = await client.page("/doc-nhieu-nhat?ky=ngay");
      expect(later.html).toContain("Chưa có lượt xem nào trong khoảng thời gian này.");
      const month = await client.page("/doc-nhieu-nhat?ky=thang");
      expect(month.html).toContain("Tin số 5");
      t.setNow(new Date("2020-12-30T03:00:00Z"));
      const year = await client.page("/doc-nhieu-nhat?ky=nam");
      expect(year.html).toContain('aria-current="page">365 ngày qua');
      expect(year.html).toMatch(/Tin số 5<\/a>.*8 lượt xem/s);
      t.setNow(new Date("2021-01-06T03:00:00Z"));
      const nextYear = await client.page("/doc-nhieu-nhat?ky=nam");
      expect(nextYear.html).toContain("Chưa có lượt xem nào trong khoảng thời gian này.");
      // Nobody read anything for a week: the box beside the news shows the all-time ranking instead.
      const home = await client.page("/");
      const box = home.html.slice(home.html.indexOf('id="doc-nhieu"'));
      expect(box).toMatch(/^id="doc-nhieu">Đọc nhiều nhất<\/h2>/);
      expect(box).toContain('<a href="/doc-nhieu-nhat?ky=tat-ca">Xem thêm bài đọc nhiều</a>');
      expect(box).toContain("Ban Thường vụ làm việc với phường Thượng Thanh</a>");
    } finally {
      t.setNow(NOW);
    }
    expect((await client.request("/doc-nhieu-nhat?ky=the-ky")).status).toBe(404);
  });

  it("feeds: RSS and Atom for the site and per category, escaped, without drafts", async () => {
    const client = new TestClient(t);
    const rss = await client.request("/rss.xml");
    expect(rss.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await rss.text();
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain(`<guid isPermaLink="true">http://localhost/tin-tuc/${REF}</guid>`);
    expect(xml).toContain("<pubDate>Fri, 20 Dec 2019 02:00:00 GMT</pubDate>");
    expect(xml).toContain("<title>Thông báo nghỉ Tết &lt;Dương lịch&gt;</title>");
    expect(xml).not.toContain("Bản nháp");
    expect((xml.match(/<item>/g) ?? []).length).toBe(14);
    const atom = await (await client.request("/chuyen-muc/thong-bao/atom.xml")).text();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">');
    expect((atom.match(/<entry>/g) ?? []).length).toBe(1);
    expect((await client.request("/chuyen-muc/khong-co/rss.xml")).status).toBe(404);
  });

  it("sitemap.xml and robots.txt", async () => {
    const client = new TestClient(t);
    const sitemap = await (await client.request("/sitemap.xml")).text();
    expect(sitemap).toContain("<urlset");
    expect(sitemap).toContain(`<loc>http://localhost/tin-tuc/${REF}</loc>`);
    expect(sitemap).toContain("<loc>http://localhost/chuyen-muc/thong-bao</loc>");
    expect(sitemap).toContain(`<loc>http://localhost/don-vi/${unitId}</loc>`);
    expect(sitemap).toContain(`<loc>http://localhost/don-vi/${unitId}/gioi-thieu</loc>`);
    expect(sitemap).not.toContain("/tin-tuc/nhap<");
    const robots = await client.request("/robots.txt");
    expect(robots.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await robots.text()).toContain("Sitemap: http://localhost/sitemap.xml");
  });
});
