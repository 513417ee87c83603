/**
 * The targets part of a unit's ranking score: how much of what was assigned the unit achieved.
 * Pure: no I/O. The emulation module ranks units by this score (and may weigh it with its criteria).
 */
import { roundHalfAwayFromZero } from "../../core/format/vi-number.js";
import type { TargetsSummary } from "./summary.math.js";

/**
 * Score on a 0–100 scale = 50 × (met ÷ assigned) + 50 × (exceeded ÷ assigned), i.e. the mean of the
 * share of targets met and the share exceeded, where:
 * - assigned = indicators with a target for the unit and period (with or without a figure): a target
 *   without an approved figure counts as not met, so missing data never helps a unit;
 * - met includes exceeded (a target exceeded earns 1, met exactly 0,5, not met or no data 0);
 * - indicators without a target do not count at all.
 * Figures resting on estimates count like final ones (the evaluation names them as estimates).
 * Rounded half away from zero to 2 decimals, so equal achievements compare equal and tie as ties.
 * null when nothing was assigned (the unit cannot be ranked on targets).
 * Example: 16 targets, all exceeded → 100; 16 assigned, 14 met of which 10 exceeded → 75.
 */
export function rankingScore(
  summary: Pick<TargetsSummary, "met" | "exceeded" | "withData" | "noData">,
): number | null {
  const assigned = summary.withData + summary.noData;
  if (assigned === 0) return null;
  return roundHalfAwayFromZero((50 * (summary.met + summary.exceeded)) / assigned, 2);
}
