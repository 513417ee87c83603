/**
 * Bulk evaluation: every child of a parent for one period (the ranking input), or only some of them
 * (the ranking's kept outcomes evaluating again just the children whose outcome went stale). Both go
 * through one code path whose reads are restricted to the children asked for, so a child evaluated
 * alone gets exactly the score and counts it gets among all of them.
 *
 * One query per table whatever the number of units (units, indicators, targets, figures), then
 * evaluation in memory: 3.321 wards × 60 indicators is 200.000 figures, read once, from the maintained
 * result summaries (summaries/): one row per unit × period, and for a term one row per unit × window of
 * years already summed up.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/http/errors.js";
import { listTargetsForChildren, type TargetRow } from "../assignment/targets.repo.js";
import type { ResultVersion } from "../catalogue/indicator.model.js";
import { termYearsOf, yearKeyOf } from "../period.rules.js";
import { type FigureSource, SUMMARY_FIGURES } from "../summaries/figure-sources.repo.js";
import { type FigureSet, NO_ANNUAL_POINTS, type TermFigures, windowKey } from "./evaluation.model.js";
import { findUnitBrief, listChildrenAt, type UnitBrief } from "./evaluation.repo.js";
import {
  type EvaluatedPeriod,
  type EvaluateOptions,
  loadIndicators,
  resolvePeriod,
  type UnitEvaluation,
  unitEvaluationOf,
} from "./evaluation.service.js";
import {
  addFigure,
  assembleUnitEvaluation,
  partYearKeys,
  resolveTargets,
} from "./evaluation-assembly.rules.js";
import { yearsOfTerm } from "./indicator-evaluation.rules.js";

export interface ChildrenEvaluation {
  parent: UnitBrief;
  period: EvaluatedPeriod;
  /** Every child existing at the period's date, by name; each with its full evaluation. */
  units: UnitEvaluation[];
}

/** Which children to evaluate: all of the parent's at the period's date, or the ones listed. */
export interface ChildrenToEvaluate {
  parent: UnitBrief;
  period: EvaluatedPeriod;
  /**
   * Some children of `parent` at `period.asOf` (as listChildrenAt gives them): only their targets and
   * figures are read. Absent: every child, read by the parent (no id list crosses the wire).
   */
  some?: readonly UnitBrief[];
  /** Without `some`: every child of `parent` at `period.asOf`, when the caller has read them already. */
  every?: readonly UnitBrief[];
  withNarrative?: boolean;
}

/**
 * The term figures of the children, already summed up (the term summaries): unit → window → indicator.
 * The windows are those of the term targets that may apply to a child (`targets`: its parent's, its
 * own) and the key's default window, for indicators without a target.
 */
async function readTermFigures(
  db: Kysely<DB>,
  scope: { parentId: number; date: string; unitIds?: readonly number[] },
  period: EvaluatedPeriod,
  targets: readonly TargetRow[],
  source: FigureSource,
): Promise<Map<number, Map<number, Map<number, TermFigures>>>> {
  const windows = new Map<number, [number, number]>();
  const add = (years: readonly number[]) => {
    const from = years[0];
    const to = years[years.length - 1];
    if (from !== undefined && to !== undefined) windows.set(windowKey(from, to), [from, to]);
  };
  add(yearsOfTerm(period.key, undefined));
  for (const t of targets) add(termYearsOf(t.periodStart, t.periodEnd));
  const byUnit = new Map<number, Map<number, Map<number, TermFigures>>>();
  await source.termAggregates(
    db,
    { scope, windows: [...windows.values()] },
    (unitId, indicatorId, from, to, aggregates, estimateYears) => {
      let byWindow = byUnit.get(unitId);
      if (!byWindow) {
        byWindow = new Map();
        byUnit.set(unitId, byWindow);
      }
      const key = windowKey(from, to);
      let byIndicator = byWindow.get(key);
      if (!byIndicator) {
        byIndicator = new Map();
        byWindow.set(key, byIndicator);
      }
      byIndicator.set(indicatorId, { aggregates, estimateYears, annual: NO_ANNUAL_POINTS });
    },
  );
  return byUnit;
}

/**
 * Evaluates the children of `which.parent` for `which.period`: all of them, or `which.some`. Narratives
 * are left out unless `withNarrative` (they cost more than the arithmetic and a ranking does not print
 * them). The units come back in the order of `which.some`, or by name.
 */
