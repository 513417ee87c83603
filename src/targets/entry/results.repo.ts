import type { Kysely, Selectable } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { ResultStatus, ResultVersion } from "../catalogue/indicator.model.js";
import { maintainResultSummaries } from "../summaries/result-summaries.repo.js";
import type { ResultsTable } from "../targets.tables.js";

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
  /** The warning the officer confirmed when entering the figure (entry-checks.rules), or null. */
  confirmedWarning: string | null;
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
    confirmedWarning: r.confirmed_warning ?? null,
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

export interface ResultInsert extends ResultKey {
  periodStart: string;
  periodEnd: string;
  value: number;
  source: string | null;
  note: string | null;
  status: ResultStatus;
  enteredBy: number | null;
  confirmedWarning?: string | null;
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
      confirmed_warning: input.confirmedWarning ?? null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const result = toResult(row);
  if (result.status === "approved") await maintainResultSummaries(db, [result]);
  return result;
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
  confirmedWarning?: string | null;
}

/**
 * Inserting or patching a row keeps the result summaries (summaries/result-summaries.repo) in step in
 * the same transaction whenever an approved figure is involved; a draft is never approved, so
 * deleting one changes no summary.
 *
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
  if (patch.confirmedWarning !== undefined) set.confirmed_warning = patch.confirmedWarning;
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
  if (!row) return undefined;
  const result = toResult(row);
  // Approving, reopening, returning or correcting an approved figure changes what evaluation reads.
  if (expectedStatus === "approved" || result.status === "approved")
    await maintainResultSummaries(db, [result]);
  return result;
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

/** How many results have one of these statuses in these units (all units when null). */
export async function countResultsByStatus(
  db: Kysely<DB>,
  input: { statuses: ResultStatus[]; unitIds: number[] | null },
): Promise<number> {
  if (input.unitIds !== null && input.unitIds.length === 0) return 0;
  let query = db
    .selectFrom("results")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", input.statuses);
  if (input.unitIds !== null) query = query.where("unit_id", "in", input.unitIds);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
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

/**
 * The window a period key without a default window ("2020-6T") was given before: by the unit's own
 * figures, else by any target of that key; undefined when neither exists.
 */
export async function findPeriodWindow(
  db: Kysely<DB>,
  unitId: number,
  periodKey: string,
): Promise<{ start: string; end: string } | undefined> {
  const own = await db
    .selectFrom("results")
    .select(["period_start", "period_end"])
    .where("unit_id", "=", unitId)
    .where("period_key", "=", periodKey)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const row =
    own ??
    (await db
      .selectFrom("targets")
      .select(["period_start", "period_end"])
      .where("period_key", "=", periodKey)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst());
  return row ? { start: row.period_start, end: row.period_end } : undefined;
}
