/**
 * Illustrative 2015–2018 approved figures of the other 13 wards of quận Long Biên, for three
 * indicators, so that comparing wards across years (issue 15 §3) shows a whole district: revenue (a
 * sum), the share of cultural families (a rate, averaged) and the poverty rate (a ceiling). Each
 * ward's series leads up to its 2019 figure (targets.demo's otherWardFigures) with its own steady
 * pace. Pure data: no I/O.
 */

export const HISTORY_YEARS = [2015, 2016, 2017, 2018] as const;

/** Per-year change back from 2019, by indicator, for the k-th other ward (0-based). */
const PACE: Record<string, (k: number) => { kind: "share" | "points"; step: number; digits: number }> = {
  THU_NS: (k) => ({ kind: "share", step: 0.05 + 0.01 * (k % 4), digits: 1 }),
  GDVH: (k) => ({ kind: "points", step: -(0.4 + 0.1 * (k % 3)), digits: 2 }),
  TY_LE_HO_NGHEO: (k) => ({ kind: "points", step: 0.08 + 0.02 * (k % 3), digits: 2 }),
};

export const HISTORY_CODES = Object.keys(PACE);

/** The k-th other ward's figures of `code` for 2015–2018, given its 2019 figure; [] for other indicators. */
export function otherWardHistory(
  k: number,
  code: string,
  value2019: number,
): { year: number; value: number }[] {
  const pace = PACE[code]?.(k);
  if (!pace) return [];
  return HISTORY_YEARS.map((year) => {
    const back = 2019 - year;
    const raw = pace.kind === "share" ? value2019 * (1 - pace.step * back) : value2019 + pace.step * back;
    const f = 10 ** pace.digits;
    return { year, value: Math.min(100, Math.max(0, Math.round(raw * f) / f)) };
  });
}
