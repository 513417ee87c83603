/**
 * Turns loaded rows (indicators, target revisions, approved figures) into evaluations, for one unit or
 * for many units read in bulk. Pure: no I/O; one indicator's evaluation is indicator-evaluation.rules.
 *
 * Rules: for each assigner (the level above, the council, the unit's own plan) a unit's own target
 * for an indicator and period wins over its parent's target "for all children"; the highest revision
 * applies; the assigners' targets are all kept, the first in assigner order deciding the status; an
 * approved final figure wins over an approved estimate, which is then named as such; nothing missing
 * is filled in. A part of a year without a target of its own is judged against the year's targets as
 * progress.
 */

import { ASSIGNER_ORDER, type AssignedBy } from "../assignment/target.model.js";
import type { TargetRow } from "../assignment/targets.repo.js";
import type { Indicator, ResultVersion } from "../catalogue/indicator.model.js";
import { periodKindOf, sameKeyInYear, yearPartOf } from "../period.rules.js";
import type {
  AnnualPoint,
  FigureSet,
  IndicatorEvaluation,
  ResolvedTarget,
  TermFigures,
} from "./evaluation.model.js";
import { NO_TERM_INPUT } from "./evaluation.model.js";
import {
  evaluateDirect,
  evaluateTerm,
  type PartYearContext,
  yearsOfTerm,
} from "./indicator-evaluation.rules.js";
import { expectedShare } from "./progress.math.js";
import { aggregateAnnual } from "./term.math.js";

export type {
  AnnualPoint,
  FigureSet,
  IndicatorEvaluation,
  ResolvedTarget,
  TermDetail,
  TermFigures,
} from "./evaluation.model.js";
export { NO_ANNUAL_POINTS, NO_TERM_INPUT, windowKey } from "./evaluation.model.js";
export { evaluateDirect, evaluateTerm, yearsOfTerm } from "./indicator-evaluation.rules.js";

/**
 * Groups target rows by indicator, for one unit and one period key: per assigner the unit's own over
 * its parent's for all children, then the first assigner's target with the others alongside it.
 */
export function resolveTargets(
  rows: readonly TargetRow[],
  unitId: number,
  parentId: number | null,
  periodKey: string,
): Map<number, ResolvedTarget> {
  // indicator → assigner → [own rows, inherited rows]
  const buckets = new Map<number, Map<AssignedBy, [TargetRow[], TargetRow[]]>>();
  for (const row of rows) {
    if (row.periodKey !== periodKey) continue;
    const side =
      row.appliesTo === "unit" && row.unitId === unitId
        ? 0
        : row.appliesTo === "children" && row.unitId === parentId
          ? 1
          : null;
    if (side === null) continue;
    let byAssigner = buckets.get(row.indicatorId);
    if (!byAssigner) {
      byAssigner = new Map();
      buckets.set(row.indicatorId, byAssigner);
    }
    let pair = byAssigner.get(row.assignedBy);
    if (!pair) {
      pair = [[], []];
      byAssigner.set(row.assignedBy, pair);
    }
    pair[side].push(row);
  }
  const resolved = new Map<number, ResolvedTarget>();
  for (const [indicatorId, byAssigner] of buckets) {
    const list: ResolvedTarget[] = [];
    for (const assigner of ASSIGNER_ORDER) {
      const pair = byAssigner.get(assigner);
      if (!pair) continue;
      const [own, inherited] = pair;
      const rowsOf = own.length > 0 ? own : inherited;
      let latest = rowsOf[0] as TargetRow;
      for (const row of rowsOf) if (row.revision > latest.revision) latest = row;
      list.push({
        revisions: rowsOf.map((r) => ({ revision: r.revision, level: r.level })),
        latest,
        source: own.length > 0 ? "own" : "inherited",
        alongside: [],
      });
    }
    const [first, ...rest] = list;
    if (first) resolved.set(indicatorId, { ...first, alongside: rest });
  }
  return resolved;
}

/** Adds a figure to `periodKey → indicatorId → FigureSet`. */
export function addFigure(
  into: Map<string, Map<number, FigureSet>>,
  figure: { periodKey: string; indicatorId: number; version: ResultVersion; value: number },
): void {
  let byIndicator = into.get(figure.periodKey);
  if (!byIndicator) {
    byIndicator = new Map();
    into.set(figure.periodKey, byIndicator);
  }
  const set = byIndicator.get(figure.indicatorId) ?? {};
  set[figure.version] = figure.value;
  byIndicator.set(figure.indicatorId, set);
}

/**
 * A term's figures for one indicator, from the annual figures loaded for one unit (`period → indicator
 * → figures`): per year the final figure, else the estimate; each year's own target for the chart.
 */
export function termFiguresOf(
  indicator: Indicator,
  years: readonly number[],
  annualFigures: ReadonlyMap<string, ReadonlyMap<number, FigureSet>>,
  annualTargets?: ReadonlyMap<number, Map<number, ResolvedTarget>>,
): TermFigures {
  const annual: AnnualPoint[] = years.map((year) => {
    const set = annualFigures.get(String(year))?.get(indicator.id);
    const value = set?.final ?? set?.estimate ?? null;
    const basis = set?.final !== undefined ? "final" : set?.estimate !== undefined ? "estimate" : "none";
    const level = annualTargets?.get(year)?.get(indicator.id)?.latest.level;
    return { year, value, basis, target: level?.kind === "value" ? level.value : null };
  });
  const { aggregates } = aggregateAnnual({
    years,
    values: annual.map((a) => ({ year: a.year, value: a.value })),
  });
  const estimateYears = annual.filter((a) => a.basis === "estimate").map((a) => a.year);
  return { aggregates, estimateYears, annual };
}

