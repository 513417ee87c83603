import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/**
 * Period keys that hold a target or a result of the given units (all units when `unitIds` is null):
 * what the admin lists open on when the address names no period.
 */
export async function listPeriodKeysWithData(
  db: Kysely<DB>,
  unitIds: readonly number[] | null,
): Promise<string[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  let results = db.selectFrom("results").select("period_key").distinct();
  let targets = db.selectFrom("targets").select("period_key").distinct();
  if (unitIds !== null) {
    results = results.where("unit_id", "in", [...unitIds]);
    targets = targets.where("unit_id", "in", [...unitIds]);
  }
  const rows = await results.union(targets).execute();
  return rows.map((r) => r.period_key);
}
