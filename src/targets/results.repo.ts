import { type Kysely, type Selectable, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { ResultStatus, ResultVersion } from "./indicator.model.js";
import { childrenAt } from "./targets.repo.js";
import type { ResultsTable } from "./targets.tables.js";
import type { TermAggregates } from "./term.math.js";

/**
 * Queries on results. Estimate and final are separate rows of one (indicator, unit, period); a write
 * never merges them. Callers authorise before writing; reads for people without `result.read` go
 * through the approved-only functions.
 */

export interface ResultRow {
  id: number;
  indicatorId: number;
  unitId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  version: ResultVersion;
  value: number;
  source: string | null;
  note: string | null;
  status: ResultStatus;
  enteredBy: number | null;
  submittedAt: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
  reopenReason: string | null;
  returnReason: string | null;
  createdAt: string;
  updatedAt: string;
}

function toResult(r: Selectable<ResultsTable>): ResultRow {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    periodKey: r.period_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    version: r.version as ResultVersion,
    value: Number(r.value),
    source: r.source,
    note: r.note,
    status: r.status as ResultStatus,
    enteredBy: r.entered_by,
    submittedAt: r.submitted_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    reopenReason: r.reopen_reason,
    returnReason: r.return_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface ResultKey {
  indicatorId: number;
  unitId: number;
  periodKey: string;
  version: ResultVersion;
}

export async function findResult(db: Kysely<DB>, key: ResultKey): Promise<ResultRow | undefined> {
  const row = await db
    .selectFrom("results")
    .selectAll()
    .where("indicator_id", "=", key.indicatorId)
    .where("unit_id", "=", key.unitId)
    .where("period_key", "=", key.periodKey)
    .where("version", "=", key.version)
    .executeTakeFirst();
  return row ? toResult(row) : undefined;
}

export async function findResultsByIds(db: Kysely<DB>, ids: number[]): Promise<ResultRow[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom("results").selectAll().where("id", "in", ids).orderBy("id").execute()).map(
    toResult,
  );
}

/** A unit's results for some periods; every status unless `approvedOnly`. */
export async function listResultsForUnit(
  db: Kysely<DB>,
  unitId: number,
  periodKeys: string[],
  options: { approvedOnly?: boolean } = {},
): Promise<ResultRow[]> {
  if (periodKeys.length === 0) return [];
  let query = db
    .selectFrom("results")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("period_key", "in", periodKeys);
  if (options.approvedOnly) query = query.where("status", "=", "approved");
  return (await query.orderBy("id").execute()).map(toResult);
}

/** An approved figure as evaluation reads it: which indicator, period and version, its value and note. */
export interface ApprovedFigure {
  indicatorId: number;
  periodKey: string;
  version: ResultVersion;
  value: number;
  note: string | null;
}

/**
 * A unit's approved figures for some periods, in the order they were entered. Only the five columns
 * evaluation reads: on a unit's term page (six years × every indicator) building the full rows cost
 * more than the query.
 */
export async function listApprovedFiguresForUnit(
  db: Kysely<DB>,
  unitId: number,
  periodKeys: string[],
): Promise<ApprovedFigure[]> {
  if (periodKeys.length === 0) return [];
  const rows = await db
    .selectFrom("results")
    .select(["indicator_id", "period_key", "version", "value", "note"])
    .where("unit_id", "=", unitId)
    .where("period_key", "in", periodKeys)
    .where("status", "=", "approved")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    periodKey: r.period_key,
    version: r.version as ResultVersion,
    value: Number(r.value),
    note: r.note,
  }));
}

/**
 * Calls `visit` with every approved figure of every child of `parentId` at `date` for the given
 * periods, read in one query.
 *
 * The rows come back packed, one text per unit ("indicator,period,version,value;…"), and are handed
 * over without building an object per figure, because turning 200.000 rows into JavaScript objects
 * costs the driver and the garbage collector several times what the database spends finding them (a
 * national ranking reads 3.321 wards × 60 indicators). Both engines have string_agg and print a
 * double as its shortest round-trip decimal, so no figure changes on the way.
 */
export async function visitApprovedOfChildren(
  db: Kysely<DB>,
  input: { parentId: number; date: string; periodKeys: string[] },
  visit: (
    unitId: number,
    indicatorId: number,
    periodKey: string,
    version: ResultVersion,
    value: number,
  ) => void,
): Promise<void> {
  if (input.periodKeys.length === 0) return;
  const packed = sql<string>`string_agg(cast(indicator_id as text) || ',' || period_key || ',' || version || ',' || cast(value as text), ';')`;
  const rows = await db
    .selectFrom("results")
    .select(["unit_id", packed.as("packed")])
    .where((eb) => eb("unit_id", "in", childrenAt(eb, input.parentId, input.date)))
    .where("period_key", "in", input.periodKeys)
    .where("status", "=", "approved")
    .groupBy("unit_id")
    .execute();
  for (const { unit_id: unitId, packed: text } of rows) {
    let start = 0;
    while (start < text.length) {
      const a = text.indexOf(",", start);
      const b = text.indexOf(",", a + 1);
      const c = text.indexOf(",", b + 1);
      let end = text.indexOf(";", c + 1);
      if (end < 0) end = text.length;
      const version = text.slice(b + 1, c) as ResultVersion;
      visit(
        unitId,
        Number(text.slice(start, a)),
        text.slice(a + 1, b),
        version,
        Number(text.slice(c + 1, end)),
      );
      start = end + 1;
    }
  }
}

