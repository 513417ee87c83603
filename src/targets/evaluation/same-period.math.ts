/**
 * Comparing a figure with the same period last year (cùng kỳ): "bằng 103% so với cùng kỳ", "tăng 3%",
 * the change in the indicator's own unit ("tăng 12 tấn"), or for rates the change in points. Pure;
 * ratios and differences in decimal (exact.math).
 */
import type { ComparisonMode } from "./evaluation.math.js";
import { difference, ratioPct as ratioOf } from "./exact.math.js";
import { digitsShowing, makePrinter } from "./figure-wording.rules.js";
import { compareFigures as compare } from "./figures.math.js";

/** Comparison with the same period last year (cùng kỳ). */
export interface SamePeriodComparison {
  /** Last year's figure for the same period; null when there is none. */
  previous: number | null;
  /** current − previous in the indicator's unit (points for a rate); null without both figures. */
  change: number | null;
  /** current ÷ previous × 100 (ratio mode, previous > 0), else null. */
  ratioPct: number | null;
  /** ratioPct − 100, else null. */
  changePct: number | null;
  /** current − previous (points mode), else null. */
  changePoints: number | null;
  /** "bằng 103% so với cùng kỳ"; null in points mode, where a ratio of rates is not reported. */
  ratioWording: string | null;
  /** "tăng 3% so với cùng kỳ", "giảm 1,2 điểm phần trăm so với cùng kỳ", "chưa có số liệu so sánh". */
  changeWording: string;
  /**
   * The change as reports write it, amount first: "tăng 12 tấn (tăng 5%) so với cùng kỳ" (ratio mode),
   * "giảm 1,2 điểm phần trăm so với cùng kỳ" (points), "chưa có số liệu so sánh".
   */
  wording: string;
}

/**
 * Compares a figure with the same period last year. Ratio mode (amounts, counts): the change in the
 * unit always, and the ratio when last year's figure is positive ("chưa có số liệu so sánh" for the
 * ratio otherwise: none exists). Points mode (rates, `unit` "%" or "‰"): the difference in points,
 * computable with a zero base. Either figure missing: nothing to compare. `digits` (default 2) is the
 * display precision.
 */
export function compareWithSamePeriod(
  current: number | null | undefined,
  previous: number | null | undefined,
  options: { mode?: ComparisonMode; unit?: string; digits?: number } = {},
): SamePeriodComparison {
  const mode = options.mode ?? "ratio";
  const digits = options.digits ?? 2;
  const empty = {
    previous: previous ?? null,
    change: null,
    ratioPct: null,
    changePct: null,
    changePoints: null,
  };
  const missing = "chưa có số liệu so sánh";
  if (current == null || previous == null) {
    return {
      ...empty,
      ratioWording: mode === "ratio" ? missing : null,
      changeWording: missing,
      wording: missing,
    };
  }
  // Stored figures too large or small to compare (1e308, 1e-320): not comparable rather than a crash.
  const unusable = `${missing} (số liệu quá lớn hoặc quá nhỏ)`;
  if (!Number.isFinite(current) || !Number.isFinite(previous) || !Number.isFinite(current - previous)) {
    return {
      ...empty,
      ratioWording: mode === "ratio" ? unusable : null,
      changeWording: unusable,
      wording: unusable,
    };
  }
  const p = makePrinter(options.unit, digits, digits);
  const diff = compare(current, previous) === 0 ? 0 : difference(current, previous);
  const direction = (x: number) => (x > 0 ? "tăng" : "giảm");
  const change = (x: number, text: (x: number) => string) =>
    x === 0 ? "không thay đổi so với cùng kỳ" : `${direction(x)} ${text(Math.abs(x))} so với cùng kỳ`;
  if (mode === "points") {
    const words = change(diff, p.gapPrecise);
    return {
      ...empty,
      change: diff,
      changePoints: diff,
      ratioWording: null,
      changeWording: words,
      wording: words,
    };
  }
  const amount = change(diff, p.gapPrecise);
  if (previous <= 0) {
    const why = previous === 0 ? " (cùng kỳ bằng 0)" : " (cùng kỳ âm)";
    return {
      ...empty,
      change: diff,
      ratioWording: missing + why,
      changeWording: missing + why,
      wording: amount,
    };
  }
  const ratioPct = diff === 0 ? 100 : ratioOf(current, previous);
  if (!Number.isFinite(ratioPct)) {
    return { ...empty, change: diff, ratioWording: unusable, changeWording: unusable, wording: amount };
  }
  const changePct = difference(ratioPct, 100);
  const pct = (x: number) => p.pct(x, digitsShowing(x, digits));
  return {
    previous,
    change: diff,
    ratioPct,
    changePct,
    changePoints: null,
    ratioWording: `bằng ${p.pct(ratioPct, digitsShowing(changePct, digits))} so với cùng kỳ`,
    changeWording: change(changePct, pct),
    wording:
      diff === 0
        ? amount
        : `${direction(diff)} ${p.gapPrecise(Math.abs(diff))} (${direction(changePct)} ${pct(Math.abs(changePct))}) so với cùng kỳ`,
  };
}
