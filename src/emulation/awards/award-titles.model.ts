/**
 * Award titles for collectives (Luật Thi đua, khen thưởng 06/2022/QH15; NĐ 98/2023) and the states of
 * a proposal. Codes are stored; labels are printed.
 */

export const AWARD_TITLES = {
  co_thi_dua_chinh_phu: "Cờ thi đua của Chính phủ",
  co_thi_dua_ubnd_thanh_pho: "Cờ thi đua của UBND Thành phố",
  co_thi_dua_bo_nganh: "Cờ thi đua của Bộ, ban, ngành",
  tap_the_lao_dong_xuat_sac: "Tập thể lao động xuất sắc",
  tap_the_lao_dong_tien_tien: "Tập thể lao động tiên tiến",
  xa_phuong_tieu_bieu: "Xã, phường, thị trấn tiêu biểu",
  to_dan_pho_van_hoa: "Tổ dân phố văn hóa",
} as const;

export type AwardTitle = keyof typeof AWARD_TITLES;

export function isAwardTitle(value: string): value is AwardTitle {
  return value in AWARD_TITLES;
}

export function awardTitleLabel(code: string): string {
  return isAwardTitle(code) ? AWARD_TITLES[code] : code;
}

export const AWARD_STATUSES = {
  proposed: "Đã đề nghị",
  approved: "Được tặng",
  not_approved: "Không được xét tặng",
  withdrawn: "Đã rút đề nghị",
} as const;

export type AwardStatus = keyof typeof AWARD_STATUSES;

export function isAwardStatus(value: string): value is AwardStatus {
  return value in AWARD_STATUSES;
}