/** Which units a term aggregate query covers: the children of a parent at a date, or one unit. */
export type TermScope = { parentId: number; date: string } | { unitId: number };

/**
 * Calls `visit` with the approved annual figures of each unit and indicator over each window of years
 * [from, to] (a term's years), summed up by the database in one grouped query: per year the final
 * figure, else the estimate; the years present, those resting on an estimate, the sum, how many are
 * > 0, and the first and last year's figures (term.math's {@link TermAggregates}). Pairs of unit and
 * indicator without any figure in a window are not visited.
 *
 * A national term ranking covers 3.321 wards × 60 indicators × 5 years: a million yearly figures stay
 * in the database, and 200.000 aggregates come back packed, one text per unit (as in
 * {@link visitApprovedOfChildren}). The first and last figures travel as text, which both engines print
 * as the shortest round-trip decimal, so they arrive unchanged; the sum is the database's (SQLite
 * sums with compensation, PostgreSQL in scan order), equal to a sum in year order within binary
 * noise, which the evaluation's comparisons tolerate (figures.math).
 */
export async function visitTermAggregates(
  db: Kysely<DB>,
  input: { scope: TermScope; windows: readonly (readonly [number, number])[] },
  visit: (
    unitId: number,
    indicatorId: number,
    from: number,
    to: number,
    aggregates: TermAggregates,
    estimateYears: readonly number[],
  ) => void,
): Promise<void> {
  const windows = input.windows.filter(([from, to]) => from <= to);
  for (const [from, to] of windows) {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1000 || to > 9999) {
      throw new RangeError(`a term window needs four-digit years, got ${from}–${to}`);
    }
  }
  if (windows.length === 0) return;
  const units =
    "unitId" in input.scope
      ? sql`r.unit_id = ${input.scope.unitId}`
      : sql`r.unit_id IN (SELECT p.unit_id FROM unit_parents p WHERE p.parent_id = ${input.scope.parentId}
          AND p.valid_from <= ${input.scope.date} AND (p.valid_to IS NULL OR p.valid_to >= ${input.scope.date}))`;
  // One grouped SELECT per window (usually one), each reading only its years: a join to a table of
  // windows costs SQLite more per row than the aggregates themselves.
  const perWindow = windows.map(([from, to]) => {
    const keys = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    return sql`
      SELECT r.unit_id,
        cast(r.indicator_id as text) || ${`|${from}|${to}|`} || string_agg(r.period_key, ',')
        || '|' || coalesce(string_agg(CASE WHEN r.version = 'estimate' THEN r.period_key END, ','), '')
        || '|' || cast(sum(r.value) as text)
        || '|' || cast(sum(CASE WHEN r.value > 0 THEN 1 ELSE 0 END) as text)
        || '|' || min(r.period_key || ':' || cast(r.value as text))
        || '|' || max(r.period_key || ':' || cast(r.value as text)) AS packed
      FROM results r
      WHERE ${units} AND r.period_key IN (${sql.join(keys)}) AND r.status = 'approved'
        AND (r.version = 'final' OR (r.version = 'estimate' AND NOT EXISTS (
          SELECT 1 FROM results f WHERE f.indicator_id = r.indicator_id AND f.unit_id = r.unit_id
            AND f.period_key = r.period_key AND f.version = 'final' AND f.status = 'approved')))
      GROUP BY r.unit_id, r.indicator_id`;
  });
  const { rows } = await sql<{ unit_id: number; packed: string }>`
    SELECT unit_id, string_agg(packed, ';') AS packed FROM (${sql.join(perWindow, sql` UNION ALL `)}) g
    GROUP BY unit_id`.execute(db);
  // Years come as "2015,2016,…" in no set order. A window with every year present (the usual case)
  // shares one array instead of parsing its years again for each unit and indicator.
  const allYears = new Map<string, number[]>();
  for (const [from, to] of windows) {
    allYears.set(
      `${from}|${to}`,
      Array.from({ length: to - from + 1 }, (_, i) => from + i),
    );
  }
  const NONE: readonly number[] = [];
  const years = (text: string, window: string): readonly number[] => {
    if (text === "") return NONE;
    const all = allYears.get(window) as number[];
    if (text.length === all.length * 5 - 1) return all;
    return text
      .split(",")
      .map(Number)
      .sort((a, b) => a - b);
  };
  const figureOf = (text: string) => Number(text.slice(text.indexOf(":") + 1));
  for (const { unit_id: unitId, packed } of rows) {
    for (const group of packed.split(";")) {
      const [indicator, from, to, present, estimates, sum, positive, first, last] = group.split("|") as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const window = `${from}|${to}`;
      visit(
        Number(unitId),
        Number(indicator),
        Number(from),
        Number(to),
        {
          yearsPresent: years(present, window),
          sum: Number(sum),
          positive: Number(positive),
          first: figureOf(first),
          last: figureOf(last),
        },
        years(estimates, window),
      );
    }
  }
}

