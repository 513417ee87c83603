import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { createApiToken } from "../../accounts/auth.service.js";
import { insertArticle } from "../articles/articles.repo.js";

const NOW = new Date("2020-01-02T15:00:00Z");

type Fields = Record<string, string>;

describe.each(ENGINES)("revision history on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  let categoryId: number;
  let editorToken: string;

  const db = () => t.database.db;

  async function signedIn(username: string): Promise<TestClient> {
    const client = new TestClient(t);
    expect((await client.logIn(username)).status).toBe(303);
    return client;
  }

  function fields(overrides: Fields = {}): Fields {
    return {
      title: "Phường Thượng Thanh xếp thứ 2/14",
      slug: "",
      lead: "",
      bodyHtml: "<p>Thu ngân sách đạt 111% dự toán.</p><p>Đoạn hai.</p>",
      categoryId: String(categoryId),
      unitId: String(wardA),
      tags: "",
      publishedDate: "",
      publishedTime: "",
      intent: "save",
      ...overrides,
    };
  }

  async function submit(client: TestClient, address: string, values: Fields) {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    form.set("photo", new File([], ""));
    return client.request(address, { method: "POST", body: form });
  }

  const idFrom = (res: Response) => Number(res.headers.get("location")?.match(/\/bai-viet\/(\d+)/)?.[1]);

  async function revisions(articleId: number) {
    return db()
      .selectFrom("article_revisions")
      .select(["number", "title", "body_html", "note", "author_user_id"])
      .where("article_id", "=", articleId)
      .orderBy("number")
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-revisions-")) },
    });
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    const wardB = await createUnit(db(), { name: "Ngọc Thụy", parentId: district });
    categoryId = (
      await db()
        .insertInto("categories")
        .values({ slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện", sort_order: 1 })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await createUser(db(), {
      username: "bientap",
      displayName: "Biên tập",
      grants: [{ role: "editor", unitId: district }],
    });
    await createUser(db(), {
      username: "phuonga",
      displayName: "Cán bộ A",
      grants: [{ role: "writer", unitId: wardA }],
    });
    await createUser(db(), { username: "phuongb", grants: [{ role: "writer", unitId: wardB }] });
    editorToken = (
      await createApiToken(db(), { username: "bientap", name: "kịch bản", actor: null, now: NOW })
    ).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps a revision per changed save, shows a word diff, and restores as a new revision", async () => {
    const editor = await signedIn("bientap");
    await editor.page("/quan-tri/bai-viet/moi");
    const id = idFrom(await submit(editor, "/quan-tri/bai-viet/moi", fields({ intent: "publish" })));
    const address = `/quan-tri/bai-viet/${id}`;
    // Saving without a change adds nothing.
    expect((await submit(editor, address, fields({ slug: "phuong-thuong-thanh-xep-thu-2-14" }))).status).toBe(
      303,
    );
    expect(await revisions(id)).toHaveLength(1);

    const changed = fields({
      slug: "phuong-thuong-thanh-xep-thu-2-14",
      title: "Phường Thượng Thanh xếp thứ 1/14",
      bodyHtml: "<p>Thu ngân sách đạt 112% dự toán.</p><p>Đoạn hai.</p>",
    });
    expect((await submit(editor, address, changed)).status).toBe(303);
    expect((await revisions(id)).map((r) => r.number)).toEqual([1, 2]);

    const history = await editor.page(`${address}/lich-su`);
    expect(history.response.status).toBe(200);
    expect(history.html).toContain("<caption>2 phiên bản, mới nhất trước</caption>");
    expect(history.html).toContain("Phiên bản 2</a> (hiện tại)");
    expect(history.html).toContain(`action="${address}/lich-su/1/khoi-phuc"`);
    expect(history.html).not.toContain(`action="${address}/lich-su/2/khoi-phuc"`);

    const diff = await editor.page(`${address}/lich-su/2`);
    expect(diff.html).toContain("So với phiên bản 1");
    expect(diff.html).toContain("<p>Phường Thượng Thanh xếp thứ <del>2/14</del><ins>1/14</ins></p>");
    expect(diff.html).toContain(
      "<p>Thu ngân sách đạt <del>111%</del><ins>112%</ins> dự toán.</p><p>Đoạn hai.</p>",
    );

    const restored = await editor.postForm(`${address}/lich-su/1/khoi-phuc`, {});
    expect(restored.status).toBe(303);
    expect(restored.headers.get("location")).toBe(`${address}?ok=restored`);
    const article = await db()
      .selectFrom("articles")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(article).toMatchObject({
      title: "Phường Thượng Thanh xếp thứ 2/14",
      body_html: "<p>Thu ngân sách đạt 111% dự toán.</p>\n<p>Đoạn hai.</p>",
      status: "published",
      slug: "phuong-thuong-thanh-xep-thu-2-14",
    });
    const all = await revisions(id);
    expect(all.map((r) => [r.number, r.title, r.note])).toEqual([
      [1, "Phường Thượng Thanh xếp thứ 2/14", null],
      [2, "Phường Thượng Thanh xếp thứ 1/14", null],
      [3, "Phường Thượng Thanh xếp thứ 2/14", "Khôi phục phiên bản 1"],
    ]);
    expect(all[2]?.body_html).toBe(all[0]?.body_html);
    const third = await editor.page(`${address}/lich-su/3`);
    expect(third.html).toContain("<p>Thu ngân sách đạt <del>112%</del><ins>111%</ins> dự toán.</p>");

    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "after_json"])
      .where("entity_type", "=", "article")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update", "restore"]);
    expect(JSON.parse(audit[3]?.after_json ?? "{}")).toMatchObject({ restoredFrom: 1, revision: 3 });
    // Readers see the restored text.
    const page = await new TestClient(t, "198.51.100.4").page("/tin-tuc/phuong-thuong-thanh-xep-thu-2-14");
    expect(page.html).toContain("Thu ngân sách đạt 111% dự toán.");
  });

  it("lets a writer restore on their own draft only, and read the history of their ward's articles only", async () => {
    const writer = await signedIn("phuonga");
    await writer.page("/quan-tri/bai-viet/moi");
    const id = idFrom(await submit(writer, "/quan-tri/bai-viet/moi", fields({ title: "Nháp có lịch sử" })));
    const address = `/quan-tri/bai-viet/${id}`;
    await submit(writer, address, fields({ title: "Nháp có lịch sử (sửa)", slug: "nhap-co-lich-su" }));
    expect((await writer.postForm(`${address}/lich-su/1/khoi-phuc`, {})).status).toBe(303);
    expect((await revisions(id)).map((r) => r.title)).toEqual([
      "Nháp có lịch sử",
      "Nháp có lịch sử (sửa)",
      "Nháp có lịch sử",
    ]);

    await submit(
      writer,
      address,
      fields({ title: "Nháp có lịch sử", slug: "nhap-co-lich-su", intent: "submit" }),
    );
    // Submitted: the writer still reads the history but can no longer change the article.
    const history = await writer.page(`${address}/lich-su`);
    expect(history.response.status).toBe(200);
    expect(history.html).not.toContain("khoi-phuc");
    expect((await writer.postForm(`${address}/lich-su/2/khoi-phuc`, {})).status).toBe(403);

    const other = await signedIn("phuongb");
    expect((await other.request(`${address}/lich-su`)).status).toBe(403);
    expect((await other.request(`${address}/lich-su/1`)).status).toBe(403);
    expect((await writer.request(`${address}/lich-su/99`)).status).toBe(404);
  });

  it("keeps the state of an article from before revisions as revision 1 on its first change", async () => {
    const id = await insertArticle(db(), {
      slug: "bai-cu",
      title: "Bài cũ",
      lead: null,
      bodyHtml: "<p>Nội dung cũ.</p>",
      status: "published",
      publishedAt: "2019-12-30T01:00:00.000Z",
      unitId: wardA,
      categoryId: null,
      authorId: null,
      now: new Date("2019-12-30T01:00:00Z"),
    });
    const editor = await signedIn("bientap");
    const address = `/quan-tri/bai-viet/${id}`;
    expect((await editor.page(`${address}/lich-su`)).html).toContain(
      "Bài viết chưa có phiên bản nào được lưu.",
    );
    await editor.page(address);
    await submit(
      editor,
      address,
      fields({
        title: "Bài cũ",
        slug: "bai-cu",
        bodyHtml: "<p>Nội dung mới.</p>",
        categoryId: "",
        publishedDate: "2019-12-30",
        publishedTime: "08:00",
      }),
    );
    const all = await revisions(id);
    expect(all.map((r) => [r.number, r.body_html, r.note])).toEqual([
      [1, "<p>Nội dung cũ.</p>", "Bản trước khi có lịch sử sửa đổi"],
      [2, "<p>Nội dung mới.</p>", null],
    ]);
  });

  it("lists and restores revisions through the API", async () => {
    const call = (method: string, address: string, body?: unknown) =>
      new TestClient(t).request(address, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { authorization: `Bearer ${editorToken}`, "content-type": "application/json" },
      });
    const created = (await (
      await call("POST", "/api/v1/articles", { title: "Qua API", bodyHtml: "<p>Một</p>", unitId: wardA })
    ).json()) as { data: { id: number } };
    const id = created.data.id;
    await call("PATCH", `/api/v1/articles/${id}`, { bodyHtml: "<p>Hai</p>", tags: ["thử nghiệm"] });
    const list = (await (await call("GET", `/api/v1/articles/${id}/revisions`)).json()) as {
      data: { number: number; author: string; status: string }[];
    };
    expect(list.data.map((r) => [r.number, r.author, r.status])).toEqual([
      [2, "Biên tập (bientap)", "draft"],
      [1, "Biên tập (bientap)", "draft"],
    ]);
    const restored = await call("POST", `/api/v1/articles/${id}/revisions/1/restore`);
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { data: { bodyHtml: string; tags: string[] } }).data).toMatchObject({
      bodyHtml: "<p>Một</p>",
      tags: [],
    });
    expect((await call("POST", `/api/v1/articles/${id}/revisions/9/restore`)).status).toBe(404);
  });
});
