/**
 * The demo's six-month review (sơ kết 6 tháng đầu năm 2019) of phường Thượng Thanh: approved figures
 * of the first six months of 2018 and 2019 for the indicators a six-month report speaks of, and the
 * People's Council's 2019 revenue estimate beside the one the district assigned (domain.md §9:
 * "đạt x% dự toán cấp trên giao, đạt y% dự toán HĐND phường giao"). Illustrative figures, each row
 * noted as such; the year figures and targets are those of targets.demo.ts. Pure data: no I/O.
 *
 * What the review then reads (computed, never stored): revenue 21,3 of 40 tỷ đồng = 53,25% of the
 * district's estimate (50,71% of the council's), on track against 2018's six-month share of 46,72%,
 * up 2,8 tỷ đồng (15,14%) on the same period; health insurance 89,6% still under the year's 90%.
 */

export const SIX_MONTHS_NOTE = "Số liệu minh họa sơ kết 6 tháng";
export const SIX_MONTHS_SOURCE =
  "Báo cáo sơ kết 6 tháng đầu năm 2019 của UBND phường Thượng Thanh (minh họa)";

export interface SixMonthFigure {
  code: string;
  /** First six months of 2018 and of 2019 (keys "2018-6T", "2019-6T"). */
  h1of2018: number;
  h1of2019: number;
}

export const SIX_MONTH_FIGURES: SixMonthFigure[] = [
  { code: "THU_NS", h1of2018: 18.5, h1of2019: 21.3 },
  { code: "KET_NAP_DV", h1of2018: 7, h1of2019: 9 },
  { code: "HO_THOAT_NGHEO", h1of2018: 3, h1of2019: 4 },
  { code: "VIEC_LAM", h1of2018: 270, h1of2019: 285 },
  { code: "BHYT", h1of2018: 87.9, h1of2019: 89.6 },
  { code: "TTHC_DUNG_HAN", h1of2018: 99.1, h1of2019: 99.7 },
  { code: "VI_PHAM_TTXD", h1of2018: 3, h1of2019: 1 },
];

/** The council's 2019 revenue estimate, usually above the level above's (domain.md §9). */
export const COUNCIL_REVENUE_2019 = {
  code: "THU_NS",
  value: 42,
  document: "Nghị quyết HĐND phường Thượng Thanh về dự toán thu ngân sách năm 2019 (minh họa)",
};
