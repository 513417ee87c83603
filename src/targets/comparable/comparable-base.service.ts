/**
 * Evaluation on a chosen base (issue 12): the unit's own figures, or, for a unit that did not exist at
 * the period's date, its area's figures rebuilt from the units that existed then (the comparable
 * base, comparable-base.math). The rebuilt rows go through the usual evaluation (assembleUnitEvaluation),
 * so "đạt 111%", summaries and scores read the same on both bases.
 *
 * Reading: a caller sees the non-public indicators on the comparable base only when it may see them
 * of the unit and of every predecessor used (`fullAccess`), since the figures are the predecessors'.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/http/errors.js";
import { listTargetsForUnit } from "../assignment/targets.repo.js";
import type { Indicator } from "../catalogue/indicator.model.js";
import { evaluateSomeChildren } from "../evaluation/children-evaluation.service.js";
import {
  findParentIdAt,
  listChildrenAt,
  listParentIdsAt,
  type UnitBrief,
  type UnitSpanRow,
} from "../evaluation/evaluation.repo.js";
import {
  type EvaluatedPeriod,
  evaluateUnit,
  keysToRead,
  loadIndicators,
  narrativeOf,
  resolvePeriod,
  type UnitEvaluation,
} from "../evaluation/evaluation.service.js";
import {
  addFigure,
  assembleUnitEvaluation,
  type FigureSet,
  resolveTargets,
} from "../evaluation/evaluation-assembly.rules.js";
import { rankingScore } from "../evaluation/ranking-score.math.js";
import { listApprovedFiguresForUnit } from "../evaluation/results-evaluation.repo.js";
import { summarizeEvaluations } from "../evaluation/summary.math.js";
import { unitInSentence } from "../unit-wording.rules.js";
import {
  COMPARABLE_LABEL,
  type ComparableRule,
  type SuccessionLink,
  tracePredecessors,
  type UnitSpan,
} from "./comparable-base.math.js";
import {
  type ComparableSettings,
  findUnitSpan,
  listSuccessionsAfter,
  listUnitSpans,
  readComparableSettings,
} from "./comparable-base.repo.js";
import {
  type PredecessorRows,
  type RebuildSettings,
  rebuildRows,
  ruleOf,
  shareText,
} from "./comparable-rows.rules.js";

export type BaseKind = "own" | "comparable";
export const BASE_KINDS = ["own", "comparable"] as const;

export interface BasePredecessor {
  unitId: number;
  /** As stored ("Thượng Thanh"); `label` reads "phường Thượng Thanh". */
  name: string;
  label: string;
  /** Composed population share 0–1 of the predecessor now in the unit; null when a link lacks it. */
  share: number | null;
  legalBases: string[];
}

export interface MissingShare {
  fromUnitId: number;
  toUnitId: number;
  /** "Thiếu tỷ lệ dân số của phần phường Ngọc Lâm chuyển sang phường Bồ Đề (Nghị quyết …)." */
  message: string;
}

export type EvaluationBase =
  | { kind: "own" }
  | {
      kind: "comparable";
      /** "Số liệu quy đổi theo địa bàn mới". */
      label: string;
      predecessors: BasePredecessor[];
      missingShares: MissingShare[];
      /** Indicators that could not be rebuilt at all, each with the reason. */
      notRebuilt: string[];
    };

export type BasedEvaluation = UnitEvaluation & { base: EvaluationBase };

export interface BaseOptions {
  base: BaseKind;
  publicOnly?: boolean;
  /** Today in Vietnam: a term still running is judged mid-way (see EvaluateOptions). */
  today?: string;
}

/** A predecessor's targets and approved figures for the period: the same whichever unit it is rebuilt into. */
type PredecessorReads = Pick<PredecessorRows, "figures" | "targets">;

/** What every evaluation on the comparable base of one period reads once. */
interface SharedReads {
  links: SuccessionLink[];
  spans: Map<number, UnitSpanRow>;
  settings: ComparableSettings;
  indicators: Indicator[];
  /** By predecessor: one split among several new units is read once for all of them. */
  predecessorReads: Map<number, Promise<PredecessorReads>>;
}

async function readShared(
  db: Kysely<DB>,
  period: EvaluatedPeriod,
  publicOnly: boolean,
): Promise<SharedReads> {
  const [links, settings, indicators] = await Promise.all([
    listSuccessionsAfter(db, period.asOf),
    readComparableSettings(db),
    loadIndicators(db, period.asOf, publicOnly),
  ]);
  const ids = new Set<number>();
  for (const l of links) ids.add(l.fromUnitId).add(l.toUnitId);
  const spans = new Map((await listUnitSpans(db, [...ids])).map((u) => [u.id, u]));
  return { links, spans, settings, indicators, predecessorReads: new Map() };
}

