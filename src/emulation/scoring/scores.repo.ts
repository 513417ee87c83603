import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { Stage } from "../schemes/criteria-tree.rules.js";

export interface ScoreRow {
  id: number;
  criterionId: number;
  unitId: number;
  stage: Stage;
  points: number;
  comment: string | null;
  scoredBy: number | null;
  scoredByName: string | null;
  scoredAt: string;
}

export interface ScoreValues {
  points: number;
  comment: string | null;
}

/** Scores of a scheme, optionally for some units and one stage. */
export async function listScores(
  db: Kysely<DB>,
  schemeId: number,
  filter: { unitIds?: number[]; stage?: Stage } = {},
): Promise<ScoreRow[]> {
  if (filter.unitIds && filter.unitIds.length === 0) return [];
  let query = db
    .selectFrom("emulation_scores as s")
    .leftJoin("users as u", "u.id", "s.scored_by")
    .select([
      "s.id",
      "s.criterion_id",
      "s.unit_id",
      "s.stage",
      "s.points",
      "s.comment",
      "s.scored_by",
      "u.display_name",
      "s.scored_at",
    ])
    .where("s.scheme_id", "=", schemeId);
  if (filter.unitIds) query = query.where("s.unit_id", "in", filter.unitIds);
  if (filter.stage) query = query.where("s.stage", "=", filter.stage);
  const rows = await query.orderBy("s.id").execute();
  return rows.map((r) => ({
    id: r.id,
    criterionId: r.criterion_id,
    unitId: r.unit_id,
    stage: r.stage as Stage,
    points: r.points,
    comment: r.comment,
    scoredBy: r.scored_by,
    scoredByName: r.display_name,
    scoredAt: r.scored_at,
  }));
}

type Key = { schemeId: number; criterionId: number; unitId: number; stage: Stage };

async function findScore(db: Kysely<DB>, key: Key) {
  return db
    .selectFrom("emulation_scores")
    .select(["id", "points", "comment"])
    .where("criterion_id", "=", key.criterionId)
    .where("unit_id", "=", key.unitId)
    .where("stage", "=", key.stage)
    .executeTakeFirst();
}

/** Sets the points of (criterion, unit, stage); returns the row id and the previous values, if any. */
export async function upsertScore(
  db: Kysely<DB>,
  key: Key,
  values: ScoreValues,
  meta: { userId: number | null; now: Date },
): Promise<{ id: number; before: ScoreValues | null }> {
  const existing = await findScore(db, key);
  const at = meta.now.toISOString();
  if (existing) {
    await db
      .updateTable("emulation_scores")
      .set({ points: values.points, comment: values.comment, scored_by: meta.userId, scored_at: at })
      .where("id", "=", existing.id)
      .execute();
    return { id: existing.id, before: { points: existing.points, comment: existing.comment } };
  }
  const row = await db
    .insertInto("emulation_scores")
    .values({
      scheme_id: key.schemeId,
      criterion_id: key.criterionId,
      unit_id: key.unitId,
      stage: key.stage,
      points: values.points,
      comment: values.comment,
      scored_by: meta.userId,
      scored_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, before: null };
}

/** Clears the points of (criterion, unit, stage); returns what they were, or null when unscored. */
export async function deleteScore(
  db: Kysely<DB>,
  key: Key,
): Promise<{ id: number; before: ScoreValues } | null> {
  const existing = await findScore(db, key);
  if (!existing) return null;
  await db.deleteFrom("emulation_scores").where("id", "=", existing.id).execute();
  return { id: existing.id, before: { points: existing.points, comment: existing.comment } };
}
