import type { Kysely } from "kysely";
import { loadHierarchy } from "../../src/core/access/hierarchy.repo.js";
import type { Hierarchy } from "../../src/core/access/hierarchy.rules.js";
import type { Actor } from "../../src/core/access/policy.js";
import type { Role } from "../../src/core/access/roles.js";
import type { DialectName } from "../../src/core/db/dialect.js";
import type { DB } from "../../src/core/db/schema.js";
import type { TestApp } from "../support/app.js";
import { createUnit, createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { createDemoApp, unitIdAt } from "../units/demo-app.js";

/**
 * The world the API contract tests run in: the demo (quận Long Biên and its wards on 02/01/2020),
 * a residential group under Thượng Thanh so the ward has a child unit, and one signed-in client per
 * caller of the permission matrix, every one granted on Thượng Thanh.
 */

export const TODAY = "2020-01-02";

/** Where a target unit stands from the callers' unit (Thượng Thanh). */
export const RELATIONS = ["own", "sibling", "parent", "child"] as const;
export type Relation = (typeof RELATIONS)[number];

/** The callers of the matrix; the unit admin comes last so a deletion it may do runs after the refusals. */
export const CALLERS = ["anonymous", "ward_officer", "department_officer", "leader", "unit_admin"] as const;
export type Caller = (typeof CALLERS)[number];

const CALLER_ROLES: Record<Exclude<Caller, "anonymous">, Role> = {
  ward_officer: "data_officer",
  department_officer: "department_officer",
  leader: "leader",
  unit_admin: "unit_admin",
};

export interface World {
  t: TestApp;
  db: Kysely<DB>;
  hierarchy: Hierarchy;
  city: number;
  district: number;
  ward: number;
  sibling: number;
  child: number;
  /** Target unit by relation to the callers' ward. */
  units: Record<Relation, number>;
  /** The parent of each target unit (the city for the district). */
  parentOf: Record<Relation, number>;
  /** A statistics code per target unit, for the DHIS2 import. */
  codes: Record<Relation, string>;
  /** An organisation of each target unit, and one of the sibling ward for mismatched pairs. */
  orgs: Record<Relation, number>;
  /** The department of the ward the department officer works in. */
  wardDepartment: number;
  admin: TestClient;
  clients: Record<Caller, TestClient>;
  actors: Record<Caller, Actor | null>;
}

export async function buildWorld(engine: DialectName): Promise<World> {
  const t = await createDemoApp(engine);
  const db = t.database.db;
  const city = await unitIdAt(db, "Hà Nội", "city", TODAY);
  const district = await unitIdAt(db, "Long Biên", "district", TODAY);
  const ward = await unitIdAt(db, "Thượng Thanh", "ward", TODAY);
  const sibling = await unitIdAt(db, "Ngọc Thụy", "ward", TODAY);
  const child = await createUnit(db, {
    name: "Tổ dân phố số 1 Thượng Thanh",
    level: "residential_group",
    parentId: ward,
    validTo: "2025-06-30",
    code: "99001",
  });
  await db.updateTable("units").set({ code: "00100" }).where("id", "=", district).execute();
  const now = new Date("2019-12-01T00:00:00Z").toISOString();
  const addOrg = async (unitId: number, kind: string, name: string) =>
    (
      await db
        .insertInto("organisations")
        .values({ unit_id: unitId, kind, name, valid_from: "2003-11-06", valid_to: null, sort_order: 99 })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const wardDepartment = await addOrg(ward, "department", "Phòng Kinh tế phường Thượng Thanh");
  const orgOf = async (unitId: number) =>
    (
      await db
        .selectFrom("organisations")
        .select("id")
        .where("unit_id", "=", unitId)
        .orderBy("id")
        .executeTakeFirst()
    )?.id ?? (await addOrg(unitId, "peoples_committee", "Ban điều hành tổ dân phố"));
  const units = { own: ward, sibling, parent: district, child };
  const orgs = {
    own: await orgOf(ward),
    sibling: await orgOf(sibling),
    parent: await orgOf(district),
    child: await orgOf(child),
  };
  const actors = { anonymous: null } as Record<Caller, Actor | null>;
  const clients = {} as Record<Caller, TestClient>;
  let ip = 10;
  for (const caller of CALLERS) {
    clients[caller] = new TestClient(t, `203.0.113.${ip++}`);
    if (caller === "anonymous") continue;
    const role = CALLER_ROLES[caller];
    const username = `matrix.${caller}`;
    const userId = await createUser(db, { username, grants: [{ role, unitId: ward }] });
    if (caller === "department_officer") {
      await db
        .insertInto("department_staff")
        .values({ user_id: userId, organisation_id: wardDepartment, created_at: now })
        .execute();
    }
    actors[caller] = {
      userId,
      username,
      displayName: username,
      grants: [{ role, unitId: ward, validFrom: "2019-01-01", validTo: null }],
    };
    await clients[caller].logIn(username);
  }
  // Anonymous callers still carry a CSRF token, so a refusal is the authorisation's, not the token's.
  await clients.anonymous.page("/dang-nhap");
  const admin = new TestClient(t, "203.0.113.99");
  await admin.logIn("admin", "giaoban2020");
  return {
    t,
    db,
    hierarchy: await loadHierarchy(db),
    city,
    district,
    ward,
    sibling,
    child,
    units,
    parentOf: { own: district, sibling: district, parent: city, child: ward },
    codes: { own: "00115", sibling: "00118", parent: "00100", child: "99001" },
    orgs,
    wardDepartment,
    admin,
    clients,
    actors,
  };
}

/** Sends a JSON change as `client` and returns the status and parsed body (null when not JSON). */
export async function send(
  client: TestClient,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await client.sendJson(method, path, body ?? {});
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** Creates a resource as the system admin and returns the created record's `data`. */
export async function created<T = { id: number }>(
  w: World,
  method: string,
  path: string,
  body: unknown,
): Promise<T> {
  const { status, json } = await send(w.admin, method, path, body);
  if (status >= 300) throw new Error(`${method} ${path} → ${status}: ${JSON.stringify(json).slice(0, 500)}`);
  return (json as { data: T }).data;
}
