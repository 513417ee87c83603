import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUnit, createUser, FIXTURE_PASSWORD } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";

const STRONG = "cây bàng trước cổng phường";
const WEAK = ["12345678", "password", "        ", "nguyen.van.an", "Nguyễn Văn An", "matkhau123"];

describe.each(ENGINES)("passwords and sessions on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  let wardB: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const city = await createUnit(db, { name: "Hà Nội", level: "city" });
    wardA = await createUnit(db, { name: "phường Thượng Thanh", parentId: city });
    wardB = await createUnit(db, { name: "phường Ngọc Thụy", parentId: city });
    await createUser(db, { username: "admin", grants: [{ role: "system_admin", unitId: city }] });
    await createUser(db, { username: "wardadmin", grants: [{ role: "unit_admin", unitId: wardA }] });
    await createUser(db, { username: "doimatkhau", grants: [{ role: "viewer", unitId: wardA }] });
    await createUser(db, { username: "quenmatkhau", grants: [{ role: "viewer", unitId: wardA }] });
    await createUser(db, {
      username: "haiphuong",
      grants: [
        { role: "viewer", unitId: wardA },
        { role: "viewer", unitId: wardB },
      ],
    });
  });
  afterAll(() => t.close());

  async function signedIn(username: string, ip: string, password = FIXTURE_PASSWORD): Promise<TestClient> {
    const client = new TestClient(t, ip);
    expect((await client.logIn(username, password)).status).toBe(303);
    return client;
  }
  const isSignedIn = async (client: TestClient) => (await client.request("/quan-tri")).status === 200;
  async function userId(username: string): Promise<number> {
    const row = await t.database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it.each(WEAK)("refuses %j as the first password of a new user", async (password) => {
    const admin = await signedIn("admin", "198.51.100.1");
    const response = await admin.postForm("/quan-tri/nguoi-dung", {
      username: "nguyen.van.an",
      displayName: "Nguyễn Văn An",
      password,
      role: "viewer",
      unitId: String(wardA),
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/Mật khẩu (quá dễ đoán|không được)/);
  });

  it("accepts a long, unguessable first password", async () => {
    const admin = await signedIn("admin", "198.51.100.1");
    const response = await admin.postForm("/quan-tri/nguoi-dung", {
      username: "tran.thi.binh",
      displayName: "Trần Thị Bình",
      password: STRONG,
      role: "viewer",
      unitId: String(wardA),
    });
    expect(response.status).toBe(303);
  });

  it("refuses a weak new password of one's own, and a strong one ends the other sessions but this one", async () => {
    const here = await signedIn("doimatkhau", "198.51.100.2");
    const elsewhere = await signedIn("doimatkhau", "198.51.100.3");
    for (const next of ["12345678", "        ", "doimatkhau", "password"]) {
      const weak = await here.postForm("/quan-tri/tai-khoan/mat-khau", {
        current: FIXTURE_PASSWORD,
        next,
        confirm: next,
      });
      expect(weak.status).toBe(422);
      expect(await weak.text()).toMatch(/Mật khẩu mới (quá dễ đoán|không được)/);
    }
    expect(await isSignedIn(elsewhere)).toBe(true);
    const changed = await here.postForm("/quan-tri/tai-khoan/mat-khau", {
      current: FIXTURE_PASSWORD,
      next: STRONG,
      confirm: STRONG,
    });
    expect(changed.status).toBe(303);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    await signedIn("doimatkhau", "198.51.100.4", STRONG);
  });

  it("ends every session of a user whose password an admin resets, after refusing a weak one", async () => {
    const user = await signedIn("quenmatkhau", "198.51.100.5");
    const phone = await signedIn("quenmatkhau", "198.51.100.6");
    const admin = await signedIn("wardadmin", "198.51.100.7");
    const id = await userId("quenmatkhau");
    const weak = await admin.postForm(`/quan-tri/nguoi-dung/${id}/mat-khau`, { password: "quenmatkhau" });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain("Mật khẩu không được trùng với tên đăng nhập");
    expect(await isSignedIn(user)).toBe(true);

    const reset = await admin.postForm(`/quan-tri/nguoi-dung/${id}/mat-khau`, { password: STRONG });
    expect(reset.status).toBe(303);
    expect(reset.headers.get("location")).toBe("/quan-tri/nguoi-dung?ok=mat-khau");
    expect(await isSignedIn(user)).toBe(false);
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(admin)).toBe(true);
    await signedIn("quenmatkhau", "198.51.100.8", STRONG);
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "entity_id"])
      .where("action", "=", "password_reset")
      .execute();
    expect(audit.map((a) => String(a.entity_id))).toEqual([String(id)]);
  });

  it("lets a unit admin reset only accounts wholly inside its units, never a system admin's", async () => {
    const admin = await signedIn("wardadmin", "198.51.100.9");
    for (const username of ["haiphuong", "admin"]) {
      const refused = await admin.postForm(`/quan-tri/nguoi-dung/${await userId(username)}/mat-khau`, {
        password: STRONG,
      });
      expect(refused.status).toBe(403);
    }
    const sysadmin = await signedIn("admin", "198.51.100.10");
    const allowed = await sysadmin.postForm(`/quan-tri/nguoi-dung/${await userId("haiphuong")}/mat-khau`, {
      password: STRONG,
    });
    expect(allowed.status).toBe(303);
  });
});
