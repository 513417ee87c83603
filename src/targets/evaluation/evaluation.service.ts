/**
 * Evaluation use cases: one unit for one period, and every child of a parent for one period (the
 * ranking input). Reads approved figures only. Public callers get open-data indicators only; the
 * caller decides which (see `publicOnly`), since reading is not an audited change.
 *
 * Bulk evaluation runs one query per table whatever the number of units (units, indicators, targets,
 * figures), then evaluates in memory: 3.321 wards × 60 indicators is 200.000 figures, read once. The
 * figures come from the maintained result summaries (summaries/), one row per unit × indicator ×
 * period, and for a term one row per unit × indicator × window of years already summed up, so the
 * million yearly figures of a national term ranking are not read; a unit's own page sums up the years
 * it reads (it shows them too) with the same arithmetic (term.math).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError, ValidationError } from "../../core/http/errors.js";
import { listTargetsForChildren, listTargetsForUnit, type TargetRow } from "../assignment/targets.repo.js";
import { type Indicator, type ResultVersion, wordingAt } from "../catalogue/indicator.model.js";
import { listDefinitions, listIndicators } from "../catalogue/indicators.repo.js";
import {
  defaultWindow,
  PERIOD_KEY_MESSAGE,
  type PeriodKind,
  periodKindOf,
  periodLabel,
  previousYearKey,
  termBounds,
  termYearsOf,
  yearKeyOf,
} from "../period.rules.js";
import { type FigureSource, SUMMARY_FIGURES } from "../summaries/figure-sources.repo.js";
import { levelWord, unitInSentence } from "../unit-wording.rules.js";
import {
  type FigureSet,
  type IndicatorEvaluation,
  NO_ANNUAL_POINTS,
  type TermFigures,
  windowKey,
} from "./evaluation.model.js";
import {
  findCustomPeriodEnd,
  findParentIdAt,
  findUnitBrief,
  listChildrenAt,
  type UnitBrief,
} from "./evaluation.repo.js";
import {
  addFigure,
  assembleUnitEvaluation,
  partYearKeys,
  resolveTargets,
} from "./evaluation-assembly.rules.js";
import { yearsOfTerm } from "./indicator-evaluation.rules.js";
import { composeNarrative, type NarrativeStanding } from "./narrative.rules.js";
import { narrativeIndicatorOf } from "./narrative-input.rules.js";
import { composeProgressNarrative, isProgressEvaluation } from "./progress-narrative.rules.js";
import { rankingScore } from "./ranking-score.math.js";
import { summarizeEvaluations, type TargetsSummary } from "./summary.math.js";

export interface EvaluatedPeriod {
  key: string;
  kind: PeriodKind;
  /** "năm 2019", "nhiệm kỳ 2015–2020", "6 tháng đầu năm 2019", "quý III/2019", "tháng 7/2019". */
  label: string;
  /** The date at which the hierarchy (parent, children) and the indicators' wording are read. */
  asOf: string;
}

export interface UnitEvaluation {
  unit: UnitBrief;
  period: EvaluatedPeriod;
  indicators: IndicatorEvaluation[];
  summary: TargetsSummary;
  /** See ranking-score.ts; null when no target was assigned. */
  score: number | null;
  /** The Vietnamese paragraph (narrative.ts); null in bulk evaluation unless asked for. */
  narrative: string | null;
}

export interface EvaluateOptions {
  /** Only indicators whose approved figures are open data (anonymous visitors). */
  publicOnly?: boolean;
  /**
   * Today in Vietnam (YYYY-MM-DD): a term whose target runs past today is judged mid-way as progress
   * ("sau 3 năm đạt 62% chỉ tiêu nhiệm kỳ"); without it a term missing years is refused.
   */
  today?: string;
  /** Where approved figures are read: the maintained summaries (default) or `results` (comparisons). */
  figures?: FigureSource;
}

/** Validates a period key and works out the date the evaluation reads the hierarchy at. */
export async function resolvePeriod(
  db: Kysely<DB>,
  unitId: number,
  periodKey: string,
): Promise<EvaluatedPeriod> {
  const kind = periodKindOf(periodKey);
  if (!kind) {
    throw new ValidationError({
      period: PERIOD_KEY_MESSAGE,
    });
  }
  const asOf = defaultWindow(periodKey)?.end ?? (await findCustomPeriodEnd(db, unitId, periodKey));
  if (!asOf) throw new NotFoundError(`Chưa có chỉ tiêu hoặc số liệu nào cho kỳ "${periodKey}".`);
  return { key: periodKey, kind, label: periodLabel(periodKey), asOf };
}

