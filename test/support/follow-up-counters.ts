import type { Kysely } from "kysely";
import type { DB } from "../../src/core/db/schema.js";
import {
  COUNTER_SOURCE_COLUMNS,
  countersOf,
  encodeCounters,
  readAllCounters,
} from "../../src/directives/follow-up/follow-up-counters.repo.js";

/** The stored follow-up counters and the ones a full pass over the directives gives, comparable. */
export async function storedAndRecomputedCounters(
  db: Kysely<DB>,
): Promise<{ stored: Record<string, string>; recomputed: Record<string, string> }> {
  const sources = await db
    .selectFrom("directives")
    .select([...COUNTER_SOURCE_COLUMNS])
    .execute();
  return {
    stored: Object.fromEntries(await readAllCounters(db)),
    recomputed: Object.fromEntries(encodeCounters(countersOf(sources))),
  };
}
