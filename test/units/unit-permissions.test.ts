import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/core/access/roles.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUnit, createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";

/**
 * `unit.update` through `PATCH /api/v1/units/{id}`: every role, granted on a district, against the
 * district itself ("own"), one of its wards ("child") and a ward of another district ("other").
 */
type Target = "own" | "child" | "other";

const EXPECTED: Record<Role, Record<Target, 200 | 403>> = {
  system_admin: { own: 200, child: 200, other: 200 },
  unit_admin: { own: 200, child: 200, other: 403 },
  editor: { own: 403, child: 403, other: 403 },
  writer: { own: 403, child: 403, other: 403 },
  data_officer: { own: 403, child: 403, other: 403 },
  department_officer: { own: 403, child: 403, other: 403 },
  leader: { own: 403, child: 403, other: 403 },
  viewer: { own: 403, child: 403, other: 403 },
};

const CASES = ROLES.flatMap((role) =>
  (["own", "child", "other"] as const).map((target) => [role, target] as const),
);

describe.each(ENGINES)("unit.update permissions on %s", (engine) => {
  let t: TestApp;
  const units = {} as Record<Target, number>;
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const city = await createUnit(db, { name: "Hà Nội", level: "city", validFrom: "1945-01-01" });
    units.own = await createUnit(db, { name: "Long Biên", level: "district", parentId: city });
    units.child = await createUnit(db, { name: "Thượng Thanh", parentId: units.own });
    const otherDistrict = await createUnit(db, { name: "Gia Lâm", level: "district", parentId: city });
    units.other = await createUnit(db, { name: "Trâu Quỳ", parentId: otherDistrict });
    for (const role of ROLES) {
      await createUser(db, {
        username: `u_${role}`,
        displayName: `Người dùng ${role}`,
        grants: [{ role, unitId: units.own }],
      });
      const client = new TestClient(t, `198.51.100.${clients.size + 1}`);
      const login = await client.logIn(`u_${role}`);
      expect(login.status).toBe(303);
      clients.set(role, client);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  function clientFor(role: Role): TestClient {
    const client = clients.get(role);
    if (!client) throw new Error(`no client for ${role}`);
    return client;
  }

  async function phoneOf(id: number): Promise<string | null> {
    const row = await t.database.db
      .selectFrom("units")
      .select("phone")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return row.phone;
  }

  async function auditCount(): Promise<number> {
    const row = await t.database.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("entity_type", "=", "unit")
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it.each(CASES)("%s on the %s unit", async (role, target) => {
    const client = clientFor(role);
    const id = units[target];
    const phone = `024 ${String(ROLES.indexOf(role)).padStart(4, "0")} ${target.length}000`;
    const before = await phoneOf(id);
    const audits = await auditCount();

    const response = await client.sendJson("PATCH", `/api/v1/units/${id}`, { phone });
    const expected = EXPECTED[role][target];
    expect(response.status).toBe(expected);
    if (expected === 200) {
      expect(await response.json()).toEqual({ data: { id, address: null, phone, email: null, intro: null } });
      expect(await phoneOf(id)).toBe(phone);
      expect(await auditCount()).toBe(audits + 1);
    } else {
      expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
      expect(await phoneOf(id)).toBe(before);
      expect(await auditCount()).toBe(audits);
    }
  });

  it("records who changed what, with the values before and after", async () => {
    const client = clientFor("unit_admin");
    const response = await client.sendJson("PATCH", `/api/v1/units/${units.child}`, {
      email: "ubnd@thuongthanh.example.vn",
      intro: "Giới thiệu phường.",
    });
    expect(response.status).toBe(200);
    const event = await t.database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_type", "=", "unit")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      action: "update",
      actor_name: "Người dùng unit_admin (u_unit_admin)",
      entity_id: String(units.child),
      unit_id: units.child,
      ip: "198.51.100.2",
    });
    const before = JSON.parse(event.before_json ?? "null");
    const after = JSON.parse(event.after_json ?? "null");
    expect(before).toEqual({ address: null, phone: before.phone, email: null, intro: null });
    expect(after).toEqual({
      address: null,
      phone: before.phone,
      email: "ubnd@thuongthanh.example.vn",
      intro: "Giới thiệu phường.",
    });
  });

  it("writes nothing when nothing changes", async () => {
    const client = clientFor("unit_admin");
    const audits = await auditCount();
    const current = await t.database.db
      .selectFrom("units")
      .select("email")
      .where("id", "=", units.child)
      .executeTakeFirstOrThrow();
    const response = await client.sendJson("PATCH", `/api/v1/units/${units.child}`, {
      email: current.email,
    });
    expect(response.status).toBe(200);
    expect(await auditCount()).toBe(audits);
  });

  it("answers 422 with field paths for a bad e-mail or an unknown field, and writes nothing", async () => {
    const client = clientFor("unit_admin");
    const audits = await auditCount();
    const before = await t.database.db
      .selectFrom("units")
      .selectAll()
      .where("id", "=", units.child)
      .executeTakeFirstOrThrow();

    const bad = await client.sendJson("PATCH", `/api/v1/units/${units.child}`, {
      email: "khong-hop-le",
      phone: "abc",
    });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields["body.email"]).toBe(
      "Địa chỉ thư điện tử không hợp lệ (ví dụ: ubnd.thuongthanh@hanoi.gov.vn).",
    );
    expect(body.error.fields["body.phone"]).toMatch(/^Số điện thoại chỉ gồm 8–15 chữ số/);

    const unknown = await client.sendJson("PATCH", `/api/v1/units/${units.child}`, { name: "Đổi tên" });
    expect(unknown.status).toBe(422);

    const tooLong = await client.sendJson("PATCH", `/api/v1/units/${units.child}`, {
      address: "x".repeat(301),
    });
    expect(tooLong.status).toBe(422);
    expect(((await tooLong.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      "body.address": "Địa chỉ dài tối đa 300 ký tự.",
    });

    const after = await t.database.db
      .selectFrom("units")
      .selectAll()
      .where("id", "=", units.child)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("clears a field with null or an empty string", async () => {
    const client = clientFor("unit_admin");
    const response = await client.sendJson("PATCH", `/api/v1/units/${units.child}`, {
      email: "",
      intro: null,
    });
    expect(response.status).toBe(200);
    const row = await t.database.db
      .selectFrom("units")
      .select(["email", "intro"])
      .where("id", "=", units.child)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ email: null, intro: null });
  });

  it("rolls the change back when its audit event cannot be written", async () => {
    const client = clientFor("unit_admin");
    const before = await phoneOf(units.child);
    await t.database.db.schema.alterTable("audit_events").renameTo("audit_events_off").execute();
    try {
      const response = await client.sendJson("PATCH", `/api/v1/units/${units.child}`, {
        phone: "024 9999 8888",
      });
      expect(response.status).toBe(500);
    } finally {
      await t.database.db.schema.alterTable("audit_events_off").renameTo("audit_events").execute();
    }
    expect(await phoneOf(units.child)).toBe(before);
  });

  it("refuses a PATCH without a session (401) and one without the CSRF header (403)", async () => {
    const anonymous = new TestClient(t, "192.0.2.50");
    // A page with a form (pages without one give anonymous readers no token): the CSRF check passes.
    await anonymous.page("/dang-nhap");
    const refused = await anonymous.sendJson("PATCH", `/api/v1/units/${units.child}`, {
      phone: "024 1234 5678",
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");

    const client = clientFor("system_admin");
    const noCsrf = await client.request(`/api/v1/units/${units.child}`, {
      method: "PATCH",
      body: JSON.stringify({ phone: "024 1234 5678" }),
      headers: { "content-type": "application/json", accept: "application/json" },
    });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { error: { code: string } }).error.code).toBe("csrf_failed");
  });

  it("answers 404 for a unit that does not exist, even to a system admin", async () => {
    const response = await clientFor("system_admin").sendJson("PATCH", "/api/v1/units/99999", {
      phone: "024 1234 5678",
    });
    expect(response.status).toBe(404);
  });
});
