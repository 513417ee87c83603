import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** The reads of the comparison: approved figures of a few indicators for a set of units over some years. */

export interface IndicatorFigure {
  indicatorId: number;
  unitId: number;
  periodKey: string;
  version: "final" | "estimate";
  value: number;
}

/**
 * Approved figures of `indicatorIds` for `unitIds` whose period ends in the years `from`…`to` (years,
 * quarters, months, the first n months; terms too, which the caller leaves out).
 */
export async function listApprovedFiguresIn(
  db: Kysely<DB>,
  input: { indicatorIds: readonly number[]; unitIds: readonly number[]; from: number; to: number },
): Promise<IndicatorFigure[]> {
  if (input.indicatorIds.length === 0 || input.unitIds.length === 0) return [];
  const rows = await db
    .selectFrom("results")
    .select(["indicator_id", "unit_id", "period_key", "version", "value"])
    .where("indicator_id", "in", [...input.indicatorIds])
    .where("unit_id", "in", [...input.unitIds])
    .where("status", "=", "approved")
    .where("period_end", ">=", `${input.from}-01-01`)
    .where("period_end", "<=", `${input.to}-12-31`)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    periodKey: r.period_key,
    version: r.version === "estimate" ? "estimate" : "final",
    value: Number(r.value),
  }));
}

/** The last year holding an approved figure of the indicator for any of the units (all units: null). */
export async function findLatestFigureYear(
  db: Kysely<DB>,
  indicatorId: number,
  unitIds: readonly number[] | null,
): Promise<number | null> {
  if (unitIds !== null && unitIds.length === 0) return null;
  let query = db
    .selectFrom("results")
    .select((eb) => eb.fn.max("period_end").as("last"))
    .where("indicator_id", "=", indicatorId)
    .where("status", "=", "approved");
  if (unitIds !== null) query = query.where("unit_id", "in", [...unitIds]);
  const row = await query.executeTakeFirst();
  return row?.last ? Number(String(row.last).slice(0, 4)) : null;
}
