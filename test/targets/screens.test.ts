import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";

const PASSWORD = "giaoban2020";

/** The admin menu's links (the `admin-nav` block), in order. */
function menuOf(html: string): string[] {
  const nav = html.match(/<nav aria-label="Quản trị" class="admin-nav">([\s\S]*?)<\/nav>/)?.[1] ?? "";
  return [...nav.matchAll(/<a href="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
}

/**
 * Every screen the targets-and-emulation issue names is reachable from the admin menu of the people
 * who use it (demo accounts), and opens with its heading: data entry, approval queue, evaluation
 * (table, actual-vs-target chart, term trend chart, narrative), ranking (table and chart), department
 * assessment form, emulation scoring, indicator catalogue and target assignment.
 */
describe.each(ENGINES)("targets and emulation screens from the admin menu on %s", (engine) => {
  let t: TestApp;
  let thuongThanh: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await loadDemoIfEmpty(
      t.database,
      new Date("2020-01-02T08:00:00Z"),
      mkdtempSync(path.join(tmpdir(), "giaoban-media-")),
    );
    const ward = await t.database.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Thượng Thanh")
      .where("level", "=", "ward")
      .executeTakeFirstOrThrow();
    thuongThanh = ward.id;
  });
  afterAll(() => t.close());

  const signedIn = async (username: string, ip: string) => {
    const client = new TestClient(t, ip);
    await client.logIn(username, PASSWORD);
    return { client, menu: menuOf((await client.page("/quan-tri")).html) };
  };

  it("gives the district office every targets and emulation screen", async () => {
    const { client, menu } = await signedIn("vanphong.longbien", "198.51.100.61");
    const screens: [string, string][] = [
      ["/quan-tri/so-lieu", "Nhập số liệu kết quả thực hiện"],
      ["/quan-tri/phe-duyet", "Phê duyệt số liệu"],
      ["/quan-tri/danh-gia", "Kết quả thực hiện chỉ tiêu"],
      ["/quan-tri/chi-tieu", "Danh mục chỉ tiêu"],
      ["/quan-tri/chi-tieu/giao", "Giao chỉ tiêu"],
      ["/quan-tri/thi-dua", "Chấm điểm thi đua"],
      ["/quan-tri/xep-loai", "Xếp loại"],
      ["/quan-tri/khen-thuong", "khen thưởng"],
      ["/xep-hang", "Xếp hạng thi đua"],
    ];
    for (const [href, heading] of screens) {
      expect(menu, href).toContain(href);
      const { response, html } = await client.page(href);
      expect(response.status, href).toBe(200);
      expect(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1], href).toContain(heading);
    }
  });

  it("leads from the menu's evaluation entry to the evaluation page with table, charts and narrative", async () => {
    const { client } = await signedIn("vanphong.longbien", "198.51.100.62");
    const chooser = await client.page("/quan-tri/danh-gia");
    expect(chooser.html).toContain(`<option value="${thuongThanh}">`);
    const go = await client.request(`/quan-tri/danh-gia?don-vi=${thuongThanh}&ky=2019`);
    expect(go.status).toBe(303);
    const year = go.headers.get("location") ?? "";
    expect(year).toBe(`/don-vi/${thuongThanh}/danh-gia?ky=2019`);
    const page = (await client.page(year)).html;
    expect(page).toContain("<table");
    expect(page).toContain("đạt 111%");
    expect(page).toMatch(/<svg[^>]*role="img"/);
    expect(page).toContain('class="narrative"');
    const term = (await client.page(`/don-vi/${thuongThanh}/danh-gia?ky=2015-2020`)).html;
    expect(term).toContain('class="trend-grid"');
    expect(term).toContain("37,6");
  });

  it("shows the ranking with its table, chart and spreadsheet link", async () => {
    const { client, menu } = await signedIn("vanphong.longbien", "198.51.100.63");
    expect(menu).toContain("/xep-hang");
    const district = await t.database.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Long Biên")
      .where("level", "=", "district")
      .executeTakeFirstOrThrow();
    const page = (await client.page(`/xep-hang?don-vi=${district.id}&ky=2019`)).html;
    expect(page).toContain('id="bang-xep-hang"');
    expect(page).toContain('id="bieu-do-xep-hang-rong-title"');
    expect(page).toContain("xếp thứ 1/14");
    expect(page).toContain("/xep-hang.xlsx?");
  });

  it("gives the ward officer entry, evaluation and self-scoring, and the department officer its assessment form", async () => {
    const ward = await signedIn("thuongthanh", "198.51.100.64");
    for (const href of ["/quan-tri/so-lieu", "/quan-tri/danh-gia", "/quan-tri/thi-dua"]) {
      expect(ward.menu, href).toContain(href);
    }
    const entry = await ward.client.request(`/quan-tri/so-lieu?don-vi=${thuongThanh}&ky=2020`);
    expect(entry.headers.get("location")).toBe(`/quan-tri/so-lieu/${thuongThanh}/2020`);
    const form = (await ward.client.page(`/quan-tri/so-lieu/${thuongThanh}/2020`)).html;
    expect(form).toContain("Thu ngân sách");
    expect(form).toContain("tỷ đồng");

    const department = await signedIn("yte.longbien", "198.51.100.65");
    expect(department.menu).toContain("/quan-tri/danh-gia-phong-ban");
    const { response, html } = await department.client.page("/quan-tri/danh-gia-phong-ban");
    expect(response.status).toBe(200);
    expect(html).toContain("Phòng Y tế");
  });
});
