/**
 * The comparable base (issue 12, domain.md §5): the figures of a unit that did not exist in a past
 * period, rebuilt for its area from the units that existed then. Pure: no I/O.
 *
 * 1. {@link tracePredecessors} follows the succession links back from the unit to the units that
 *    existed at the period's date, multiplying shares along a chain (Sài Đồng → Việt Hưng (old) on
 *    01/01/2025, then → Việt Hưng (new) on 01/07/2025) and adding the shares of every path that
 *    reaches the same unit. A share is a fraction 0–1 of the old unit that went to the new one; a
 *    link "whole" moved all of it (1). A "part" link without the share is reported, never guessed.
 * 2. {@link rebuildValue} combines the predecessors' figures of one indicator: an additive indicator
 *    (revenue, households, counts) as Σ share × value; a rate as the mean of the predecessors' rates
 *    weighted by share × weight, the weight being each predecessor's figure of a weight indicator
 *    (its population unless the indicator names another, e.g. households for a household rate).
 *    Anything missing (a share, a figure, a weight) refuses the figure and names the units.
 *
 * The arithmetic assumes each moved part looks like the whole old unit (the share of its population
 * carries the same share of its revenue): the usual convention of a comparable base, said on the page.
 */

export const COMPARABLE_RULES = ["sum", "weighted_mean", "none"] as const;
export type ComparableRule = (typeof COMPARABLE_RULES)[number];

export const COMPARABLE_RULE_LABELS: Record<ComparableRule, string> = {
  sum: "Cộng theo tỷ lệ (số lượng, giá trị): Σ tỷ lệ × số liệu",
  weighted_mean: "Bình quân gia quyền (tỷ lệ): theo dân số hoặc chỉ tiêu quyền số",
  none: "Không quy đổi",
};

/** The label every rebuilt figure carries. */
export const COMPARABLE_LABEL = "Số liệu quy đổi theo địa bàn mới";

/** Without a rule set on the indicator: numbers add up, rates are weighted means, milestones are not rebuilt. */
export function defaultComparableRule(valueType: "number" | "rate" | "boolean"): ComparableRule {
  return valueType === "number" ? "sum" : valueType === "rate" ? "weighted_mean" : "none";
}

export interface SuccessionLink {
  fromUnitId: number;
  toUnitId: number;
  effectiveDate: string;
  kind: "whole" | "part";
  populationShare: number | null;
  legalBasis: string | null;
}

export interface UnitSpan {
  id: number;
  validFrom: string;
  validTo: string | null;
}

export interface PredecessorShare {
  unitId: number;
  /** Fraction 0–1 of this unit's area that is now in the traced unit; null when a link lacks its share. */
  share: number | null;
  /** The legal bases of the links followed, in order, once each. */
  legalBases: string[];
}

export interface TracedPredecessors {
  predecessors: PredecessorShare[];
  /** "part" links without a population share, on some path to the unit. */
  missingShares: SuccessionLink[];
}

const existsAt = (u: UnitSpan, date: string) =>
  u.validFrom <= date && (u.validTo === null || u.validTo >= date);

/** Shares are stored with a few digits; products are rounded back so 0,4 × 0,7 prints 0,28. */
export const roundShare = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * The units existing at `date` whose area is now (part of) unit `unitId`, with the composed share of
 * each. Only links that took effect after `date` are followed; a predecessor that itself did not exist
 * at `date` is followed further back, and so is one that existed then but gained area afterwards (its
 * share of today's unit covers that area too). Cycles and chains longer than 10 links are cut.
 */
export function tracePredecessors(
  unitId: number,
  date: string,
  links: readonly SuccessionLink[],
  units: ReadonlyMap<number, UnitSpan>,
): TracedPredecessors {
  const byTarget = new Map<number, SuccessionLink[]>();
  for (const l of links) {
    if (l.effectiveDate <= date) continue;
    const list = byTarget.get(l.toUnitId);
    if (list) list.push(l);
    else byTarget.set(l.toUnitId, [l]);
  }
  const found = new Map<number, PredecessorShare>();
  const order: number[] = [];
  const missing: SuccessionLink[] = [];
  const visit = (to: number, factor: number | null, bases: string[], seen: Set<number>) => {
    if (seen.size > 10) return;
    for (const link of byTarget.get(to) ?? []) {
      if (seen.has(link.fromUnitId)) continue;
      const from = units.get(link.fromUnitId);
      if (!from) continue;
      const own = link.kind === "whole" ? 1 : link.populationShare;
      if (own === null && !missing.includes(link)) missing.push(link);
      const share = factor === null || own === null ? null : factor * own;
      const path = link.legalBasis && !bases.includes(link.legalBasis) ? [...bases, link.legalBasis] : bases;
      if (existsAt(from, date)) {
        const before = found.get(from.id);
        if (!before) {
          found.set(from.id, { unitId: from.id, share, legalBases: path });
          order.push(from.id);
        } else {
          before.share = before.share === null || share === null ? null : before.share + share;
          for (const b of path) if (!before.legalBases.includes(b)) before.legalBases.push(b);
        }
      }
      // Area the predecessor gained after `date` (Sài Đồng into old Việt Hưng on 01/01/2025) came
      // with it: follow its own links too, whether or not it existed at `date`.
      visit(from.id, share, path, new Set([...seen, from.id]));
    }
  };
  visit(unitId, 1, [], new Set([unitId]));
  const predecessors = order.map((id) => {
    const p = found.get(id) as PredecessorShare;
    return { ...p, share: p.share === null ? null : roundShare(p.share) };
  });
  return { predecessors, missingShares: missing };
}

/** One predecessor's inputs for one indicator and period: its share, figure and weight. */
export interface RebuildPart {
  unitId: number;
  share: number | null;
  /** Approved figures of the period: the final one wins over the estimate. */
  final?: number;
  estimate?: number;
  /** The weight indicator's figure for the period (weighted means only). */
  weight?: number;
}

export type RebuildFailure = "rule" | "share" | "figure" | "weight";

export type Rebuilt =
  | { ok: true; value: number; basis: "final" | "estimate" }
  | { ok: false; reason: RebuildFailure; unitIds: number[] };

/** Figures are kept to 9 decimals: enough for any report, and 0,6 × 44,4 stays 26,64. */
const roundFigure = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * The figure of the area from its predecessors' figures, by `rule` (see the file's comment). The
 * result is an estimate when any predecessor's figure used is one. Refused, naming the units, when a
 * share, a figure or (for a mean) a weight is missing, or when the weights add up to zero.
 */
