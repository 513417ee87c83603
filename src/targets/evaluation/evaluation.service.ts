/**
 * Evaluation use cases for one unit and one period, and what bulk evaluation
 * (children-evaluation.service: every child of a parent, the ranking input) shares with it: the
 * period's resolution, the indicators' wording, the narrative. Reads approved figures only. Public
 * callers get open-data indicators only; the caller decides which (see `publicOnly`), since reading is
 * not an audited change.
 *
 * The figures come from the maintained result summaries (summaries/); a unit's own page sums up the
 * term years it reads (it shows them too) with the same arithmetic as the term summaries (term.math).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError, ValidationError } from "../../core/http/errors.js";
import { listTargetsForUnit } from "../assignment/targets.repo.js";
import { type Indicator, wordingAt } from "../catalogue/indicator.model.js";
import { listDefinitions, listIndicators } from "../catalogue/indicators.repo.js";
import {
  defaultWindow,
  PERIOD_KEY_MESSAGE,
  type PeriodKind,
  periodKindOf,
  periodLabel,
  previousYearKey,
  termBounds,
} from "../period.rules.js";
import { type FigureSource, SUMMARY_FIGURES } from "../summaries/figure-sources.repo.js";
import { levelWord, unitInSentence } from "../unit-wording.rules.js";
import type { FigureSet, IndicatorEvaluation } from "./evaluation.model.js";
import { findCustomPeriodEnd, findParentIdAt, findUnitBrief, type UnitBrief } from "./evaluation.repo.js";
import { addFigure, assembleUnitEvaluation, partYearKeys } from "./evaluation-assembly.rules.js";
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

/** A unit's evaluation from its indicators' evaluations: their summary, the score, the paragraph if asked. */
export function unitEvaluationOf(
  unit: UnitBrief,
  period: EvaluatedPeriod,
  evaluations: IndicatorEvaluation[],
  withNarrative: boolean,
): UnitEvaluation {
  const summary = summarizeEvaluations(evaluations.map((e) => e.evaluation));
  return {
    unit,
    period,
    indicators: evaluations,
    summary,
    score: rankingScore(summary),
    narrative: withNarrative ? narrativeOf(unit, period, evaluations) : null,
  };
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
  return unitEvaluationOf(unit, period, evaluations, true);
}
