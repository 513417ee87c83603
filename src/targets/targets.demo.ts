/**
 * The demo's indicators and figures. Thượng Thanh's are chosen so that the computed figures reproduce
 * what the reference article (02/01/2020) reports where its arithmetic is consistent; everything else
 * is illustrative. Each figure carries a note saying which it is. Pure data: no I/O.
 *
 * The illustrative indicators stay under 104% of their targets (or are ceilings, which have no
 * percentage), so the five "vượt cao" highlights of the generated paragraph are the article's five.
 */

import type { Aggregation } from "./catalogue/indicator.model.js";
import type { Direction } from "./evaluation/evaluation.math.js";

export const INFERRED = "Số liệu suy ra để khớp bài viết";
export const ILLUSTRATIVE = "Số liệu minh họa";

export interface DemoIndicator {
  code: string;
  name: string;
  field: string;
  unit: string;
  valueType: "number" | "rate";
  direction: Direction;
  mode: "ratio" | "points";
  aggregation: Aggregation;
  /** Keyword of the district department answering for it (matched against organisation names). */
  department: string;
  /** Thượng Thanh 2015…2019, approved final figures. */
  series: [number, number, number, number, number];
  /** Thượng Thanh's 2019 target; `shared` when the district set it for every ward. */
  target2019: number;
  shared: boolean;
  /** Term 2015–2020 target (Nghị quyết Đại hội Đảng bộ phường lần thứ XXVI). */
  termTarget: number;
  /** Thượng Thanh's 2020 target, for the data-entry demo (null: none set yet). */
  target2020: number | null;
  /** Which of Thượng Thanh's figures come from the article's arithmetic. */
  inferred: boolean;
  /** Anything the article says that the figures cannot honestly reproduce. */
  remark?: string;
}

