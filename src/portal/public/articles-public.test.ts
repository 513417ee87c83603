import { mkdtempSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { insertArticle, insertArticleImage } from "../articles/articles.repo.js";
import { insertMedia } from "../media/media.repo.js";
import { mediaDirOf, preparePhoto, type StoredPhoto, writePhotoFiles } from "../media/media.service.js";

const NOW = new Date("2020-01-05T03:00:00Z");
const TITLE = "Ban Thường vụ quận ủy Long Biên làm việc với phường Thượng Thanh";

/** The text of an element found by a regular expression, tags stripped and whitespace collapsed. */
function textOf(html: string, pattern: RegExp): string | undefined {
  return html
    .match(pattern)?.[1]
    ?.replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function titlesInOrder(html: string): string[] {
  return [...html.matchAll(/<h2 class="article-card-title"><a href="[^"]*">([^<]*)<\/a>/g)].map(
    (m) => m[1] ?? "",
  );
}

describe.each(ENGINES)("public article pages on %s", (engine) => {
  let t: TestApp;
  let unitId: number;
  let photo: StoredPhoto;
  let bareMediaKey: string;

  async function addArticle(values: {
    slug: string;
    title: string;
    publishedAt: string | null;
    status?: "draft" | "published";
    lead?: string;
    bodyHtml?: string;
    categoryId?: number | null;
    views?: number;
  }) {
    const id = await insertArticle(t.database.db, {
      slug: values.slug,
      title: values.title,
      lead: values.lead ?? null,
      bodyHtml: values.bodyHtml ?? "<p>Nội dung.</p>",
      status: values.status ?? "published",
      publishedAt: values.publishedAt,
      unitId,
      categoryId: values.categoryId ?? null,
      authorId: null,
      now: NOW,
    });
    if (values.views)
      await t.database.db.updateTable("articles").set({ views: values.views }).where("id", "=", id).execute();
    return id;
  }

  async function addMedia(stored: { key: string; mimeType: string; byteSize: number }) {
    return insertMedia(t.database.db, {
      storageKey: stored.key,
      originalName: "anh.png",
      mimeType: stored.mimeType,
      byteSize: stored.byteSize,
      uploadedBy: null,
      unitId,
      now: NOW,
    });
  }

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-portal-")) },
    });
    const db = t.database.db;
    const district = await createUnit(db, { name: "Long Biên", level: "district" });
    unitId = await createUnit(db, { name: "Thượng Thanh", parentId: district });
    const category = await db
      .insertInto("categories")
      .values({ slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện", sort_order: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();

    // Twelve older articles, one a day in December 2019 at 09:00 Vietnam time.
    for (let day = 1; day <= 12; day++) {
      const dd = String(day).padStart(2, "0");
      await addArticle({
        slug: `tin-thang-12-ngay-${dd}`,
        title: `Tin ngày ${dd}/12/2019`,
        publishedAt: `2019-12-${dd}T02:00:00.000Z`,
      });
    }
    const referenceId = await addArticle({
      slug: "ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh",
      title: TITLE,
      lead: "Chiều 02/01/2020, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh.",
      bodyHtml: "<p>Đoạn một.</p>\n<p>Đoạn hai.</p>\n<ul><li>Ý một</li></ul>\n<p>Đoạn bốn.</p>",
      publishedAt: "2020-01-02T14:49:00.000Z",
      categoryId: category.id,
      views: 129,
    });
    // 17:30 UTC on 2 January is already 3 January in Vietnam.
    await addArticle({
      slug: "tin-luc-nua-dem",
      title: "Tin lúc nửa đêm",
      publishedAt: "2020-01-02T17:30:00.000Z",
    });
    await addArticle({
      slug: "ban-nhap",
      title: "Bản nháp chưa đăng",
      publishedAt: "2020-01-03T00:00:00.000Z",
      status: "draft",
    });
    await addArticle({ slug: "hen-gio", title: "Bài hẹn giờ", publishedAt: "2020-01-06T00:00:00.000Z" });

    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2e6b3f" } })
      .png()
      .toBuffer();
    photo = await writePhotoFiles(mediaDirOf(t.ctx.config), await preparePhoto(png));
    const mediaId = await addMedia(photo);
    await addMedia({ key: photo.thumbnailKey, mimeType: "image/png", byteSize: photo.thumbnailByteSize });
    await insertArticleImage(db, {
      articleId: referenceId,
      mediaId,
      caption: "Đ/c Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận định hướng nội dung hội nghị.",
      altText: "Bí thư Quận ủy phát biểu tại hội nghị",
      position: 1,
      sortOrder: 0,
    });
    const second = await writePhotoFiles(mediaDirOf(t.ctx.config), await preparePhoto(png));
    bareMediaKey = second.key;
    const secondId = await addMedia(second);
    await insertArticleImage(db, {
      articleId: referenceId,
      mediaId: secondId,
      caption: "Đ/c Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường báo cáo trước hội nghị",
      altText: "Bí thư Đảng ủy phường báo cáo",
      position: null,
      sortOrder: 1,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists the newest published articles first, ten per page, with date, lead and first photo", async () => {
    const { response, html } = await new TestClient(t).page("/");
    expect(response.status).toBe(200);
    expect(textOf(html, /<h1[^>]*>(.*?)<\/h1>/s)).toBe("Tin mới nhất");
    expect(titlesInOrder(html)).toEqual([
      "Tin lúc nửa đêm",
      TITLE,
      "Tin ngày 12/12/2019",
      "Tin ngày 11/12/2019",
      "Tin ngày 10/12/2019",
      "Tin ngày 09/12/2019",
      "Tin ngày 08/12/2019",
      "Tin ngày 07/12/2019",
      "Tin ngày 06/12/2019",
      "Tin ngày 05/12/2019",
    ]);
    expect(html).toContain('<time datetime="2020-01-02T14:49:00.000Z">02/01/2020</time>');
    expect(html).toContain('<time datetime="2020-01-02T17:30:00.000Z">03/01/2020</time>');
    expect(html).toContain(
      '<p class="article-card-lead">Chiều 02/01/2020, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh.</p>',
    );
    expect(html).toContain(
      `<img class="article-card-thumb" src="/media/${photo.thumbnailKey}" alt="Bí thư Quận ủy phát biểu tại hội nghị" loading="lazy" decoding="async"/>`,
    );
    expect(html).toContain(
      'href="/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh"',
    );
    expect(html).not.toContain("Bản nháp chưa đăng");
    expect(html).not.toContain("Bài hẹn giờ");
    expect(html).toContain('<nav class="pagination" aria-label="Phân trang">');
    expect(html).toMatch(/<a href="\/\?trang=2" rel="next">/);
    expect(html).not.toContain('rel="prev"');
    expect(textOf(html, /<li aria-current="page">(.*?)<\/li>/s)).toBe("Trang 1 / 2");
  });

  it("shows the second page with a link back to the first", async () => {
    const { response, html } = await new TestClient(t).page("/?trang=2");
    expect(response.status).toBe(200);
    expect(titlesInOrder(html)).toEqual([
      "Tin ngày 04/12/2019",
      "Tin ngày 03/12/2019",
      "Tin ngày 02/12/2019",
      "Tin ngày 01/12/2019",
    ]);
    expect(html).toMatch(/<a href="\/" rel="prev">/);
    expect(html).not.toContain('rel="next"');
  });

  it("answers 404 for pages that do not exist", async () => {
    const client = new TestClient(t);
    for (const query of ["?trang=3", "?trang=0", "?trang=abc", "?trang=-1"]) {
      expect((await client.request(`/${query}`)).status).toBe(404);
    }
  });

  it("shows a scheduled article once its time has come", async () => {
    t.setNow(new Date("2020-01-06T00:00:00Z"));
    try {
      const { html } = await new TestClient(t).page("/");
      expect(titlesInOrder(html)[0]).toBe("Bài hẹn giờ");
    } finally {
      t.setNow(NOW);
    }
  });

  it("shows the article: title, header line in Vietnam time, lead, body with captioned photos, category, unit", async () => {
    const { response, html } = await new TestClient(t, "198.51.100.20").page(
      "/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh",
    );
    expect(response.status).toBe(200);
    expect(textOf(html, /<h1 id="article-title">(.*?)<\/h1>/s)).toBe(TITLE);
    // 129 stored; this reader's own view is counted (buffered) and shows from their next visit.
    expect(html).toContain('<p class="article-meta">Ngày đăng 02/01/2020 | 21:49 | Lượt xem: 129</p>');
    expect(html).toContain(
      '<p class="article-lead">Chiều 02/01/2020, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh.</p>',
    );
    const body = html.match(/<div class="article-body">(.*?)<\/div>/s)?.[1] ?? "";
    expect(body).toBe(
      [
        "<p>Đoạn một.</p>",
        `<figure class="article-figure"><img src="/media/${photo.key}" alt="Bí thư Quận ủy phát biểu tại hội nghị" loading="lazy" decoding="async"/><figcaption>Đ/c Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận định hướng nội dung hội nghị.</figcaption></figure>`,
        "<p>Đoạn hai.</p>",
        "<ul><li>Ý một</li></ul>",
        "<p>Đoạn bốn.</p>",
        `<figure class="article-figure"><img src="/media/${bareMediaKey}" alt="Bí thư Đảng ủy phường báo cáo" loading="lazy" decoding="async"/><figcaption>Đ/c Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường báo cáo trước hội nghị</figcaption></figure>`,
      ].join(""),
    );
    expect(html).toContain(
      '<dt>Chuyên mục</dt><dd><a href="/chuyen-muc/tin-tuc-su-kien">Tin tức - Sự kiện</a></dd>',
    );
    expect(html).toContain(`<dt>Đơn vị</dt><dd><a href="/don-vi/${unitId}">Phường Thượng Thanh</a></dd>`);
    expect(html).toContain(`<title>${TITLE} | Cổng thông tin thử nghiệm</title>`);
  });

  it("adds Open Graph and canonical tags", async () => {
    const { html } = await new TestClient(t).page(
      "/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh",
    );
    const url = "http://localhost/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(`<meta property="og:title" content="${TITLE}"/>`);
    expect(html).toContain(`<meta property="og:url" content="${url}"/>`);
    expect(html).toContain(`<meta property="og:image" content="http://localhost/media/${photo.key}"/>`);
    expect(html).toContain('<meta property="article:published_time" content="2020-01-02T14:49:00.000Z"/>');
    expect(html).toContain(
      '<meta name="description" content="Chiều 02/01/2020, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh."/>',
    );
  });

  it("answers 404 for drafts, scheduled articles and unknown slugs", async () => {
    const client = new TestClient(t);
    for (const slug of ["ban-nhap", "hen-gio", "khong-co-bai-nay"]) {
      const res = await client.request(`/tin-tuc/${slug}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Bản nháp chưa đăng");
    }
  });

  it("serves uploaded photos with their type and long-lived cache headers", async () => {
    const res = await new TestClient(t).request(`/media/${photo.key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // Cached for a year by shared caches: it must not hand out the anonymous CSRF cookie.
    expect(res.headers.get("set-cookie")).toBeNull();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(photo.byteSize);
    expect((await sharp(bytes).metadata()).width).toBe(1200);
  });

  it("lets other sites show published photos (CORP cross-origin); a draft's or the library's stay same-origin", async () => {
    const client = new TestClient(t);
    const corpOf = async (key: string) => {
      const res = await client.request(`/media/${key}`);
      expect(res.status, key).toBe(200);
      return [res.headers.get("cross-origin-resource-policy"), res.headers.get("cache-control")];
    };
    const published = ["cross-origin", "public, max-age=31536000, immutable"];
    const unpublished = ["same-origin", "private, no-cache"];
    expect(await corpOf(photo.key)).toEqual(published);
    // The list copy of a published photo (here stored as its own media row, as older uploads were).
    expect(await corpOf(photo.thumbnailKey)).toEqual(published);

    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#6b2e3f" } })
      .png()
      .toBuffer();
    const db = t.database.db;
    const draft = await db
      .selectFrom("articles")
      .select("id")
      .where("slug", "=", "ban-nhap")
      .executeTakeFirstOrThrow();
    const scheduled = await db
      .selectFrom("articles")
      .select("id")
      .where("slug", "=", "hen-gio")
      .executeTakeFirstOrThrow();
    const ofDraft = await writePhotoFiles(mediaDirOf(t.ctx.config), await preparePhoto(png));
    const ofScheduled = await writePhotoFiles(mediaDirOf(t.ctx.config), await preparePhoto(png));
    const inLibrary = await writePhotoFiles(mediaDirOf(t.ctx.config), await preparePhoto(png));
    for (const [stored, articleId] of [
      [ofDraft, draft.id],
      [ofScheduled, scheduled.id],
    ] as const) {
      const mediaId = await addMedia(stored);
      await insertArticleImage(db, {
        articleId,
        mediaId,
        caption: "",
        altText: "",
        position: null,
        sortOrder: 0,
      });
    }
    await addMedia(inLibrary);
    expect(await corpOf(ofDraft.key)).toEqual(unpublished);
    // Scheduled for 06/01/2020: not yet public at NOW.
    expect(await corpOf(ofScheduled.key)).toEqual(unpublished);
    expect(await corpOf(inLibrary.key)).toEqual(unpublished);
    // Every other response keeps same-origin.
    expect((await client.request("/")).headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });

  it("refuses path traversal and unknown keys", async () => {
    const client = new TestClient(t);
    // A row whose key tries to escape the folder is never joined to a path.
    await addMedia({ key: "../../../etc/passwd", mimeType: "text/plain", byteSize: 1 });
    for (const address of [
      "/media/..%2F..%2F..%2Fetc%2Fpasswd",
      "/media/%2e%2e%2fsession-secret",
      "/media/../session-secret",
      "/media/....%2F..%2Fsession-secret",
      "/media/session-secret",
      "/media/0123456789abcdef0123456789abcdef.png",
    ]) {
      const res = await client.request(address);
      expect(res.status, address).toBe(404);
    }
  });

  it("answers 404 when a known file is missing on disk", async () => {
    const stored = await writePhotoFiles(
      mediaDirOf(t.ctx.config),
      await preparePhoto(
        await sharp({ create: { width: 20, height: 20, channels: 3, background: "#000" } })
          .jpeg()
          .toBuffer(),
      ),
    );
    await addMedia(stored);
    unlinkSync(path.join(mediaDirOf(t.ctx.config), stored.key));
    expect((await new TestClient(t).request(`/media/${stored.key}`)).status).toBe(404);
  });
});
