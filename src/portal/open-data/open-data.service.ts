import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import {
  type BasedEvaluation,
  type BaseKind,
  evaluateUnitOnBase,
} from "../../targets/comparable/comparable-base.service.js";
import type { IndicatorEvaluation } from "../../targets/evaluation/evaluation-assembly.rules.js";
import { listOpenDataPeriods } from "./open-data.repo.js";

/**
 * A unit's open data for one period: the targets module's evaluation restricted to public
 * indicators (`publicOnly`), which reads approved figures only, keeping the indicators that have a
 * figure. Nothing here computes: the arithmetic is the targets module's.
 */

export interface OpenData {
  /** On the asked base: a new unit's past periods may be rebuilt from its predecessors. */
  evaluation: BasedEvaluation;
  /** The base the visitor asked for. */
  asked: BaseKind;
  /** Public indicators with an approved figure for the period. */
  rows: IndicatorEvaluation[];
  /** Periods with open data for this unit, newest first (for the period links). */
  periods: string[];
}

/** The newest period with open data, or last year when there is none yet. */
export async function defaultOpenDataPeriod(db: Kysely<DB>, unitId: number, today: string): Promise<string> {
  const periods = await listOpenDataPeriods(db, unitId);
  return periods[0] ?? String(Number(today.slice(0, 4)) - 1);
}

/** 404 for an unknown unit; a 422 ValidationError (field `period`) for a malformed period key. */
export async function loadOpenData(
  db: Kysely<DB>,
  unitId: number,
  periodKey: string,
  base: BaseKind = "own",
): Promise<OpenData> {
  const [evaluation, periods] = await Promise.all([
    evaluateUnitOnBase(db, { unitId, periodKey, publicOnly: true, base }),
    listOpenDataPeriods(db, unitId),
  ]);
  const rows = evaluation.indicators.filter((e) => e.evaluation.actual !== null);
  return { evaluation, asked: base, rows, periods };
}
