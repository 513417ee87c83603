import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { rebuildFollowUpCounters } from "./follow-up-counters.repo.js";

/**
 * Migration 0024: the maintained follow-up counters (types in follow-up-counters.tables.ts), filled
 * from the directives already stored.
 */
export function followUpCountersMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("follow_up_counters")
        .addColumn("dimension", "text", (c) => c.notNull())
        .addColumn("group_key", "text", (c) => c.notNull())
        .addColumn("unit_id", "integer", (c) => c.notNull())
        .addColumn("cells", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("follow_up_counters_pk", ["dimension", "group_key", "unit_id"])
        .execute();
      await rebuildFollowUpCounters(db as Kysely<DB>);
    },
  };
}
