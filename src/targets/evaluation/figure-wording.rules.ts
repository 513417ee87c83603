/**
 * Printing figures in Vietnamese: values with their unit, gaps in precise words ("2,42 điểm phần
 * trăm") or the customary way ("2,42%"), never rounding a gap away. Pure.
 */
import { formatViNumber, roundHalfAwayFromZero } from "../../core/format/vi-number.js";

/**
 * Display digits for a non-zero gap: at least `digits`, more when rounding would hide the gap, so a
 * 99,6% achievement never prints as "đạt 100%, chưa đạt (thiếu 0%)".
 */
export function digitsShowing(gap: number, digits: number): number {
  let shown = digits;
  while (gap !== 0 && shown < 9 && roundHalfAwayFromZero(gap, shown) === 0) shown++;
  return shown;
}

/**
 * Prints values with their unit ("90,42%", "40,848 tỷ đồng") and gaps in precise words ("2,42 điểm
 * phần trăm", "3 hộ") or the customary way ("2,42%").
 */
export function makePrinter(unit: string | undefined, precise: number, valueDigits: number) {
  const attached = unit === "%" || unit === "‰";
  const suffix = !unit ? "" : attached ? unit : ` ${unit}`;
  const num = (x: number, digits: number) => formatViNumber(x, { maximumFractionDigits: digits });
  const gapWord = unit === "%" ? " điểm phần trăm" : unit === "‰" ? " điểm phần nghìn" : suffix;
  const gap = (x: number, word: string) => `${num(x, digitsShowing(x, precise))}${word}`;
  return {
    gapPrecise: (x: number) => gap(x, gapWord),
    value: (x: number) => `${num(x, valueDigits)}${suffix}`,
    pct: (x: number, digits: number) => `${num(x, digits)}%`,
    range: (min: number, max: number) => `${num(min, valueDigits)}–${num(max, valueDigits)}${suffix}`,
    /** "{head}, {side} {gap}{tail}" in both styles. */
    gapWords: (head: string, side: string, x: number, tail = ""): Words => ({
      precise: `${head}, ${side} ${gap(x, gapWord)}${tail}`,
      customary: `${head}, ${side} ${gap(x, suffix)}${tail}`,
    }),
  };
}
export type Printer = ReturnType<typeof makePrinter>;

export type Words = { precise: string; customary: string };
export const same = (text: string): Words => ({ precise: text, customary: text });
