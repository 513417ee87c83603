import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/** Indicators, their dated wording, targets and results (see targets.tables.ts for the columns' meaning). */
export function targetsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);

      await table("indicators")
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("field", "text", (c) => c.notNull())
        .addColumn("unit_of_measure", "text", (c) => c.notNull())
        .addColumn("value_type", "text", (c) => c.notNull())
        .addColumn("direction", "text", (c) => c.notNull())
        .addColumn("comparison_mode", "text", (c) => c.notNull())
        .addColumn("term_aggregation", "text", (c) => c.notNull())
        .addColumn("responsible_organisation_id", "integer", (c) =>
          c.references("organisations.id").onDelete("set null"),
        )
        .addColumn("definition", "text")
        .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await table("indicator_definitions")
        .addColumn("indicator_id", "integer", (c) =>
          c.notNull().references("indicators.id").onDelete("cascade"),
        )
        .addColumn("valid_from", "text", (c) => c.notNull())
        .addColumn("valid_to", "text")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("definition", "text")
        .execute();
      await db.schema
        .createIndex("indicator_definitions_indicator_idx")
        .on("indicator_definitions")
        .columns(["indicator_id", "valid_from"])
        .execute();

      await table("targets")
        .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("applies_to", "text", (c) => c.notNull())
        .addColumn("period_kind", "text", (c) => c.notNull())
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("period_start", "text", (c) => c.notNull())
        .addColumn("period_end", "text", (c) => c.notNull())
        .addColumn("aggregation", "text")
        .addColumn("level_kind", "text", (c) => c.notNull())
        .addColumn("value", "double precision")
        .addColumn("min_value", "double precision")
        .addColumn("max_value", "double precision")
        .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("document", "text")
        .addColumn("note", "text")
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("targets_revision_unique", [
          "indicator_id",
          "unit_id",
          "applies_to",
          "period_key",
          "revision",
        ])
        .execute();
      // Evaluation and ranking read a unit's (or a parent's) targets for one period key.
      await db.schema
        .createIndex("targets_unit_period_idx")
        .on("targets")
        .columns(["unit_id", "period_key", "indicator_id"])
        .execute();

      await table("results")
        .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("period_start", "text", (c) => c.notNull())
        .addColumn("period_end", "text", (c) => c.notNull())
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("value", "double precision", (c) => c.notNull())
        .addColumn("source", "text")
        .addColumn("note", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("entered_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("submitted_at", "text")
        .addColumn("approved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("approved_at", "text")
        .addColumn("reopen_reason", "text")
        .addColumn("return_reason", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("results_version_unique", ["indicator_id", "unit_id", "period_key", "version"])
        .execute();
      // One unit's period (evaluation) and every child's period through unit_parents (ranking).
      await db.schema
        .createIndex("results_unit_period_idx")
        .on("results")
        .columns(["unit_id", "period_key", "status"])
        .execute();
      // The approval queue lists submitted figures.
      await db.schema
        .createIndex("results_status_idx")
        .on("results")
        .columns(["status", "unit_id"])
        .execute();
    },
  };
}