/**
 * The period keys to read: the period itself; for a year or a part of one also last year's same
 * period (cùng kỳ); for a part of a year its year (targets, estimate) and the past years that make
 * its seasonal profile; for a term "A-B" every year from A to B, which covers both conventions
 * (A…B−1 and A+1…B) a term target may use.
 */
export function keysToRead(period: EvaluatedPeriod): { keys: string[]; previousKey: string | null } {
  if (period.kind === "term") {
    const [from, to] = termBounds(period.key) as [number, number];
    const years = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    return { keys: [period.key, ...years], previousKey: null };
  }
  const previousKey = previousYearKey(period.key);
  const keys = new Set([period.key, ...(previousKey ? [previousKey] : []), ...partYearKeys(period.key)]);
  return { keys: [...keys], previousKey };
}

/** Indicators with their wording in force at `date`, open-data ones only when asked. */
export async function loadIndicators(
  db: Kysely<DB>,
  date: string,
  publicOnly: boolean,
): Promise<Indicator[]> {
  const [indicators, definitions] = await Promise.all([
    listIndicators(db, { publicOnly }),
    listDefinitions(db, null),
  ]);
  const byIndicator = new Map<number, typeof definitions>();
  for (const d of definitions) {
    const list = byIndicator.get(d.indicatorId);
    if (list) list.push(d);
    else byIndicator.set(d.indicatorId, [d]);
  }
  return indicators.map((i) => ({ ...i, ...wordingAt(i, byIndicator.get(i.id) ?? [], date) }));
}

export function narrativeOf(
  unit: UnitBrief,
  period: EvaluatedPeriod,
  evaluations: IndicatorEvaluation[],
  style: "precise" | "customary" = "precise",
  standing: NarrativeStanding | null = null,
): string | null {
  if (evaluations.length === 0) return null;
  if (evaluations.some((e) => isProgressEvaluation(e.evaluation))) {
    return composeProgressNarrative(
      { unitName: unitInSentence(unit), periodLabel: period.label, indicators: evaluations },
      style,
    );
  }
  return composeNarrative(
    {
      unitName: unitInSentence(unit),
      periodLabel: period.label,
      indicators: evaluations.map(narrativeIndicatorOf),
      kind: period.kind === "term" ? "term" : period.kind === "year" ? "year" : undefined,
      standing,
      council: `HĐND ${levelWord(unit)}`.trim(),
    },
    { style },
  );
}

/**
 * The paragraph of an evaluation in a wording style ("vượt 2,42%" instead of "… điểm phần trăm"), with
 * the unit's rank, quality level and award proposals when the caller has them (emulation, above).
 */
export function narrativeFor(
  evaluation: UnitEvaluation,
  style: "precise" | "customary",
  standing: NarrativeStanding | null = null,
): string | null {
  return narrativeOf(evaluation.unit, evaluation.period, evaluation.indicators, style, standing);
}

/** Copies the notes of the figures each evaluation used (the period's, or the term years'), once each. */
function attachNotes(
  evaluations: IndicatorEvaluation[],
  results: { indicatorId: number; periodKey: string; note: string | null }[],
  key: string,
) {
  for (const e of evaluations) {
    const keys = new Set(e.term ? e.term.years.map(String) : [key]);
    const notes = new Set<string>();
    for (const r of results)
      if (r.note && r.indicatorId === e.indicator.id && keys.has(r.periodKey)) notes.add(r.note);
    e.notes = [...notes];
  }
}

/**
 * Evaluates unit `unitId` for `periodKey` ("2019", "2015-2020" or a custom key): every indicator with a
 * target (own, or its parent's for all children) or an approved figure. Throws NotFoundError for an
 * unknown unit, ValidationError (field `period`) for a malformed key.
 */