export interface ResultInsert extends ResultKey {
  periodStart: string;
  periodEnd: string;
  value: number;
  source: string | null;
  note: string | null;
  status: ResultStatus;
  enteredBy: number | null;
}

export async function insertResult(db: Kysely<DB>, input: ResultInsert, now: Date): Promise<ResultRow> {
  const at = now.toISOString();
  const row = await db
    .insertInto("results")
    .values({
      indicator_id: input.indicatorId,
      unit_id: input.unitId,
      period_key: input.periodKey,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      version: input.version,
      value: input.value,
      source: input.source,
      note: input.note,
      status: input.status,
      entered_by: input.enteredBy,
      submitted_at: null,
      approved_by: null,
      approved_at: null,
      reopen_reason: null,
      return_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toResult(row);
}

/** The fields a workflow step or an edit may change. */
export interface ResultPatch {
  value?: number;
  source?: string | null;
  note?: string | null;
  periodStart?: string;
  periodEnd?: string;
  status?: ResultStatus;
  enteredBy?: number | null;
  submittedAt?: string | null;
  approvedBy?: number | null;
  approvedAt?: string | null;
  reopenReason?: string | null;
  returnReason?: string | null;
}

/**
 * Applies a patch when the row is still in `expectedStatus` (a compare-and-set, so two approvers or an
 * edit racing an approval cannot both win). Returns the new row, or undefined when the status moved.
 */
export async function patchResult(
  db: Kysely<DB>,
  id: number,
  expectedStatus: ResultStatus,
  patch: ResultPatch,
  now: Date,
): Promise<ResultRow | undefined> {
  const set: Partial<Selectable<ResultsTable>> = { updated_at: now.toISOString() };
  if (patch.value !== undefined) set.value = patch.value;
  if (patch.source !== undefined) set.source = patch.source;
  if (patch.note !== undefined) set.note = patch.note;
  if (patch.periodStart !== undefined) set.period_start = patch.periodStart;
  if (patch.periodEnd !== undefined) set.period_end = patch.periodEnd;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.enteredBy !== undefined) set.entered_by = patch.enteredBy;
  if (patch.submittedAt !== undefined) set.submitted_at = patch.submittedAt;
  if (patch.approvedBy !== undefined) set.approved_by = patch.approvedBy;
  if (patch.approvedAt !== undefined) set.approved_at = patch.approvedAt;
  if (patch.reopenReason !== undefined) set.reopen_reason = patch.reopenReason;
  if (patch.returnReason !== undefined) set.return_reason = patch.returnReason;
  const row = await db
    .updateTable("results")
    .set(set)
    .where("id", "=", id)
    .where("status", "=", expectedStatus)
    .returningAll()
    .executeTakeFirst();
  return row ? toResult(row) : undefined;
}

/** Deletes a draft (an emptied field in the entry form); never an approved row. */
export async function deleteDraftResult(db: Kysely<DB>, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom("results")
    .where("id", "=", id)
    .where("status", "in", ["draft", "reopened"])
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Results in some statuses on the given units (all units when null), oldest submission first. */
export async function listResultsByStatus(
  db: Kysely<DB>,
  input: { statuses: ResultStatus[]; unitIds: number[] | null; periodKey?: string; limit: number },
): Promise<ResultRow[]> {
  if (input.unitIds !== null && input.unitIds.length === 0) return [];
  let query = db.selectFrom("results").selectAll().where("status", "in", input.statuses);
  if (input.unitIds !== null) query = query.where("unit_id", "in", input.unitIds);
  if (input.periodKey) query = query.where("period_key", "=", input.periodKey);
  const rows = await query
    .orderBy("unit_id")
    .orderBy("period_key")
    .orderBy("indicator_id")
    .limit(input.limit)
    .execute();
  return rows.map(toResult);
}

/** Approved results for open-data export, filtered by units (all when null) and periods. */
export async function listApprovedResults(
  db: Kysely<DB>,
  input: {
    unitIds: number[] | null;
    periodKeys: string[] | null;
    indicatorIds: number[] | null;
    version?: ResultVersion;
  },
): Promise<ResultRow[]> {
  if (input.unitIds?.length === 0 || input.periodKeys?.length === 0 || input.indicatorIds?.length === 0)
    return [];
  let query = db.selectFrom("results").selectAll().where("status", "=", "approved");
  if (input.unitIds) query = query.where("unit_id", "in", input.unitIds);
  if (input.periodKeys) query = query.where("period_key", "in", input.periodKeys);
  if (input.indicatorIds) query = query.where("indicator_id", "in", input.indicatorIds);
  if (input.version) query = query.where("version", "=", input.version);
  const rows = await query.orderBy("unit_id").orderBy("period_key").orderBy("indicator_id").execute();
  return rows.map(toResult);
}