export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: "THU_NS",
    name: "Thu ngân sách nhà nước trên địa bàn",
    field: "Kinh tế",
    unit: "tỷ đồng",
    valueType: "number",
    direction: "higher_is_better",
    mode: "ratio",
    aggregation: "mean",
    department: "Tài chính",
    // 44,4 ÷ 40 = 111%; (32,4 + 34,5 + 37,1 + 39,6 + 44,4) ÷ 5 = 37,6; 37,6 ÷ 34,8 = 108,05% (vượt 8%).
    series: [32.4, 34.5, 37.1, 39.6, 44.4],
    target2019: 40,
    shared: false,
    termTarget: 34.8,
    target2020: 42,
    inferred: true,
  },
  {
    code: "GDVH",
    name: "Tỷ lệ hộ gia đình được công nhận “Gia đình văn hóa”",
    field: "Văn hóa – xã hội",
    unit: "%",
    valueType: "rate",
    direction: "higher_is_better",
    mode: "points",
    aggregation: "mean",
    department: "Văn hóa",
    // 91,52 ÷ 88 = 104%; mean 90,42% vs 88% = 2,42 điểm phần trăm.
    series: [89.1, 89.8, 90.6, 91.08, 91.52],
    target2019: 88,
    shared: true,
    termTarget: 88,
    target2020: 88,
    inferred: true,
  },
  {
    code: "TDPVH",
    name: "Tỷ lệ tổ dân phố được công nhận “Tổ dân phố văn hóa”",
    field: "Văn hóa – xã hội",
    unit: "%",
    valueType: "rate",
    direction: "higher_is_better",
    mode: "points",
    aggregation: "mean",
    department: "Văn hóa",
    // 83,75 ÷ 67 = 125%; mean 82,65% vs 67% = 15,65 điểm phần trăm.
    series: [80.2, 81.5, 83, 84.8, 83.75],
    target2019: 67,
    shared: true,
    termTarget: 67,
    target2020: 70,
    inferred: true,
  },
  {
    code: "KET_NAP_DV",
    name: "Số đảng viên được kết nạp",
    field: "Xây dựng Đảng",
    unit: "đảng viên",
    valueType: "number",
    direction: "higher_is_better",
    mode: "ratio",
    aggregation: "sum",
    department: "Tổ chức",
    // 16 ÷ 8 = 200%; 12 + 13 + 14 + 15 + 16 = 70 = 140% of 50.
    series: [12, 13, 14, 15, 16],
    target2019: 8,
    shared: false,
    termTarget: 50,
    target2020: 10,
    inferred: true,
  },
  {
    code: "HO_THOAT_NGHEO",
    name: "Số hộ thoát nghèo",
    field: "Văn hóa – xã hội",
    unit: "hộ",
    valueType: "number",
    direction: "higher_is_better",
    mode: "ratio",
    aggregation: "mean",
    department: "Lao động",
    // 10 ÷ 2 = 500%; (13 + 12 + 11 + 9 + 10) ÷ 5 = 11 hộ/năm.
    series: [13, 12, 11, 9, 10],
    target2019: 2,
    shared: false,
    termTarget: 2,
    target2020: null,
    inferred: true,
    remark:
      "Bài viết ghi “vượt 441%” cho cả nhiệm kỳ: không suy ra được từ một mức kế hoạch; mức 2 hộ/năm là số minh họa.",
  },
  {
    code: "TY_LE_HO_NGHEO",
    name: "Tỷ lệ hộ nghèo",
    field: "Văn hóa – xã hội",
    unit: "%",
    valueType: "rate",
    direction: "lower_is_better",
    mode: "points",
    aggregation: "end",
    department: "Lao động",
    // Down to 0,17% at the end of the term, under a 0,5% ceiling. 2020: "phường xóa hết hộ nghèo".
    series: [0.62, 0.48, 0.35, 0.25, 0.17],
    target2019: 0.3,
    shared: false,
    termTarget: 0.5,
    target2020: 0,
    inferred: true,
  },
  {
    code: "SINH_CON_3",
    name: "Tỷ lệ sinh con thứ 3 trở lên",
    field: "Văn hóa – xã hội",
    unit: "%",
    valueType: "rate",
    direction: "lower_is_better",
    mode: "points",
    aggregation: "mean",
    department: "Y tế",
    // 3,40 → 3,26: down 0,14 points on the year before, as the article says.
    series: [4.1, 3.9, 3.6, 3.4, 3.26],
    target2019: 3.5,
    shared: true,
    termTarget: 4,
    target2020: null,
    inferred: true,
    remark: "Bài viết ghi “vượt 111,6 %”: không rõ so với mức nào nên không tái tạo.",
  },
  {
    code: "DV_HTTNV",
    name: "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên",
    field: "Xây dựng Đảng",
    unit: "%",
    valueType: "rate",
    direction: "floor",
    mode: "points",
    aggregation: "mean",
    department: "Tổ chức",
    // "hàng năm trên 94%".
    series: [94.2, 94.5, 94.8, 95.1, 95.3],
    target2019: 92,
    shared: true,
    termTarget: 90,
    target2020: null,
    inferred: true,
  },
  {
    code: "BHYT",
    name: "Tỷ lệ người dân tham gia bảo hiểm y tế",
    field: "Văn hóa – xã hội",
    unit: "%",
    valueType: "rate",
    direction: "higher_is_better",
    mode: "points",
    aggregation: "end",
    department: "Y tế",
    series: [82.5, 85.1, 87.4, 89, 90.6],
    target2019: 90,
    shared: true,
    termTarget: 90,
    target2020: null,
    inferred: false,
  },
  {
    code: "TRE_SDD",
    name: "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (cân nặng theo tuổi)",
    field: "Văn hóa – xã hội",
    unit: "%",
    valueType: "rate",
    direction: "lower_is_better",
    mode: "points",
    aggregation: "end",
    department: "Y tế",
    series: [5.8, 5.5, 5.1, 4.8, 4.5],
    target2019: 5,
    shared: true,
    termTarget: 5,
    target2020: null,
    inferred: false,
  },
  {
    code: "TTHC_DUNG_HAN",
    name: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
    field: "Cải cách hành chính",
    unit: "%",
    valueType: "rate",
    direction: "floor",
    mode: "points",
    aggregation: "mean",
    department: "Nội vụ",
    series: [97.5, 98.2, 98.9, 99.4, 99.6],
    target2019: 98,
    shared: true,
    termTarget: 95,
    target2020: null,
    inferred: false,
  },
  {
    code: "VIEC_LAM",
    name: "Số lao động được giải quyết việc làm",
    field: "Kinh tế",
    unit: "người",
    valueType: "number",
    direction: "higher_is_better",
    mode: "ratio",
    aggregation: "sum",
    department: "Lao động",
    series: [520, 540, 560, 575, 590],
    target2019: 575,
    shared: false,
    termTarget: 2500,
    target2020: null,
    inferred: false,
  },
  {
    code: "VI_PHAM_TTXD",
    name: "Số vụ vi phạm trật tự xây dựng phát sinh",
    field: "Quản lý đô thị",
    unit: "vụ",
    valueType: "number",
    direction: "lower_is_better",
    mode: "points",
    aggregation: "sum",
    department: "Quản lý đô thị",
    series: [9, 7, 6, 4, 2],
    target2019: 5,
    shared: false,
    termTarget: 40,
    target2020: null,
    inferred: false,
  },
  {
    code: "TN_THCS",
    name: "Tỷ lệ học sinh tốt nghiệp trung học cơ sở",
    field: "Giáo dục",
    unit: "%",
    valueType: "rate",
    direction: "higher_is_better",
    mode: "points",
    aggregation: "mean",
    department: "Giáo dục",
    series: [98.6, 98.9, 99.1, 99.3, 99.6],
    target2019: 99,
    shared: true,
    termTarget: 98,
    target2020: null,
    inferred: false,
  },
  {
    code: "RAC_THAI",
    name: "Tỷ lệ rác thải sinh hoạt được thu gom, xử lý trong ngày",
    field: "Quản lý đô thị",
    unit: "%",
    valueType: "rate",
    direction: "higher_is_better",
    mode: "points",
    aggregation: "mean",
    department: "Quản lý đô thị",
    series: [98, 99, 100, 100, 100],
    target2019: 99,
    shared: true,
    termTarget: 98,
    target2020: null,
    inferred: false,
  },
  {
    code: "KIEM_TRA_PCCC",
    name: "Tỷ lệ cơ sở kinh doanh được kiểm tra an toàn phòng cháy, chữa cháy",
    field: "Phòng cháy, chữa cháy",
    unit: "%",
    valueType: "rate",
    direction: "higher_is_better",
    mode: "points",
    aggregation: "mean",
    department: "Công an",
    series: [85, 88, 90, 93, 96],
    target2019: 95,
    shared: true,
    termTarget: 85,
    target2020: null,
    inferred: false,
  },
];