/** How many past years' shares make an indicator's seasonal profile (their mean). */
export const SEASONAL_YEARS = 3;

/**
 * The period keys a part of a year reads besides itself: last year's same part (cùng kỳ), the year
 * (its targets and its estimate), and the same part and whole of the {@link SEASONAL_YEARS} years
 * before (the seasonal profile). Empty for any other key.
 */
export function partYearKeys(periodKey: string): string[] {
  const part = yearPartOf(periodKey);
  if (!part) return [];
  const keys = [String(part.year)];
  for (let back = 1; back <= SEASONAL_YEARS; back++) {
    keys.push(sameKeyInYear(periodKey, part.year - back) as string, String(part.year - back));
  }
  return keys;
}

/** Everything needed to evaluate one unit for one period, already loaded. */
export interface UnitRows {
  unitId: number;
  parentId: number | null;
  periodKey: string;
  /** Indicators to consider, in display order (already filtered for visibility). */
  indicators: readonly Indicator[];
  targets: readonly TargetRow[];
  /** Approved figures of this unit: the period's, last year's, and for a term every year's. */
  figures: ReadonlyMap<string, ReadonlyMap<number, FigureSet>>;
  /**
   * Term periods: an indicator's figures over the years [from, to], already summed up (bulk
   * evaluation has the database do it); when absent they are made from `figures`.
   */
  termFigures?: (indicatorId: number, from: number, to: number) => TermFigures | undefined;
  /** Load last year's figures for "so với cùng kỳ" (years and parts of years). */
  previousKey?: string | null;
  /** Resolve each term year's own target, for the trend chart. */
  withAnnualTargets?: boolean;
  /** The period's targets already resolved (bulk evaluation resolves the parent's once for all units). */
  resolved?: ReadonlyMap<number, ResolvedTarget>;
  /** Today (YYYY-MM-DD): a term whose target runs past it is judged mid-way as progress. */
  today?: string | null;
}

/** The part-year context of one indicator: its year's target, the expected share, the year's estimate. */
function partYearContext(
  rows: UnitRows,
  indicator: Indicator,
  yearTargets: ReadonlyMap<number, ResolvedTarget>,
): PartYearContext | undefined {
  const part = yearPartOf(rows.periodKey);
  if (!part) return undefined;
  const yearTarget = yearTargets.get(indicator.id);
  if (!yearTarget) return undefined;
  const figure = (key: string | null) => {
    const set = key ? rows.figures.get(key)?.get(indicator.id) : undefined;
    return set?.final ?? set?.estimate ?? null;
  };
  const past = Array.from({ length: SEASONAL_YEARS }, (_, i) => ({
    part: figure(sameKeyInYear(rows.periodKey, part.year - i - 1)),
    whole: figure(String(part.year - i - 1)),
  }));
  const year = rows.figures.get(String(part.year))?.get(indicator.id);
  return {
    yearTarget,
    expected: expectedShare(part.months, past),
    forecast: year?.final === undefined ? (year?.estimate ?? null) : null,
  };
}

/**
 * Evaluates every indicator that has a target or a figure in the period, in the given order; a part
 * of a year judges its figures against the year's targets. Indicators with neither are left out.
 */
export function assembleUnitEvaluation(rows: UnitRows): IndicatorEvaluation[] {
  const kind = periodKindOf(rows.periodKey);
  const targets = rows.resolved ?? resolveTargets(rows.targets, rows.unitId, rows.parentId, rows.periodKey);
  const out: IndicatorEvaluation[] = [];
  if (kind === "term") {
    const annualTargets = new Map<number, Map<number, ResolvedTarget>>();
    if (rows.withAnnualTargets) {
      for (const key of new Set(rows.targets.map((t) => t.periodKey))) {
        if (periodKindOf(key) === "year") {
          annualTargets.set(Number(key), resolveTargets(rows.targets, rows.unitId, rows.parentId, key));
        }
      }
    }
    for (const indicator of rows.indicators) {
      const target = targets.get(indicator.id);
      const years = yearsOfTerm(rows.periodKey, target);
      // No years (a target window ending before it starts) has no figures; evaluateTerm then refuses it.
      const from = years[0];
      const to = years[years.length - 1];
      const figures =
        from === undefined || to === undefined
          ? NO_TERM_INPUT
          : rows.termFigures
            ? (rows.termFigures(indicator.id, from, to) ?? NO_TERM_INPUT)
            : termFiguresOf(indicator, years, rows.figures, annualTargets);
      if (!target && figures.aggregates.yearsPresent.length === 0) continue;
      out.push(evaluateTerm(indicator, target, years, figures, rows.today));
    }
    return out;
  }
  const part = yearPartOf(rows.periodKey);
  const yearTargets = part
    ? resolveTargets(rows.targets, rows.unitId, rows.parentId, String(part.year))
    : new Map<number, ResolvedTarget>();
  const current = rows.figures.get(rows.periodKey);
  const previous = rows.previousKey ? rows.figures.get(rows.previousKey) : undefined;
  for (const indicator of rows.indicators) {
    const target = targets.get(indicator.id);
    const figures = current?.get(indicator.id);
    // A part of a year speaks of the indicators reported for it (many are counted once a year).
    if (!target && !figures) continue;
    const context = partYearContext(rows, indicator, yearTargets);
    const last = rows.previousKey ? (previous?.get(indicator.id) ?? {}) : undefined;
    out.push(evaluateDirect(indicator, target, figures, last, context));
  }
  return out;
}
