/**
 * Demo data of the present (December 2026): the leaders of phường Việt Hưng and of Hà Nội who appear in
 * the 2026 working session (src/conclusions/session-2026.demo.ts). Pure data: no I/O.
 *
 * Every person here is INVENTED for the demo and says so in the biography; the positions are the real
 * positions of a ward and a city since 01/07/2025. Positions start on the day the new ward began
 * (or, for the city, on the date marked nominal in units-2026.demo.ts) and have no end.
 */

import type { DemoPosition } from "./people.demo.js";
import { NEW_WARDS_FROM } from "./units.demo.js";
import { CITY_DEPARTMENTS_FROM, wardBodyKey } from "./units-2026.demo.js";

export interface PresentPosition extends DemoPosition {
  validFrom: string;
}

export interface PresentPerson {
  key: string;
  fullName: string;
  biography: string;
  positions: PresentPosition[];
}

const VH = "new-ward:viet-hung";
/** Keys of the four bodies people.demo.ts gives every new ward: Đảng ủy, HĐND, UBND, Ủy ban MTTQ. */
const VH_PARTY = `org:${VH}:1`;
const VH_COUNCIL = `org:${VH}:2`;
const VH_COMMITTEE = `org:${VH}:3`;

const INVENTED = "Nhân vật minh họa của dữ liệu mẫu, không phải người thật";

function at(organisationKey: string, title: string, sortOrder: number, validFrom = NEW_WARDS_FROM) {
  return { organisationKey, title, isLeader: true, sortOrder, validFrom };
}

export const PRESENT_PEOPLE: PresentPerson[] = [
  {
    key: "person:nguyen-thi-thanh-huong",
    fullName: "Nguyễn Thị Thanh Hương",
    biography: `${INVENTED}: Bí thư Đảng ủy, Chủ tịch HĐND phường Việt Hưng.`,
    positions: [at(VH_PARTY, "Bí thư Đảng ủy phường", 10), at(VH_COUNCIL, "Chủ tịch HĐND phường", 10)],
  },
  {
    key: "person:tran-duc-thang",
    fullName: "Trần Đức Thắng",
    biography: `${INVENTED}: Phó Bí thư Đảng ủy, Chủ tịch UBND phường Việt Hưng.`,
    positions: [at(VH_PARTY, "Phó Bí thư Đảng ủy phường", 20), at(VH_COMMITTEE, "Chủ tịch UBND phường", 10)],
  },
  {
    key: "person:pham-quoc-tuan",
    fullName: "Phạm Quốc Tuấn",
    biography: `${INVENTED}: Phó Chủ tịch UBND phường Việt Hưng, phụ trách kinh tế, đô thị.`,
    positions: [at(VH_COMMITTEE, "Phó Chủ tịch UBND phường", 20)],
  },
  {
    key: "person:do-thi-minh-nguyet",
    fullName: "Đỗ Thị Minh Nguyệt",
    biography: `${INVENTED}: Chánh Văn phòng HĐND và UBND phường Việt Hưng.`,
    positions: [at(wardBodyKey(VH, "vp"), "Chánh Văn phòng", 10)],
  },
  {
    key: "person:le-van-khai",
    fullName: "Lê Văn Khải",
    biography: `${INVENTED}: Trưởng phòng Kinh tế, Hạ tầng và Đô thị phường Việt Hưng.`,
    positions: [at(wardBodyKey(VH, "ktht"), "Trưởng phòng", 10)],
  },
  {
    key: "person:vu-minh-quang",
    fullName: "Vũ Minh Quang",
    biography: `${INVENTED}: Phó Chủ tịch UBND Thành phố Hà Nội.`,
    positions: [at("org:ubnd-tp", "Phó Chủ tịch UBND Thành phố", 20, CITY_DEPARTMENTS_FROM)],
  },
  {
    key: "person:hoang-thi-lan-anh",
    fullName: "Hoàng Thị Lan Anh",
    biography: `${INVENTED}: Phó Chánh Văn phòng UBND Thành phố Hà Nội.`,
    positions: [at("org:vp-ubnd-tp", "Phó Chánh Văn phòng", 20, CITY_DEPARTMENTS_FROM)],
  },
];
