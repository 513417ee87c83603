import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { createApiToken } from "../../accounts/auth.service.js";
import { insertMedia } from "../media/media.repo.js";
import { insertArticle, insertArticleImage } from "./articles.repo.js";

const NOW = new Date("2020-01-03T02:00:00Z");

describe.each(ENGINES)("articles API on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  let wardB: number;
  let categoryId: number;
  let referenceId: number;
  let editorToken: string;
  let users: { editor: number; writer: number; writer2: number };

  const db = () => t.database.db;

  function bearer(token: string) {
    return async (method: string, address: string, body?: unknown) =>
      new TestClient(t).request(address, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });
  }

  async function json(res: Response) {
    return (await res.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-api-")) },
    });
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
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
        displayName: "Biên tập",
        grants: [{ role: "editor", unitId: district }],
      }),
      writer: await createUser(db(), {
        username: "phuonga",
        displayName: "Cán bộ A",
        grants: [{ role: "writer", unitId: wardA }],
      }),
      writer2: await createUser(db(), {
        username: "phuonga2",
        displayName: "Cán bộ A2",
        grants: [{ role: "writer", unitId: wardA }],
      }),
    };
    editorToken = (
      await createApiToken(db(), { username: "bientap", name: "kịch bản", actor: null, now: NOW })
    ).token;

    const add = (slug: string, title: string, publishedAt: string, status = "published") =>
      insertArticle(db(), {
        slug,
        title,
        lead: null,
        bodyHtml: "<p>Nội dung.</p>",
        status: status as "draft" | "published",
        publishedAt,
        unitId: wardA,
        categoryId: null,
        authorId: null,
        now: NOW,
      });
    await add("tin-cu", "Tin cũ", "2019-12-30T01:00:00.000Z");
    referenceId = await insertArticle(db(), {
      slug: "ban-thuong-vu-lam-viec-voi-phuong-thuong-thanh",
      title: "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh",
      lead: "Chiều 02/01/2020…",
      bodyHtml: "<p>Thực hiện Chương trình công tác…</p>",
      status: "published",
      publishedAt: "2020-01-02T14:49:00.000Z",
      unitId: wardA,
      categoryId,
      authorId: null,
      now: NOW,
    });
    await db().updateTable("articles").set({ views: 129 }).where("id", "=", referenceId).execute();
    const mediaId = await insertMedia(db(), {
      storageKey: "demo-1.jpg",
      originalName: "demo-1.jpg",
      mimeType: "image/jpeg",
      byteSize: 1000,
      uploadedBy: null,
      unitId: wardA,
      now: NOW,
    });
    await insertArticleImage(db(), {
      articleId: referenceId,
      mediaId,
      caption: "Đ/c Đỗ Mạnh Hải định hướng nội dung hội nghị.",
      altText: "Bí thư Quận ủy phát biểu",
      position: 2,
      sortOrder: 0,
    });
    await add("ban-nhap", "Bản nháp", "2020-01-02T00:00:00.000Z", "draft");
    await add("hen-gio", "Hẹn giờ", "2020-02-01T00:00:00.000Z");
  });
  afterAll(async () => {
    await t.close();
  });

  it("GET /api/v1/articles lists published articles newest first", async () => {
    const res = await new TestClient(t).request("/api/v1/articles");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await json(res)).toEqual({
      data: [
        {
          id: referenceId,
          slug: "ban-thuong-vu-lam-viec-voi-phuong-thuong-thanh",
          title: "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh",
          publishedAt: "2020-01-02T14:49:00.000Z",
          views: 129,
        },
        {
          id: expect.any(Number),
          slug: "tin-cu",
          title: "Tin cũ",
          publishedAt: "2019-12-30T01:00:00.000Z",
          views: 0,
        },
      ],
    });
    const one = (await json(await new TestClient(t).request("/api/v1/articles?limit=1"))).data as unknown[];
    expect(one).toHaveLength(1);
  });

  it.each(["0", "101", "abc", "1.5", "-3"])(
    "GET /api/v1/articles?limit=%s is a 422 on query.limit",
    async (limit) => {
      const res = await new TestClient(t).request(`/api/v1/articles?limit=${limit}`);
      expect(res.status).toBe(422);
      const body = (await json(res)) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.fields).toEqual({ "query.limit": "limit phải là số nguyên từ 1 đến 100." });
    },
  );

  it("GET /api/v1/articles/{slug} gives the article with its unit, category and photos", async () => {
    const res = await new TestClient(t).request(
      "/api/v1/articles/ban-thuong-vu-lam-viec-voi-phuong-thuong-thanh",
    );
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      data: {
        id: referenceId,
        slug: "ban-thuong-vu-lam-viec-voi-phuong-thuong-thanh",
        title: "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh",
        lead: "Chiều 02/01/2020…",
        bodyHtml: "<p>Thực hiện Chương trình công tác…</p>",
        status: "published",
        publishedAt: "2020-01-02T14:49:00.000Z",
        tags: [],
        views: 129,
        category: { id: categoryId, slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện" },
        unit: { id: wardA, name: "Phường Thượng Thanh" },
        images: [
          {
            url: "http://localhost/media/demo-1.jpg",
            caption: "Đ/c Đỗ Mạnh Hải định hướng nội dung hội nghị.",
            alt: "Bí thư Quận ủy phát biểu",
          },
        ],
      },
    });
  });

  it("GET /api/v1/articles/{slug} is a 404 JSON error for drafts, scheduled and unknown articles", async () => {
    for (const slug of ["ban-nhap", "hen-gio", "khong-co"]) {
      const res = await new TestClient(t).request(`/api/v1/articles/${slug}`);
      expect(res.status).toBe(404);
      expect(await json(res)).toEqual({ error: { code: "not_found", message: "Không tìm thấy bài viết." } });
    }
  });

  it("POST /api/v1/articles with a bearer token creates, sanitises and audits", async () => {
    const call = bearer(editorToken);
    const res = await call("POST", "/api/v1/articles", {
      title: "Đảng bộ phường Thượng Thanh tổng kết năm 2019",
      lead: "  Tóm tắt  ",
      bodyHtml: '<p onclick="x()">Kết quả</p><script>alert(1)</script>',
      unitId: wardA,
      categoryId,
      status: "published",
      publishedAt: "2020-01-03T08:30:00+07:00",
      tags: ["Tổng kết", " tổng  kết ", "Đảng bộ"],
    });
    expect(res.status).toBe(201);
    const body = (await json(res)) as { data: Record<string, unknown> };
    expect(body.data).toEqual({
      id: expect.any(Number),
      slug: "dang-bo-phuong-thuong-thanh-tong-ket-nam-2019",
      title: "Đảng bộ phường Thượng Thanh tổng kết năm 2019",
      lead: "Tóm tắt",
      bodyHtml: "<p>Kết quả</p>",
      status: "published",
      publishedAt: "2020-01-03T01:30:00.000Z",
      tags: ["Đảng bộ", "Tổng kết"],
      views: 0,
      category: { id: categoryId, slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện" },
      unit: { id: wardA, name: "Phường Thượng Thanh" },
      images: [],
    });
    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "actor_user_id", "unit_id", "before_json", "after_json"])
      .where("entity_type", "=", "article")
      .where("entity_id", "=", String(body.data.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create",
      actor_user_id: users.editor,
      unit_id: wardA,
      before_json: null,
    });
    expect(JSON.parse(audit[0]?.after_json ?? "{}")).toMatchObject({
      status: "published",
      bodyHtml: "<p>Kết quả</p>",
    });
  });

  it("POST reports invalid fields with body paths (422) and a taken slug (409)", async () => {
    const call = bearer(editorToken);
    const invalid = await call("POST", "/api/v1/articles", {
      title: "",
      bodyHtml: "",
      unitId: wardA,
      status: "secret",
    });
    expect(invalid.status).toBe(422);
    expect(await json(invalid)).toEqual({
      error: {
        code: "validation_failed",
        message: "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.",
        fields: {
          "body.title": "Vui lòng nhập tiêu đề.",
          "body.bodyHtml": "Vui lòng nhập nội dung bài viết.",
          "body.status":
            "Trạng thái chỉ có thể là draft (nháp), submitted (gửi duyệt), published (đăng hoặc hẹn giờ) hoặc unpublished (gỡ bài).",
        },
      },
    });
    const missingUnit = await call("POST", "/api/v1/articles", { title: "Tiêu đề", bodyHtml: "<p>x</p>" });
    expect(((await json(missingUnit)) as { error: { fields: Record<string, string> } }).error.fields).toEqual(
      {
        "body.unitId": "Vui lòng chọn đơn vị sở hữu bài viết.",
      },
    );
    const unknownUnit = await call("POST", "/api/v1/articles", {
      title: "Tiêu đề",
      bodyHtml: "<p>x</p>",
      unitId: 99999,
    });
    expect(unknownUnit.status).toBe(422);
    expect(((await json(unknownUnit)) as { error: { fields: Record<string, string> } }).error.fields).toEqual(
      {
        "body.unitId": "Đơn vị không tồn tại.",
      },
    );

    const taken = await call("POST", "/api/v1/articles", {
      title: "Khác",
      slug: "tin-cu",
      bodyHtml: "<p>x</p>",
      unitId: wardA,
    });
    expect(taken.status).toBe(409);
    expect(await json(taken)).toEqual({
      error: {
        code: "conflict",
        message: "Đường dẫn này đã được dùng cho một bài viết khác. Vui lòng chọn đường dẫn khác.",
        fields: {
          "body.slug": "Đường dẫn này đã được dùng cho một bài viết khác. Vui lòng chọn đường dẫn khác.",
        },
      },
    });
  });

  it("POST with a session needs the CSRF header; writers may create drafts in their own ward only", async () => {
    const writer = new TestClient(t);
    expect((await writer.logIn("phuonga")).status).toBe(303);
    const draft = { title: "Tin của phường", bodyHtml: "<p>x</p>", unitId: wardA };

    const noCsrf = await writer.request("/api/v1/articles", {
      method: "POST",
      body: JSON.stringify(draft),
      headers: { "content-type": "application/json" },
    });
    expect(noCsrf.status).toBe(403);
    expect(((await json(noCsrf)) as { error: { code: string } }).error.code).toBe("csrf_failed");

    const created = await writer.sendJson("POST", "/api/v1/articles", draft);
    expect(created.status).toBe(201);
    expect(((await json(created)) as { data: { status: string } }).data.status).toBe("draft");

    const publish = await writer.sendJson("POST", "/api/v1/articles", {
      ...draft,
      title: "Tự đăng",
      status: "published",
    });
    expect(publish.status).toBe(403);
    expect(await json(publish)).toEqual({
      error: { code: "forbidden", message: "Bạn không có quyền thực hiện thao tác này." },
    });

    const otherWard = await writer.sendJson("POST", "/api/v1/articles", {
      ...draft,
      title: "Phường khác",
      unitId: wardB,
    });
    expect(otherWard.status).toBe(403);
    expect(
      await db()
        .selectFrom("articles")
        .select("id")
        .where("title", "in", ["Tự đăng", "Phường khác"])
        .execute(),
    ).toEqual([]);

    // No one signed in: refused for that, before any CSRF question (anonymous API calls carry no rights).
    const anonymous = await new TestClient(t).sendJson("POST", "/api/v1/articles", draft);
    expect(anonymous.status).toBe(401);
  });

  it("rejects a bad bearer token with 401", async () => {
    const res = await bearer("gb_not-a-real-token")("POST", "/api/v1/articles", {
      title: "x",
      bodyHtml: "x",
      unitId: wardA,
    });
    expect(res.status).toBe(401);
    expect(((await json(res)) as { error: { code: string } }).error.code).toBe("invalid_token");
  });

  it("PATCH /api/v1/articles/{id} changes only the given fields, with the same rules and audit", async () => {
    const writer = new TestClient(t);
    await writer.logIn("phuonga");
    const created = (await json(
      await writer.sendJson("POST", "/api/v1/articles", {
        title: "Nháp để sửa",
        bodyHtml: "<p>Một</p>",
        unitId: wardA,
      }),
    )) as {
      data: { id: number };
    };
    const id = created.data.id;

    const renamed = await writer.sendJson("PATCH", `/api/v1/articles/${id}`, { title: "Nháp đã sửa" });
    expect(renamed.status).toBe(200);
    expect((await json(renamed)).data).toMatchObject({
      id,
      title: "Nháp đã sửa",
      slug: "nhap-de-sua",
      bodyHtml: "<p>Một</p>",
      status: "draft",
    });

    expect((await writer.sendJson("PATCH", `/api/v1/articles/${id}`, { status: "published" })).status).toBe(
      403,
    );
    const colleague = new TestClient(t);
    await colleague.logIn("phuonga2");
    expect((await colleague.sendJson("PATCH", `/api/v1/articles/${id}`, { title: "Của tôi" })).status).toBe(
      403,
    );

    const published = await bearer(editorToken)("PATCH", `/api/v1/articles/${id}`, { status: "published" });
    expect(published.status).toBe(200);
    expect((await json(published)).data).toMatchObject({
      status: "published",
      publishedAt: NOW.toISOString(),
      title: "Nháp đã sửa",
    });
    expect((await writer.sendJson("PATCH", `/api/v1/articles/${id}`, { title: "Sau khi đăng" })).status).toBe(
      403,
    );

    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "actor_user_id"])
      .where("entity_type", "=", "article")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "create", actor_user_id: users.writer },
      { action: "update", actor_user_id: users.writer },
      { action: "publish", actor_user_id: users.editor },
    ]);

    const missing = await bearer(editorToken)("PATCH", "/api/v1/articles/999999", { title: "x" });
    expect(missing.status).toBe(404);
    const badId = await bearer(editorToken)("PATCH", "/api/v1/articles/abc", { title: "x" });
    expect(badId.status).toBe(422);
    expect(
      Object.keys(((await json(badId)) as { error: { fields: Record<string, string> } }).error.fields),
    ).toEqual(["param.id"]);
  });

  it("is described in the OpenAPI document", async () => {
    const res = await new TestClient(t).request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths["/api/v1/articles"] ?? {}).sort()).toEqual(["get", "post"]);
    // GET by slug and PATCH by id share one path: two differing only in a parameter's name are invalid.
    expect(Object.keys(doc.paths["/api/v1/articles/{id}"] ?? {}).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["ArticleSummary", "ArticleDetail", "ArticleWrite", "ArticlePatch", "Error"]),
    );
  });
});