/** The other 13 wards of quận Long Biên in 2019, in the order their illustrative figures are made. */
export const OTHER_WARDS = [
  "Ngọc Thụy",
  "Giang Biên",
  "Đức Giang",
  "Việt Hưng",
  "Gia Thụy",
  "Ngọc Lâm",
  "Phúc Lợi",
  "Bồ Đề",
  "Long Biên",
  "Thạch Bàn",
  "Phúc Đồng",
  "Cự Khối",
  "Sài Đồng",
];

export interface WardFigure {
  code: string;
  /** The ward's own 2019 target (null when the district's shared target applies). */
  target: number | null;
  value: number;
  version: "final" | "estimate";
}

/**
 * Illustrative 2019 figures for the k-th other ward (0-based): 1 to 4 targets missed, one met exactly
 * for some, the rest exceeded by a small margin, so no other ward reaches Thượng Thanh's 16/16.
 */
export function otherWardFigures(k: number): WardFigure[] {
  const missed = 1 + (k % 4);
  return DEMO_INDICATORS.map((indicator, j): WardFigure => {
    const scale = 0.7 + ((k * 5 + j * 3) % 7) / 10;
    const digits = indicator.valueType === "rate" ? 2 : indicator.unit === "tỷ đồng" ? 1 : 0;
    const target = indicator.shared
      ? null
      : Math.max(digits === 0 ? 1 : 0, roundTo(indicator.target2019 * scale, digits));
    const t = target ?? indicator.target2019;
    const outcome = (j + 3 * k) % 16 < missed ? "missed" : (j + 2 * k) % 16 === 5 ? "met" : "exceeded";
    const step = 1 + ((j + k) % 3);
    const lower = indicator.direction === "lower_is_better";
    const unit = indicator.valueType === "rate" ? 0.4 * step : Math.max(1, Math.round(t * 0.04 * step));
    const sign = outcome === "met" ? 0 : (outcome === "exceeded") !== lower ? 1 : -1;
    let value = t + sign * unit;
    // Rates stay within 0–100% and counts at zero or above; every target here leaves room on both sides.
    value = Math.max(0, indicator.valueType === "rate" ? Math.min(100, value) : value);
    value = roundTo(value, 2);
    return { code: indicator.code, target, value, version: k === 12 && j === 0 ? "estimate" : "final" };
  });
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
