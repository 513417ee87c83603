import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";

const NOW = new Date("2020-01-02T15:00:00Z");

/**
 * What the editor's script talks to, on both engines: the autosave keeps the text being typed as one
 * rolling draft revision without touching the article (CSRF-protected, audited, refused to those who
 * may not change the article), a save of the form then adds its own revision; the preview shows a
 * draft in the public template, marked and not indexed, to the article's people only.
 */
describe.each(ENGINES)("autosave and preview on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  let articleId: number;
  const db = () => t.database.db;

  async function signedIn(username: string): Promise<TestClient> {
    const client = new TestClient(t);
    expect((await client.logIn(username)).status).toBe(303);
    await client.page("/quan-tri/bai-viet");
    return client;
  }

  async function autosave(client: TestClient, id: number, values: Record<string, string>, csrf = true) {
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    return client.request(`/quan-tri/bai-viet/${id}/tu-dong-luu`, {
      method: "POST",
      body: form,
      headers: { accept: "application/json", ...(csrf ? { "x-csrf-token": client.csrfToken } : {}) },
    });
  }

  async function save(client: TestClient, id: number | null, values: Record<string, string>) {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    const base = { slug: "", lead: "", categoryId: "", unitId: String(wardA), intent: "save" };
    for (const [key, value] of Object.entries({ ...base, ...values })) form.set(key, value);
    form.set("photo", new File([], ""));
    return client.request(id === null ? "/quan-tri/bai-viet/moi" : `/quan-tri/bai-viet/${id}`, {
      method: "POST",
      body: form,
    });
  }

  const revisions = (id: number) =>
    db()
      .selectFrom("article_revisions")
      .select(["number", "body_html", "note"])
      .where("article_id", "=", id)
      .orderBy("number")
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-autosave-")) },
    });
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    const wardB = await createUnit(db(), { name: "Ngọc Thụy", parentId: district });
    await createUser(db(), { username: "phuonga", grants: [{ role: "writer", unitId: wardA }] });
    await createUser(db(), { username: "phuongb", grants: [{ role: "writer", unitId: wardB }] });
    await createUser(db(), { username: "bientap", grants: [{ role: "editor", unitId: district }] });
    const writer = await signedIn("phuonga");
    const res = await save(writer, null, { title: "Bản nháp tự động lưu", bodyHtml: "<p>Đoạn đã lưu.</p>" });
    articleId = Number(res.headers.get("location")?.match(/\/bai-viet\/(\d+)/)?.[1]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps the text being typed as one rolling draft revision, leaving the article as saved", async () => {
    const writer = await signedIn("phuonga");
    const typed = {
      title: "Bản nháp tự động lưu",
      lead: "",
      bodyHtml: "<p>Đoạn đã lưu.</p><p>Đang gõ<script>x</script></p>",
    };
    expect((await autosave(writer, articleId, typed, false)).status).toBe(403);
    const first = await autosave(writer, articleId, typed);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ savedAt: NOW.toISOString(), revision: 2 });
    const again = await autosave(writer, articleId, {
      ...typed,
      bodyHtml: `${typed.bodyHtml}<p>Thêm nữa</p>`,
    });
    expect((await again.json()).revision).toBe(2);
    expect(await revisions(articleId)).toEqual([
      { number: 1, body_html: "<p>Đoạn đã lưu.</p>", note: null },
      { number: 2, body_html: "<p>Đoạn đã lưu.</p>\n<p>Đang gõ</p>\n<p>Thêm nữa</p>", note: "Tự động lưu" },
    ]);
    const article = await db()
      .selectFrom("articles")
      .select("body_html")
      .where("id", "=", articleId)
      .executeTakeFirst();
    expect(article?.body_html).toBe("<p>Đoạn đã lưu.</p>");
    const audit = await db()
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "article")
      .where("entity_id", "=", String(articleId))
      .where("action", "=", "autosave")
      .execute();
    expect(audit).toHaveLength(2);

    // The edit page offers it; opening it fills the form.
    const { html } = await writer.page(`/quan-tri/bai-viet/${articleId}`);
    expect(html).toContain("chưa được lưu vào bài.");
    const opened = (await writer.page(`/quan-tri/bai-viet/${articleId}?ban-tu-dong=1`)).html;
    expect(opened).toContain("&lt;p&gt;Thêm nữa&lt;/p&gt;</textarea>");

    // Bad input: messages by field, nothing written.
    const empty = await autosave(writer, articleId, { title: " ", lead: "", bodyHtml: "<p>x</p>" });
    expect(empty.status).toBe(422);
    expect((await empty.json()).errors).toEqual({ title: "Vui lòng nhập tiêu đề." });

    // A save of the form is a revision of its own, even with the same text.
    const saved = await save(writer, articleId, {
      title: "Bản nháp tự động lưu",
      bodyHtml: `${typed.bodyHtml}<p>Thêm nữa</p>`,
    });
    expect(saved.status).toBe(303);
    expect((await revisions(articleId)).map((r) => [r.number, r.note])).toEqual([
      [1, null],
      [2, "Tự động lưu"],
      [3, null],
    ]);
  });

  it("refuses the autosave to people who may not change the article", async () => {
    const other = await signedIn("phuongb");
    const res = await autosave(other, articleId, { title: "x", lead: "", bodyHtml: "<p>x</p>" });
    expect(res.status).toBe(403);
  });

  it("previews a draft in the public template, marked and not indexed, to its people only", async () => {
    const writer = await signedIn("phuonga");
    const res = await writer.request(`/quan-tri/bai-viet/${articleId}/xem-truoc`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const html = await res.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain("<strong>Bản xem trước</strong> · Trạng thái: Bản nháp");
    expect(html).toContain('<h1 id="article-title">Bản nháp tự động lưu</h1>');
    expect(html).toContain("<p>Thêm nữa</p>");
    const editor = await signedIn("bientap");
    expect((await editor.request(`/quan-tri/bai-viet/${articleId}/xem-truoc`)).status).toBe(200);
    const other = await signedIn("phuongb");
    expect((await other.request(`/quan-tri/bai-viet/${articleId}/xem-truoc`)).status).toBe(403);
    expect((await new TestClient(t).request(`/quan-tri/bai-viet/${articleId}/xem-truoc`)).status).toBe(302);
  });
});
