/**
 * The rule sets of quality levels (xếp loại chất lượng) of collectives and party organisations, each
 * with the period it was in force, so a year is judged by the rules of its time (issue 12): 2019 by
 * QĐ 132-QĐ/TW and Hướng dẫn 21-HD/BTCTW, 2025 onwards by QĐ 366-QĐ/TW. Pure data and a lookup.
 *
 * Sources (checked against public copies of the texts, December 2026):
 * - Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về việc kiểm điểm và đánh giá, xếp loại chất
 *   lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị; guided by Hướng dẫn 16-HD/BTCTW
 *   ngày 24/9/2018 (the 2018 review) and, from 18/10/2019, Hướng dẫn 21-HD/BTCTW (the 2019 review
 *   onwards; thuvienphapluat.vn "Tiêu chuẩn đánh giá tập thể lãnh đạo, quản lý hoàn thành xuất sắc
 *   nhiệm vụ từ 18/10/2019"). Levels come from criteria graded Xuất sắc / Tốt / Trung bình / Kém:
 *   excellent needs the criteria on party building and on the socio-economic tasks assigned graded
 *   "Xuất sắc" and the others at least "Tốt"; "Hoàn thành xuất sắc nhiệm vụ" is limited to 20% of those
 *   rated "Hoàn thành tốt nhiệm vụ", per kind of collective. There is no "≥ 30% exceeded" condition.
 * - Quy định 124-QĐ/TW ngày 04/10/2023 replaced QĐ 132 for the reviews of 2023 and 2024; its criteria
 *   are taken here as QĐ 132's (graded criteria, 20% quota) until a reviewer checks its text.
 * - Quy định 366-QĐ/TW ngày 30/8/2025 (replacing QĐ 124): a 100-point scale, excellent ≥ 90 with every
 *   task done on time and at least 30% exceeded; good 70–< 90 with every task on time; completed
 *   50–< 70; the 20% quota (domain.md §3).
 *
 * Hà Nội practice before QĐ 366: the districts scored the graded criteria on a 100-point table (biểu
 * điểm; e.g. Quyết định 2566-QĐ/TU of 2017 for the party committees under the city, each district's
 * own table for its wards), so a score is recorded for every year. For the QĐ 132 and QĐ 124 rule sets
 * the bands below read such a table (90 / 70 / 50) and "every task done" stands for the criteria graded
 * "Tốt" or better; the name shown says which rules judged the year.
 */

export type QualityRuleSetCode = "qd132-hd16" | "qd132-hd21" | "qd124" | "qd366";

export interface QualityRuleSet {
  code: QualityRuleSetCode;
  /** The documents, as printed after "Tiêu chí xếp loại theo". */
  name: string;
  /** First and last day the rule set applies to a review (a year is judged at its last day). */
  validFrom: string;
  validTo: string | null;
  /** Lowest scores of the bands: excellent, good, completed. */
  bands: { excellent: number; good: number; completed: number };
  /** Label of the condition "every task done" (good and above). */
  allTasksLabel: string;
  /** Least share of tasks exceeded for excellent, in percent; null when the rules set none. */
  exceededAtLeastPercent: number | null;
  /** The quota of excellent, in percent of those rated good or better. */
  quotaPercent: number;
}

const GRADED_BANDS = { excellent: 90, good: 70, completed: 50 };

export const QUALITY_RULE_SETS: readonly QualityRuleSet[] = [
  {
    code: "qd132-hd16",
    name: "Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị và Hướng dẫn 16-HD/BTCTW ngày 24/9/2018 của Ban Tổ chức Trung ương",
    validFrom: "2018-03-08",
    validTo: "2019-10-17",
    bands: GRADED_BANDS,
    allTasksLabel: "Các chỉ tiêu, nhiệm vụ được giao đều hoàn thành",
    exceededAtLeastPercent: null,
    quotaPercent: 20,
  },
  {
    code: "qd132-hd21",
    name: "Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị và Hướng dẫn 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương",
    validFrom: "2019-10-18",
    validTo: "2023-10-03",
    bands: GRADED_BANDS,
    allTasksLabel: "Các chỉ tiêu, nhiệm vụ được giao đều hoàn thành",
    exceededAtLeastPercent: null,
    quotaPercent: 20,
  },
  {
    code: "qd124",
    name: "Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị",
    validFrom: "2023-10-04",
    validTo: "2025-08-29",
    bands: GRADED_BANDS,
    allTasksLabel: "Các chỉ tiêu, nhiệm vụ được giao đều hoàn thành",
    exceededAtLeastPercent: null,
    quotaPercent: 20,
  },
  {
    code: "qd366",
    name: "Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị",
    validFrom: "2025-08-30",
    validTo: null,
    bands: { excellent: 90, good: 70, completed: 50 },
    allTasksLabel: "Tất cả nhiệm vụ hoàn thành đúng hạn",
    exceededAtLeastPercent: 30,
    quotaPercent: 20,
  },
];

/** The rule set of today's reviews: QĐ 366-QĐ/TW. */
export const CURRENT_QUALITY_RULES = QUALITY_RULE_SETS[QUALITY_RULE_SETS.length - 1] as QualityRuleSet;

/**
 * The rule set in force for the review of `year`: the one valid on the year's last day. Null for a
 * year before the first rule set kept here (2018): such a year is not judged by later rules.
 */
export function qualityRulesForYear(year: string): QualityRuleSet | null {
  const date = `${year}-12-31`;
  return (
    QUALITY_RULE_SETS.find((r) => r.validFrom <= date && (r.validTo === null || r.validTo >= date)) ?? null
  );
}

/** A rule set by code (stored with each rating); today's when the code is unknown or absent. */
export function qualityRulesByCode(code: string | undefined): QualityRuleSet {
  return QUALITY_RULE_SETS.find((r) => r.code === code) ?? CURRENT_QUALITY_RULES;
}

/** "Tiêu chí xếp loại theo Quy định 132-QĐ/TW …": how the page names the rules that judged a year. */
export function qualityRulesTitle(rules: QualityRuleSet): string {
  return `Tiêu chí xếp loại theo ${rules.name}`;
}