function rebuildSettings(settings: ComparableSettings, indicators: readonly Indicator[]): RebuildSettings {
  const names = new Map(indicators.map((i) => [i.id, i.name]));
  const stored = (i: Indicator) => settings.byIndicator.get(i.id);
  const weightId = (i: Indicator) => stored(i)?.weightId ?? settings.populationId;
  return {
    rule: (i) => ruleOf(i, stored(i)?.rule as ComparableRule | null),
    weightId,
    // `indicators` are those the caller may see: a weight outside them is used but not printed.
    weightVisible: (i) => {
      const id = weightId(i);
      return id !== null && names.has(id);
    },
    weightName: (i) => {
      const id = stored(i)?.weightId;
      const name = id ? names.get(id) : undefined;
      return name ? name.charAt(0).toLocaleLowerCase("vi-VN") + name.slice(1) : "dân số";
    },
  };
}

/** Reads one predecessor's targets and approved figures for the period, as the rebuild needs them. */
async function readPredecessorRows(
  db: Kysely<DB>,
  unitId: number,
  period: EvaluatedPeriod,
  keys: string[],
): Promise<PredecessorReads> {
  const parentId = await findParentIdAt(db, unitId, period.asOf);
  const [targets, results] = await Promise.all([
    listTargetsForUnit(db, { unitId, parentId, periodKeys: [period.key] }),
    listApprovedFiguresForUnit(db, unitId, keys),
  ]);
  const figures = new Map<string, Map<number, FigureSet>>();
  for (const r of results) addFigure(figures, r);
  return { figures, targets: resolveTargets(targets, unitId, parentId, period.key) };
}

/** A predecessor's rows, its reads shared by every unit of the period it is rebuilt into (read-only). */
async function readPredecessor(
  db: Kysely<DB>,
  p: BasePredecessor,
  period: EvaluatedPeriod,
  keys: string[],
  cache: Map<number, Promise<PredecessorReads>>,
): Promise<PredecessorRows> {
  let reads = cache.get(p.unitId);
  if (!reads) {
    reads = readPredecessorRows(db, p.unitId, period, keys);
    cache.set(p.unitId, reads);
  }
  return { unitId: p.unitId, label: p.label, share: p.share, ...(await reads) };
}

/** The evaluation of `unit` (not existing at the period's date) on its area's rebuilt figures. */
async function evaluateRebuilt(
  db: Kysely<DB>,
  unit: UnitSpanRow,
  period: EvaluatedPeriod,
  shared: SharedReads,
  withNarrative: boolean,
): Promise<BasedEvaluation> {
  const spans = shared.spans as ReadonlyMap<number, UnitSpan>;
  const traced = tracePredecessors(unit.id, period.asOf, shared.links, spans);
  const labelOf = (id: number) => {
    const u = shared.spans.get(id);
    return u ? unitInSentence(u) : String(id);
  };
  const predecessors: BasePredecessor[] = traced.predecessors.map((p) => ({
    unitId: p.unitId,
    name: shared.spans.get(p.unitId)?.name ?? String(p.unitId),
    label: labelOf(p.unitId),
    share: p.share,
    legalBases: p.legalBases,
  }));
  const missingShares = traced.missingShares.map((l) => ({
    fromUnitId: l.fromUnitId,
    toUnitId: l.toUnitId,
    message: `Thiếu tỷ lệ dân số của phần ${labelOf(l.fromUnitId)} chuyển sang ${labelOf(l.toUnitId)}${l.legalBasis ? ` (${l.legalBasis})` : ""}.`,
  }));
  const { keys, previousKey } = keysToRead(period);
  const figureKeys = period.kind === "term" ? keys.filter((k) => k !== period.key) : keys;
  const rows = await Promise.all(
    predecessors.map((p) => readPredecessor(db, p, period, figureKeys, shared.predecessorReads)),
  );
  const rebuilt = rebuildRows({
    unitId: unit.id,
    periodKey: period.key,
    keys: figureKeys,
    indicators: shared.indicators,
    predecessors: rows,
    settings: rebuildSettings(shared.settings, shared.indicators),
  });
  const evaluations = assembleUnitEvaluation({
    unitId: unit.id,
    parentId: null,
    periodKey: period.key,
    indicators: shared.indicators,
    targets: rebuilt.targets,
    figures: rebuilt.figures,
    previousKey,
  });
  const shown = new Set(evaluations.map((e) => e.indicator.id));
  for (const e of evaluations) {
    const note = rebuilt.notes.get(e.indicator.id);
    e.notes = note ? [note] : [];
  }
  const notRebuilt = shared.indicators
    .filter((i) => !shown.has(i.id) && rebuilt.notes.has(i.id))
    .map((i) => `${i.name}: ${(rebuilt.notes.get(i.id) as string).replace(/^Chưa quy đổi được: /, "")}`);
  const summary = summarizeEvaluations(evaluations.map((e) => e.evaluation));
  const brief = { id: unit.id, name: unit.name, level: unit.level, code: unit.code };
  const shares = predecessors.map((p) => `${p.label} ${shareText(p.share)}`).join(", ");
  const narrative = withNarrative ? narrativeOf(brief, period, evaluations) : null;
  return {
    unit: brief,
    period,
    indicators: evaluations,
    summary,
    // A missing share leaves figures out: a score would rank the unit on what the records lack.
    score: missingShares.length > 0 ? null : rankingScore(summary),
    narrative: narrative ? `${narrative} (${COMPARABLE_LABEL}: ${shares}.)` : null,
    base: { kind: "comparable", label: COMPARABLE_LABEL, predecessors, missingShares, notRebuilt },
  };
}