export async function evaluateSomeChildren(
  db: Kysely<DB>,
  which: ChildrenToEvaluate,
  options: EvaluateOptions = {},
): Promise<UnitEvaluation[]> {
  const { parent, period } = which;
  // No "so với cùng kỳ" in bulk: last year's figures are not read. A part of a year reads its year's
  // targets and the past years of its seasonal profile, so a ranking judges it as the unit's page does.
  const term = period.kind === "term";
  const yearKey = yearKeyOf(period.key);
  const scope = {
    parentId: parent.id,
    date: period.asOf,
    ...(which.some ? { unitIds: which.some.map((u) => u.id) } : {}),
  };
  const figuresByUnit = new Map<number, Map<string, Map<number, FigureSet>>>();
  const collect = (
    unitId: number,
    indicatorId: number,
    periodKey: string,
    version: ResultVersion,
    value: number,
  ) => {
    let map = figuresByUnit.get(unitId);
    if (!map) {
      map = new Map();
      figuresByUnit.set(unitId, map);
    }
    addFigure(map, { periodKey, indicatorId, version, value });
  };
  const source = options.figures ?? SUMMARY_FIGURES;
  const targetsRead = listTargetsForChildren(db, {
    ...scope,
    periodKeys: yearKey ? [period.key, yearKey] : [period.key],
  });
  const figuresQuery = { ...scope, periodKeys: [period.key, ...partYearKeys(period.key)] };
  const [children, indicators, targets, termByUnit] = await Promise.all([
    which.some ?? which.every ?? listChildrenAt(db, parent.id, period.asOf),
    loadIndicators(db, period.asOf, options.publicOnly ?? false),
    targetsRead,
    // A term reads its years already summed up (over the windows its targets set); a year
    // reads its figures.
    term
      ? targetsRead.then((targets) => readTermFigures(db, scope, period, targets, source))
      : source.ofChildren(db, figuresQuery, collect).then(() => null),
  ]);

  const inherited = targets.filter((t) => t.appliesTo === "children");
  const ownByUnit = new Map<number, typeof targets>();
  for (const t of targets) {
    if (t.appliesTo !== "unit") continue;
    const list = ownByUnit.get(t.unitId);
    if (list) list.push(t);
    else ownByUnit.set(t.unitId, [t]);
  }

  // The parent's targets for all children are resolved once; a unit's own targets override them.
  const shared = resolveTargets(inherited, Number.NaN, parent.id, period.key);
  return children.map((unit): UnitEvaluation => {
    const own = ownByUnit.get(unit.id);
    // A unit's own targets change what applies per assigner: resolve its rows with the parent's.
    const resolved = own ? resolveTargets([...inherited, ...own], unit.id, parent.id, period.key) : shared;
    const termFigures = termByUnit?.get(unit.id);
    const evaluations = assembleUnitEvaluation({
      unitId: unit.id,
      parentId: parent.id,
      periodKey: period.key,
      indicators,
      targets: own ? [...inherited, ...own] : inherited,
      resolved,
      figures: figuresByUnit.get(unit.id) ?? new Map(),
      termFigures: term
        ? (indicatorId, from, to) => termFigures?.get(windowKey(from, to))?.get(indicatorId)
        : undefined,
      today: options.today ?? null,
    });
    return unitEvaluationOf(unit, period, evaluations, which.withNarrative ?? false);
  });
}

/**
 * Evaluates every child of `parentId` (the units under it at the period's last day) for one period:
 * the ranking input. Throws NotFoundError for an unknown parent, ValidationError (field `period`) for
 * a malformed key.
 */
export async function evaluateChildren(
  db: Kysely<DB>,
  input: { parentId: number; periodKey: string; withNarrative?: boolean } & EvaluateOptions,
): Promise<ChildrenEvaluation> {
  const parent = await findUnitBrief(db, input.parentId);
  if (!parent) throw new NotFoundError("Không tìm thấy đơn vị.");
  const period = await resolvePeriod(db, parent.id, input.periodKey);
  const which = { parent, period, ...(input.withNarrative ? { withNarrative: true } : {}) };
  return { parent, period, units: await evaluateSomeChildren(db, which, input) };
}
