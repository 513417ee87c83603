import type { Kysely } from "kysely";

/**
 * How an indicator's figure is rebuilt for a unit that did not exist in a past period, from its
 * predecessors' figures (comparable-base.math): `comparable_rule` sum | weighted_mean | none (null:
 * from the value type, a number adds up, a rate is a weighted mean, a milestone is not rebuilt), and
 * `comparable_weight_id`, the indicator whose figures weight a mean (null: the population indicator).
 */
export function comparableBaseMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("indicators").addColumn("comparable_rule", "text").execute();
      await db.schema
        .alterTable("indicators")
        .addColumn("comparable_weight_id", "integer", (c) =>
          c.references("indicators.id").onDelete("set null"),
        )
        .execute();
    },
  };
}
