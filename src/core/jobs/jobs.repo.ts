import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** Makes sure a job row exists; an existing row keeps its schedule. */
export async function ensureJob(db: Kysely<DB>, name: string, firstRunAt: Date): Promise<void> {
  await db
    .insertInto("jobs")
    .values({
      name,
      next_run_at: firstRunAt.toISOString(),
      locked_by: null,
      locked_until: null,
      last_run_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
}

/**
 * Claims a due job for `owner` until `leaseUntil`. One UPDATE with the conditions in its WHERE: on
 * PostgreSQL the row lock makes concurrent claimers wait and re-check, on SQLite writes are serial,
 * so exactly one process wins however many share the database.
 */
export async function claimDueJob(
  db: Kysely<DB>,
  name: string,
  owner: string,
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable("jobs")
    .set({ locked_by: owner, locked_until: leaseUntil.toISOString() })
    .where("name", "=", name)
    .where("next_run_at", "<=", at)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Releases a claimed job and schedules its next run. */
export async function completeJob(
  db: Kysely<DB>,
  name: string,
  owner: string,
  finishedAt: Date,
  nextRunAt: Date,
  error: string | null,
): Promise<void> {
  await db
    .updateTable("jobs")
    .set({
      locked_by: null,
      locked_until: null,
      last_run_at: finishedAt.toISOString(),
      next_run_at: nextRunAt.toISOString(),
      last_error: error,
    })
    .where("name", "=", name)
    .where("locked_by", "=", owner)
    .execute();
}
