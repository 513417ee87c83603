import type { Kysely } from "kysely";
import { type DialectName, withAutoId } from "../core/db/dialect.js";

/**
 * Department assessments, emulation schemes with their criteria tree, clusters and staged scores,
 * quality ratings and award proposals. Built with the schema builder only, so both engines get the
 * same tables; uniqueness that the services rely on is enforced here too.
 */
export function emulationMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const table = (name: string) => withAutoId(db.schema.createTable(name), dialect);
      const points = "double precision";

      await table("department_assessments")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("score", points)
        .addColumn("rank", "integer")
        .addColumn("comment", "text")
        .addColumn("assessed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("department_assessments_unique", ["unit_id", "organisation_id", "period_key"])
        .execute();

      await table("department_staff")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("department_staff_unique", ["user_id", "organisation_id"])
        .execute();

      await table("emulation_schemes")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("owner_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("max_points", points, (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        // One scheme per parent and period: the ranking API reads "the" scheme of a parent.
        .addUniqueConstraint("emulation_schemes_unique", ["owner_unit_id", "period_key"])
        .execute();

      await table("emulation_clusters")
        .addColumn("scheme_id", "integer", (c) =>
          c.notNull().references("emulation_schemes.id").onDelete("cascade"),
        )
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .execute();

      await table("emulation_cluster_members")
        .addColumn("cluster_id", "integer", (c) =>
          c.notNull().references("emulation_clusters.id").onDelete("cascade"),
        )
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addUniqueConstraint("emulation_cluster_members_unique", ["cluster_id", "unit_id"])
        .execute();

      await table("emulation_criteria")
        .addColumn("scheme_id", "integer", (c) =>
          c.notNull().references("emulation_schemes.id").onDelete("cascade"),
        )
        .addColumn("parent_id", "integer", (c) => c.references("emulation_criteria.id"))
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("max_points", points, (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("indicator_code", "text")
        .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("rule", "text")
        .addColumn("fixed_points", points)
        .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint("emulation_criteria_code_unique", ["scheme_id", "code"])
        .execute();

      await table("emulation_scores")
        .addColumn("scheme_id", "integer", (c) =>
          c.notNull().references("emulation_schemes.id").onDelete("cascade"),
        )
        .addColumn("criterion_id", "integer", (c) =>
          c.notNull().references("emulation_criteria.id").onDelete("cascade"),
        )
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("stage", "text", (c) => c.notNull())
        .addColumn("points", points, (c) => c.notNull())
        .addColumn("comment", "text")
        .addColumn("scored_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("scored_at", "text", (c) => c.notNull())
        .addUniqueConstraint("emulation_scores_unique", ["criterion_id", "unit_id", "stage"])
        .execute();
      await db.schema
        .createIndex("emulation_scores_scheme_idx")
        .on("emulation_scores")
        .columns(["scheme_id", "stage", "unit_id"])
        .execute();

      await table("quality_ratings")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
        .addColumn("subject_key", "text", (c) => c.notNull())
        .addColumn("subject_kind", "text", (c) => c.notNull())
        .addColumn("rater_unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("year", "text", (c) => c.notNull())
        .addColumn("score", points, (c) => c.notNull())
        .addColumn("score_level", "text", (c) => c.notNull())
        .addColumn("conditions_json", "text", (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("quota_outcome", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("decided_at", "text", (c) => c.notNull())
        .addUniqueConstraint("quality_ratings_unique", ["unit_id", "subject_key", "year"])
        .execute();
      await db.schema
        .createIndex("quality_ratings_set_idx")
        .on("quality_ratings")
        .columns(["rater_unit_id", "year", "subject_kind"])
        .execute();

      await table("award_proposals")
        .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
        .addColumn("year", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("basis", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("proposing_body", "text", (c) => c.notNull())
        .addColumn("proposed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("award_proposals_unique", ["unit_id", "year", "title"])
        .execute();
      await db.schema.createIndex("award_proposals_year_idx").on("award_proposals").column("year").execute();
    },
  };
}
