import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, authorize, isSystemAdmin } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { auditBase, unitTarget } from "../emulation-access.rules.js";
import { isPeriodKey, PERIOD_MESSAGE, periodEndDate } from "../emulation-period.rules.js";
import {
  type AssessmentRow,
  type DepartmentRow,
  deleteAssessment,
  listAssessmentsOfDepartment,
  listDepartments,
  listStaffDepartmentIds,
  upsertAssessment,
} from "./assessments.repo.js";

export interface AssessmentEntry {
  unitId: number;
  /** 0–100. */
  score: number | null;
  /** 1 = first, up to the number of units the department covers. */
  rank: number | null;
  comment: string | null;
}

export interface SaveAssessmentsInput {
  organisationId: number;
  periodKey: string;
  entries: AssessmentEntry[];
}

/**
 * The departments the actor may assess for, as they existed at `date` (a period's last day: the
 * departments of a former district still assess its former wards' past years): their own
 * (department_staff), or every assessing organisation for a system admin. Empty for anyone else.
 */
export async function departmentsOfActor(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  date: string,
): Promise<DepartmentRow[]> {
  if (!ctx.actor || isSystemAdmin(ctx.actor, ctx.today)) return listDepartments(db, null, date);
  return listDepartments(db, await listStaffDepartmentIds(db, ctx.actor.userId), date);
}

/** The units a department covers in a period: the children of the unit it belongs to (the district's wards). */
export function unitsCoveredBy(
  ctx: ActorContext<Actor | null>,
  department: DepartmentRow,
  periodKey: string,
): number[] {
  return ctx.hierarchy.childrenAt(department.unitId, periodEndDate(periodKey));
}

async function loadDepartment(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  organisationId: number,
  periodKey: string,
): Promise<DepartmentRow> {
  const [department] = await listDepartments(db, [organisationId], periodEndDate(periodKey));
  if (!department) throw new NotFoundError("Không tìm thấy phòng, ban đánh giá.");
  if (ctx.actor && !isSystemAdmin(ctx.actor, ctx.today)) {
    const mine = await listStaffDepartmentIds(db, ctx.actor.userId);
    if (!mine.includes(organisationId))
      throw new ForbiddenError(`Bạn không phải cán bộ của ${department.name}.`);
  }
  return department;
}

/** One department's assessments for a period, after checking the actor works for it. */
export async function readDepartmentAssessments(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  organisationId: number,
  periodKey: string,
): Promise<{ department: DepartmentRow; units: number[]; rows: AssessmentRow[] }> {
  if (!isPeriodKey(periodKey)) throw new ValidationError({ periodKey: PERIOD_MESSAGE });
  const department = await loadDepartment(db, ctx, organisationId, periodKey);
  return {
    department,
    units: unitsCoveredBy(ctx, department, periodKey),
    rows: await listAssessmentsOfDepartment(db, organisationId, periodKey),
  };
}

/**
 * Records a department's assessments of the units in its field for a period: a score (0–100), a
 * rank, or both, with a comment; an entry with neither removes an earlier assessment. All entries are
 * checked before anything is written, and all are written in one transaction with one audit event per
 * change, so a bad row leaves every assessment as it was. Field errors are keyed `entries.<i>.<field>`.
 */
export async function saveDepartmentAssessments(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  input: SaveAssessmentsInput,
): Promise<number> {
  if (!isPeriodKey(input.periodKey)) throw new ValidationError({ periodKey: PERIOD_MESSAGE });
  const department = await loadDepartment(db, ctx, input.organisationId, input.periodKey);
  const covered = new Set(unitsCoveredBy(ctx, department, input.periodKey));
  const errors: Record<string, string> = {};
  const seen = new Set<number>();
  input.entries.forEach((entry, i) => {
    const at = `entries.${i}`;
    if (!covered.has(entry.unitId))
      errors[`${at}.unitId`] = `Đơn vị không thuộc phạm vi đánh giá của ${department.name}.`;
    else if (seen.has(entry.unitId)) errors[`${at}.unitId`] = "Đơn vị được đánh giá hai lần.";
    seen.add(entry.unitId);
    if (entry.score !== null && !(Number.isFinite(entry.score) && entry.score >= 0 && entry.score <= 100)) {
      errors[`${at}.score`] = "Điểm đánh giá từ 0 đến 100.";
    }
    if (
      entry.rank !== null &&
      !(Number.isInteger(entry.rank) && entry.rank >= 1 && entry.rank <= covered.size)
    ) {
      errors[`${at}.rank`] = `Thứ hạng là số nguyên từ 1 đến ${covered.size}.`;
    }
    if (entry.comment && entry.comment.length > 2000)
      errors[`${at}.comment`] = "Nhận xét tối đa 2.000 ký tự.";
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  for (const entry of input.entries) {
    if (ctx.actor) authorize(ctx.actor, "assessment.write", unitTarget(ctx, entry.unitId), ctx.today);
  }

  return db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const entry of input.entries) {
      const key = { unitId: entry.unitId, organisationId: department.id, periodKey: input.periodKey };
      const comment = entry.comment?.trim() || null;
      const values = { score: entry.score, rank: entry.rank, comment };
      const audit = { ...auditBase(ctx, entry.unitId), entityType: "department_assessment" };
      if (values.score === null && values.rank === null && values.comment === null) {
        const removed = await deleteAssessment(trx, key);
        if (removed) {
          await recordAudit(trx, {
            ...audit,
            action: "delete",
            entityId: removed.id,
            before: { ...key, ...removed.before },
          });
          changed++;
        }
        continue;
      }
      const { id, before } = await upsertAssessment(trx, key, values, {
        userId: ctx.actor?.userId ?? null,
        now: ctx.now,
      });
      if (
        before &&
        before.score === values.score &&
        before.rank === values.rank &&
        before.comment === values.comment
      )
        continue;
      await recordAudit(trx, {
        ...audit,
        action: before ? "update" : "create",
        entityId: id,
        before: before ? { ...key, ...before } : undefined,
        after: { ...key, ...values },
      });
      changed++;
    }
    return changed;
  });
}
