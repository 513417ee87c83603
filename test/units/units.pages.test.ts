import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/accounts/accounts.demo.js";
import type { TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { createDemoApp, unitIdAt } from "./demo-app.js";

/** The page's text without tags, whitespace collapsed: what a reader sees. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .replace(/ ([,;:.)])/g, "$1")
    .replace(/\( /g, "(");
}

describe.each(ENGINES)("unit pages on %s", (engine) => {
  let t: TestApp;
  let district: number;
  let thuongThanh: number;
  let ngocThuy: number;
  let newBoDe: number;

  beforeAll(async () => {
    t = await createDemoApp(engine);
    district = await unitIdAt(t.database.db, "Long Biên", "district", "2020-01-02");
    thuongThanh = await unitIdAt(t.database.db, "Thượng Thanh", "ward", "2020-01-02");
    ngocThuy = await unitIdAt(t.database.db, "Ngọc Thụy", "ward", "2020-01-02");
    newBoDe = await unitIdAt(t.database.db, "Bồ Đề", "ward", "2026-01-01");
  });
  afterAll(async () => {
    await t.close();
  });

  describe("public", () => {
    it("shows the tree on 02/01/2020: Hà Nội → quận Long Biên → 14 wards", async () => {
      const response = await t.app.request("/don-vi?ngay=2020-01-02");
      expect(response.status).toBe(200);
      const text = textOf(await response.text());
      expect(text).toContain("Các đơn vị tại ngày 02/01/2020 (16 đơn vị)");
      expect(text).toContain(
        "Thành phố Hà Nội · mã 01 (1 đơn vị trực thuộc) Quận Long Biên · mã 004 (14 đơn vị trực thuộc)",
      );
      expect(text).toContain("Phường Thượng Thanh · mã 00115");
      expect(text).toContain("Phường Sài Đồng");
      expect(text).not.toContain("Phường Hồng Hà");
    });

    it("shows the new wards on 01/01/2026 and no dissolved unit", async () => {
      const html = await (await t.app.request("/don-vi?ngay=2026-01-01")).text();
      const text = textOf(html);
      expect(text).toContain("Các đơn vị tại ngày 01/01/2026 (8 đơn vị)");
      expect(text).toContain("Thành phố Hà Nội · mã 01 (7 đơn vị trực thuộc)");
      expect(text).toContain("Phường Bồ Đề · mã 00118");
      expect(text).not.toContain("Quận Long Biên");
      expect(text).not.toContain("Thượng Thanh");
      expect(html).toContain(`href="/don-vi/${newBoDe}?ngay=2026-01-01"`);
    });

    it("defaults to today and keeps a bad date next to the field with 422", async () => {
      expect(textOf(await (await t.app.request("/don-vi")).text())).toContain(
        "Các đơn vị tại ngày 02/01/2020",
      );
      const response = await t.app.request("/don-vi?ngay=2020-02-30");
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toMatch(/<p class="field-error" id="f-ngay-error">Ngày không hợp lệ/);
      expect(html).toContain('value="2020-02-30"');
    });

    it("shows the district with its leaders and organisations on 02/01/2020", async () => {
      const response = await t.app.request(`/don-vi/${district}?ngay=2020-01-02`);
      expect(response.status).toBe(200);
      const text = textOf(await response.text());
      expect(text).toContain("Quận Long Biên");
      expect(text).toContain("Cấp hành chính Quận");
      expect(text).toContain("Mã đơn vị hành chính 004");
      expect(text).toContain("Thời gian hoạt động Từ 06/11/2003 đến 30/06/2025");
      expect(text).toContain("Trực thuộc (tại ngày 02/01/2020) Thành phố Hà Nội");
      expect(text).toContain("Thông tin tổ chức và lãnh đạo dưới đây là tại ngày 02/01/2020.");
      expect(text).toContain("Lãnh đạo tại ngày 02/01/2020");
      expect(text).toContain("Đỗ Mạnh Hải – Bí thư Quận ủy; Chủ tịch HĐND quận");
      expect(text).toContain("Nguyễn Mạnh Hà – Phó Bí thư Quận ủy; Chủ tịch UBND quận");
      expect(text).toContain(
        "Nguyễn Thế Thạch – Ủy viên Ban Thường vụ Quận ủy; Trưởng Ban Tuyên giáo Quận ủy; Giám đốc Trung tâm Chính trị quận",
      );
      expect(text).toContain("Chức vụ theo bài viết ngày 02/01/2020");
      expect(text).toContain("Phòng Y tế quận Long Biên – Phòng, ban chuyên môn");
      expect(text).toContain("Ban Chỉ đạo 197 quận Long Biên");
      expect(text).toContain("Đơn vị trực thuộc tại ngày 02/01/2020 (14)");
      expect(text).not.toContain("không còn tồn tại");
    });

    it("says clearly that a ward is dissolved and where it went, reading it at its last day", async () => {
      t.setNow(new Date("2026-01-01T03:00:00Z"));
      try {
        const text = textOf(await (await t.app.request(`/don-vi/${thuongThanh}`)).text());
        expect(text).toContain("Đơn vị hành chính này không còn tồn tại: hoạt động đến hết ngày 30/06/2025.");
        expect(text).toContain(
          "Ngày 01/01/2026 đơn vị không còn hoạt động; thông tin dưới đây là tại ngày 30/06/2025, ngày cuối cùng đơn vị còn hoạt động.",
        );
        expect(text).toContain("Trực thuộc (tại ngày 30/06/2025) Quận Long Biên");
        expect(text).toContain("Phạm Thị Minh Hồng – Bí thư Đảng ủy phường; Chủ tịch HĐND phường");
        expect(text).toContain(
          "Sáp nhập vào Phường Việt Hưng (một phần, 60% dân số) từ ngày 01/07/2025 theo Nghị quyết 1656/NQ-UBTVQH15.",
        );
        expect(text).toContain("Sáp nhập vào Phường Bồ Đề (một phần, 40% dân số)");
        expect(text).toContain("minh họa, cần đối chiếu Nghị quyết 1656/NQ-UBTVQH15");
      } finally {
        t.setNow(new Date("2020-01-02T08:00:00Z"));
      }
    });

    it("shows where a new ward was formed from, and that it is active", async () => {
      const text = textOf(await (await t.app.request(`/don-vi/${newBoDe}?ngay=2026-01-01`)).text());
      expect(text).toContain("Phường Bồ Đề");
      expect(text).toContain("Mã đơn vị hành chính 00118");
      expect(text).toContain("Từ 01/07/2025, đang hoạt động");
      expect(text).toContain(
        "Hình thành từ Phường Ngọc Thụy (một phần, 90% dân số của đơn vị cũ) từ ngày 01/07/2025",
      );
      expect(text).toContain("Hình thành từ Phường Bồ Đề (toàn bộ của đơn vị cũ)");
    });

    it("answers 404 for an unknown or malformed id", async () => {
      expect((await t.app.request("/don-vi/99999")).status).toBe(404);
      expect((await t.app.request("/don-vi/abc")).status).toBe(404);
    });
  });

  describe("admin", () => {
    it("sends visitors who are not signed in to the login page", async () => {
      const response = await t.app.request("/quan-tri/don-vi");
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/dang-nhap?next=%2Fquan-tri%2Fdon-vi");
    });

    it("lists the district and its 14 wards for the district office", async () => {
      const client = new TestClient(t);
      await client.logIn("vanphong.longbien", DEMO_PASSWORD);
      const { response, html } = await client.page("/quan-tri/don-vi");
      expect(response.status).toBe(200);
      const links = [...html.matchAll(/href="\/quan-tri\/don-vi\/(\d+)"/g)].map((m) => Number(m[1]));
      expect(links).toHaveLength(15);
      expect(links).toContain(district);
      expect(links).toContain(thuongThanh);
      expect(links).not.toContain(newBoDe);
      expect(html).toContain('aria-current="page"');
    });

    it("lists only their own ward for the ward officer, and refuses an editor", async () => {
      const ward = new TestClient(t);
      await ward.logIn("thuongthanh", DEMO_PASSWORD);
      const { html } = await ward.page("/quan-tri/don-vi");
      expect([...html.matchAll(/href="\/quan-tri\/don-vi\/(\d+)"/g)].map((m) => Number(m[1]))).toEqual([
        thuongThanh,
      ]);

      const editor = new TestClient(t);
      await editor.logIn("bientap", DEMO_PASSWORD);
      expect((await editor.page("/quan-tri/don-vi")).response.status).toBe(403);
    });

    it("shows the 403 page when a ward officer opens another ward's edit page", async () => {
      const client = new TestClient(t);
      await client.logIn("thuongthanh", DEMO_PASSWORD);
      const { response, html } = await client.page(`/quan-tri/don-vi/${ngocThuy}`);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(textOf(html)).toContain("Không có quyền truy cập");
      expect(html).not.toContain('name="email"');

      const post = await client.postForm(`/quan-tri/don-vi/${ngocThuy}`, { phone: "024 1111 2222" });
      expect(post.status).toBe(403);
      const row = await t.database.db
        .selectFrom("units")
        .select("phone")
        .where("id", "=", ngocThuy)
        .executeTakeFirstOrThrow();
      expect(row.phone).toBeNull();
    });

    it("saves the ward's own profile, records it, and shows it on the public page", async () => {
      const client = new TestClient(t);
      await client.logIn("thuongthanh", DEMO_PASSWORD);
      const form = await client.page(`/quan-tri/don-vi/${thuongThanh}`);
      expect(form.response.status).toBe(200);
      expect(form.html).toContain('name="address"');
      expect(form.html).toContain('name="intro"');

      const saved = await client.postForm(`/quan-tri/don-vi/${thuongThanh}`, {
        address: "  Số 1, phố Thượng Thanh  ",
        phone: "024 3875 1234",
        email: "ubnd.thuongthanh@example.vn",
        intro: "Đoạn một.\r\n\r\nĐoạn hai.",
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.get("location")).toBe(`/quan-tri/don-vi/${thuongThanh}?ket-qua=da-luu`);
      expect(textOf((await client.page(saved.headers.get("location") ?? "")).html)).toContain(
        "Đã lưu hồ sơ đơn vị.",
      );

      const row = await t.database.db
        .selectFrom("units")
        .select(["address", "phone", "email", "intro"])
        .where("id", "=", thuongThanh)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        address: "Số 1, phố Thượng Thanh",
        phone: "024 3875 1234",
        email: "ubnd.thuongthanh@example.vn",
        intro: "Đoạn một.\n\nĐoạn hai.",
      });
      const audit = await t.database.db
        .selectFrom("audit_events")
        .select(["actor_name", "action", "entity_type", "entity_id", "unit_id", "before_json", "after_json"])
        .where("entity_type", "=", "unit")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        actor_name: "Cán bộ phường Thượng Thanh (thuongthanh)",
        action: "update",
        entity_id: String(thuongThanh),
        unit_id: thuongThanh,
      });
      expect(JSON.parse(audit.before_json ?? "null")).toMatchObject({
        address: null,
        phone: null,
        email: null,
      });
      expect(JSON.parse(audit.after_json ?? "null")).toEqual(row);

      const html = await (await t.app.request(`/don-vi/${thuongThanh}`)).text();
      expect(html).toContain('<a href="mailto:ubnd.thuongthanh@example.vn">ubnd.thuongthanh@example.vn</a>');
      expect(html).toContain("<p>Đoạn một.</p><p>Đoạn hai.</p>");
    });

    it("keeps a bad e-mail next to its field with 422 and writes nothing", async () => {
      const client = new TestClient(t);
      await client.logIn("thuongthanh", DEMO_PASSWORD);
      const auditBefore = await countAudit();
      const before = await t.database.db
        .selectFrom("units")
        .selectAll()
        .where("id", "=", thuongThanh)
        .executeTakeFirstOrThrow();
      const response = await client.postForm(`/quan-tri/don-vi/${thuongThanh}`, {
        address: "Địa chỉ mới",
        phone: "024 3875 1234",
        email: "khong-phai-thu-dien-tu",
        intro: "",
      });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toMatch(/<p class="field-error" id="f-email-error">Địa chỉ thư điện tử không hợp lệ/);
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain('value="khong-phai-thu-dien-tu"');
      expect(html).toContain('value="Địa chỉ mới"');
      expect(html).toContain('href="#f-email"');
      const after = await t.database.db
        .selectFrom("units")
        .selectAll()
        .where("id", "=", thuongThanh)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect(await countAudit()).toBe(auditBefore);
    });
  });

  async function countAudit(): Promise<number> {
    const row = await t.database.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
});
