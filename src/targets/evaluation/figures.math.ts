/** Comparing and checking figures the same way everywhere in the evaluation. Pure. */

/** Equal within binary noise: term means and sums reach here after arithmetic (37,6 vs 37,600000000000001). */
export function compareFigures(a: number, b: number): -1 | 0 | 1 {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= tolerance) return 0;
  return a > b ? 1 : -1;
}
