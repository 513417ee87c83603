/**
 * Demo data: Hà Nội, the former quận Long Biên with its wards, and the wards that replaced them on
 * 01/07/2025 (domain.md §5).
 *
 * What is real and what is illustrative:
 * - Real: the district and its 14 wards, their statistics codes, the dates the district and wards
 *   existed (NĐ 132/2003/NĐ-CP of 06/11/2003 to 30/06/2025), Sài Đồng ending on 31/12/2024
 *   (NQ 1286/NQ-UBTVQH15), the four new wards Long Biên, Bồ Đề, Việt Hưng, Phúc Lợi from 01/07/2025
 *   (NQ 1656/NQ-UBTVQH15) and new Bồ Đề carrying old Ngọc Thụy's code 00118.
 * - Nominal: Hà Nội's start date (1945-01-01 only marks "long before any data here"); the codes of
 *   the new wards other than Bồ Đề; Hồng Hà, Gia Lâm and Bát Tràng have no code here.
 * - Illustrative: which part of each old ward went to which new unit and every population share.
 *   Each link says so in its note; check against the resolutions before using the numbers.
 * - Organisations are named after the usual structure of a district and a ward; their start dates
 *   are the district's start date, not the dates each body was actually founded.
 */

export type DemoLevel = "city" | "district" | "ward" | "commune" | "residential_group";

export interface DemoUnit {
  /** Stable key inside the demo data (ids are assigned by the database). */
  key: string;
  name: string;
  level: DemoLevel;
  code: string | null;
  validFrom: string;
  validTo: string | null;
  /** The parent for the unit's whole life, or null at the top. */
  parentKey: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  intro?: string | null;
}

export const LONG_BIEN_FROM = "2003-11-06";
export const LONG_BIEN_TO = "2025-06-30";
export const NEW_WARDS_FROM = "2025-07-01";
export const SAI_DONG_TO = "2024-12-31";
export const NQ_1656 = "Nghị quyết 1656/NQ-UBTVQH15";
export const NQ_1286 = "Nghị quyết 1286/NQ-UBTVQH15";

const ILLUSTRATIVE_1656 = "Tỷ lệ minh họa, cần đối chiếu Nghị quyết 1656/NQ-UBTVQH15.";
const ILLUSTRATIVE_1286 = "Tỷ lệ minh họa, cần đối chiếu Nghị quyết 1286/NQ-UBTVQH15.";

/** The 14 wards of quận Long Biên in 2019–2020, in statistics-code order. */
export const OLD_WARDS: { key: string; name: string; code: string; validTo?: string }[] = [
  { key: "ward:thuong-thanh", name: "Thượng Thanh", code: "00115" },
  { key: "ward:ngoc-thuy", name: "Ngọc Thụy", code: "00118" },
  { key: "ward:giang-bien", name: "Giang Biên", code: "00121" },
  { key: "ward:duc-giang", name: "Đức Giang", code: "00124" },
  { key: "ward:viet-hung", name: "Việt Hưng", code: "00127" },
  { key: "ward:gia-thuy", name: "Gia Thụy", code: "00130" },
  { key: "ward:ngoc-lam", name: "Ngọc Lâm", code: "00133" },
  { key: "ward:phuc-loi", name: "Phúc Lợi", code: "00136" },
  { key: "ward:bo-de", name: "Bồ Đề", code: "00139" },
  { key: "ward:sai-dong", name: "Sài Đồng", code: "00142", validTo: SAI_DONG_TO },
  { key: "ward:long-bien", name: "Long Biên", code: "00145" },
  { key: "ward:thach-ban", name: "Thạch Bàn", code: "00148" },
  { key: "ward:phuc-dong", name: "Phúc Đồng", code: "00151" },
  { key: "ward:cu-khoi", name: "Cự Khối", code: "00154" },
];

export const DEMO_UNITS: DemoUnit[] = [
  {
    key: "city:ha-noi",
    name: "Hà Nội",
    level: "city",
    code: "01",
    // Nominal start: the city is far older than any record kept here.
    validFrom: "1945-01-01",
    validTo: null,
    parentKey: null,
  },
  {
    key: "district:long-bien",
    name: "Long Biên",
    level: "district",
    code: "004",
    validFrom: LONG_BIEN_FROM,
    validTo: LONG_BIEN_TO,
    parentKey: "city:ha-noi",
    intro:
      "Quận Long Biên được thành lập theo Nghị định số 132/2003/NĐ-CP ngày 06/11/2003 của Chính phủ.\n\nTừ ngày 01/07/2025 Hà Nội không còn cấp quận, huyện; địa bàn quận được sắp xếp chủ yếu vào các phường Long Biên, Bồ Đề, Việt Hưng và Phúc Lợi.",
  },
  ...OLD_WARDS.map(
    (w): DemoUnit => ({
      key: w.key,
      name: w.name,
      level: "ward",
      code: w.code,
      validFrom: LONG_BIEN_FROM,
      validTo: w.validTo ?? LONG_BIEN_TO,
      parentKey: "district:long-bien",
      intro:
        w.key === "ward:thuong-thanh"
          ? "Phường Thượng Thanh thuộc quận Long Biên, được thành lập theo Nghị định số 132/2003/NĐ-CP ngày 06/11/2003 của Chính phủ."
          : null,
    }),
  ),
  // The wards directly under Hà Nội since 01/07/2025. Codes other than Bồ Đề's are nominal.
  newWard("new-ward:long-bien", "Long Biên", "ward", "00145"),
  newWard("new-ward:bo-de", "Bồ Đề", "ward", "00118"),
  newWard("new-ward:viet-hung", "Việt Hưng", "ward", "00127"),
  newWard("new-ward:phuc-loi", "Phúc Lợi", "ward", "00136"),
  // Units that received smaller parts of the former district; they were formed from other districts' wards too.
  newWard("new-ward:hong-ha", "Hồng Hà", "ward", null),
  newWard("new-commune:gia-lam", "Gia Lâm", "commune", null),
  newWard("new-commune:bat-trang", "Bát Tràng", "commune", null),
];

