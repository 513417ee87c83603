import { formatDateVi } from "../core/format/vi-date.js";
import { formatViPercent } from "../core/format/vi-number.js";

/**
 * Vietnamese words for the codes stored with units and organisations, and the short phrases the unit
 * pages print. Pure: no I/O, safe to use from any module (the portal shows an article's unit with
 * `unitDisplayName`).
 */

/** The word written before a unit's name ("Phường Thượng Thanh"). */
export const LEVEL_LABELS: Record<string, string> = {
  city: "Thành phố",
  province: "Tỉnh",
  district: "Quận",
  ward: "Phường",
  commune: "Xã",
  town: "Thị trấn",
  residential_group: "Tổ dân phố",
};

/** Higher levels first: lists of units read top-down. Unknown levels go last. */
const LEVEL_ORDER = ["city", "province", "district", "ward", "commune", "town", "residential_group"];

export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? level;
}

export function levelRank(level: string): number {
  const index = LEVEL_ORDER.indexOf(level);
  return index < 0 ? LEVEL_ORDER.length : index;
}

/** "Phường Thượng Thanh", "Thành phố Hà Nội", "Quận Long Biên". */
export function unitDisplayName(unit: { name: string; level: string }): string {
  return `${levelLabel(unit.level)} ${unit.name}`;
}

export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  party_committee: "Cấp ủy Đảng",
  party_board: "Cơ quan tham mưu, giúp việc cấp ủy",
  peoples_council: "Hội đồng nhân dân",
  peoples_committee: "Ủy ban nhân dân",
  fatherland_front: "Mặt trận Tổ quốc",
  department: "Phòng, ban chuyên môn",
  centre: "Đơn vị sự nghiệp",
  other: "Tổ chức khác",
};

export function organisationKindLabel(kind: string): string {
  return ORGANISATION_KIND_LABELS[kind] ?? kind;
}

/** "Từ 06/11/2003 đến 30/06/2025", or "Từ 06/11/2003, đang hoạt động" while it still exists. */
export function validityText(unit: { validFrom: string; validTo: string | null }): string {
  const from = `Từ ${formatDateVi(unit.validFrom)}`;
  return unit.validTo === null ? `${from}, đang hoạt động` : `${from} đến ${formatDateVi(unit.validTo)}`;
}

/** Alphabetical order as Vietnamese readers expect (Bồ Đề before Cự Khối before Đức Giang). */
const collator = new Intl.Collator("vi", { sensitivity: "base" });

export function compareUnitNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * "một phần, 40% dân số, 35% diện tích" / "toàn bộ": how much of a unit a succession link moved.
 * Shares are stored as fractions (0.4 = 40%).
 */
export function successionShareText(link: {
  kind: string;
  populationShare: number | null;
  areaShare: number | null;
}): string {
  const parts = [link.kind === "whole" ? "toàn bộ" : "một phần"];
  if (link.populationShare !== null) parts.push(`${formatViPercent(link.populationShare * 100)} dân số`);
  if (link.areaShare !== null) parts.push(`${formatViPercent(link.areaShare * 100)} diện tích`);
  return parts.join(", ");
}
