import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { blocksToHtml, REFERENCE_ARTICLE } from "../articles/articles.demo.js";
import { insertArticle, insertArticleImage } from "../articles/articles.repo.js";
import { insertMedia } from "../media/media.repo.js";
import { searchArticles } from "./search.service.js";
import { rebuildSearchIndex } from "./search-index.service.js";

/**
 * Vietnamese search on both engines. Every expectation is an exact list of slugs in order, asserted
 * on SQLite and on PostgreSQL alike: passing on both means both engines give the same results.
 */

const NOW = new Date("2020-01-05T03:00:00Z");
const REF = REFERENCE_ARTICLE.slug;

describe.each(ENGINES)("article search on %s", (engine) => {
  let t: TestApp;
  let wardId: number;
  let districtId: number;
  let newsCategory: number;
  let noticeCategory: number;

  async function add(a: {
    slug: string;
    title: string;
    body: string;
    lead?: string | null;
    publishedAt?: string;
    status?: "draft" | "published" | "scheduled";
    unitId?: number;
    categoryId?: number | null;
  }) {
    const id = await insertArticle(t.database.db, {
      slug: a.slug,
      title: a.title,
      lead: a.lead ?? null,
      bodyHtml: a.body,
      status: a.status === "draft" ? "draft" : "published",
      publishedAt: a.publishedAt ?? "2019-12-01T02:00:00.000Z",
      unitId: a.unitId ?? wardId,
      categoryId: a.categoryId === undefined ? noticeCategory : a.categoryId,
      authorId: null,
      now: NOW,
    });
    if (a.status === "scheduled")
      await t.database.db.updateTable("articles").set({ status: "scheduled" }).where("id", "=", id).execute();
    return id;
  }

  const slugs = async (
    q: string,
    filters: Parameters<typeof searchArticles>[1] extends infer I ? Partial<I> : never = {},
  ) =>
    (await searchArticles(t.database.db, { q, page: 1, pageSize: 50, ...filters }, NOW)).items.map(
      (i) => i.slug,
    );

  beforeAll(async () => {
    t = await createTestApp(engine, { now: NOW });
    const db = t.database.db;
    districtId = await createUnit(db, { name: "Long Biên", level: "district" });
    wardId = await createUnit(db, { name: "Thượng Thanh", parentId: districtId });
    const cat = (slug: string, name: string, sort: number) =>
      db
        .insertInto("categories")
        .values({ slug, name, sort_order: sort })
        .returning("id")
        .executeTakeFirstOrThrow();
    newsCategory = (await cat("tin-tuc-su-kien", "Tin tức - Sự kiện", 1)).id;
    noticeCategory = (await cat("thong-bao", "Thông báo", 2)).id;

    const refId = await add({
      slug: REF,
      title: REFERENCE_ARTICLE.title,
      body: blocksToHtml(REFERENCE_ARTICLE.blocks),
      publishedAt: REFERENCE_ARTICLE.publishedAt,
      unitId: districtId,
      categoryId: newsCategory,
    });
    const media = await insertMedia(db, {
      storageKey: "demo-1.jpg",
      originalName: "demo-1.jpg",
      mimeType: "image/jpeg",
      byteSize: 1,
      uploadedBy: null,
      unitId: districtId,
      now: NOW,
    });
    await insertArticleImage(db, {
      articleId: refId,
      mediaId: media,
      caption: "Đ/c Đỗ Mạnh Hải phát biểu tại hội trường Kim Quy",
      altText: "Ảnh hội nghị",
      position: 1,
      sortOrder: 0,
    });
    // Folding merges ma, má and mà: the one typed with its accents must come first, whatever the date.
    await add({
      slug: "con-ma",
      title: "Chuyện kể",
      body: "<p>Truyện con ma ở làng.</p>",
      publishedAt: "2019-12-03T02:00:00.000Z",
    });
    await add({
      slug: "tay-ma",
      title: "Chuyện kể",
      body: "<p>Bàn tay của má hiền.</p>",
      publishedAt: "2019-12-02T02:00:00.000Z",
    });
    await add({
      slug: "ma-thoi",
      title: "Chuyện kể",
      body: "<p>Mà thôi, không kể nữa.</p>",
      publishedAt: "2019-12-04T02:00:00.000Z",
    });
    // "hộ nghèo" as a phrase, and its two syllables apart.
    await add({
      slug: "ho-ngheo",
      title: "Rà soát",
      body: "<p>Rà soát hộ nghèo năm 2020.</p>",
      publishedAt: "2019-12-05T02:00:00.000Z",
    });
    await add({
      slug: "ho-va-ngheo",
      title: "Rà soát",
      body: "<p>Mỗi hộ gia đình thoát cảnh nghèo.</p>",
      publishedAt: "2019-12-06T02:00:00.000Z",
    });
    await add({
      slug: "tieu-de-ho-ngheo",
      title: "Hộ nghèo được hỗ trợ",
      body: "<p>Nội dung khác.</p>",
      publishedAt: "2019-11-01T02:00:00.000Z",
    });
    // Text that looks like markup must come back escaped.
    await add({
      slug: "ma-html",
      title: "Ghi chú",
      body: "<p>Gõ &lt;script&gt;alert(1)&lt;/script&gt; vào ô tìm kiếm Thượng Thanh</p>",
      publishedAt: "2019-10-01T02:00:00.000Z",
    });
    // Not visible: a draft, a scheduled article whose moment has not come.
    await add({
      slug: "ban-nhap",
      title: "Thượng Thanh bản nháp",
      body: "<p>Thượng Thanh</p>",
      status: "draft",
    });
    await add({
      slug: "hen-gio",
      title: "Thượng Thanh hẹn giờ",
      body: "<p>Thượng Thanh</p>",
      status: "scheduled",
      publishedAt: "2020-02-01T00:00:00.000Z",
    });
    await rebuildSearchIndex(db);
  });
  afterAll(async () => {
    await t.close();
  });

  it("finds the reference article without accents, with đ typed as d", async () => {
    for (const q of [
      "thuong thanh",
      "Thượng Thanh",
      "THƯỢNG THANH",
      "dang vien",
      "đảng viên",
      "do manh hai",
      "Đỗ Mạnh Hải",
      "long bien",
    ]) {
      expect(await slugs(q), q).toContain(REF);
    }
    expect(await slugs("thuong thanh")).toEqual([REF, "ma-html"]);
  });

  it("ranks matches with the reader's own accents above folded ones", async () => {
    expect(await slugs("má")).toEqual(["tay-ma", "ma-thoi", "con-ma"]);
    expect(await slugs("ma")).toEqual(["con-ma", "ma-thoi", "tay-ma"]);
    expect(await slugs("mà")).toEqual(["ma-thoi", "con-ma", "tay-ma"]);
  });

  it("matches two-syllable words and quoted text as phrases; title matches rank first", async () => {
    expect(await slugs("hộ nghèo")).toEqual(["tieu-de-ho-ngheo", REF, "ho-ngheo"]);
    expect(await slugs("ho ngheo")).toEqual(["tieu-de-ho-ngheo", REF, "ho-ngheo"]);
    expect(await slugs('"hộ nghèo" 2020')).toEqual([REF, "ho-ngheo"]);
    expect(await slugs("hộ nghèo 2020")).toEqual([REF, "ho-ngheo"]);
    // Longer runs need every syllable; the one holding the run as a phrase comes first.
    expect(await slugs("hộ thoát nghèo")).toEqual([REF, "ho-va-ngheo"]);
    expect(await slugs("hộ cảnh nghèo")).toEqual(["ho-va-ngheo"]);
  });

  it("finds photo captions, and nothing for unknown words", async () => {
    expect(await slugs("kim quy")).toEqual([REF]);
    expect(await slugs("xyzabc")).toEqual([]);
    expect(await slugs("")).toEqual([]);
    expect(await slugs("   ")).toEqual([]);
  });

  it("filters by category, unit and date range (days in Vietnam)", async () => {
    expect(await slugs("thuong thanh", { categoryId: newsCategory })).toEqual([REF]);
    expect(await slugs("thuong thanh", { categoryId: noticeCategory })).toEqual(["ma-html"]);
    expect(await slugs("thuong thanh", { unitId: wardId })).toEqual(["ma-html"]);
    // 14:49 UTC on 2 January is 21:49 in Vietnam: still the 2nd.
    expect(await slugs("thuong thanh", { from: "2020-01-02", to: "2020-01-02" })).toEqual([REF]);
    expect(await slugs("thuong thanh", { to: "2020-01-01" })).toEqual(["ma-html"]);
    expect(await slugs("thuong thanh", { from: "2020-01-03" })).toEqual([]);
  });

  it("never errors on operators, quotes or column filters: they are text", async () => {
    const nasty = [
      '"',
      '""',
      "'",
      "*",
      "-",
      "(",
      ")",
      ":",
      "^",
      "\\",
      "NEAR",
      "NEAR(thuong thanh, 2)",
      "thuong OR thanh",
      "thuong AND NOT thanh",
      "-thanh",
      "thanh*",
      "^thanh",
      "title_f:thanh",
      "body_x : thượng",
      "{title_f body_f}: ma",
      "'; DROP TABLE articles; --",
      "thanh & thuong | !ma",
      "thuong <-> thanh",
      "thanh:*",
      "a:A",
      '"thuong thanh',
      "“thượng thanh”",
      "(((",
      "NOT",
      "AND",
      "OR",
      "🙂 thượng",
      "ﬁ",
      "İstanbul",
      "x".repeat(5000),
    ];
    for (const q of nasty) {
      const outcome = await searchArticles(t.database.db, { q, page: 1 }, NOW);
      expect(Array.isArray(outcome.items), q).toBe(true);
    }
    expect(await slugs("title_f:thanh")).toEqual([]);
    expect(await slugs("thượng* (thanh)")).toEqual([REF, "ma-html"]);
    expect(await slugs('"thuong thanh')).toEqual([REF, "ma-html"]);
  });

  it("highlights matches in escaped HTML: only <mark> is markup", async () => {
    const outcome = await searchArticles(t.database.db, { q: "thuong thanh", page: 1 }, NOW);
    const ref = outcome.items.find((i) => i.slug === REF);
    expect(ref?.titleHtml).toBe(
      "Ban Thường vụ quận ủy Long Biên làm việc với phường <mark>Thượng Thanh</mark>",
    );
    expect(ref?.snippet).toContain("<mark>Thượng Thanh</mark>");
    const html = outcome.items.find((i) => i.slug === "ma-html");
    expect(html?.snippet).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html?.snippet).not.toContain("<script");
    expect(html?.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("pages through results with the total", async () => {
    const first = await searchArticles(t.database.db, { q: "chuyen ke", page: 1, pageSize: 2 }, NOW);
    expect(first.total).toBe(3);
    expect(first.pageCount).toBe(2);
    const second = await searchArticles(t.database.db, { q: "chuyen ke", page: 2, pageSize: 2 }, NOW);
    expect(second.items.map((i) => i.slug)).toEqual(["tay-ma"]);
    const beyond = await searchArticles(t.database.db, { q: "chuyen ke", page: 9, pageSize: 2 }, NOW);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(3);
  });

  it("answers GET /api/v1/search with { data: [{ slug, title, snippet, publishedAt }] }", async () => {
    const client = new TestClient(t);
    const response = await client.request("/api/v1/search?q=do%20manh%20hai");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, string>[] };
    expect(body.data.map((d) => d.slug)).toEqual([REF]);
    expect(Object.keys(body.data[0] ?? {}).sort()).toEqual(["publishedAt", "slug", "snippet", "title"]);
    expect(body.data[0]?.snippet).toContain("<mark>Đỗ Mạnh Hải</mark>");
    for (const q of ['"', "NEAR(", "*", "a OR", "-x", "title_f:x"]) {
      expect((await client.request(`/api/v1/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
    const bad = await client.request("/api/v1/search?q=a&from=2020-02-30");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      "query.from",
    );
    const unknown = await client.request("/api/v1/search?q=a&category=khong-co");
    expect(unknown.status).toBe(422);
    const doc = (await (await client.request("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths).toHaveProperty("/api/v1/search");
  });

  it("serves /tim-kiem with a labelled form, highlighted results and messages", async () => {
    const client = new TestClient(t);
    const { response, html } = await client.page("/tim-kiem?q=thuong+thanh");
    expect(response.status).toBe(200);
    expect(html).toContain('<form method="get" action="/tim-kiem" role="search"');
    expect(html).toContain('<label for="tk-q">Từ khóa</label>');
    expect(html).toContain("Tìm thấy 2 bài viết");
    expect(html).toContain("<mark>Thượng Thanh</mark>");
    expect(html).not.toContain("bản nháp");
    const none = await client.page("/tim-kiem?q=xyzabc");
    expect(none.html).toContain("Không tìm thấy bài viết nào");
    const blank = await client.page("/tim-kiem");
    expect(blank.html).not.toContain('role="status"');
    const bad = await client.page("/tim-kiem?q=a&tu-ngay=2020-13-01&chuyen-muc=khong-co");
    expect(bad.response.status).toBe(422);
    expect(bad.html).toContain('aria-describedby="tk-from-error"');
    expect(bad.html).toContain("Chuyên mục không tồn tại.");
    const injected = await client.page(
      `/tim-kiem?q=${encodeURIComponent('<script>alert(1)</script> "NEAR(')}`,
    );
    expect(injected.response.status).toBe(200);
    expect(injected.html).not.toContain("<script>alert(1)");
  });
});
