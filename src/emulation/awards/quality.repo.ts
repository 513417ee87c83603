import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { ConditionCheck, QualityLevel, TaskRecord } from "./quality-level.rules.js";
import type { QualityRuleSetCode } from "./quality-rule-sets.rules.js";

/** What `conditions_json` holds: the facts checked and the verdicts, so the page can show each. */
export interface StoredConditions {
  tasks: TaskRecord;
  /** evaluation: task counts taken from the evaluation of targets; manual: typed by the council. */
  source: "evaluation" | "manual";
  conditions: ConditionCheck[];
  /** The level after the conditions, before the quota. */
  conditionsLevel: QualityLevel;
  explanation: string;
  /** Why the quota kept or moved the level (excellent candidates only). */
  quotaExplanation: string | null;
  /** The rule set that judged the year (absent in ratings saved before rule sets had dates: QĐ 366). */
  ruleSet?: QualityRuleSetCode;
}

export interface RatingRow {
  id: number;
  unitId: number;
  unitName: string;
  organisationId: number | null;
  organisationName: string | null;
  subjectKind: string;
  raterUnitId: number;
  year: string;
  score: number;
  scoreLevel: QualityLevel;
  conditions: StoredConditions;
  level: QualityLevel;
  quotaOutcome: string;
  note: string | null;
  decidedAt: string;
}

function ratingQuery(db: Kysely<DB>) {
  return db
    .selectFrom("quality_ratings as r")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .leftJoin("organisations as o", "o.id", "r.organisation_id")
    .select([
      "r.id",
      "r.unit_id",
      "u.name as unit_name",
      "r.organisation_id",
      "o.name as organisation_name",
      "r.subject_kind",
      "r.rater_unit_id",
      "r.year",
      "r.score",
      "r.score_level",
      "r.conditions_json",
      "r.level",
      "r.quota_outcome",
      "r.note",
      "r.decided_at",
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof ratingQuery>["execute"]>>[number];

const toRow = (r: Raw): RatingRow => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  subjectKind: r.subject_kind,
  raterUnitId: r.rater_unit_id,
  year: r.year,
  score: r.score,
  scoreLevel: r.score_level as QualityLevel,
  conditions: JSON.parse(r.conditions_json) as StoredConditions,
  level: r.level as QualityLevel,
  quotaOutcome: r.quota_outcome,
  note: r.note,
  decidedAt: r.decided_at,
});

/** The ratings a council gives for a year; one kind of subject when given (the quota's set). */
export async function listRatings(
  db: Kysely<DB>,
  raterUnitId: number,
  year: string,
  subjectKind?: string,
): Promise<RatingRow[]> {
  let query = ratingQuery(db).where("r.rater_unit_id", "=", raterUnitId).where("r.year", "=", year);
  if (subjectKind) query = query.where("r.subject_kind", "=", subjectKind);
  return (await query.orderBy("r.score", "desc").orderBy("u.name").execute()).map(toRow);
}

/** What is written for a rating: the row without its id, the names joined in and the decision time. */
export type RatingValues = Omit<RatingRow, "id" | "unitName" | "organisationName" | "decidedAt">;

/** Inserts or replaces the rating of a subject for a year; returns its id and previous row. */
export async function upsertRating(
  db: Kysely<DB>,
  values: RatingValues,
  meta: { userId: number | null; now: Date },
): Promise<{ id: number; before: RatingRow | null }> {
  const subjectKey = values.organisationId === null ? "u" : `o${values.organisationId}`;
  const existing = await ratingQuery(db)
    .where("r.unit_id", "=", values.unitId)
    .where("r.subject_key", "=", subjectKey)
    .where("r.year", "=", values.year)
    .executeTakeFirst();
  const row = {
    unit_id: values.unitId,
    organisation_id: values.organisationId,
    subject_key: subjectKey,
    subject_kind: values.subjectKind,
    rater_unit_id: values.raterUnitId,
    year: values.year,
    score: values.score,
    score_level: values.scoreLevel,
    conditions_json: JSON.stringify(values.conditions),
    level: values.level,
    quota_outcome: values.quotaOutcome,
    note: values.note,
    decided_by: meta.userId,
    decided_at: meta.now.toISOString(),
  };
  if (existing) {
    await db.updateTable("quality_ratings").set(row).where("id", "=", existing.id).execute();
    return { id: existing.id, before: toRow(existing) };
  }
  const inserted = await db
    .insertInto("quality_ratings")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: inserted.id, before: null };
}

/** Writes the outcome of the quota on one rating. */
export async function updateRatingOutcome(
  db: Kysely<DB>,
  id: number,
  values: { level: QualityLevel; quotaOutcome: string; conditions: StoredConditions },
): Promise<void> {
  await db
    .updateTable("quality_ratings")
    .set({
      level: values.level,
      quota_outcome: values.quotaOutcome,
      conditions_json: JSON.stringify(values.conditions),
    })
    .where("id", "=", id)
    .execute();
}
