/**
 * The present-day figures of the demo (December 2026): targets and results of the wards that replaced
 * quận Long Biên on 01/07/2025, for 2025 (the full year, reported by the new ward for its whole area
 * as the city asked) and 2026 (estimates of the year, "ước thực hiện", reported in early December),
 * plus the term 2025–2030 targets of phường Việt Hưng and the 2026 figures of its residential groups.
 * Uses the indicators of the reference story's catalogue (targets.demo.ts). Pure data: no I/O.
 *
 * Every figure here is ILLUSTRATIVE (invented, plausible in size) and stored with a note saying so.
 */

export const PRESENT_ILLUSTRATIVE = "Số liệu minh họa (dữ liệu mẫu hiện tại)";

export const CITY_TARGETS_DOC_2025 =
  "Quyết định của UBND Thành phố giao chỉ tiêu kế hoạch 6 tháng cuối năm và cả năm 2025 cho các phường, xã mới (minh họa)";
export const CITY_TARGETS_DOC_2026 =
  "Quyết định của UBND Thành phố giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026 (minh họa)";
export const TERM_DOC_2025_2030 =
  "Nghị quyết Đại hội đại biểu Đảng bộ phường Việt Hưng lần thứ I, nhiệm kỳ 2025 – 2030 (chỉ tiêu minh họa)";
export const GROUP_TARGETS_DOC_2026 =
  "Kế hoạch của UBND phường Việt Hưng giao chỉ tiêu năm 2026 cho các tổ dân phố (minh họa)";

/** When the figures were reported and approved (instants, UTC). */
export const REPORTED = {
  targets2025: "2025-08-05T02:00:00.000Z",
  targets2026: "2026-01-10T02:00:00.000Z",
  submitted2025: "2026-01-08T03:00:00.000Z",
  approved2025: "2026-01-15T03:00:00.000Z",
  submitted2026: "2026-12-03T03:00:00.000Z",
  approved2026: "2026-12-05T03:00:00.000Z",
  groupTargets2026: "2026-01-20T02:00:00.000Z",
  groupSubmitted2026: "2026-12-02T03:00:00.000Z",
} as const;

export interface PresentFigure {
  /** Indicator code of the catalogue (targets.demo.ts). */
  code: string;
  target2025: number;
  value2025: number;
  target2026: number;
  /** The 2026 estimate reported in December. */
  estimate2026: number;
  /** Approved by the city already; otherwise submitted and waiting for its approval. */
  approved2026: boolean;
}

/** Phường Việt Hưng, the ward the present-day story follows. */
export const VIET_HUNG_FIGURES: PresentFigure[] = [
  // 412,6 ÷ 385 = 107,2%; 2026: 437,5 ÷ 420 = 104,2% (waiting for approval).
  {
    code: "THU_NS",
    target2025: 385,
    value2025: 412.6,
    target2026: 420,
    estimate2026: 437.5,
    approved2026: false,
  },
  {
    code: "VIEC_LAM",
    target2025: 2400,
    value2025: 2515,
    target2026: 2500,
    estimate2026: 2560,
    approved2026: false,
  },
  // Rates compared in percentage points: 92,1% vs 90% = vượt 2,1 điểm phần trăm.
  { code: "GDVH", target2025: 90, value2025: 92.1, target2026: 90.5, estimate2026: 92.6, approved2026: true },
  { code: "TDPVH", target2025: 75, value2025: 78.4, target2026: 78, estimate2026: 80.2, approved2026: true },
  // A ceiling: 0,04% under 0,1%; 2026 "duy trì không có hộ nghèo" (0 under 0).
  {
    code: "TY_LE_HO_NGHEO",
    target2025: 0.1,
    value2025: 0.04,
    target2026: 0,
    estimate2026: 0,
    approved2026: true,
  },
  // 2026 misses by 0,3 points.
  {
    code: "BHYT",
    target2025: 93,
    value2025: 93.6,
    target2026: 94.5,
    estimate2026: 94.2,
    approved2026: false,
  },
  {
    code: "TTHC_DUNG_HAN",
    target2025: 98,
    value2025: 99.3,
    target2026: 99,
    estimate2026: 99.6,
    approved2026: true,
  },
  // A ceiling on a count: 9 cases under 12 in 2025; 11 over 10 in 2026 (the overdue directive's subject).
  {
    code: "VI_PHAM_TTXD",
    target2025: 12,
    value2025: 9,
    target2026: 10,
    estimate2026: 11,
    approved2026: false,
  },
  {
    code: "KET_NAP_DV",
    target2025: 40,
    value2025: 46,
    target2026: 45,
    estimate2026: 48,
    approved2026: false,
  },
];

/** Phường Việt Hưng's term targets (Nghị quyết Đại hội Đảng bộ phường lần thứ I). */
export const VIET_HUNG_TERM_TARGETS: { code: string; value: number }[] = [
  { code: "THU_NS", value: 450 },
  { code: "GDVH", value: 90 },
  { code: "KET_NAP_DV", value: 220 },
  { code: "VIEC_LAM", value: 12500 },
  { code: "TTHC_DUNG_HAN", value: 98 },
];

/** The other present wards, in the order their figures are made below. */
export const OTHER_PRESENT_WARDS = ["Long Biên", "Bồ Đề", "Phúc Lợi"] as const;

/** Size of each other ward's count targets next to Việt Hưng's (illustrative). */
const SCALE = [0.9, 1.1, 0.75];

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Illustrative figures of the k-th other present ward (0-based): count targets scaled from Việt Hưng's,
 * rate targets the same; each misses one or two targets in 2025, and half of its 2026 estimates wait
 * for approval.
 */
export function otherPresentWardFigures(k: number): PresentFigure[] {
  const scale = SCALE[k] ?? 1;
  return VIET_HUNG_FIGURES.map((f, j): PresentFigure => {
    const isRate = ["GDVH", "TDPVH", "TY_LE_HO_NGHEO", "BHYT", "TTHC_DUNG_HAN"].includes(f.code);
    const lower = f.code === "TY_LE_HO_NGHEO" || f.code === "VI_PHAM_TTXD";
    const digits = isRate ? 2 : f.code === "THU_NS" ? 1 : 0;
    const t25 = isRate ? f.target2025 : round(f.target2025 * scale, digits);
    const t26 = isRate ? f.target2026 : round(f.target2026 * scale, digits);
    const missed = (j + k) % 5 === 0;
    // Better or worse than the target by a step: 0,5 points for a rate, 3% of the target for a count.
    const step = (t: number) => (isRate ? 0.5 : Math.max(1, round(t * 0.03 * (1 + ((j + k) % 3)), digits)));
    const towards = (t: number, good: boolean) => {
      const better = lower ? -1 : 1;
      const v = t + (good ? better : -better) * step(t);
      return round(Math.max(0, isRate ? Math.min(100, v) : v), 2);
    };
    return {
      code: f.code,
      target2025: t25,
      value2025: towards(t25, !missed),
      target2026: t26,
      estimate2026: towards(t26, (j + 2 * k) % 4 !== 1),
      approved2026: (j + k) % 2 === 0,
    };
  });
}

/**
 * The residential groups' 2026 share of households recognised "Gia đình văn hóa", against the ward's
 * target for every group (90%): submitted in December, waiting for the ward's approval.
 */
export const GROUP_TARGET_GDVH_2026 = 90;
export const GROUP_GDVH_2026: { group: string; value: number }[] = [
  { group: "Lệ Mật", value: 93.4 },
  { group: "Trường Lâm", value: 91.2 },
  { group: "Kim Quan", value: 89.5 },
  { group: "Ô Cách", value: 92.8 },
];
