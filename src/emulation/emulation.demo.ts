/**
 * The emulation part of the demo story (reference article of 02/01/2020): Long Biên's 14 wards
 * compete in 2019; Thượng Thanh ranks 1/14, is placed first by UBMTTQ, Tuyên giáo, Y tế, Tài chính and
 * Giáo dục, its party committee is rated "Hoàn thành xuất sắc nhiệm vụ", and the district's emulation
 * council proposes it for the Government's and the City's emulation flags.
 *
 * Real (from the article): the ranking 1/14, the five departments placing it first, the quality level,
 * the two proposals. ILLUSTRATIVE (invented to make a working example, marked "minh họa" wherever
 * shown): the criteria tree and its points, every other ward's scores and ranks, the other wards'
 * quality ratings, Thượng Thanh's manual scores and bonus.
 */

export const ILLUSTRATIVE = "minh họa";

/** The 14 wards of quận Long Biên in 2019, Thượng Thanh first. */
export const WARD_NAMES = [
  "Thượng Thanh",
  "Ngọc Thụy",
  "Giang Biên",
  "Đức Giang",
  "Việt Hưng",
  "Gia Thụy",
  "Ngọc Lâm",
  "Phúc Lợi",
  "Bồ Đề",
  "Sài Đồng",
  "Long Biên",
  "Thạch Bàn",
  "Phúc Đồng",
  "Cự Khối",
];

/** The departments that assess wards, found by a distinctive part of their name. */
export const ASSESSING_DEPARTMENTS = [
  { key: "mttq", match: "MTTQ", criterion: "B.1" },
  { key: "tuyen-giao", match: "Tuyên giáo", criterion: "B.2" },
  { key: "y-te", match: "Phòng Y tế", criterion: "B.3" },
  { key: "tai-chinh", match: "Tài chính", criterion: "B.4" },
  { key: "giao-duc", match: "Giáo dục", criterion: "B.5" },
] as const;

export interface DemoCriterion {
  code: string;
  parent: string | null;
  name: string;
  kind: "group" | "manual" | "indicator_rule" | "assessment" | "bonus" | "deduction";
  max: number;
  indicator?: string;
  /** A key of ASSESSING_DEPARTMENTS, or a name match for the reviewing department. */
  department?: string;
  rule?: string;
  fixed?: number;
}

/** 1.000 points = 950 content (400 + 300 + 250) + 50 bonus; deductions up to 100 on top. Illustrative. */
export const DEMO_CRITERIA: DemoCriterion[] = [
  { code: "A", parent: null, name: "Thực hiện các chỉ tiêu kinh tế – xã hội", kind: "group", max: 400 },
  {
    code: "A.1",
    parent: "A",
    name: "Thu ngân sách",
    kind: "indicator_rule",
    max: 100,
    indicator: "THU_NS",
    rule: "met_full_else_pro_rata",
  },
  {
    code: "A.2",
    parent: "A",
    name: "Hộ gia đình văn hóa",
    kind: "indicator_rule",
    max: 100,
    indicator: "GDVH",
    rule: "met_full_else_pro_rata",
  },
  {
    code: "A.3",
    parent: "A",
    name: "Tổ dân phố văn hóa",
    kind: "indicator_rule",
    max: 100,
    indicator: "TDPVH",
    rule: "met_full_else_pro_rata",
  },
  {
    code: "A.4",
    parent: "A",
    name: "Hộ thoát nghèo",
    kind: "indicator_rule",
    max: 100,
    indicator: "HO_THOAT_NGHEO",
    rule: "met_full_else_zero",
  },
  {
    code: "B",
    parent: null,
    name: "Kết quả các lĩnh vực do phòng, ban, đoàn thể quận đánh giá",
    kind: "group",
    max: 300,
  },
  {
    code: "B.1",
    parent: "B",
    name: "Công tác Mặt trận",
    kind: "assessment",
    max: 60,
    department: "mttq",
    rule: "assessment_rank",
  },
  {
    code: "B.2",
    parent: "B",
    name: "Công tác tuyên giáo",
    kind: "assessment",
    max: 60,
    department: "tuyen-giao",
    rule: "assessment_rank",
  },
  {
    code: "B.3",
    parent: "B",
    name: "Công tác y tế",
    kind: "assessment",
    max: 60,
    department: "y-te",
    rule: "assessment_rank",
  },
  {
    code: "B.4",
    parent: "B",
    name: "Công tác tài chính – ngân sách",
    kind: "assessment",
    max: 60,
    department: "tai-chinh",
    rule: "assessment_rank",
  },
  {
    code: "B.5",
    parent: "B",
    name: "Công tác giáo dục",
    kind: "assessment",
    max: 60,
    department: "giao-duc",
    rule: "assessment_rank",
  },
  { code: "C", parent: null, name: "Xây dựng Đảng và chính quyền", kind: "group", max: 250 },
  { code: "C.1", parent: "C", name: "Xây dựng Đảng, hệ thống chính trị", kind: "manual", max: 130 },
  {
    code: "C.2",
    parent: "C",
    name: "Cải cách hành chính",
    kind: "manual",
    max: 120,
    department: "Phòng Nội vụ",
  },
  { code: "D", parent: null, name: "Điểm thưởng", kind: "group", max: 50 },
  { code: "D.1", parent: "D", name: "Cờ thi đua của Chính phủ", kind: "bonus", max: 15, fixed: 15 },
  { code: "D.2", parent: "D", name: "Cờ thi đua của UBND Thành phố", kind: "bonus", max: 10, fixed: 10 },
  { code: "D.3", parent: "D", name: "Bằng khen của UBND Thành phố", kind: "bonus", max: 25, fixed: 5 },
  { code: "E", parent: null, name: "Điểm trừ", kind: "group", max: 100 },
  { code: "E.1", parent: "E", name: "Chậm gửi báo cáo định kỳ", kind: "deduction", max: 50, fixed: 5 },
  {
    code: "E.2",
    parent: "E",
    name: "Để phát sinh vi phạm trật tự xây dựng",
    kind: "deduction",
    max: 50,
    fixed: 10,
  },
];