/**
 * Evaluates a unit for a period on the asked base. On the comparable base a unit that existed at the
 * period's date keeps its own figures (base `own`); one that did not gets its area's rebuilt figures,
 * with the predecessors and their shares, missing shares named and nothing guessed.
 */
export async function evaluateUnitOnBase(
  db: Kysely<DB>,
  input: { unitId: number; periodKey: string } & BaseOptions,
): Promise<BasedEvaluation> {
  const own = async (): Promise<BasedEvaluation> => ({
    ...(await evaluateUnit(db, input)),
    base: { kind: "own" },
  });
  if (input.base === "own") return own();
  const unit = await findUnitSpan(db, input.unitId);
  if (!unit) throw new NotFoundError("Không tìm thấy đơn vị.");
  const period = await resolvePeriod(db, unit.id, input.periodKey);
  if (unit.validFrom <= period.asOf) return own();
  const shared = await readShared(db, period, input.publicOnly ?? false);
  return evaluateRebuilt(db, unit, period, shared, true);
}

/** The predecessors a caller must be allowed to read for the full (non-public) comparable evaluation. */
export async function listComparablePredecessors(
  db: Kysely<DB>,
  unitId: number,
  periodKey: string,
): Promise<number[]> {
  const unit = await findUnitSpan(db, unitId);
  if (!unit) return [];
  const period = await resolvePeriod(db, unit.id, periodKey);
  if (unit.validFrom <= period.asOf) return [];
  const links = await listSuccessionsAfter(db, period.asOf);
  const ids = new Set<number>();
  for (const l of links) ids.add(l.fromUnitId).add(l.toUnitId);
  const spans = new Map((await listUnitSpans(db, [...ids])).map((u) => [u.id, u]));
  return tracePredecessors(unit.id, period.asOf, links, spans).predecessors.map((p) => p.unitId);
}

/**
 * Every unit under `parentId` at `date` (today's structure), each evaluated for a past period on the
 * comparable base: the ranking of the new wards for a year before they existed.
 */
export async function evaluateChildrenOnComparableBase(
  db: Kysely<DB>,
  input: { parentId: number; periodKey: string; date: string; publicOnly?: boolean },
): Promise<BasedEvaluation[]> {
  const parent = await findUnitSpan(db, input.parentId);
  if (!parent) throw new NotFoundError("Không tìm thấy đơn vị.");
  const period = await resolvePeriod(db, parent.id, input.periodKey);
  const children = await listChildrenAt(db, parent.id, input.date);
  const spans = await listUnitSpans(
    db,
    children.map((c) => c.id),
  );
  const publicOnly = input.publicOnly ?? true;
  const shared = await readShared(db, period, publicOnly);
  const own = spans.filter((u) => u.validFrom <= period.asOf);
  const byId = await evaluateOwnInBulk(db, own, period, publicOnly);
  const out: BasedEvaluation[] = [];
  for (const unit of spans) {
    const evaluated = byId.get(unit.id);
    if (evaluated) out.push({ ...evaluated, base: { kind: "own" } });
    else if (unit.validFrom <= period.asOf) {
      // No parent at the period's date (a top unit): evaluated alone.
      const alone = await evaluateUnit(db, { unitId: unit.id, periodKey: period.key, publicOnly });
      out.push({ ...alone, base: { kind: "own" } });
    } else out.push(await evaluateRebuilt(db, unit, period, shared, false));
  }
  return out;
}

/**
 * Units that existed at the period's date, evaluated in bulk among their parent's children then
 * (evaluateSomeChildren, one read per table and parent) instead of one by one. The ranking prints their
 * scores, which equal evaluateUnit's (test/targets/comparable-base-bulk.test.ts); what the bulk path
 * leaves out is not printed there: last year's same period, the figures' notes, the narrative.
 */
async function evaluateOwnInBulk(
  db: Kysely<DB>,
  units: readonly UnitSpanRow[],
  period: EvaluatedPeriod,
  publicOnly: boolean,
): Promise<Map<number, UnitEvaluation>> {
  const parentOf = await listParentIdsAt(
    db,
    units.map((u) => u.id),
    period.asOf,
  );
  const groups = new Map<number, UnitBrief[]>();
  for (const u of units) {
    const parentId = parentOf.get(u.id);
    if (parentId === undefined) continue;
    const brief = { id: u.id, name: u.name, level: u.level, code: u.code };
    const group = groups.get(parentId);
    if (group) group.push(brief);
    else groups.set(parentId, [brief]);
  }
  const parents = await listUnitSpans(db, [...groups.keys()]);
  const out = new Map<number, UnitEvaluation>();
  for (const parent of parents) {
    const some = groups.get(parent.id) ?? [];
    for (const e of await evaluateSomeChildren(db, { parent, period, some }, { publicOnly }))
      out.set(e.unit.id, e);
  }
  return out;
}
