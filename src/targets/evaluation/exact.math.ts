/**
 * Exact arithmetic of figures: every ratio, difference, sum and mean the evaluation computes goes
 * through decimal.js, so 44,4 ÷ 40 × 100 is 111 and not 110.99999999999999, and a mean of 37,6 is
 * 37,6. Inputs and outputs stay JavaScript numbers (what the database and the views hold); only the
 * operation is decimal. Each result is the decimal result read back as the nearest double, so it
 * prints and compares as the figure a person would write. Rounding for display happens once, by the
 * indicator's precision ({@link roundTo}). Pure.
 */
import { Decimal as DecimalBase } from "decimal.js";

/** 34 significant digits (IEEE decimal128): far past any figure an office reports. */
const Decimal = DecimalBase.clone({ precision: 34, rounding: DecimalBase.ROUND_HALF_UP });

const d = (x: number) => new Decimal(x);

/** a ÷ b × 100; the caller ensures b ≠ 0. */
export function ratioPct(a: number, b: number): number {
  return d(a).div(b).times(100).toNumber();
}

/** a − b, exact in decimal (90,42 − 88 = 2,42). */
export function difference(a: number, b: number): number {
  return d(a).minus(b).toNumber();
}

/** a × b ÷ 100: the share `pct` of `a` (1,5% of 412 households). */
export function shareOf(a: number, pct: number): number {
  return d(a).times(pct).div(100).toNumber();
}

/** The sum of the values, added in decimal. */
export function sumOf(values: readonly number[]): number {
  let total = d(0);
  for (const v of values) total = total.plus(v);
  return total.toNumber();
}

/** sum ÷ n: the annual mean of a term ("bình quân hàng năm"). */
export function meanOf(sum: number, n: number): number {
  return d(sum).div(n).toNumber();
}

/** The mean of the values, or null when there are none. */
export function averageOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : meanOf(sumOf(values), values.length);
}

/** Rounds half away from zero to `digits` fraction digits (decimal, so 2,675 → 2,68); non-finite passes. */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  return d(x).toDecimalPlaces(digits, DecimalBase.ROUND_HALF_UP).toNumber();
}

/** {@link roundTo} for a value that may be absent. */
export function roundOrNull(x: number | null | undefined, digits: number): number | null {
  return x == null ? null : roundTo(x, digits);
}

/** Σ wᵢ·vᵢ ÷ Σ wᵢ, in decimal (a rate over wards weighted by population); the caller ensures Σ w > 0. */
export function weightedMeanOf(values: readonly number[], weights: readonly number[]): number {
  let weighted = d(0);
  let total = d(0);
  values.forEach((v, i) => {
    const w = weights[i] ?? 0;
    weighted = weighted.plus(d(v).times(w));
    total = total.plus(w);
  });
  return weighted.div(total).toNumber();
}
