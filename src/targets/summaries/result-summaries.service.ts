/**
 * Rebuilding the result summaries from `results` (the `giaoban rebuild-summaries` command, the
 * migration that adds them, the demo): derived data, so nothing is audited. Every summary write
 * during normal work goes through result-summaries.repo's maintainResultSummaries instead.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { bumpCatalogue } from "../outcomes/ranking-outcomes.repo.js";
import { rebuildUnitRange, resetKeptWindows, unitBatches } from "./result-summaries.repo.js";

/** Units per batch: a national database (3.321 wards × 60 indicators × 10 years) in about 7 batches. */
const BATCH_UNITS = 500;

/** Progress of a rebuild: units done out of all units. */
export type RebuildProgress = (done: number, total: number) => void;

/**
 * Recomputes every summary from the source rows, one transaction per batch of units (or all inside
 * `db` when it is already a transaction). Returns the number of units covered. The kept ranking
 * outcomes then become stale (unless `outcomes: false`: migration 0023 runs before their table exists).
 */
export async function rebuildResultSummaries(
  db: Kysely<DB>,
  onProgress?: RebuildProgress,
  options: { outcomes?: boolean } = {},
): Promise<number> {
  const inTransaction = <T>(body: (trx: Kysely<DB>) => Promise<T>) =>
    db.isTransaction ? body(db) : db.transaction().execute(body);
  const windows = await inTransaction((trx) => resetKeptWindows(trx));
  const { batches, units: total } = await unitBatches(db, BATCH_UNITS);
  let done = 0;
  onProgress?.(0, total);
  for (const batch of batches) {
    await inTransaction((trx) => rebuildUnitRange(trx, batch, windows));
    done = Math.min(total, done + BATCH_UNITS);
    onProgress?.(done, total);
  }
  if (options.outcomes !== false) await bumpCatalogue(db);
  return total;
}
