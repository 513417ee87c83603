import type { Kysely } from "kysely";
import type { DialectName } from "../../core/db/dialect.js";
import { rebuildResultSummaries } from "./result-summaries.service.js";

/**
 * 0023: the maintained result summaries (result-summaries.tables.ts), filled from the results already
 * stored, so an upgraded installation ranks from them at once.
 */
export function resultSummariesMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("result_summaries")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("figures", "text", (c) => c.notNull())
        .addColumn("notes", "text")
        .addPrimaryKeyConstraint("result_summaries_pk", ["unit_id", "period_key"])
        .execute();
      await db.schema
        .createTable("result_term_summaries")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("year_from", "integer", (c) => c.notNull())
        .addColumn("year_to", "integer", (c) => c.notNull())
        .addColumn("aggregates", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("result_term_summaries_pk", ["unit_id", "year_from", "year_to"])
        .execute();
      await db.schema
        .createTable("result_summary_windows")
        .addColumn("year_from", "integer", (c) => c.notNull())
        .addColumn("year_to", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("result_summary_windows_pk", ["year_from", "year_to"])
        .execute();
      // The ranking outcomes' epochs come with 0026, after this.
      await rebuildResultSummaries(db, undefined, { outcomes: false });
    },
  };
}
