import type { Kysely } from "kysely";

/**
 * 0026: the kept ranking outcomes and the evaluation epochs (ranking-outcomes.tables.ts). Empty at
 * first: outcomes are computed on the first ranking read and kept from then on.
 */
export function rankingOutcomesMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable("evaluation_epochs")
        .addColumn("unit_id", "integer", (c) => c.primaryKey())
        .addColumn("epoch", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("ranking_outcomes")
        .addColumn("parent_id", "integer", (c) => c.notNull())
        .addColumn("unit_id", "integer", (c) => c.notNull())
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("public_only", "integer", (c) => c.notNull())
        .addColumn("today", "text", (c) => c.notNull())
        .addColumn("score", "double precision")
        .addColumn("met", "integer", (c) => c.notNull())
        .addColumn("exceeded", "integer", (c) => c.notNull())
        .addColumn("with_data", "integer", (c) => c.notNull())
        .addColumn("no_data", "integer", (c) => c.notNull())
        .addColumn("unit_epoch", "integer", (c) => c.notNull())
        .addColumn("parent_epoch", "integer", (c) => c.notNull())
        .addColumn("catalogue_epoch", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("ranking_outcomes_pk", ["parent_id", "period_key", "public_only", "unit_id"])
        .execute();
    },
  };
}
