import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { findEmblemPng } from "./site-settings.repo.js";
import { readSiteForm } from "./site-settings-form.rules.js";

describe("the site settings form", () => {
  it("says what is wrong per field", () => {
    const { settings, errors } = readSiteForm(
      { wardName: " ", unit: "99", phone: "abc", email: "x@", address: "a".repeat(301) },
      new Set([1]),
    );
    expect(settings).toBeNull();
    expect(errors).toEqual({
      wardName: "Vui lòng nhập tên phường, xã (ví dụ: phường Việt Hưng).",
      unit: "Không có đơn vị này.",
      phone: "Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang (6–30 ký tự).",
      email: "Địa chỉ thư điện tử chưa đúng (ví dụ: vanphong@viethung.hanoi.gov.vn).",
      address: "Tối đa 300 ký tự.",
    });
    expect(
      readSiteForm({ wardName: "phường Việt Hưng", unit: "1", phone: "024 3827 1234" }, new Set([1]))
        .settings,
    ).toMatchObject({ wardName: "phường Việt Hưng", unitId: 1, phone: "024 3827 1234", email: null });
  });
});

const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script>
<rect width="10" height="10" fill="red" onload="alert(2)"/></svg>`;

describe.each(ENGINES)("the site's identity on %s", (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let ward: TestClient;
  let wardId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2026-12-07T02:00:00Z") });
    const db = t.database.db;
    const city = await createUnit(db, { name: "Hà Nội", level: "city" });
    wardId = await createUnit(db, { name: "Việt Hưng", parentId: city });
    await createUser(db, { username: "root", grants: [{ role: "system_admin", unitId: city }] });
    await createUser(db, { username: "office", grants: [{ role: "unit_admin", unitId: wardId }] });
    admin = new TestClient(t);
    await admin.logIn("root");
    ward = new TestClient(t, "203.0.113.44");
    await ward.logIn("office");
  });
  afterAll(() => t.close());

  const post = (client: TestClient, fields: Record<string, string>, emblem?: File) => {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (emblem) form.set("emblem", emblem);
    return client.request("/quan-tri/cong-thong-tin", { method: "POST", body: form });
  };

  it("prints only SITE_NAME before anyone describes the site", async () => {
    const { html } = await new TestClient(t).page("/don-vi");
    expect(html).toContain('<span class="brand-name">Cổng thông tin thử nghiệm</span>');
    expect(html).toMatch(/<title>[^<]+ \| Cổng thông tin thử nghiệm<\/title>/);
    expect(html).not.toContain("brand-emblem");
  });

  it("is for system administrators only", async () => {
    expect((await ward.request("/quan-tri/cong-thong-tin")).status).toBe(403);
    expect((await post(ward, { wardName: "phường Khác" })).status).toBe(403);
    expect(await t.database.db.selectFrom("site_settings").selectAll().execute()).toEqual([]);
  });

  it("refuses bad input next to the field and writes nothing", async () => {
    const res = await post(
      admin,
      { wardName: "phường Việt Hưng", email: "khong-hop-le" },
      new File(["GIF89a"], "x.gif", { type: "image/gif" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Địa chỉ thư điện tử chưa đúng");
    expect(html).toContain("Biểu trưng là tệp PNG hoặc SVG.");
    expect(await t.database.db.selectFrom("site_settings").selectAll().execute()).toEqual([]);
  });

  it("saves the identity, re-encodes the emblem as a PNG, audits it and shows it in the header and footer", async () => {
    const res = await post(
      admin,
      {
        wardName: "phường Việt Hưng",
        unit: String(wardId),
        phone: "024 3000 0000",
        email: "vanphong@viethung.example.vn",
        openingHours: "Thứ Hai đến thứ Sáu",
        editorInCharge: "Ông A – Chủ tịch UBND phường",
      },
      new File([HOSTILE_SVG], "quoc-huy.svg", { type: "image/svg+xml" }),
    );
    expect(res.status).toBe(303);
    const png = await findEmblemPng(t.database.db);
    expect(png?.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png?.toString("latin1")).not.toContain("alert");
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "after_json", "unit_id"])
      .where("entity_type", "=", "site_settings")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("create");
    expect(audit.unit_id).toBe(wardId);
    expect(JSON.parse(audit.after_json ?? "{}")).toMatchObject({
      wardName: "phường Việt Hưng",
      emblem: "changed",
    });

    const { html } = await new TestClient(t).page("/don-vi");
    // The browser tab and search engines name the ward too, as the header does.
    expect(html).toMatch(/<title>[^<]+ \| Cổng thông tin thử nghiệm phường Việt Hưng<\/title>/);
    expect(html).toContain(
      '<span class="brand-kicker">Cổng thông tin thử nghiệm</span> <span class="brand-ward">phường Việt Hưng</span>',
    );
    const emblemUrl = /<img src="([^"]+)" alt="" class="brand-emblem"/.exec(html)?.[1];
    expect(emblemUrl).toMatch(/^\/bieu-trung\.png\?v=\d+$/);
    const image = await new TestClient(t).request(emblemUrl ?? "");
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(html).toContain("Chịu trách nhiệm nội dung: Ông A – Chủ tịch UBND phường");
    expect(html).toContain('<a href="mailto:vanphong@viethung.example.vn">');

    // A second change drops the cached identity: the next page shows it.
    expect(
      (await post(admin, { wardName: "phường Việt Hưng mới", unit: String(wardId), removeEmblem: "1" }))
        .status,
    ).toBe(303);
    const after = await new TestClient(t).page("/don-vi");
    expect(after.html).toContain("phường Việt Hưng mới");
    expect(after.html).not.toContain("brand-emblem");
    expect((await new TestClient(t).request("/bieu-trung.png")).status).toBe(404);
  });
});
