import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { ScoreUsage } from "./criteria-edit.rules.js";
import { criterionColumns, type NewCriterion } from "./schemes.repo.js";

/** How each criterion of a scheme has been scored: units with a score and the highest points. */
export async function scoreUsage(db: Kysely<DB>, schemeId: number): Promise<Map<number, ScoreUsage>> {
  const rows = await db
    .selectFrom("emulation_scores")
    .select((eb) => [
      "criterion_id",
      eb.fn.count<number | string>("unit_id").distinct().as("units"),
      eb.fn.max("points").as("max_points"),
    ])
    .where("scheme_id", "=", schemeId)
    .groupBy("criterion_id")
    .execute();
  return new Map(
    rows.map((r) => [r.criterion_id, { units: Number(r.units), maxPoints: Number(r.max_points) }]),
  );
}

/** Rewrites a criterion's fields (its id and scheme stay). */
export async function updateCriterion(
  db: Kysely<DB>,
  schemeId: number,
  id: number,
  c: NewCriterion,
): Promise<void> {
  await db
    .updateTable("emulation_criteria")
    .set(criterionColumns(c))
    .where("id", "=", id)
    .where("scheme_id", "=", schemeId)
    .execute();
}

export async function deleteCriterion(db: Kysely<DB>, schemeId: number, id: number): Promise<void> {
  await db.deleteFrom("emulation_criteria").where("id", "=", id).where("scheme_id", "=", schemeId).execute();
}