export async function evaluateUnit(
  db: Kysely<DB>,
  input: { unitId: number; periodKey: string } & EvaluateOptions,
): Promise<UnitEvaluation> {
  // For a year or a term the date is known without the database: every read goes out at once (on
  // PostgreSQL one round trip instead of three), the targets query finding the parent itself.
  const known = defaultWindow(input.periodKey) !== null;
  let found: UnitBrief | undefined;
  let period: EvaluatedPeriod;
  if (known) period = await resolvePeriod(db, input.unitId, input.periodKey);
  else {
    found = await findUnitBrief(db, input.unitId);
    if (!found) throw new NotFoundError("Không tìm thấy đơn vị.");
    period = await resolvePeriod(db, found.id, input.periodKey);
  }
  const { keys, previousKey } = keysToRead(period);
  const [unitRead, parentId, indicators, targets, results] = await Promise.all([
    found ?? findUnitBrief(db, input.unitId),
    findParentIdAt(db, input.unitId, period.asOf),
    loadIndicators(db, period.asOf, input.publicOnly ?? false),
    listTargetsForUnit(db, { unitId: input.unitId, parentId: { at: period.asOf }, periodKeys: keys }),
    (input.figures ?? SUMMARY_FIGURES).ofUnit(db, input.unitId, keys),
  ]);
  if (!unitRead) throw new NotFoundError("Không tìm thấy đơn vị.");
  const unit = unitRead;
  const figures = new Map<string, Map<number, FigureSet>>();
  for (const r of results) addFigure(figures, r);
  const evaluations = assembleUnitEvaluation({
    unitId: unit.id,
    parentId,
    periodKey: period.key,
    indicators,
    targets,
    figures,
    previousKey,
    withAnnualTargets: true,
    today: input.today ?? null,
  });
  attachNotes(evaluations, results, period.key);
  const summary = summarizeEvaluations(evaluations.map((e) => e.evaluation));
  return {
    unit,
    period,
    indicators: evaluations,
    summary,
    score: rankingScore(summary),
    narrative: narrativeOf(unit, period, evaluations),
  };
}

/**
 * The term figures of every child of `parentId`, already summed up (the term summaries): unit → window → indicator.
 * The windows are those of the term targets that may apply to a child (`targets`: its parent's, its
 * own) and the key's default window, for indicators without a target.
 */
async function readTermFigures(
  db: Kysely<DB>,
  parentId: number,
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
    { scope: { parentId, date: period.asOf }, windows: [...windows.values()] },
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

export interface ChildrenEvaluation {
  parent: UnitBrief;
  period: EvaluatedPeriod;
  /** Every child existing at the period's date, by name; each with its full evaluation. */
  units: UnitEvaluation[];
}

/**
 * Evaluates every child of `parentId` (the units under it at the period's last day) for one period:
 * the ranking input. One query per table, whatever the number of children. Narratives are left out
 * unless `withNarrative` (they cost more than the arithmetic and a ranking does not print them).
 */
export async function evaluateChildren(
  db: Kysely<DB>,
  input: { parentId: number; periodKey: string; withNarrative?: boolean } & EvaluateOptions,
): Promise<ChildrenEvaluation> {
  const parent = await findUnitBrief(db, input.parentId);
  if (!parent) throw new NotFoundError("Không tìm thấy đơn vị.");
  const period = await resolvePeriod(db, parent.id, input.periodKey);
  // No "so với cùng kỳ" in bulk: last year's figures are not read. A part of a year reads its year's
  // targets and the past years of its seasonal profile, so a ranking judges it as the unit's page does.
  const term = period.kind === "term";
  const yearKey = yearKeyOf(period.key);
  const query = {
    parentId: parent.id,
    date: period.asOf,
    periodKeys: yearKey ? [period.key, yearKey] : [period.key],
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
  const source = input.figures ?? SUMMARY_FIGURES;
  const targetsRead = listTargetsForChildren(db, query);
  const figuresQuery = { ...query, periodKeys: [period.key, ...partYearKeys(period.key)] };
  const [children, indicators, targets, termByUnit] = await Promise.all([
    listChildrenAt(db, parent.id, period.asOf),
    loadIndicators(db, period.asOf, input.publicOnly ?? false),
    targetsRead,
    // A term reads its years already summed up (over the windows its targets set); a year
    // reads its figures.
    term
      ? targetsRead.then((targets) => readTermFigures(db, parent.id, period, targets, source))
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
  const units = children.map((unit): UnitEvaluation => {
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
      today: input.today ?? null,
    });
    const summary = summarizeEvaluations(evaluations.map((e) => e.evaluation));
    return {
      unit,
      period,
      indicators: evaluations,
      summary,
      score: rankingScore(summary),
      narrative: input.withNarrative ? narrativeOf(unit, period, evaluations) : null,
    };
  });
  return { parent, period, units };
}