type Entry = { code: string; points: number; comment: string | null };

/**
 * The council's typed points of ward number `k` (0 = Thượng Thanh, 1–13 the others): manual criteria,
 * bonuses and deductions. Thượng Thanh's lead does not depend on the targets data: even with full
 * indicator points and second place in every department, no other ward reaches its total.
 */
export function councilEntries(k: number): Entry[] {
  if (k === 0) {
    return [
      { code: "C.1", points: 126, comment: `Lãnh đạo toàn diện, đoàn kết (${ILLUSTRATIVE})` },
      { code: "C.2", points: 117, comment: `Duy trì mô hình "một cửa gần dân thân thiện" (${ILLUSTRATIVE})` },
      { code: "D.3", points: 10, comment: `2 Bằng khen của UBND Thành phố năm 2019 (${ILLUSTRATIVE})` },
    ];
  }
  const entries: Entry[] = [
    { code: "C.1", points: 100 + ((k * 7) % 20), comment: null },
    { code: "C.2", points: 95 + ((k * 5) % 20), comment: null },
  ];
  if (k % 4 === 0)
    entries.push({ code: "D.3", points: 5, comment: `1 Bằng khen của UBND Thành phố (${ILLUSTRATIVE})` });
  if (k % 5 === 2)
    entries.push({ code: "E.1", points: 5, comment: `Chậm gửi báo cáo quý (${ILLUSTRATIVE})` });
  return entries;
}

/** Thượng Thanh's own self-assessment and the reviewers' points: the three columns of the score sheet. */
export const THUONG_THANH_SELF: Entry[] = [
  { code: "C.1", points: 128, comment: null },
  { code: "C.2", points: 118, comment: null },
  { code: "D.3", points: 10, comment: `2 Bằng khen của UBND Thành phố năm 2019 (${ILLUSTRATIVE})` },
];
export const THUONG_THANH_REVIEW: Entry[] = [
  { code: "C.1", points: 126, comment: null },
  { code: "C.2", points: 117, comment: `Phòng Nội vụ thẩm định (${ILLUSTRATIVE})` },
  { code: "D.3", points: 10, comment: `2 Bằng khen của UBND Thành phố năm 2019 (${ILLUSTRATIVE})` },
];

/** The rank department `d` gives ward `k`: Thượng Thanh first everywhere, the others rotated. */
export function departmentRank(d: number, k: number): number {
  if (k === 0) return 1;
  return 2 + ((k - 1 + d * 3) % 13);
}

/**
 * Party committee ratings of 2019 (100-point scale, task counts). Thượng Thanh's task counts come from
 * its evaluated targets when the targets demo is loaded (16 exceeded of 16). Three wards qualify for
 * excellence; 20% of the twelve rated good or better is two places, so the third moves down: the quota
 * at work.
 */
export function partyRating(k: number): {
  score: number;
  tasks: { total: number; onTime: number; exceeded: number };
} {
  if (k === 0) return { score: 96, tasks: { total: 16, onTime: 16, exceeded: 16 } };
  if (k === 4) return { score: 93, tasks: { total: 12, onTime: 12, exceeded: 5 } };
  if (k === 12) return { score: 91, tasks: { total: 12, onTime: 12, exceeded: 4 } };
  if (k === 6 || k === 9) return { score: 82, tasks: { total: 12, onTime: 11, exceeded: 3 } };
  return { score: 72 + ((k * 7) % 17), tasks: { total: 12, onTime: 12, exceeded: (k % 3) + 1 } };
}

export const PROPOSING_BODY = "Hội đồng Thi đua - Khen thưởng quận Long Biên";
export const AWARD_BASIS =
  "Xếp thứ 1/14 phường trong thi đua năm 2019; hoàn thành vượt mức 16 chỉ tiêu; Đảng bộ phường hoàn thành xuất sắc nhiệm vụ (theo bài viết ngày 02/01/2020).";
