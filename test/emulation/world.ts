import type { Kysely } from "kysely";
import type { DB } from "../../src/core/db/schema.js";
import { createUnit, createUser } from "../support/fixtures.js";

/** A district with four wards, its departments and the people who score emulation. */
export interface EmulationWorld {
  city: number;
  district: number;
  wards: { a: number; b: number; c: number; d: number };
  departments: { health: number; finance: number; front: number };
  /** The ward's party committee of ward A (a rated organisation). */
  partyCommitteeA: number;
}

async function createOrganisation(
  db: Kysely<DB>,
  unitId: number,
  kind: string,
  name: string,
): Promise<number> {
  const row = await db
    .insertInto("organisations")
    .values({ unit_id: unitId, kind, name, valid_from: "2003-11-06", valid_to: null, sort_order: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Users: `admin` (system), `quan` (district unit admin and leader: manages, councils, proposes),
 * `phuongA`/`phuongB` (unit admin + data officer of their ward), `yte` (department officer of the
 * district working for Phòng Y tế), `taichinh` (department officer of Phòng Tài chính - Kế hoạch).
 */
export async function buildWorld(db: Kysely<DB>): Promise<EmulationWorld> {
  const city = await createUnit(db, { name: "Hà Nội", level: "city" });
  const district = await createUnit(db, { name: "Long Biên", level: "district", parentId: city });
  const a = await createUnit(db, { name: "Thượng Thanh", parentId: district });
  const b = await createUnit(db, { name: "Ngọc Thụy", parentId: district });
  const c = await createUnit(db, { name: "Bồ Đề", parentId: district });
  const d = await createUnit(db, { name: "Cự Khối", parentId: district });
  const health = await createOrganisation(db, district, "department", "Phòng Y tế quận Long Biên");
  const finance = await createOrganisation(
    db,
    district,
    "department",
    "Phòng Tài chính - Kế hoạch quận Long Biên",
  );
  const front = await createOrganisation(
    db,
    district,
    "fatherland_front",
    "Ủy ban MTTQ Việt Nam quận Long Biên",
  );
  const partyCommitteeA = await createOrganisation(db, a, "party_committee", "Đảng ủy phường Thượng Thanh");
  for (const ward of [b, c, d]) await createOrganisation(db, ward, "party_committee", "Đảng ủy phường");

  await createUser(db, { username: "admin", grants: [{ role: "system_admin", unitId: city }] });
  await createUser(db, {
    username: "quan",
    displayName: "Văn phòng quận",
    grants: [
      { role: "unit_admin", unitId: district },
      { role: "leader", unitId: district },
    ],
  });
  for (const [username, unitId] of [
    ["phuonga", a],
    ["phuongb", b],
  ] as const) {
    await createUser(db, {
      username,
      grants: [
        { role: "unit_admin", unitId },
        { role: "data_officer", unitId },
      ],
    });
  }
  const now = new Date("2019-12-01T00:00:00Z").toISOString();
  for (const [username, organisationId] of [
    ["yte", health],
    ["taichinh", finance],
  ] as const) {
    const userId = await createUser(db, {
      username,
      grants: [{ role: "department_officer", unitId: district }],
    });
    await db
      .insertInto("department_staff")
      .values({ user_id: userId, organisation_id: organisationId, created_at: now })
      .execute();
  }
  return { city, district, wards: { a, b, c, d }, departments: { health, finance, front }, partyCommitteeA };
}

/** A balanced 1.000-point tree: content 950 (with a Phòng Y tế criterion and an indicator rule), bonuses 50, deductions. */
export function treeFor(world: EmulationWorld) {
  return [
    { code: "A", name: "Thực hiện nhiệm vụ", kind: "group", maxPoints: 950 },
    {
      code: "A.1",
      parentCode: "A",
      name: "Y tế, dân số",
      kind: "manual",
      maxPoints: 550,
      organisationId: world.departments.health,
    },
    { code: "A.2", parentCode: "A", name: "Cải cách hành chính", kind: "manual", maxPoints: 350 },
    {
      code: "A.3",
      parentCode: "A",
      name: "Thu ngân sách",
      kind: "indicator_rule",
      maxPoints: 50,
      indicatorCode: "THU_NS",
      rule: "met_full_else_pro_rata",
    },
    { code: "B", name: "Điểm thưởng", kind: "group", maxPoints: 50 },
    {
      code: "B.1",
      parentCode: "B",
      name: "Cờ thi đua của Chính phủ",
      kind: "bonus",
      maxPoints: 15,
      fixedPoints: 15,
    },
    {
      code: "B.2",
      parentCode: "B",
      name: "Cờ thi đua của UBND Thành phố",
      kind: "bonus",
      maxPoints: 10,
      fixedPoints: 10,
    },
    { code: "C", name: "Điểm trừ", kind: "group", maxPoints: 100 },
    { code: "C.1", parentCode: "C", name: "Chậm báo cáo", kind: "deduction", maxPoints: 100, fixedPoints: 5 },
  ];
}
