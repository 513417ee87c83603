/**
 * The award rules in force for a year (issue 12): which collective titles the law of the time had, so
 * a 2019 proposal is checked against the law of 2019 and the page names it. Pure data and a lookup.
 *
 * Sources:
 * - Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005 và 2013) with Nghị định
 *   91/2017/NĐ-CP ngày 31/7/2017 (in force from 01/10/2017): collective titles Cờ thi đua của Chính
 *   phủ, Cờ thi đua cấp bộ, ban, ngành, tỉnh, Tập thể lao động xuất sắc, Tập thể lao động tiên tiến,
 *   thôn, tổ dân phố văn hóa. It had no "Xã, phường, thị trấn tiêu biểu".
 * - Luật Thi đua, khen thưởng số 06/2022/QH15 with Nghị định 98/2023/NĐ-CP (both in force from
 *   01/01/2024), which added the title "Xã, phường, thị trấn tiêu biểu" (domain.md §3).
 */
import type { AwardTitle } from "./award-titles.model.js";

export interface AwardRuleSet {
  code: "luat-2003-nd91" | "luat-2022-nd98";
  /** As printed after "Căn cứ". */
  name: string;
  /** First and last day of the years judged by it (a year is judged at its last day). */
  validFrom: string;
  validTo: string | null;
  /** The collective titles that exist under it. */
  titles: readonly AwardTitle[];
}

const TITLES_2003: readonly AwardTitle[] = [
  "co_thi_dua_chinh_phu",
  "co_thi_dua_ubnd_thanh_pho",
  "co_thi_dua_bo_nganh",
  "tap_the_lao_dong_xuat_sac",
  "tap_the_lao_dong_tien_tien",
  "to_dan_pho_van_hoa",
];

export const AWARD_RULE_SETS: readonly AwardRuleSet[] = [
  {
    code: "luat-2003-nd91",
    name: "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013) và Nghị định 91/2017/NĐ-CP",
    validFrom: "2017-10-01",
    validTo: "2023-12-31",
    titles: TITLES_2003,
  },
  {
    code: "luat-2022-nd98",
    name: "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP",
    validFrom: "2024-01-01",
    validTo: null,
    titles: [...TITLES_2003, "xa_phuong_tieu_bieu"],
  },
];

/** The award rules for the proposals of `year`; null for a year before the first rule set kept (2017). */
export function awardRulesForYear(year: string): AwardRuleSet | null {
  const date = `${year}-12-31`;
  return (
    AWARD_RULE_SETS.find((r) => r.validFrom <= date && (r.validTo === null || r.validTo >= date)) ?? null
  );
}
