import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUnit, createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";

describe.each(ENGINES)("accounts on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  let wardB: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const city = await createUnit(db, { name: "Hà Nội", level: "city" });
    const district = await createUnit(db, { name: "quận Long Biên", level: "district", parentId: city });
    wardA = await createUnit(db, { name: "phường Thượng Thanh", parentId: district });
    wardB = await createUnit(db, { name: "phường Ngọc Thụy", parentId: district });
    await createUser(db, {
      username: "admin",
      displayName: "Quản trị",
      grants: [{ role: "system_admin", unitId: city }],
    });
    await createUser(db, {
      username: "wardadmin",
      displayName: "Cán bộ phường",
      grants: [{ role: "unit_admin", unitId: wardA }],
    });
    await createUser(db, { username: "viewer", grants: [{ role: "viewer", unitId: wardA }] });
  });
  afterAll(() => t.close());

  it("logs in, shows the admin area, and logs out", async () => {
    const client = new TestClient(t);
    const login = await client.postForm("/dang-nhap", {
      username: "WardAdmin",
      password: "mat-khau-thu-nghiem",
    });
    expect(login.status).toBe(303);
    expect(login.headers.get("set-cookie")).toMatch(
      /gb_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax/,
    );
    const { html } = await client.page("/quan-tri");
    expect(html).toContain("Xin chào, Cán bộ phường");
    expect(html).toContain("Quản trị đơn vị");
    const out = await client.postForm("/dang-xuat", {});
    expect(out.status).toBe(303);
    const after = await client.request("/quan-tri");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/dang-nhap?next=%2Fquan-tri");
  });

  it("says the same thing for a wrong password and an unknown user", async () => {
    const client = new TestClient(t, "198.51.100.1");
    const wrong = await client.postForm("/dang-nhap", { username: "viewer", password: "sai-mat-khau" });
    const unknown = await client.postForm("/dang-nhap", { username: "khong-co", password: "sai-mat-khau" });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    expect(await wrong.text()).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(await unknown.text()).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  it("refuses a form post without the CSRF token, and a cookie-authenticated JSON call without the header", async () => {
    const client = new TestClient(t);
    await client.logIn("admin");
    const noToken = await client.request("/quan-tri/tai-khoan/ma-api", {
      method: "POST",
      body: new URLSearchParams({ name: "x" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain("Biểu mẫu đã hết hạn hoặc không hợp lệ");
    const badToken = await client.request("/quan-tri/tai-khoan/ma-api", {
      method: "POST",
      body: new URLSearchParams({ name: "x", _csrf: "forged" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(badToken.status).toBe(403);
    const json = await client.request("/dang-xuat", {
      method: "POST",
      headers: { accept: "application/json" },
    });
    expect(json.status).toBe(403);
    expect(await json.json()).toEqual({
      error: { code: "csrf_failed", message: expect.stringContaining("Biểu mẫu") },
    });
  });

  it("creates an API token that authenticates without CSRF, and stops working once revoked", async () => {
    const client = new TestClient(t);
    await client.logIn("wardadmin");
    const created = await client.postForm("/quan-tri/tai-khoan/ma-api", { name: "script" });
    const token = (await created.text()).match(/<code class="token">(gb_[^<]+)<\/code>/)?.[1];
    expect(token).toBeDefined();
    const me = await t.app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).data).toMatchObject({
      username: "wardadmin",
      grants: [{ role: "unit_admin", unitId: wardA }],
    });
    const rows = await t.database.db.selectFrom("api_tokens").select(["id", "token_hash"]).execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const id = rows.at(-1)?.id;
    await client.postForm(`/quan-tri/tai-khoan/ma-api/${id}/thu-hoi`, {});
    const revoked = await t.app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe("invalid_token");
  });

  it("shows the audit log to the system admin with before and after values", async () => {
    const client = new TestClient(t);
    await client.logIn("admin");
    const created = await client.postForm("/quan-tri/nguoi-dung", {
      username: "moi.tao",
      displayName: "Người mới",
      password: "mat-khau-moi-123",
      role: "viewer",
      unitId: String(wardB),
      validFrom: "2020-01-01",
    });
    expect(created.status).toBe(303);
    const { html } = await client.page("/quan-tri/nhat-ky?entityType=user&action=create");
    expect(html).toContain("Quản trị (admin)");
    expect(html).toContain("<ins>moi.tao</ins>");
    expect(html).toContain("phường Ngọc Thụy");
    // Codes are shown in Vietnamese: the action and the kind of record.
    expect(html).toMatch(/<td[^>]*>Tạo mới<\/td>\s*<td[^>]*>Người dùng #\d+<\/td>/);
    const api = await client.request("/api/v1/audit-events?entityType=role_grant", {
      headers: { accept: "application/json" },
    });
    const body = await api.json();
    expect(body.data[0]).toMatchObject({
      action: "create",
      entityType: "role_grant",
      unitId: wardB,
      after: { role: "viewer", unitId: wardB },
    });
  });

  it("scopes the audit log of a unit admin to its units and refuses it to a viewer", async () => {
    const ward = new TestClient(t);
    await ward.logIn("wardadmin");
    const own = await ward.request("/api/v1/audit-events?entityType=role_grant", {
      headers: { accept: "application/json" },
    });
    expect(own.status).toBe(200);
    // The grant on ward B (made by the admin above) is not ward A's business.
    expect((await own.json()).data.every((e: { unitId: number }) => e.unitId === wardA)).toBe(true);
    const viewer = new TestClient(t);
    await viewer.logIn("viewer");
    const refused = await viewer.request("/quan-tri/nhat-ky");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Không có quyền truy cập");
  });

  it("lets a unit admin add users only on its own units, with messages next to the fields", async () => {
    const client = new TestClient(t);
    await client.logIn("wardadmin");
    const other = await client.postForm("/quan-tri/nguoi-dung", {
      username: "ngoai.pham.vi",
      displayName: "Ngoài phạm vi",
      password: "mat-khau-moi-123",
      role: "viewer",
      unitId: String(wardB),
    });
    expect(other.status).toBe(403);
    const invalid = await client.postForm("/quan-tri/nguoi-dung", {
      username: "x",
      displayName: "",
      password: "ngan",
      role: "viewer",
      unitId: String(wardA),
    });
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toContain("Tên đăng nhập gồm 3–40 ký tự");
    expect(html).toContain("Mật khẩu cần ít nhất 8 ký tự.");
    const users = await t.database.db
      .selectFrom("users")
      .select("username")
      .where("username", "in", ["x", "ngoai.pham.vi"])
      .execute();
    expect(users).toEqual([]);
  });
});
