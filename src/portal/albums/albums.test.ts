import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";

const NOW = new Date("2020-01-02T15:00:00Z");

/**
 * Photo albums through the editor's pages and the public ones, on both engines: made from library
 * photos in the order typed, published at /thu-vien-anh, audited, refused with messages beside the
 * fields and nothing written, kept within the editor's units; an album's photo cannot leave the library.
 */
describe.each(ENGINES)("photo albums on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  const photoIds: number[] = [];
  const db = () => t.database.db;

  async function signedIn(username: string): Promise<TestClient> {
    const client = new TestClient(t);
    expect((await client.logIn(username)).status).toBe(303);
    return client;
  }

  async function post(client: TestClient, address: string, values: Record<string, string>) {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    return client.request(address, { method: "POST", body: form });
  }

  function albumFields(overrides: Record<string, string> = {}): Record<string, string> {
    const [first, second] = photoIds as [number, number];
    return {
      title: "Hội nghị tổng kết năm 2019",
      slug: "",
      description: "Ảnh hội nghị ngày 02/01/2020.",
      unitId: String(wardA),
      published: "1",
      [`photo-${first}-include`]: "1",
      [`photo-${first}-order`]: "2",
      [`photo-${first}-caption`]: "Đại biểu dự hội nghị",
      [`photo-${first}-alt`]: "Hội trường kín chỗ",
      [`photo-${second}-include`]: "1",
      [`photo-${second}-order`]: "1",
      [`photo-${second}-caption`]: "Đ/c Bí thư phát biểu",
      [`photo-${second}-alt`]: "Người phát biểu đứng sau bục",
      ...overrides,
    };
  }

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-albums-")) },
    });
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    const wardB = await createUnit(db(), { name: "Ngọc Thụy", parentId: district });
    await createUser(db(), { username: "bientap", grants: [{ role: "editor", unitId: wardA }] });
    await createUser(db(), { username: "bientapb", grants: [{ role: "editor", unitId: wardB }] });
    await createUser(db(), { username: "phuonga", grants: [{ role: "writer", unitId: wardA }] });
    const editor = await signedIn("bientap");
    for (const colour of ["#2e6b3f", "#a3161b"]) {
      const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: colour } })
        .png()
        .toBuffer();
      const form = new FormData();
      form.set("_csrf", editor.csrfToken);
      form.set("caption", `Ảnh ${colour}`);
      form.set("alt", `Mô tả ${colour}`);
      form.set("unitId", String(wardA));
      form.set("photo", new File([new Uint8Array(png)], "anh.png", { type: "image/png" }));
      const res = await editor.request("/quan-tri/thu-vien-anh/chon.json", { method: "POST", body: form });
      expect(res.status).toBe(201);
      photoIds.push(((await res.json()) as { item: { id: number } }).item.id);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses an album without title or captions with messages beside the fields, writing nothing", async () => {
    const editor = await signedIn("bientap");
    const [first] = photoIds as [number];
    const res = await post(
      editor,
      "/quan-tri/album-anh/moi",
      albumFields({ title: " ", [`photo-${first}-caption`]: "" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="f-title-error">Vui lòng nhập tên album.</p>');
    expect(html).toContain(`id="f-photo-${first}-caption-error">Vui lòng nhập chú thích ảnh.</p>`);
    // Typed values come back.
    expect(html).toContain('value="Đ/c Bí thư phát biểu"');
    const none = await post(
      editor,
      "/quan-tri/album-anh/moi",
      albumFields({ [`photo-${first}-include`]: "", [`photo-${photoIds[1]}-include`]: "" }),
    );
    expect(await none.text()).toContain("Vui lòng chọn ít nhất một ảnh cho album.");
    expect(await db().selectFrom("albums").select("id").execute()).toEqual([]);
  });

  it("publishes an album in the order typed, audited, with a public page and list", async () => {
    const editor = await signedIn("bientap");
    const res = await post(editor, "/quan-tri/album-anh/moi", albumFields());
    expect(res.status).toBe(303);
    const id = Number(res.headers.get("location")?.match(/\/quan-tri\/album-anh\/(\d+)\?ok=saved$/)?.[1]);
    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "after_json"])
      .where("entity_type", "=", "album")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    expect(
      JSON.parse(audit[0]?.after_json ?? "{}").photos.map((p: { caption: string }) => p.caption),
    ).toEqual(["Đ/c Bí thư phát biểu", "Đại biểu dự hội nghị"]);

    const anonymous = new TestClient(t);
    const list = await (await anonymous.request("/thu-vien-anh")).text();
    expect(list).toContain('href="/thu-vien-anh/hoi-nghi-tong-ket-nam-2019"');
    expect(list).toContain("2 ảnh · 02/01/2020");
    const page = await anonymous.request("/thu-vien-anh/hoi-nghi-tong-ket-nam-2019");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect([...html.matchAll(/<figcaption>([^<]+)<\/figcaption>/g)].map((m) => m[1])).toEqual([
      "Đ/c Bí thư phát biểu",
      "Đại biểu dự hội nghị",
    ]);
    expect(html).toContain('alt="Người phát biểu đứng sau bục"');
    expect(html).toContain("https://sp.zalo.me/share_to_zalo?url=");
    // A published album's photo is public for other sites too.
    const src = /<img src="(\/media\/[^"]+)"/.exec(html)?.[1] ?? "";
    expect((await anonymous.request(src)).headers.get("cross-origin-resource-policy")).toBe("cross-origin");

    // Unpublished: gone for readers, still there for its editor.
    const hidden = await post(editor, `/quan-tri/album-anh/${id}`, albumFields({ published: "" }));
    expect(hidden.status).toBe(303);
    expect((await anonymous.request("/thu-vien-anh/hoi-nghi-tong-ket-nam-2019")).status).toBe(404);
    expect((await editor.request(`/quan-tri/album-anh/${id}`)).status).toBe(200);
  });

  it("keeps albums within the editor's units, writers out, and album photos in the library", async () => {
    const album = await db().selectFrom("albums").select("id").executeTakeFirstOrThrow();
    const other = await signedIn("bientapb");
    expect((await other.request(`/quan-tri/album-anh/${album.id}`)).status).toBe(403);
    expect((await post(other, `/quan-tri/album-anh/${album.id}/xoa`, {})).status).toBe(403);
    // Another unit's editor cannot put these photos in an album of their own unit either.
    const foreign = await post(other, "/quan-tri/album-anh/moi", albumFields({ unitId: "" }));
    expect(foreign.status).toBe(422);
    const writer = await signedIn("phuonga");
    expect((await writer.request("/quan-tri/album-anh")).status).toBe(403);

    const editor = await signedIn("bientap");
    const refused = await post(editor, `/quan-tri/thu-vien-anh/${photoIds[0]}/xoa`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Ảnh đang được dùng 1 lần trong bài viết hoặc album");

    expect((await post(editor, `/quan-tri/album-anh/${album.id}/xoa`, {})).status).toBe(303);
    expect(await db().selectFrom("albums").select("id").execute()).toEqual([]);
    expect(await db().selectFrom("album_photos").select("id").execute()).toEqual([]);
    const deleted = await db()
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "album")
      .where("action", "=", "delete")
      .execute();
    expect(deleted).toHaveLength(1);
  });
});