function newWard(key: string, name: string, level: DemoLevel, code: string | null): DemoUnit {
  const partial = key === "new-ward:hong-ha" || key.startsWith("new-commune:");
  return {
    key,
    name,
    level,
    code,
    validFrom: NEW_WARDS_FROM,
    validTo: null,
    parentKey: "city:ha-noi",
    intro: partial
      ? "Dữ liệu mẫu chỉ ghi phần địa bàn chuyển từ quận Long Biên cũ; các phần chuyển từ quận, huyện khác chưa được nhập."
      : null,
  };
}

export interface DemoSuccession {
  fromKey: string;
  toKey: string;
  effectiveDate: string;
  kind: "whole" | "part";
  /** Fraction 0–1 of the old unit's population. */
  populationShare: number | null;
  legalBasis: string;
  note: string;
}

function link(fromKey: string, toKey: string, populationShare: number | null): DemoSuccession {
  const whole = populationShare === null || populationShare === 1;
  return {
    fromKey,
    toKey,
    effectiveDate: NEW_WARDS_FROM,
    kind: whole ? "whole" : "part",
    populationShare: whole ? null : populationShare,
    legalBasis: NQ_1656,
    note: whole ? "Minh họa, cần đối chiếu Nghị quyết 1656/NQ-UBTVQH15." : ILLUSTRATIVE_1656,
  };
}

/**
 * Many-to-many: an old ward split across several new units has one link to each, with shares that
 * add up to 1. Sài Đồng went first, on 01/01/2025, into Phúc Đồng and Việt Hưng.
 */
export const DEMO_SUCCESSIONS: DemoSuccession[] = [
  {
    fromKey: "ward:sai-dong",
    toKey: "ward:phuc-dong",
    effectiveDate: "2025-01-01",
    kind: "part",
    populationShare: 0.6,
    legalBasis: NQ_1286,
    note: ILLUSTRATIVE_1286,
  },
  {
    fromKey: "ward:sai-dong",
    toKey: "ward:viet-hung",
    effectiveDate: "2025-01-01",
    kind: "part",
    populationShare: 0.4,
    legalBasis: NQ_1286,
    note: ILLUSTRATIVE_1286,
  },
  link("ward:thuong-thanh", "new-ward:viet-hung", 0.6),
  link("ward:thuong-thanh", "new-ward:bo-de", 0.4),
  link("ward:ngoc-thuy", "new-ward:bo-de", 0.9),
  link("ward:ngoc-thuy", "new-ward:hong-ha", 0.1),
  link("ward:giang-bien", "new-ward:viet-hung", 0.5),
  link("ward:giang-bien", "new-ward:phuc-loi", 0.5),
  link("ward:duc-giang", "new-ward:viet-hung", null),
  link("ward:viet-hung", "new-ward:viet-hung", 0.7),
  link("ward:viet-hung", "new-ward:phuc-loi", 0.3),
  link("ward:gia-thuy", "new-ward:bo-de", 0.6),
  link("ward:gia-thuy", "new-ward:long-bien", 0.4),
  link("ward:ngoc-lam", "new-ward:bo-de", 0.8),
  link("ward:ngoc-lam", "new-ward:long-bien", 0.2),
  link("ward:phuc-loi", "new-ward:phuc-loi", null),
  link("ward:bo-de", "new-ward:bo-de", null),
  link("ward:long-bien", "new-ward:long-bien", 0.8),
  link("ward:long-bien", "new-ward:bo-de", 0.2),
  link("ward:thach-ban", "new-ward:long-bien", 0.7),
  link("ward:thach-ban", "new-ward:phuc-loi", 0.3),
  link("ward:phuc-dong", "new-ward:long-bien", 0.6),
  link("ward:phuc-dong", "new-ward:viet-hung", 0.4),
  link("ward:cu-khoi", "new-ward:long-bien", 0.6),
  link("ward:cu-khoi", "new-commune:bat-trang", 0.3),
  link("ward:cu-khoi", "new-commune:gia-lam", 0.1),
];