export function rebuildValue(rule: ComparableRule, parts: readonly RebuildPart[]): Rebuilt {
  if (rule === "none" || parts.length === 0) return { ok: false, reason: "rule", unitIds: [] };
  const noShare = parts.filter((p) => p.share === null).map((p) => p.unitId);
  if (noShare.length > 0) return { ok: false, reason: "share", unitIds: noShare };
  const noFigure = parts
    .filter((p) => p.final === undefined && p.estimate === undefined)
    .map((p) => p.unitId);
  if (noFigure.length > 0) return { ok: false, reason: "figure", unitIds: noFigure };
  const basis = parts.some((p) => p.final === undefined) ? "estimate" : "final";
  const valueOf = (p: RebuildPart) => (p.final ?? p.estimate) as number;
  if (rule === "sum") {
    let total = 0;
    for (const p of parts) total += (p.share as number) * valueOf(p);
    return { ok: true, value: roundFigure(total), basis };
  }
  const noWeight = parts.filter((p) => p.weight === undefined || p.weight < 0).map((p) => p.unitId);
  if (noWeight.length > 0) return { ok: false, reason: "weight", unitIds: noWeight };
  let weights = 0;
  let weighted = 0;
  for (const p of parts) {
    const w = (p.share as number) * (p.weight as number);
    weights += w;
    weighted += w * valueOf(p);
  }
  if (weights === 0) return { ok: false, reason: "weight", unitIds: parts.map((p) => p.unitId) };
  return { ok: true, value: roundFigure(weighted / weights), basis };
}

/** A target level as the rebuild reads it (evaluation.math's TargetLevel). */
export type RebuildLevel =
  | { kind: "value"; value: number }
  | { kind: "range"; min: number; max: number }
  | { kind: "milestone" };

/**
 * The area's target from its predecessors' targets, by the same rule as the figures: values (or the
 * two ends of ranges) added by share or averaged by weight. Null when a predecessor has no target, the
 * kinds differ, or the rule cannot combine them (a milestone).
 */
export function rebuildLevel(
  rule: ComparableRule,
  parts: readonly { share: number | null; weight?: number; level: RebuildLevel | null }[],
): RebuildLevel | null {
  const first = parts[0]?.level;
  if (!first || first.kind === "milestone") return null;
  if (parts.some((p) => p.level === null || p.level.kind !== first.kind)) return null;
  // A mean of equal targets (a rate the level above set for every ward) is that target, whatever the
  // weights: no share or weight is needed for it.
  const same = parts.every((p) => JSON.stringify(p.level) === JSON.stringify(first));
  if (rule === "weighted_mean" && same) return first;
  const combine = (pick: (l: RebuildLevel) => number): number | null => {
    const r = rebuildValue(
      rule,
      parts.map((p, i) => ({
        unitId: i,
        share: p.share,
        final: pick(p.level as RebuildLevel),
        weight: p.weight,
      })),
    );
    return r.ok ? r.value : null;
  };
  if (first.kind === "value") {
    const value = combine((l) => (l as { value: number }).value);
    return value === null ? null : { kind: "value", value };
  }
  const min = combine((l) => (l as { min: number }).min);
  const max = combine((l) => (l as { max: number }).max);
  return min === null || max === null ? null : { kind: "range", min, max };
}
