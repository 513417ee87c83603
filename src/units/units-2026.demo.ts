/**
 * Demo data of the present (December 2026): the bodies of Hà Nội and of its new wards since the
 * two-level local government of 01/07/2025 (domain.md §5, §10), and phường Việt Hưng's residential
 * groups. The units themselves (Hà Nội, the new wards) are in units.demo.ts; this file adds what the
 * present-day story needs on top of them. Pure data: no I/O.
 *
 * What is real and what is illustrative:
 * - Real: the structure. Since 01/07/2025 a ward's People's Committee has a Văn phòng HĐND và UBND, a
 *   Phòng Kinh tế, Hạ tầng và Đô thị, a Phòng Văn hóa - Xã hội and a Trung tâm Phục vụ hành chính công;
 *   its Party committee a Văn phòng, a Ban Xây dựng Đảng and an Ủy ban Kiểm tra. Hà Nội's departments
 *   carry their names after the 2025 mergers (Sở Tài chính, Sở Xây dựng, Sở Nông nghiệp và Môi trường,
 *   Sở Nội vụ …).
 * - Nominal: the start dates (01/03/2025 for the city's merged departments, 01/07/2025 for the wards'
 *   bodies) mark "in place by then", not the date of each founding decision.
 * - Illustrative: the four residential groups of phường Việt Hưng (named after the old villages of the
 *   area, Lệ Mật, Trường Lâm, Kim Quan and Ô Cách); the ward's real groups are not listed here.
 */

import type { DemoOrganisation, OrganisationKind } from "./people.demo.js";
import { type DemoUnit, NEW_WARDS_FROM } from "./units.demo.js";

/** The city's departments after the merger of 2025 (nominal start date). */
export const CITY_DEPARTMENTS_FROM = "2025-03-01";

const CITY = "city:ha-noi";

function cityOrg(key: string, kind: OrganisationKind, name: string, sortOrder: number): DemoOrganisation {
  return { key, unitKey: CITY, kind, name, validFrom: CITY_DEPARTMENTS_FROM, validTo: null, sortOrder };
}

/** Hà Nội's bodies the present-day story names (its Thành ủy, HĐND and UBND are in people.demo.ts). */
export const CITY_ORGANISATIONS: DemoOrganisation[] = [
  cityOrg("org:vp-ubnd-tp", "department", "Văn phòng UBND Thành phố Hà Nội", 40),
  cityOrg("org:so-tai-chinh", "department", "Sở Tài chính Hà Nội", 100),
  cityOrg("org:so-xay-dung", "department", "Sở Xây dựng Hà Nội", 110),
  cityOrg("org:so-nn-mt", "department", "Sở Nông nghiệp và Môi trường Hà Nội", 120),
  cityOrg("org:so-noi-vu", "department", "Sở Nội vụ Hà Nội", 130),
  cityOrg("org:so-gddt", "department", "Sở Giáo dục và Đào tạo Hà Nội", 140),
  cityOrg("org:so-vhtt", "department", "Sở Văn hóa và Thể thao Hà Nội", 150),
  cityOrg("org:so-y-te", "department", "Sở Y tế Hà Nội", 160),
  cityOrg("org:cong-an-tp", "other", "Công an Thành phố Hà Nội", 200),
];

/** The wards of today that the former quận Long Biên mainly became. */
export const PRESENT_WARDS = [
  { key: "new-ward:viet-hung", name: "Việt Hưng" },
  { key: "new-ward:long-bien", name: "Long Biên" },
  { key: "new-ward:bo-de", name: "Bồ Đề" },
  { key: "new-ward:phuc-loi", name: "Phúc Lợi" },
] as const;

/** Key of one of a present ward's bodies below, e.g. `org:new-ward:viet-hung:ktht`. */
export function wardBodyKey(wardKey: string, body: WardBody): string {
  return `org:${wardKey}:${body}`;
}

export type WardBody = "vp" | "ktht" | "vhxh" | "hcc" | "vp-du" | "xdd" | "ubkt";

/**
 * The bodies a ward has had since 01/07/2025 besides the four in people.demo.ts (Đảng ủy, HĐND, UBND,
 * Ủy ban MTTQ).
 */
function wardBodies(wardKey: string, name: string): DemoOrganisation[] {
  const bodies: [WardBody, OrganisationKind, string][] = [
    ["vp-du", "party_board", `Văn phòng Đảng ủy phường ${name}`],
    ["xdd", "party_board", `Ban Xây dựng Đảng Đảng ủy phường ${name}`],
    ["ubkt", "party_board", `Ủy ban Kiểm tra Đảng ủy phường ${name}`],
    ["vp", "department", `Văn phòng HĐND và UBND phường ${name}`],
    ["ktht", "department", `Phòng Kinh tế, Hạ tầng và Đô thị phường ${name}`],
    ["vhxh", "department", `Phòng Văn hóa - Xã hội phường ${name}`],
    ["hcc", "centre", `Trung tâm Phục vụ hành chính công phường ${name}`],
  ];
  return bodies.map(([body, kind, orgName], i) => ({
    key: wardBodyKey(wardKey, body),
    unitKey: wardKey,
    kind,
    name: orgName,
    validFrom: NEW_WARDS_FROM,
    validTo: null,
    sortOrder: 100 + i * 10,
  }));
}

export const PRESENT_WARD_ORGANISATIONS: DemoOrganisation[] = PRESENT_WARDS.flatMap((w) =>
  wardBodies(w.key, w.name),
);

const GROUP_INTRO =
  "Tổ dân phố minh họa của dữ liệu mẫu (đặt theo tên làng cũ trên địa bàn), không phải danh sách tổ dân phố thật của phường.";

/** Residential groups of phường Việt Hưng: the ward assigns them targets and approves their figures. */
export const VIET_HUNG_GROUPS: DemoUnit[] = ["Lệ Mật", "Trường Lâm", "Kim Quan", "Ô Cách"].map(
  (name, i): DemoUnit => ({
    key: `group:viet-hung:${i + 1}`,
    name,
    level: "residential_group",
    code: null,
    validFrom: NEW_WARDS_FROM,
    validTo: null,
    parentKey: "new-ward:viet-hung",
    intro: GROUP_INTRO,
  }),
);
