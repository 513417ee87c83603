import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { listPhotoSources } from "./media.repo.js";
import { mediaDirOf } from "./media.service.js";

const NOW = new Date("2020-01-02T15:00:00Z");

describe.each(ENGINES)("media library on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  let wardB: number;
  let png: Buffer;

  const db = () => t.database.db;
  const files = () =>
    existsSync(mediaDirOf(t.ctx.config)) ? readdirSync(mediaDirOf(t.ctx.config)).sort() : [];

  async function signedIn(username: string): Promise<TestClient> {
    const client = new TestClient(t);
    expect((await client.logIn(username)).status).toBe(303);
    return client;
  }

  async function upload(client: TestClient, values: Record<string, string>, photo: Buffer | null) {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    form.set(
      "photo",
      photo ? new File([new Uint8Array(photo)], "hoi-nghi.png", { type: "image/png" }) : new File([], ""),
    );
    return client.request("/quan-tri/thu-vien-anh", { method: "POST", body: form });
  }

  async function article(client: TestClient, address: string, values: Record<string, string>) {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    const base = {
      title: "Bài dùng ảnh thư viện",
      slug: "",
      lead: "",
      bodyHtml: "<p>Đoạn một.</p>",
      categoryId: "",
      unitId: String(wardA),
      intent: "save",
    };
    for (const [key, value] of Object.entries({ ...base, ...values })) form.set(key, value);
    form.set("photo", new File([], ""));
    return client.request(address, { method: "POST", body: form });
  }

  const idFrom = (res: Response, pattern: RegExp) => Number(res.headers.get("location")?.match(pattern)?.[1]);

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-library-")) },
    });
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    wardB = await createUnit(db(), { name: "Ngọc Thụy", parentId: district });
    await createUser(db(), { username: "bientap", grants: [{ role: "editor", unitId: district }] });
    await createUser(db(), { username: "phuonga", grants: [{ role: "writer", unitId: wardA }] });
    await createUser(db(), { username: "phuongb", grants: [{ role: "writer", unitId: wardB }] });
    await createUser(db(), { username: "xem", grants: [{ role: "viewer", unitId: wardA }] });
    png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#2e6b3f" } })
      .png()
      .toBuffer();
  });
  afterAll(async () => {
    await t.close();
  });

  it("requires a caption and alt text on upload, and writes nothing without them", async () => {
    const writer = await signedIn("phuonga");
    await writer.page("/quan-tri/thu-vien-anh");
    const before = files();
    const res = await upload(writer, { caption: " ", alt: "", unitId: String(wardA) }, png);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="f-caption-error">Vui lòng nhập chú thích ảnh.</p>');
    expect(html).toContain(
      '<p class="field-error" id="f-alt-error">Vui lòng nhập mô tả ảnh cho người không xem được ảnh (văn bản thay thế).</p>',
    );
    expect(files()).toEqual(before);
    const noFile = await upload(writer, { caption: "Chú thích", alt: "Mô tả", unitId: String(wardA) }, null);
    expect(noFile.status).toBe(422);
    expect(await noFile.text()).toContain("Vui lòng chọn ảnh để tải lên.");
    expect((await db().selectFrom("media").select("id").execute()).length).toBe(0);
  });

  it("stores 480, 960 and 1600 px files, serves each, and lists them as srcset sources", async () => {
    const writer = await signedIn("phuonga");
    await writer.page("/quan-tri/thu-vien-anh");
    const res = await upload(
      writer,
      { caption: "Hội nghị tổng kết năm 2019", alt: "Đại biểu ngồi quanh bàn họp", unitId: String(wardA) },
      png,
    );
    expect(res.status).toBe(303);
    const id = idFrom(res, /thu-vien-anh\/(\d+)/);
    const sources = (await listPhotoSources(db(), [id])).get(id) ?? [];
    expect(sources.map((s) => [s.width, s.height])).toEqual([
      [480, 240],
      [960, 480],
      [1600, 800],
    ]);
    for (const source of sources) {
      const served = await new TestClient(t).request(`/media/${source.storageKey}`);
      expect(served.status).toBe(200);
      const bytes = new Uint8Array(await served.arrayBuffer());
      expect((await sharp(bytes).metadata()).width).toBe(source.width);
    }
    const page = await writer.page(`/quan-tri/thu-vien-anh/${id}?ok=uploaded`);
    expect(page.html).toContain("Đã tải ảnh lên thư viện.");
    expect(page.html).toContain(
      `srcset="/media/${sources[0]?.storageKey} 480w, /media/${sources[1]?.storageKey} 960w, /media/${sources[2]?.storageKey} 1600w"`,
    );
    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "after_json"])
      .where("entity_type", "=", "media")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    expect(JSON.parse(audit[0]?.after_json ?? "{}")).toMatchObject({
      caption: "Hội nghị tổng kết năm 2019",
      sizes: [480, 960, 1600],
    });
  });

  it("reuses a library photo in an article with its caption, and refuses to delete it while used", async () => {
    const writer = await signedIn("phuonga");
    const media = await db().selectFrom("media").select(["id", "storage_key"]).executeTakeFirstOrThrow();
    const form = await writer.page("/quan-tri/bai-viet/moi");
    expect(form.html).toContain(
      `<input type="radio" id="f-mediaId-${media.id}" name="mediaId" value="${media.id}" aria-describedby="f-mediaId-${media.id}-caption"/>`,
    );

    const created = await article(writer, "/quan-tri/bai-viet/moi", {
      mediaId: String(media.id),
      photoPosition: "1",
    });
    expect(created.status).toBe(303);
    const articleId = idFrom(created, /bai-viet\/(\d+)/);
    expect(
      await db()
        .selectFrom("article_images")
        .select(["media_id", "caption", "alt_text", "position"])
        .where("article_id", "=", articleId)
        .execute(),
    ).toEqual([
      {
        media_id: media.id,
        caption: "Hội nghị tổng kết năm 2019",
        alt_text: "Đại biểu ngồi quanh bàn họp",
        position: 1,
      },
    ]);
    // The same photo again, with this article's own caption.
    await writer.page(`/quan-tri/bai-viet/${articleId}`);
    const again = await article(writer, `/quan-tri/bai-viet/${articleId}`, {
      slug: "bai-dung-anh-thu-vien",
      mediaId: String(media.id),
      caption: "Toàn cảnh hội nghị",
    });
    expect(again.status).toBe(303);
    expect(
      (
        await db()
          .selectFrom("article_images")
          .select("caption")
          .where("article_id", "=", articleId)
          .orderBy("sort_order")
          .execute()
      ).map((r) => r.caption),
    ).toEqual(["Hội nghị tổng kết năm 2019", "Toàn cảnh hội nghị"]);
    // No new files: reuse is by reference.
    expect(files()).toHaveLength(3);

    await writer.page(`/quan-tri/thu-vien-anh/${media.id}`);
    const refused = await writer.postForm(`/quan-tri/thu-vien-anh/${media.id}/xoa`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Ảnh đang được dùng 2 lần trong bài viết hoặc album");
    expect(files()).toHaveLength(3);
  });

  it("keeps each ward's photos to its own people", async () => {
    const media = await db().selectFrom("media").select("id").executeTakeFirstOrThrow();
    const other = await signedIn("phuongb");
    const library = await other.page("/quan-tri/thu-vien-anh");
    expect(library.html).toContain("Thư viện chưa có ảnh nào.");
    expect((await other.request(`/quan-tri/thu-vien-anh/${media.id}`)).status).toBe(404);
    await other.page("/quan-tri/bai-viet/moi");
    const pick = await article(other, "/quan-tri/bai-viet/moi", {
      title: "Lấy ảnh phường khác",
      unitId: String(wardB),
      mediaId: String(media.id),
      caption: "x",
      alt: "y",
    });
    expect(pick.status).toBe(422);
    expect(await pick.text()).toContain("Ảnh không có trong thư viện của bạn.");
    const viewer = await signedIn("xem");
    expect((await viewer.request("/quan-tri/thu-vien-anh")).status).toBe(403);
  });

  it("edits the default caption and deletes an unused photo with all its files", async () => {
    const editor = await signedIn("bientap");
    await editor.page("/quan-tri/thu-vien-anh");
    const before = files();
    const res = await upload(editor, { caption: "Ảnh thừa", alt: "Ảnh thử", unitId: String(wardB) }, png);
    const id = idFrom(res, /thu-vien-anh\/(\d+)/);
    expect(files()).toHaveLength(before.length + 3);

    await editor.page(`/quan-tri/thu-vien-anh/${id}`);
    const bad = await editor.postForm(`/quan-tri/thu-vien-anh/${id}`, { caption: "", alt: "Ảnh thử" });
    expect(bad.status).toBe(422);
    const saved = await editor.postForm(`/quan-tri/thu-vien-anh/${id}`, {
      caption: "Ảnh thừa (sửa)",
      alt: "Ảnh thử",
    });
    expect(saved.status).toBe(303);
    expect(
      await db()
        .selectFrom("media_details")
        .select(["caption", "alt_text"])
        .where("media_id", "=", id)
        .executeTakeFirst(),
    ).toEqual({ caption: "Ảnh thừa (sửa)", alt_text: "Ảnh thử" });

    const deleted = await editor.postForm(`/quan-tri/thu-vien-anh/${id}/xoa`, {});
    expect(deleted.headers.get("location")).toBe("/quan-tri/thu-vien-anh?ok=deleted");
    expect(files()).toEqual(before);
    expect(await db().selectFrom("media_variants").select("id").where("media_id", "=", id).execute()).toEqual(
      [],
    );
    const audit = await db()
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "media")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });
});
