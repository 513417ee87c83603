/**
 * Demo data: the organisations of Hà Nội, quận Long Biên and its wards, and the people named in the
 * reference article of 02/01/2020 with the positions it gives them.
 *
 * What is real and what is illustrative:
 * - People and titles are exactly those printed in the article. Only that they held them on
 *   02/01/2020 is known: every position starts "unknown" (valid_from null) and has no end date, and
 *   each biography says where the information comes from.
 * - Organisations follow the usual structure of a district and a ward of that period; their dates
 *   are the unit's dates (nominal), not the date each body was founded.
 */

import { LONG_BIEN_FROM, LONG_BIEN_TO, NEW_WARDS_FROM, OLD_WARDS } from "./units.demo.js";

export type OrganisationKind =
  | "party_committee"
  | "party_board"
  | "peoples_council"
  | "peoples_committee"
  | "fatherland_front"
  | "department"
  | "centre"
  | "other";

export interface DemoOrganisation {
  key: string;
  unitKey: string;
  kind: OrganisationKind;
  name: string;
  validFrom: string;
  validTo: string | null;
  sortOrder: number;
}

const DISTRICT = "district:long-bien";

function districtOrg(key: string, kind: OrganisationKind, name: string, sortOrder: number): DemoOrganisation {
  return { key, unitKey: DISTRICT, kind, name, validFrom: LONG_BIEN_FROM, validTo: LONG_BIEN_TO, sortOrder };
}

const DISTRICT_ORGANISATIONS: DemoOrganisation[] = [
  districtOrg("org:quan-uy", "party_committee", "Quận ủy Long Biên", 10),
  districtOrg("org:btv-quan-uy", "party_board", "Ban Thường vụ Quận ủy Long Biên", 20),
  districtOrg("org:hdnd-quan", "peoples_council", "HĐND quận Long Biên", 30),
  districtOrg("org:ubnd-quan", "peoples_committee", "UBND quận Long Biên", 40),
  districtOrg("org:ubmttq-quan", "fatherland_front", "Ủy ban MTTQ Việt Nam quận Long Biên", 50),
  districtOrg("org:ban-tuyen-giao", "party_board", "Ban Tuyên giáo Quận ủy Long Biên", 60),
  districtOrg("org:trung-tam-chinh-tri", "centre", "Trung tâm Chính trị quận Long Biên", 70),
  ...[
    "Phòng Tài chính - Kế hoạch quận Long Biên",
    "Phòng Y tế quận Long Biên",
    "Phòng Giáo dục và Đào tạo quận Long Biên",
    "Phòng Tài nguyên và Môi trường quận Long Biên",
    "Phòng Quản lý đô thị quận Long Biên",
    "Phòng Văn hóa và Thông tin quận Long Biên",
    "Phòng Nội vụ quận Long Biên",
    "Phòng Lao động - Thương binh và Xã hội quận Long Biên",
    "Thanh tra quận Long Biên",
  ].map((name, i) => districtOrg(`org:phong-${i + 1}`, "department", name, 100 + i)),
  districtOrg("org:bcd-197", "other", "Ban Chỉ đạo 197 quận Long Biên", 200),
];

/** The four bodies every ward and commune has, plus anything listed in `extra`. */
function wardOrganisations(
  unitKey: string,
  wardName: string,
  validFrom: string,
  validTo: string | null,
  level: "phường" | "xã" = "phường",
  extra: { kind: OrganisationKind; name: string }[] = [],
): DemoOrganisation[] {
  const base: { kind: OrganisationKind; name: string }[] = [
    { kind: "party_committee", name: `Đảng ủy ${level} ${wardName}` },
    { kind: "peoples_council", name: `HĐND ${level} ${wardName}` },
    { kind: "peoples_committee", name: `UBND ${level} ${wardName}` },
    { kind: "fatherland_front", name: `Ủy ban MTTQ Việt Nam ${level} ${wardName}` },
    ...extra,
  ];
  return base.map((o, i) => ({
    key: `org:${unitKey}:${i + 1}`,
    unitKey,
    kind: o.kind,
    name: o.name,
    validFrom,
    validTo,
    sortOrder: (i + 1) * 10,
  }));
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: "org:thanh-uy",
    unitKey: "city:ha-noi",
    kind: "party_committee",
    name: "Thành ủy Hà Nội",
    validFrom: "1945-01-01",
    validTo: null,
    sortOrder: 10,
  },
  {
    key: "org:hdnd-tp",
    unitKey: "city:ha-noi",
    kind: "peoples_council",
    name: "HĐND Thành phố Hà Nội",
    validFrom: "1945-01-01",
    validTo: null,
    sortOrder: 20,
  },
  {
    key: "org:ubnd-tp",
    unitKey: "city:ha-noi",
    kind: "peoples_committee",
    name: "UBND Thành phố Hà Nội",
    validFrom: "1945-01-01",
    validTo: null,
    sortOrder: 30,
  },
  ...DISTRICT_ORGANISATIONS,
  ...OLD_WARDS.flatMap((ward) =>
    wardOrganisations(
      ward.key,
      ward.name,
      LONG_BIEN_FROM,
      ward.validTo ?? LONG_BIEN_TO,
      "phường",
      ward.key === "ward:thuong-thanh"
        ? [{ kind: "other", name: "Bộ phận một cửa phường Thượng Thanh" }]
        : [],
    ),
  ),
  ...wardOrganisations("new-ward:long-bien", "Long Biên", NEW_WARDS_FROM, null),
  ...wardOrganisations("new-ward:bo-de", "Bồ Đề", NEW_WARDS_FROM, null),
  ...wardOrganisations("new-ward:viet-hung", "Việt Hưng", NEW_WARDS_FROM, null),
  ...wardOrganisations("new-ward:phuc-loi", "Phúc Lợi", NEW_WARDS_FROM, null),
];

