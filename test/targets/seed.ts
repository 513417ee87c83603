import type { Kysely } from "kysely";
import type { DB } from "../../src/core/db/schema.js";
import { loadTargetsDemo } from "../../src/demo/load-targets.js";
import { OTHER_WARDS } from "../../src/targets/targets.demo.js";
import { createUnit, createUser } from "../support/fixtures.js";

/** Statistics codes of 2019; Ngọc Thụy's 00118 is reused by the new Bồ Đề in 2025 (domain.md §5). */
const CODES: Record<string, string> = {
  "Thượng Thanh": "00115",
  "Ngọc Thụy": "00118",
  "Giang Biên": "00121",
  "Đức Giang": "00124",
  "Việt Hưng": "00127",
  "Gia Thụy": "00130",
  "Ngọc Lâm": "00133",
  "Phúc Lợi": "00136",
  "Bồ Đề": "00139",
  "Sài Đồng": "00142",
  "Long Biên": "00145",
  "Thạch Bàn": "00148",
  "Phúc Đồng": "00151",
  "Cự Khối": "00154",
};

export interface LongBien {
  city: number;
  district: number;
  thuongThanh: number;
  ngocThuy: number;
  wards: Map<string, number>;
}

/**
 * Hà Nội → quận Long Biên → its 14 wards of 2019, the accounts of the demo (thuongthanh: data officer
 * of Thượng Thanh; ngocthuy: data officer of Ngọc Thụy; vanphong.longbien: admin, leader and data officer
 * of the district; admin: system admin), and optionally the targets demo.
 */
export async function seedLongBien(db: Kysely<DB>, options: { demo?: boolean } = {}): Promise<LongBien> {
  const city = await createUnit(db, { name: "Hà Nội", level: "city" });
  const district = await createUnit(db, { name: "Long Biên", level: "district", parentId: city });
  const wards = new Map<string, number>();
  for (const name of ["Thượng Thanh", ...OTHER_WARDS]) {
    const code = CODES[name] ?? null;
    wards.set(
      name,
      await createUnit(db, {
        name,
        level: "ward",
        parentId: district,
        code,
        validTo: name === "Sài Đồng" ? "2025-06-30" : null,
      }),
    );
  }
  const thuongThanh = wards.get("Thượng Thanh") as number;
  const ngocThuy = wards.get("Ngọc Thụy") as number;
  await createUser(db, { username: "admin", grants: [{ role: "system_admin", unitId: city }] });
  await createUser(db, {
    username: "thuongthanh",
    displayName: "Cán bộ phường Thượng Thanh",
    grants: [
      { role: "unit_admin", unitId: thuongThanh },
      { role: "data_officer", unitId: thuongThanh },
    ],
  });
  await createUser(db, { username: "ngocthuy", grants: [{ role: "data_officer", unitId: ngocThuy }] });
  await createUser(db, {
    username: "vanphong.longbien",
    displayName: "Văn phòng quận Long Biên",
    grants: [
      { role: "unit_admin", unitId: district },
      { role: "leader", unitId: district },
      { role: "data_officer", unitId: district },
    ],
  });
  if (options.demo) await loadTargetsDemo(db);
  return { city, district, thuongThanh, ngocThuy, wards };
}
