import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** Organisation kinds that assess units in their field (phòng, ban, đoàn thể, MTTQ). */
export const ASSESSING_KINDS = ["department", "party_board", "fatherland_front", "centre", "other"];

export interface DepartmentRow {
  id: number;
  unitId: number;
  kind: string;
  name: string;
}

export interface AssessmentRow {
  id: number;
  unitId: number;
  unitName: string;
  organisationId: number;
  organisationName: string;
  periodKey: string;
  score: number | null;
  rank: number | null;
  comment: string | null;
  updatedAt: string;
}

/** Departments valid at `date` among the given ids (all when null), of the assessing kinds. */
export async function listDepartments(
  db: Kysely<DB>,
  ids: number[] | null,
  date: string,
): Promise<DepartmentRow[]> {
  if (ids !== null && ids.length === 0) return [];
  let query = db
    .selectFrom("organisations")
    .select(["id", "unit_id", "kind", "name"])
    .where("kind", "in", ASSESSING_KINDS)
    .where("valid_from", "<=", date)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", date)]))
    .orderBy("unit_id")
    .orderBy("sort_order")
    .orderBy("id");
  if (ids !== null) query = query.where("id", "in", ids);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, kind: r.kind, name: r.name }));
}

/** The departments a user works for (department_staff). */
export async function listStaffDepartmentIds(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("department_staff")
    .select("organisation_id")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.organisation_id);
}

export async function insertDepartmentStaff(
  db: Kysely<DB>,
  input: { userId: number; organisationId: number; now: Date },
): Promise<number> {
  const row = await db
    .insertInto("department_staff")
    .values({
      user_id: input.userId,
      organisation_id: input.organisationId,
      created_at: input.now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const assessmentColumns = [
  "a.id",
  "a.unit_id",
  "u.name as unit_name",
  "a.organisation_id",
  "o.name as organisation_name",
  "a.period_key",
  "a.score",
  "a.rank",
  "a.comment",
  "a.updated_at",
] as const;

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("department_assessments as a")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(assessmentColumns);
}

type RawAssessment = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function toRow(r: RawAssessment): AssessmentRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    periodKey: r.period_key,
    score: r.score,
    rank: r.rank,
    comment: r.comment,
    updatedAt: r.updated_at,
  };
}

/** A unit's assessments, newest period first, then by department. */
export async function listAssessmentsOfUnit(
  db: Kysely<DB>,
  unitId: number,
  periodKey?: string,
): Promise<AssessmentRow[]> {
  let query = baseQuery(db).where("a.unit_id", "=", unitId);
  if (periodKey) query = query.where("a.period_key", "=", periodKey);
  const rows = await query.orderBy("a.period_key", "desc").orderBy("o.sort_order").orderBy("o.id").execute();
  return rows.map(toRow);
}

/** One department's assessments for a period, best rank first. */
export async function listAssessmentsOfDepartment(
  db: Kysely<DB>,
  organisationId: number,
  periodKey: string,
): Promise<AssessmentRow[]> {
  const rows = await baseQuery(db)
    .where("a.organisation_id", "=", organisationId)
    .where("a.period_key", "=", periodKey)
    .orderBy("a.rank")
    .orderBy("u.name")
    .execute();
  return rows.map(toRow);
}

/** Every assessment of a period by the given departments of the given units (for computed criteria). */
export async function listAssessmentsFor(
  db: Kysely<DB>,
  organisationIds: number[],
  periodKey: string,
): Promise<AssessmentRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await baseQuery(db)
    .where("a.organisation_id", "in", organisationIds)
    .where("a.period_key", "=", periodKey)
    .execute();
  return rows.map(toRow);
}

export interface AssessmentValues {
  score: number | null;
  rank: number | null;
  comment: string | null;
}

type AssessmentKey = { unitId: number; organisationId: number; periodKey: string };

function findAssessment(db: Kysely<DB>, key: AssessmentKey) {
  return db
    .selectFrom("department_assessments")
    .select(["id", "score", "rank", "comment"])
    .where("unit_id", "=", key.unitId)
    .where("organisation_id", "=", key.organisationId)
    .where("period_key", "=", key.periodKey)
    .executeTakeFirst();
}

/** Inserts or updates the one assessment of (unit, department, period); returns its id and what it was. */
export async function upsertAssessment(
  db: Kysely<DB>,
  key: AssessmentKey,
  values: AssessmentValues,
  meta: { userId: number | null; now: Date },
): Promise<{ id: number; before: AssessmentValues | null }> {
  const existing = await findAssessment(db, key);
  const at = meta.now.toISOString();
  if (existing) {
    await db
      .updateTable("department_assessments")
      .set({ ...values, assessed_by: meta.userId, updated_at: at })
      .where("id", "=", existing.id)
      .execute();
    return {
      id: existing.id,
      before: { score: existing.score, rank: existing.rank, comment: existing.comment },
    };
  }
  const row = await db
    .insertInto("department_assessments")
    .values({
      unit_id: key.unitId,
      organisation_id: key.organisationId,
      period_key: key.periodKey,
      ...values,
      assessed_by: meta.userId,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, before: null };
}

/** Removes an assessment; returns what it was, or null when there was none. */
export async function deleteAssessment(
  db: Kysely<DB>,
  key: AssessmentKey,
): Promise<{ id: number; before: AssessmentValues } | null> {
  const existing = await findAssessment(db, key);
  if (!existing) return null;
  await db.deleteFrom("department_assessments").where("id", "=", existing.id).execute();
  return {
    id: existing.id,
    before: { score: existing.score, rank: existing.rank, comment: existing.comment },
  };
}
