import type { Kysely } from "kysely";

/**
 * Checks at entry (0012-entry-checks): per indicator, what kind of figure it is and its bounds, and the
 * factor beyond which a figure must be confirmed; per result, the warning its officer confirmed, so the
 * office approving it sees it. Every column is nullable: an indicator without them keeps the checks
 * its unit of measure implies (figure-bounds.rules) and the default factor.
 */
export function entryChecksMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable("indicators").addColumn("figure_kind", "text").execute();
      await db.schema.alterTable("indicators").addColumn("min_value", "double precision").execute();
      await db.schema.alterTable("indicators").addColumn("max_value", "double precision").execute();
      await db.schema.alterTable("indicators").addColumn("warn_factor", "double precision").execute();
      await db.schema.alterTable("results").addColumn("confirmed_warning", "text").execute();
    },
  };
}
