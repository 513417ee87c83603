import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { mediaDirOf } from "../media/media.service.js";

const NOW = new Date("2020-01-02T15:00:00Z");

type Fields = Record<string, string>;

describe.each(ENGINES)("editor's article pages on %s", (engine) => {
  let t: TestApp;
  let district: number;
  let wardA: number;
  let wardB: number;
  let categoryId: number;
  let users: Record<"editor" | "writer" | "writer2" | "admin" | "viewer", number>;
  let png: Buffer;

  const db = () => t.database.db;
  const mediaFiles = () =>
    existsSync(mediaDirOf(t.ctx.config)) ? readdirSync(mediaDirOf(t.ctx.config)).sort() : [];

  async function signedIn(username: string, ip = "203.0.113.7"): Promise<TestClient> {
    const client = new TestClient(t, ip);
    const res = await client.logIn(username);
    expect(res.status).toBe(303);
    return client;
  }

  function fields(overrides: Fields = {}): Fields {
    return {
      title: "Phường Thượng Thanh ra quân dọn vệ sinh",
      slug: "",
      lead: "Sáng 02/01/2020, phường tổ chức ra quân.",
      bodyHtml: "<p>Đoạn một.</p><p>Đoạn hai.</p>",
      categoryId: String(categoryId),
      unitId: String(wardA),
      publishedDate: "2020-01-02",
      publishedTime: "21:49",
      caption: "",
      alt: "",
      photoPosition: "",
      intent: "draft",
      ...overrides,
    };
  }

  /** Posts the editor's multipart form like a browser (an empty file part when no photo is chosen). */
  async function submit(
    client: TestClient,
    address: string,
    values: Fields,
    photo?: { bytes: Buffer; name: string },
  ) {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    form.set(
      "photo",
      photo ? new File([new Uint8Array(photo.bytes)], photo.name, { type: "image/png" }) : new File([], ""),
    );
    return client.request(address, { method: "POST", body: form });
  }

  async function articleBySlug(slug: string) {
    return db().selectFrom("articles").selectAll().where("slug", "=", slug).executeTakeFirst();
  }

  async function auditOf(articleId: number) {
    const rows = await db()
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_type", "=", "article")
      .where("entity_id", "=", String(articleId))
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      action: r.action,
      actor: r.actor_user_id,
      unitId: r.unit_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
    }));
  }

  const idFromLocation = (res: Response) =>
    Number(res.headers.get("location")?.match(/\/quan-tri\/bai-viet\/(\d+)/)?.[1]);

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-editor-")) },
    });
    district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    wardB = await createUnit(db(), { name: "Ngọc Thụy", parentId: district });
    categoryId = (
      await db()
        .insertInto("categories")
        .values({ slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện", sort_order: 1 })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    users = {
      editor: await createUser(db(), {
        username: "bientap",
        displayName: "Biên tập quận",
        grants: [{ role: "editor", unitId: district }],
      }),
      writer: await createUser(db(), {
        username: "phuongA",
        displayName: "Cán bộ Thượng Thanh",
        grants: [{ role: "writer", unitId: wardA }],
      }),
      writer2: await createUser(db(), {
        username: "phuongA2",
        displayName: "Cán bộ Thượng Thanh 2",
        grants: [{ role: "writer", unitId: wardA }],
      }),
      admin: await createUser(db(), {
        username: "quantri",
        displayName: "Quản trị",
        grants: [{ role: "system_admin", unitId: district }],
      }),
      viewer: await createUser(db(), {
        username: "xem",
        displayName: "Người xem",
        grants: [{ role: "viewer", unitId: wardA }],
      }),
    };
    png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#b3261e" } })
      .png()
      .toBuffer();
  });
  afterAll(async () => {
    await t.close();
  });

  it("an editor writes an article with a photo, publishes it and sees it on the home page", async () => {
    const editor = await signedIn("bientap");
    const form = await editor.page("/quan-tri/bai-viet/moi");
    expect(form.response.status).toBe(200);
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect(form.html).toContain(
      '<button type="submit" name="intent" value="publish" class="button primary">Đăng bài</button>',
    );
    expect(form.html).toContain('aria-current="page">Bài viết</a>');

    const res = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({
        title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
        caption: "Đ/c Phạm Thị Minh Hồng báo cáo trước hội nghị",
        alt: "Bí thư Đảng ủy phường đứng báo cáo",
        photoPosition: "1",
        tags: "Thượng Thanh, hội nghị",
        linkedUnitIds: String(wardB),
        intent: "publish",
      }),
      { bytes: png, name: "IMG_0001.png" },
    );
    expect(res.status).toBe(303);
    const id = idFromLocation(res);
    expect(res.headers.get("location")).toBe(`/quan-tri/bai-viet/${id}?ok=published`);

    const article = await articleBySlug("ban-thuong-vu-quan-uy-lam-viec-voi-phuong-thuong-thanh");
    expect(article).toMatchObject({
      id,
      status: "published",
      published_at: "2020-01-02T14:49:00.000Z",
      unit_id: wardA,
      category_id: categoryId,
      author_id: users.editor,
      body_html: "<p>Đoạn một.</p>\n<p>Đoạn hai.</p>",
    });
    const images = await db()
      .selectFrom("article_images")
      .innerJoin("media", "media.id", "article_images.media_id")
      .select(["caption", "alt_text", "position", "storage_key", "mime_type", "original_name"])
      .where("article_id", "=", id)
      .execute();
    expect(images).toHaveLength(1);
    const image = images[0];
    expect(image).toMatchObject({
      caption: "Đ/c Phạm Thị Minh Hồng báo cáo trước hội nghị",
      alt_text: "Bí thư Đảng ủy phường đứng báo cáo",
      position: 1,
      mime_type: "image/png",
      original_name: "IMG_0001.png",
    });
    const key = image?.storage_key ?? "";
    expect(mediaFiles()).toEqual([key, key.replace(".png", "-m.png"), key.replace(".png", "-t.png")].sort());
    const stored = await (await editor.request(`/media/${key}`)).arrayBuffer();
    expect((await sharp(new Uint8Array(stored)).metadata()).width).toBe(1600);

    const edit = await editor.page(`/quan-tri/bai-viet/${id}?ok=published`);
    expect(edit.html).toContain('<p class="notice" role="status">Đã đăng bài viết.</p>');
    expect(edit.html).toContain("Ảnh 1: Đ/c Phạm Thị Minh Hồng báo cáo trước hội nghị");
    // Enter in a text field presses the first button: on a published article it keeps it published;
    // taking it down is a separate form.
    expect(edit.html).toContain(
      '<div class="form-actions"><button type="submit" name="intent" value="save" class="button primary">Lưu thay đổi</button></div>',
    );
    expect(edit.html).toContain(`<form method="post" action="/quan-tri/bai-viet/${id}/go-bai">`);

    const home = await new TestClient(t, "198.51.100.1").page("/");
    expect(
      home.html.match(/<h2 class="article-card-title"><a href="([^"]*)">([^<]*)<\/a>/)?.slice(1),
    ).toEqual([
      "/tin-tuc/ban-thuong-vu-quan-uy-lam-viec-voi-phuong-thuong-thanh",
      "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
    ]);
    const page = await new TestClient(t, "198.51.100.1").page(
      "/tin-tuc/ban-thuong-vu-quan-uy-lam-viec-voi-phuong-thuong-thanh",
    );
    // A new article: its first reader sees 0 (their own view is counted from the next visit on).
    expect(page.html).toContain("Ngày đăng 02/01/2020 | 21:49 | Lượt xem: 0</p>");
    expect(page.html).toContain(
      `<p>Đoạn một.</p><figure class="article-figure"><img src="/media/${key}" alt="Bí thư Đảng ủy phường đứng báo cáo" loading="lazy" decoding="async"/><figcaption>Đ/c Phạm Thị Minh Hồng báo cáo trước hội nghị</figcaption></figure><p>Đoạn hai.</p>`,
    );

    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", actor: users.editor, unitId: wardA, before: null });
    expect(audit[0]?.after).toEqual({
      slug: "ban-thuong-vu-quan-uy-lam-viec-voi-phuong-thuong-thanh",
      title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      lead: "Sáng 02/01/2020, phường tổ chức ra quân.",
      bodyHtml: "<p>Đoạn một.</p>\n<p>Đoạn hai.</p>",
      status: "published",
      publishedAt: "2020-01-02T14:49:00.000Z",
      unitId: wardA,
      categoryId,
      authorId: users.editor,
      images: [
        {
          media: key,
          caption: "Đ/c Phạm Thị Minh Hồng báo cáo trước hội nghị",
          alt: "Bí thư Đảng ủy phường đứng báo cáo",
          position: 1,
        },
      ],
      tags: ["hội nghị", "Thượng Thanh"],
      sessionIds: [],
      linkedUnitIds: [wardB],
    });
  });

  it("a writer saves drafts but cannot publish, and edits only their own drafts", async () => {
    const writer = await signedIn("phuonga");
    const form = await writer.page("/quan-tri/bai-viet/moi");
    expect(form.html).not.toContain('value="publish"');
    // Only ward A is offered, and it is preselected.
    expect(form.html.match(/<select id="f-unitId"[^>]*>(.*?)<\/select>/s)?.[1]).toBe(
      `<optgroup label="Đơn vị hiện nay"><option value="${wardA}" selected="">Phường Thượng Thanh</option></optgroup>`,
    );

    const refused = await submit(
      writer,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Bài tự đăng", intent: "publish" }),
    );
    expect(refused.status).toBe(403);
    expect(await articleBySlug("bai-tu-dang")).toBeUndefined();

    const saved = await submit(writer, "/quan-tri/bai-viet/moi", fields({ title: "Bản nháp của phường" }));
    expect(saved.status).toBe(303);
    const id = idFromLocation(saved);
    expect(await articleBySlug("ban-nhap-cua-phuong")).toMatchObject({
      id,
      status: "draft",
      author_id: users.writer,
    });
    expect((await new TestClient(t).request("/tin-tuc/ban-nhap-cua-phuong")).status).toBe(404);

    const own = await submit(
      writer,
      `/quan-tri/bai-viet/${id}`,
      fields({ title: "Bản nháp của phường (sửa)", slug: "ban-nhap-cua-phuong" }),
    );
    expect(own.status).toBe(303);
    expect((await articleBySlug("ban-nhap-cua-phuong"))?.title).toBe("Bản nháp của phường (sửa)");
    const publishOwn = await submit(
      writer,
      `/quan-tri/bai-viet/${id}`,
      fields({ slug: "ban-nhap-cua-phuong", intent: "publish" }),
    );
    expect(publishOwn.status).toBe(403);
    expect((await articleBySlug("ban-nhap-cua-phuong"))?.status).toBe("draft");

    const colleague = await signedIn("phuonga2");
    expect((await colleague.request(`/quan-tri/bai-viet/${id}`)).status).toBe(403);
    const foreign = await submit(
      colleague,
      `/quan-tri/bai-viet/${id}`,
      fields({ title: "Sửa bài người khác" }),
    );
    expect(foreign.status).toBe(403);
    expect((await articleBySlug("ban-nhap-cua-phuong"))?.title).toBe("Bản nháp của phường (sửa)");

    // Once an editor publishes it, the writer may no longer change it.
    const editor = await signedIn("bientap");
    await editor.page(`/quan-tri/bai-viet/${id}`);
    const published = await submit(
      editor,
      `/quan-tri/bai-viet/${id}`,
      fields({ title: "Bản nháp của phường (sửa)", slug: "ban-nhap-cua-phuong", intent: "publish" }),
    );
    expect(published.headers.get("location")).toBe(`/quan-tri/bai-viet/${id}?ok=published`);
    expect((await writer.request(`/quan-tri/bai-viet/${id}`)).status).toBe(403);

    const audit = await auditOf(id);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["create", users.writer],
      ["update", users.writer],
      ["publish", users.editor],
    ]);
    expect(audit[1]?.before.title).toBe("Bản nháp của phường");
    expect(audit[1]?.after.title).toBe("Bản nháp của phường (sửa)");
    expect([audit[2]?.before.status, audit[2]?.after.status]).toEqual(["draft", "published"]);
  });

  it("a ward officer cannot create an article owned by another ward", async () => {
    const writer = await signedIn("phuonga");
    await writer.page("/quan-tri/bai-viet/moi");
    const res = await submit(
      writer,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Bài của phường khác", unitId: String(wardB) }),
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Bạn không có quyền thực hiện thao tác này.");
    expect(await articleBySlug("bai-cua-phuong-khac")).toBeUndefined();
  });

  it("offers former units too, after current ones and labelled with their end date", async () => {
    const former = await createUnit(db(), {
      name: "Sài Đồng",
      parentId: district,
      validTo: "2019-12-31",
    });
    await createUser(db(), { username: "saidong", grants: [{ role: "writer", unitId: former }] });
    const editor = await signedIn("bientap");
    const { html } = await editor.page("/quan-tri/bai-viet/moi");
    const options = [
      ...(html.match(/<select id="f-unitId"[^>]*>(.*?)<\/select>/s)?.[1] ?? "").matchAll(
        /<option value="(\d*)"[^>]*>([^<]*)</g,
      ),
    ].map((m) => m[2]);
    expect(options).toEqual([
      "— Chọn đơn vị —",
      "Quận Long Biên",
      "Phường Ngọc Thụy",
      "Phường Thượng Thanh",
      "Phường Sài Đồng (đến 31/12/2019)",
    ]);

    const writer = await signedIn("saidong");
    await writer.page("/quan-tri/bai-viet/moi");
    const res = await submit(
      writer,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Tin cũ của Sài Đồng", unitId: String(former) }),
    );
    expect(res.status).toBe(303);
    expect((await articleBySlug("tin-cu-cua-sai-dong"))?.unit_id).toBe(former);
  });

  it("people without a writing role get 403, anonymous visitors the login page", async () => {
    const viewer = await signedIn("xem");
    expect((await viewer.request("/quan-tri/bai-viet")).status).toBe(403);
    expect((await viewer.request("/quan-tri/bai-viet/moi")).status).toBe(403);
    const anonymous = await new TestClient(t).request("/quan-tri/bai-viet/moi");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/dang-nhap?next=%2Fquan-tri%2Fbai-viet%2Fmoi");
  });

  it("shows Vietnamese messages next to each field and writes nothing (422)", async () => {
    const editor = await signedIn("bientap");
    await editor.page("/quan-tri/bai-viet/moi");
    const before = {
      articles: await db().selectFrom("articles").select("id").execute(),
      files: mediaFiles(),
    };
    const res = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({ title: "  ", bodyHtml: "<p>Giữ nguyên nội dung đã gõ</p>", publishedTime: "25:00" }),
      { bytes: png, name: "anh.png" },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="f-title-error">Vui lòng nhập tiêu đề.</p>');
    expect(html).toContain('<p class="field-error" id="f-caption-error">Vui lòng nhập chú thích ảnh.</p>');
    expect(html).toContain(
      '<p class="field-error" id="f-alt-error">Vui lòng nhập mô tả ảnh cho người không xem được ảnh (văn bản thay thế).</p>',
    );
    expect(html).toContain(
      '<p class="field-error" id="f-publishedTime-error">Giờ đăng không hợp lệ (giờ:phút, ví dụ 21:49).</p>',
    );
    expect(html).toContain('<a href="#f-title">Tiêu đề: Vui lòng nhập tiêu đề.</a>');
    expect(html).toContain('aria-invalid="true" aria-describedby="f-title-error"');
    expect(html).toContain("&lt;p&gt;Giữ nguyên nội dung đã gõ&lt;/p&gt;</textarea>");
    expect(await db().selectFrom("articles").select("id").execute()).toEqual(before.articles);
    // The chosen photo is kept (a library photo waiting for its caption, in a hidden field): nothing
    // to choose again, and no article half-written.
    const kept = /<input type="hidden" name="pendingMediaId" value="(\d+)"\/>/.exec(html)?.[1];
    expect(kept).toBeDefined();
    expect(mediaFiles()).toHaveLength(before.files.length + 3);
    const keptRow = await db()
      .selectFrom("media")
      .select(["id", "original_name"])
      .where("id", "=", Number(kept))
      .executeTakeFirst();
    expect(keptRow?.original_name).toBe("anh.png");

    // Sent again with the errors fixed and no file: the kept photo goes into the article.
    const fixed = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({
        title: "Ảnh giữ lại sau lỗi",
        pendingMediaId: String(kept),
        caption: "Lực lượng ra quân",
        alt: "Cán bộ phường trước trụ sở",
      }),
    );
    expect(fixed.status).toBe(303);
    const created = await articleBySlug("anh-giu-lai-sau-loi");
    const images = await db()
      .selectFrom("article_images")
      .select(["media_id", "caption", "alt_text"])
      .where("article_id", "=", Number(created?.id))
      .execute();
    expect(images).toEqual([
      { media_id: Number(kept), caption: "Lực lượng ra quân", alt_text: "Cán bộ phường trước trụ sở" },
    ]);
    expect(mediaFiles()).toHaveLength(before.files.length + 3);
    before.articles = await db().selectFrom("articles").select("id").execute();

    const notAPhoto = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({ caption: "Chú thích", alt: "Mô tả" }),
      {
        bytes: Buffer.from("<svg onload=alert(1)></svg>"),
        name: "anh.png",
      },
    );
    expect(notAPhoto.status).toBe(422);
    expect(await notAPhoto.text()).toContain(
      '<p class="field-error" id="f-photo-error">Chỉ nhận ảnh JPEG, PNG hoặc WebP.</p>',
    );

    const noBody = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({ bodyHtml: "<script>alert(1)</script>" }),
    );
    expect(noBody.status).toBe(422);
    expect(await noBody.text()).toContain(
      '<p class="field-error" id="f-bodyHtml-error">Nội dung không còn gì sau khi loại bỏ phần mã không được phép.</p>',
    );
    expect(await db().selectFrom("articles").select("id").execute()).toEqual(before.articles);
  });

  it("refuses a slug already in use with 409 next to the slug field; generated slugs get a suffix", async () => {
    const editor = await signedIn("bientap");
    await editor.page("/quan-tri/bai-viet/moi");
    const first = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Hội nghị tổng kết năm 2019" }),
    );
    expect(first.status).toBe(303);
    const conflict = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Bài khác", slug: "hoi-nghi-tong-ket-nam-2019" }),
    );
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toContain(
      '<p class="field-error" id="f-slug-error">Đường dẫn này đã được dùng cho một bài viết khác. Vui lòng chọn đường dẫn khác.</p>',
    );
    expect(html).toContain('value="hoi-nghi-tong-ket-nam-2019"');
    expect(await articleBySlug("bai-khac")).toBeUndefined();

    const again = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Hội nghị tổng kết năm 2019" }),
    );
    expect(again.status).toBe(303);
    expect((await articleBySlug("hoi-nghi-tong-ket-nam-2019-2"))?.id).toBe(idFromLocation(again));
  });

  it("never lets <script> or onerror= from the body reach a reader", async () => {
    const editor = await signedIn("bientap");
    await editor.page("/quan-tri/bai-viet/moi");
    const res = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({
        title: "Bài có mã độc",
        bodyHtml:
          '<p onclick="steal()">Xin chào</p><script>alert("xss")</script><img src=x onerror=alert(1)><p><a href="javascript:alert(1)">liên kết</a></p>',
        intent: "publish",
      }),
    );
    expect(res.status).toBe(303);
    expect((await articleBySlug("bai-co-ma-doc"))?.body_html).toBe("<p>Xin chào</p>\n<p><a>liên kết</a></p>");
    const { html } = await new TestClient(t, "198.51.100.3").page("/tin-tuc/bai-co-ma-doc");
    const body = html.match(/<div class="article-body">(.*?)<\/div>/s)?.[1];
    expect(body).toBe("<p>Xin chào</p><p><a>liên kết</a></p>");
    // The page's own JSON-LD and share button script are the only script elements.
    const own = html
      .replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, "")
      .replace('<script src="/static/share.js" defer=""></script>', "");
    expect(own).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });

  it("edits photo captions, takes a photo out (it stays in the library), unpublishes and deletes, all audited", async () => {
    const editor = await signedIn("bientap");
    await editor.page("/quan-tri/bai-viet/moi");
    const created = await submit(
      editor,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Bài có hai ảnh", caption: "Ảnh một", alt: "Mô tả một", intent: "publish" }),
      { bytes: png, name: "1.png" },
    );
    const id = idFromLocation(created);
    const filesWithOne = mediaFiles();
    const added = await submit(
      editor,
      `/quan-tri/bai-viet/${id}`,
      fields({
        title: "Bài có hai ảnh",
        slug: "bai-co-hai-anh",
        caption: "Ảnh hai",
        alt: "Mô tả hai",
        photoPosition: "0",
        intent: "save",
      }),
      { bytes: png, name: "2.png" },
    );
    expect(added.status).toBe(303);
    const images = await db()
      .selectFrom("article_images")
      .innerJoin("media", "media.id", "article_images.media_id")
      .select(["article_images.id", "caption", "position", "sort_order", "storage_key"])
      .where("article_id", "=", id)
      .orderBy("sort_order")
      .execute();
    expect(images.map((i) => [i.caption, i.position, i.sort_order])).toEqual([
      ["Ảnh một", null, 0],
      ["Ảnh hai", 0, 1],
    ]);
    const [one, two] = images;
    if (!one || !two) throw new Error("two photos expected");
    // 2000 px wide: the main file (1600), the list copy (480) and the 960 copy.
    expect(mediaFiles()).toHaveLength(filesWithOne.length + 3);
    const filesWithTwo = mediaFiles();

    // Missing caption on an existing photo: 422 next to that photo's field.
    const bad = await submit(editor, `/quan-tri/bai-viet/${id}`, {
      ...fields({ title: "Bài có hai ảnh", slug: "bai-co-hai-anh", intent: "save" }),
      [`image-${one.id}-caption`]: "",
      [`image-${one.id}-alt`]: "Mô tả một",
      [`image-${two.id}-caption`]: "Ảnh hai",
      [`image-${two.id}-alt`]: "Mô tả hai",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(
      `<p class="field-error" id="f-image-${one.id}-caption-error">Vui lòng nhập chú thích ảnh.</p>`,
    );

    const edited = await submit(editor, `/quan-tri/bai-viet/${id}`, {
      ...fields({ title: "Bài có hai ảnh", slug: "bai-co-hai-anh", intent: "save" }),
      [`image-${one.id}-caption`]: "Ảnh một (sửa)",
      [`image-${one.id}-alt`]: "Mô tả một",
      [`image-${one.id}-position`]: "2",
      [`image-${two.id}-caption`]: "Ảnh hai",
      [`image-${two.id}-alt`]: "Mô tả hai",
      [`image-${two.id}-remove`]: "1",
    });
    expect(edited.status).toBe(303);
    expect(
      await db()
        .selectFrom("article_images")
        .select(["id", "caption", "position"])
        .where("article_id", "=", id)
        .execute(),
    ).toEqual([{ id: one.id, caption: "Ảnh một (sửa)", position: 2 }]);
    // Taken out of the article, kept in the library for reuse.
    expect(mediaFiles()).toEqual(filesWithTwo);
    expect((await articleBySlug("bai-co-hai-anh"))?.status).toBe("published");

    await editor.page(`/quan-tri/bai-viet/${id}`);
    const unpublished = await editor.postForm(`/quan-tri/bai-viet/${id}/go-bai`, {});
    expect(unpublished.headers.get("location")).toBe(`/quan-tri/bai-viet/${id}?ok=unpublished`);
    expect((await articleBySlug("bai-co-hai-anh"))?.status).toBe("unpublished");
    expect((await new TestClient(t).request("/tin-tuc/bai-co-hai-anh")).status).toBe(404);

    const confirm = await editor.page(`/quan-tri/bai-viet/${id}/xoa`);
    expect(confirm.html).toContain("<strong>Bài có hai ảnh</strong>");
    const deleted = await editor.postForm(`/quan-tri/bai-viet/${id}/xoa`, {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe("/quan-tri/bai-viet?ok=deleted");
    expect(await articleBySlug("bai-co-hai-anh")).toBeUndefined();
    expect(mediaFiles()).toEqual(filesWithTwo);
    expect(
      await db().selectFrom("article_revisions").select("id").where("article_id", "=", id).execute(),
    ).toEqual([]);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update", "unpublish", "delete"]);
    expect(audit[2]?.before.images.map((i: { caption: string }) => i.caption)).toEqual([
      "Ảnh một",
      "Ảnh hai",
    ]);
    expect(audit[2]?.after.images).toEqual([
      { media: one.storage_key, caption: "Ảnh một (sửa)", alt: "Mô tả một", position: 2 },
    ]);
    expect(audit[3]).toMatchObject({
      before: { status: "published" },
      after: { status: "unpublished" },
      actor: users.editor,
    });
    expect(audit[4]).toMatchObject({ action: "delete", after: null, actor: users.editor });
    expect(audit[4]?.before.title).toBe("Bài có hai ảnh");
  });

  it("lists the articles each person may touch, with their status and actions", async () => {
    const admin = await signedIn("quantri");
    await admin.page("/quan-tri/bai-viet/moi");
    const inB = await submit(
      admin,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Tin phường Ngọc Thụy", unitId: String(wardB) }),
    );
    expect(inB.status).toBe(303);

    const adminList = await admin.page("/quan-tri/bai-viet");
    expect(adminList.response.status).toBe(200);
    expect(adminList.html).toContain("Tin phường Ngọc Thụy");
    expect(adminList.html).toContain("Bản nháp của phường (sửa)");

    const writer = await signedIn("phuonga");
    const { html } = await writer.page("/quan-tri/bai-viet");
    expect(html).not.toContain("Tin phường Ngọc Thụy");
    const rows = [
      ...html.matchAll(
        /<tr><td[^>]*>(.*?)<\/td><td[^>]*>(.*?)<\/td><td[^>]*>(.*?)<\/td><td[^>]*><span class="status status-(\w+)">(.*?)<\/span><\/td>/g,
      ),
    ].map((m) => ({
      title: m[1]?.replace(/<[^>]+>/g, ""),
      unit: m[2],
      status: m[5],
      editable: m[1]?.startsWith("<a"),
    }));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.unit === "Phường Thượng Thanh")).toBe(true);
    expect(rows.find((r) => r.title === "Bản nháp của phường (sửa)")).toEqual({
      title: "Bản nháp của phường (sửa)",
      unit: "Phường Thượng Thanh",
      status: "Đã đăng",
      editable: false,
    });
    expect(html).toContain('aria-current="page">Bài viết</a>');
  });

  it("writes nothing, and deletes the stored photo, when the transaction fails", async () => {
    const editor = await signedIn("bientap");
    await editor.page("/quan-tri/bai-viet/moi");
    const files = mediaFiles();
    const articleCount = (await db().selectFrom("articles").select("id").execute()).length;
    const mediaCount = (await db().selectFrom("media").select("id").execute()).length;
    // Make the audit insert, the last write of the transaction, fail.
    await sql`ALTER TABLE audit_events RENAME TO audit_events_off`.execute(db());
    try {
      const res = await submit(
        editor,
        "/quan-tri/bai-viet/moi",
        fields({ title: "Bài không được lưu", caption: "Chú thích", alt: "Mô tả", intent: "publish" }),
        { bytes: png, name: "x.png" },
      );
      expect(res.status).toBe(500);
    } finally {
      await sql`ALTER TABLE audit_events_off RENAME TO audit_events`.execute(db());
    }
    expect(await articleBySlug("bai-khong-duoc-luu")).toBeUndefined();
    expect((await db().selectFrom("articles").select("id").execute()).length).toBe(articleCount);
    expect((await db().selectFrom("media").select("id").execute()).length).toBe(mediaCount);
    expect(mediaFiles()).toEqual(files);
  });
});
