import type { Kysely } from "kysely";
import type { DB } from "../../src/core/db/schema.js";
import { createUnit, createUser } from "../support/fixtures.js";

/** The reference story's registry in miniature: the district, two wards, their bodies, the chair. */
export interface Seeded {
  city: number;
  district: number;
  ward: number;
  otherWard: number;
  org: Record<"quanUy" | "ubndPhuong" | "dangUyPhuong" | "tnmt" | "qldt" | "taiChinh", number>;
  chair: number;
}

async function org(db: Kysely<DB>, unitId: number, kind: string, name: string): Promise<number> {
  const row = await db
    .insertInto("organisations")
    .values({ unit_id: unitId, kind, name, valid_from: "2003-11-06", valid_to: null, sort_order: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedRegistry(db: Kysely<DB>): Promise<Seeded> {
  const city = await createUnit(db, { name: "Hà Nội", level: "city" });
  const district = await createUnit(db, { name: "Long Biên", level: "district", parentId: city });
  const ward = await createUnit(db, { name: "Thượng Thanh", parentId: district });
  const otherWard = await createUnit(db, { name: "Ngọc Thụy", parentId: district });
  const o = {
    quanUy: await org(db, district, "party_committee", "Quận ủy Long Biên"),
    ubndPhuong: await org(db, ward, "peoples_committee", "UBND phường Thượng Thanh"),
    dangUyPhuong: await org(db, ward, "party_committee", "Đảng ủy phường Thượng Thanh"),
    tnmt: await org(db, district, "department", "Phòng Tài nguyên và Môi trường quận Long Biên"),
    qldt: await org(db, district, "department", "Phòng Quản lý đô thị quận Long Biên"),
    taiChinh: await org(db, district, "department", "Phòng Tài chính - Kế hoạch quận Long Biên"),
  };
  await org(db, otherWard, "peoples_committee", "UBND phường Ngọc Thụy");
  const person = await db
    .insertInto("people")
    .values({ full_name: "Đỗ Mạnh Hải", biography: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("positions")
    .values({
      person_id: person.id,
      organisation_id: o.quanUy,
      title: "Bí thư Quận ủy",
      is_leader: 1,
      sort_order: 0,
      valid_from: null,
      valid_to: null,
    })
    .execute();

  await createUser(db, {
    username: "office",
    displayName: "Văn phòng Quận ủy",
    grants: [
      { role: "unit_admin", unitId: district },
      { role: "leader", unitId: district },
      { role: "data_officer", unitId: district },
    ],
  });
  await createUser(db, {
    username: "ward",
    displayName: "Cán bộ phường Thượng Thanh",
    grants: [
      { role: "unit_admin", unitId: ward },
      { role: "data_officer", unitId: ward },
    ],
  });
  await createUser(db, {
    username: "otherward",
    displayName: "Cán bộ phường Ngọc Thụy",
    grants: [{ role: "data_officer", unitId: otherWard }],
  });
  const tnmtUser = await createUser(db, {
    username: "tnmt",
    displayName: "Cán bộ Phòng TN&MT",
    grants: [{ role: "department_officer", unitId: district }],
  });
  const qldtUser = await createUser(db, {
    username: "qldt",
    displayName: "Cán bộ Phòng QLĐT",
    grants: [{ role: "department_officer", unitId: district }],
  });
  const at = new Date("2019-12-01T00:00:00Z").toISOString();
  await db
    .insertInto("department_staff")
    .values([
      { user_id: tnmtUser, organisation_id: o.tnmt, created_at: at },
      { user_id: qldtUser, organisation_id: o.qldt, created_at: at },
    ])
    .execute();
  return { city, district, ward, otherWard, org: o, chair: person.id };
}

/** The fields of the reference story's session on the session form ("Ban Thường vụ … Thượng Thanh"). */
export function referenceSessionForm(s: Seeded): Record<string, string> {
  return {
    kind: "working_visit",
    title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
    host: `u${s.ward}`,
    visiting: `o${s.org.quanUy}`,
    date: "2020-01-02",
    time: "14:00",
    place: "Phòng họp 1 UBND phường Thượng Thanh",
    chair: String(s.chair),
  };
}