/** Keys of Thượng Thanh's bodies, for the positions below. */
const TT_PARTY = "org:ward:thuong-thanh:1";
const TT_COUNCIL = "org:ward:thuong-thanh:2";

export interface DemoPosition {
  organisationKey: string;
  title: string;
  isLeader: boolean;
  sortOrder: number;
}

export interface DemoPerson {
  key: string;
  fullName: string;
  biography: string;
  positions: DemoPosition[];
}

const SOURCE = "Chức vụ theo bài viết ngày 02/01/2020";

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: "person:do-manh-hai",
    fullName: "Đỗ Mạnh Hải",
    biography: `${SOURCE}: Bí thư Quận ủy, Chủ tịch HĐND quận Long Biên.`,
    positions: [
      { organisationKey: "org:quan-uy", title: "Bí thư Quận ủy", isLeader: true, sortOrder: 10 },
      { organisationKey: "org:hdnd-quan", title: "Chủ tịch HĐND quận", isLeader: true, sortOrder: 10 },
    ],
  },
  {
    key: "person:duong-hoai-nam",
    fullName: "Đường Hoài Nam",
    biography: `${SOURCE}: Phó Bí thư Thường trực Quận ủy Long Biên.`,
    positions: [
      {
        organisationKey: "org:quan-uy",
        title: "Phó Bí thư Thường trực Quận ủy",
        isLeader: true,
        sortOrder: 20,
      },
    ],
  },
  {
    key: "person:nguyen-manh-ha",
    fullName: "Nguyễn Mạnh Hà",
    biography: `${SOURCE}: Phó Bí thư Quận ủy, Chủ tịch UBND quận Long Biên.`,
    positions: [
      { organisationKey: "org:quan-uy", title: "Phó Bí thư Quận ủy", isLeader: true, sortOrder: 30 },
      { organisationKey: "org:ubnd-quan", title: "Chủ tịch UBND quận", isLeader: true, sortOrder: 10 },
    ],
  },
  {
    key: "person:nguyen-the-thach",
    fullName: "Nguyễn Thế Thạch",
    biography: `${SOURCE}: Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Quận ủy, Giám đốc Trung tâm Chính trị quận Long Biên.`,
    positions: [
      {
        organisationKey: "org:btv-quan-uy",
        title: "Ủy viên Ban Thường vụ Quận ủy",
        isLeader: true,
        sortOrder: 40,
      },
      {
        organisationKey: "org:ban-tuyen-giao",
        title: "Trưởng Ban Tuyên giáo Quận ủy",
        isLeader: true,
        sortOrder: 10,
      },
      {
        organisationKey: "org:trung-tam-chinh-tri",
        title: "Giám đốc Trung tâm Chính trị quận",
        isLeader: true,
        sortOrder: 10,
      },
    ],
  },
  {
    key: "person:pham-thi-minh-hong",
    fullName: "Phạm Thị Minh Hồng",
    biography: `${SOURCE}: Bí thư Đảng ủy, Chủ tịch HĐND phường Thượng Thanh.`,
    positions: [
      { organisationKey: TT_PARTY, title: "Bí thư Đảng ủy phường", isLeader: true, sortOrder: 10 },
      { organisationKey: TT_COUNCIL, title: "Chủ tịch HĐND phường", isLeader: true, sortOrder: 10 },
    ],
  },
];
