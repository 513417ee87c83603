/**
 * Comparing a figure with the same period last year (cùng kỳ): "bằng 103% so với cùng kỳ", "tăng 3%",
 * or for rates the change in points. Pure.
 */
import type { ComparisonMode } from "./evaluation.math.js";
import { digitsShowing, makePrinter } from "./figure-wording.rules.js";
import { compareFigures as compare } from "./figures.math.js";

/** Comparison with the same period last year (cùng kỳ). */
export interface SamePeriodComparison {
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
}

/**
 * Compares a figure with the same period last year. Ratio mode (amounts, counts): null figures and
 * "chưa có số liệu so sánh" when either figure is missing or last year's is 0 or negative (no ratio
 * exists). Points mode (rates, `unit` "%" or "‰"): the difference in points, computable with a zero base.
 * `digits` (default 2) is the display precision.
 */
export function compareWithSamePeriod(
  current: number | null | undefined,
  previous: number | null | undefined,
  options: { mode?: ComparisonMode; unit?: string; digits?: number } = {},
): SamePeriodComparison {
  const mode = options.mode ?? "ratio";
  const digits = options.digits ?? 2;
  const empty = { ratioPct: null, changePct: null, changePoints: null };
  const missing = "chưa có số liệu so sánh";
  if (current == null || previous == null) {
    return { ...empty, ratioWording: mode === "ratio" ? missing : null, changeWording: missing };
  }
  // Stored figures too large or small to compare (1e308, 1e-320): not comparable rather than a crash.
  const unusable = `${missing} (số liệu quá lớn hoặc quá nhỏ)`;
  const notComparable = {
    ...empty,
    ratioWording: mode === "ratio" ? unusable : null,
    changeWording: unusable,
  };
  if (!Number.isFinite(current) || !Number.isFinite(previous) || !Number.isFinite(current - previous)) {
    return notComparable;
  }
  const p = makePrinter(options.unit, digits, digits);
  const change = (diff: number, text: (x: number) => string) =>
    diff === 0
      ? "không thay đổi so với cùng kỳ"
      : `${diff > 0 ? "tăng" : "giảm"} ${text(Math.abs(diff))} so với cùng kỳ`;
  if (mode === "points") {
    const diff = compare(current, previous) === 0 ? 0 : current - previous;
    return { ...empty, changePoints: diff, ratioWording: null, changeWording: change(diff, p.gapPrecise) };
  }
  if (previous <= 0) {
    const why = previous === 0 ? " (cùng kỳ bằng 0)" : " (cùng kỳ âm)";
    return { ...empty, ratioWording: missing + why, changeWording: missing + why };
  }
  const ratioPct = compare(current, previous) === 0 ? 100 : (current / previous) * 100;
  if (!Number.isFinite(ratioPct)) return notComparable;
  return {
    ratioPct,
    changePct: ratioPct - 100,
    changePoints: null,
    ratioWording: `bằng ${p.pct(ratioPct, digitsShowing(ratioPct - 100, digits))} so với cùng kỳ`,
    changeWording: change(ratioPct - 100, (x) => p.pct(x, digitsShowing(x, digits))),
  };
}
