import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { insertArticle } from "../articles/articles.repo.js";
import { ensureTags, setArticleTags } from "../articles/tags.repo.js";

const NOW = new Date("2020-01-02T15:00:00Z");

describe.each(ENGINES)("categories and tags on %s", (engine) => {
  let t: TestApp;
  let wardA: number;

  const db = () => t.database.db;

  async function signedIn(username: string): Promise<TestClient> {
    const client = new TestClient(t);
    expect((await client.logIn(username)).status).toBe(303);
    await client.page("/quan-tri/chuyen-muc");
    return client;
  }

  const categories = () =>
    db()
      .selectFrom("categories")
      .select(["id", "slug", "name", "sort_order"])
      .orderBy("sort_order")
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    t = await createTestApp(engine, { now: NOW });
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    await createUser(db(), { username: "bientap", grants: [{ role: "editor", unitId: district }] });
    await createUser(db(), { username: "phuonga", grants: [{ role: "writer", unitId: wardA }] });
  });
  afterAll(async () => {
    await t.close();
  });

  it("an editor adds, renames and reorders categories, with slugs made from Vietnamese names", async () => {
    const editor = await signedIn("bientap");
    for (const [name, order] of [
      ["Tin tức - Sự kiện", "1"],
      ["Hoạt động các phường", "2"],
      ["Chỉ đạo điều hành", "3"],
      ["Thông báo", ""],
    ] as const) {
      const res = await editor.postForm("/quan-tri/chuyen-muc", { name, slug: "", sortOrder: order });
      expect(res.status).toBe(303);
    }
    expect((await categories()).map((c) => [c.slug, c.name, c.sort_order])).toEqual([
      ["thong-bao", "Thông báo", 0],
      ["tin-tuc-su-kien", "Tin tức - Sự kiện", 1],
      ["hoat-dong-cac-phuong", "Hoạt động các phường", 2],
      ["chi-dao-dieu-hanh", "Chỉ đạo điều hành", 3],
    ]);
    const notice = (await categories()).find((c) => c.slug === "thong-bao");
    const renamed = await editor.postForm(`/quan-tri/chuyen-muc/${notice?.id}`, {
      name: "Thông báo",
      slug: "thong-bao",
      sortOrder: "9",
    });
    expect(renamed.headers.get("location")).toBe("/quan-tri/chuyen-muc?ok=saved");
    expect((await categories()).at(-1)?.slug).toBe("thong-bao");

    const page = await editor.page("/quan-tri/chuyen-muc?ok=saved");
    expect(page.html).toContain("Đã lưu chuyên mục.");
    expect(page.html).toContain('<label for="f-cat-1-name">Tên chuyên mục</label>');

    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "before_json", "after_json"])
      .where("entity_type", "=", "category")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "create", "create", "create", "update"]);
    expect(JSON.parse(audit[4]?.before_json ?? "{}")).toMatchObject({ sortOrder: 0 });
    expect(JSON.parse(audit[4]?.after_json ?? "{}")).toMatchObject({ sortOrder: 9 });
  });

  it("refuses an empty name (422), a taken slug (409) and deleting a category in use (409)", async () => {
    const editor = await signedIn("bientap");
    const empty = await editor.postForm("/quan-tri/chuyen-muc", { name: "  ", slug: "", sortOrder: "x" });
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(html).toContain('<p class="field-error" id="f-name-error">Vui lòng nhập tên chuyên mục.</p>');
    expect(html).toContain(
      '<p class="field-error" id="f-sortOrder-error">Thứ tự phải là số nguyên từ 0 đến 9999.</p>',
    );
    const taken = await editor.postForm("/quan-tri/chuyen-muc", {
      name: "Tin tức – sự kiện",
      slug: "",
      sortOrder: "",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Đường dẫn này đã được dùng cho chuyên mục khác.");

    const news = (await categories()).find((c) => c.slug === "tin-tuc-su-kien");
    await insertArticle(db(), {
      slug: "tin-a",
      title: "Tin A",
      lead: null,
      bodyHtml: "<p>x</p>",
      status: "draft",
      publishedAt: null,
      unitId: wardA,
      categoryId: news?.id ?? null,
      authorId: null,
      now: NOW,
    });
    const used = await editor.postForm(`/quan-tri/chuyen-muc/${news?.id}/xoa`, {});
    expect(used.status).toBe(409);
    const refusal = await used.text();
    expect(refusal).toContain(
      '<a href="#f-cat-1-name">Chuyên mục &quot;Tin tức - Sự kiện&quot; đang có 1 bài viết; chuyển các bài sang chuyên mục khác trước khi xóa.</a>',
    );
    expect(refusal).toContain('<input id="f-cat-1-name" name="name" value="Tin tức - Sự kiện"/>');
    const unused = (await categories()).find((c) => c.slug === "chi-dao-dieu-hanh");
    expect((await editor.postForm(`/quan-tri/chuyen-muc/${unused?.id}/xoa`, {})).status).toBe(303);
    expect((await categories()).map((c) => c.slug)).not.toContain("chi-dao-dieu-hanh");
  });

  it("lists tags with their use and deletes one from every article", async () => {
    const article = await db().selectFrom("articles").select("id").executeTakeFirstOrThrow();
    const ids = await ensureTags(
      db(),
      [
        { name: "Hộ nghèo", slug: "ho-ngheo" },
        { name: "Đảng viên", slug: "dang-vien" },
      ],
      NOW,
    );
    await setArticleTags(db(), article.id, ids);
    const editor = await signedIn("bientap");
    const page = await editor.page("/quan-tri/chuyen-muc");
    // Vietnamese order: Đ after D, before H.
    expect(
      [...page.html.matchAll(/<li>([^<]+) <span class="muted">\((\d+) bài\)<\/span>/g)].map((m) => m[1]),
    ).toEqual(["Đảng viên", "Hộ nghèo"]);
    const res = await editor.postForm(`/quan-tri/tu-khoa/${ids[1]}/xoa`, {});
    expect(res.headers.get("location")).toBe("/quan-tri/chuyen-muc?ok=tag-deleted");
    expect(await db().selectFrom("article_tags").select("tag_id").execute()).toEqual([{ tag_id: ids[0] }]);
  });

  it("is for editors only", async () => {
    const writer = new TestClient(t);
    await writer.logIn("phuonga");
    expect((await writer.request("/quan-tri/chuyen-muc")).status).toBe(403);
    expect(
      (await writer.postForm("/quan-tri/chuyen-muc", { name: "Của tôi", slug: "", sortOrder: "" })).status,
    ).toBe(403);
    expect((await new TestClient(t).request("/quan-tri/chuyen-muc")).status).toBe(302);
  });
});
