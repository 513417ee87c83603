import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, authorize, can } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { ValidationError } from "../../core/http/errors.js";
import { listOrganisationsAt } from "../../units/units.repo.js";
import { auditBase, belowTarget, unitTarget } from "../emulation-access.rules.js";
import type { EvaluationSource } from "../evaluation-source.js";
import {
  listRatings,
  type RatingRow,
  type StoredConditions,
  updateRatingOutcome,
  upsertRating,
} from "./quality.repo.js";
import {
  applyExcellenceQuota,
  assessQualityLevel,
  type QuotaResult,
  type TaskRecord,
} from "./quality-level.rules.js";
import {
  CURRENT_QUALITY_RULES,
  type QualityRuleSet,
  qualityRulesForYear,
} from "./quality-rule-sets.rules.js";

export interface RatingInput {
  unitId: number;
  /** The rated organisation of the unit (its party committee), or null for the unit itself. */
  organisationId: number | null;
  year: string;
  /** 100-point scale. */
  score: number;
  /** null: counted from the evaluation of the unit's targets for the year (see suggestTasks). */
  tasks: TaskRecord | null;
  note: string | null;
}

const YEAR = /^\d{4}$/;

/**
 * Task counts for the conditions from the evaluation of a unit's targets for a year: every indicator
 * with a target is a task, on time when met by the year's figures, exceeded when exceeded. Null when
 * the evaluation has nothing for the unit (the council then types the counts).
 */
export async function suggestTasks(
  db: Kysely<DB>,
  unitId: number,
  year: string,
  source: EvaluationSource,
): Promise<TaskRecord | null> {
  const outcomes = (
    (await source.outcomes(db, { unitIds: [unitId], periodKey: year })).get(unitId) ?? []
  ).filter((o) => o.status !== "no_target");
  if (outcomes.length === 0) return null;
  return {
    total: outcomes.length,
    onTime: outcomes.filter((o) => o.status === "met" || o.status === "exceeded").length,
    exceeded: outcomes.filter((o) => o.status === "exceeded").length,
  };
}

function validate(input: RatingInput & { tasks: TaskRecord }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!YEAR.test(input.year)) errors.year = "Năm gồm 4 chữ số, ví dụ 2019.";
  if (!(Number.isFinite(input.score) && input.score >= 0 && input.score <= 100))
    errors.score = "Điểm tự đánh giá từ 0 đến 100.";
  const { total, onTime, exceeded } = input.tasks;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(total)) errors["tasks.total"] = "Số nhiệm vụ là số nguyên không âm.";
  else {
    if (!whole(onTime) || onTime > total) errors["tasks.onTime"] = `Số nhiệm vụ đúng hạn từ 0 đến ${total}.`;
    if (!whole(exceeded) || exceeded > total)
      errors["tasks.exceeded"] = `Số nhiệm vụ vượt mức từ 0 đến ${total}.`;
  }
  if (input.note && input.note.length > 2000) errors.note = "Ghi chú tối đa 2.000 ký tự.";
  return errors;
}

/**
 * Records the quality level of a unit (or one of its organisations) for a year, decided by the council
 * above (emulation.council). The level is derived in three visible steps: the score band, the
 * conditions (every task on time; ≥ 30% exceeded for excellence), then the 20% quota across the set the
 * same council rates that year (same kind of subject). Saving one rating can move another across the
 * quota line, so the whole set is re-decided in the same transaction and every change audited.
 */
export async function saveQualityRating(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  given: RatingInput,
  source: EvaluationSource,
): Promise<number> {
  const suggested =
    given.tasks === null && YEAR.test(given.year)
      ? await suggestTasks(db, given.unitId, given.year, source)
      : null;
  const input = { ...given, tasks: given.tasks ?? suggested ?? { total: 0, onTime: 0, exceeded: 0 } };
  const errors = validate(input);
  if (given.tasks === null && suggested === null) {
    errors["tasks.total"] = "Chưa có kết quả chỉ tiêu được duyệt để đếm nhiệm vụ; vui lòng nhập số nhiệm vụ.";
  }
  if (!ctx.hierarchy.unit(input.unitId)) errors.unitId = "Đơn vị không tồn tại.";
  const rules = YEAR.test(input.year) ? qualityRulesForYear(input.year) : null;
  if (YEAR.test(input.year) && !rules) errors.year = NO_RULES(input.year);
  if (Object.keys(errors).length > 0 || !rules) throw new ValidationError(errors);
  const yearEnd = `${input.year}-12-31`;
  const raterUnitId = ctx.hierarchy.parentAt(input.unitId, yearEnd);
  if (raterUnitId === null) throw new ValidationError({ unitId: "Đơn vị không có cấp trên để xếp loại." });
  let subjectKind = "unit";
  if (input.organisationId !== null) {
    const organisation = (await listOrganisationsAt(db, input.unitId, yearEnd)).find(
      (o) => o.id === input.organisationId,
    );
    if (!organisation) throw new ValidationError({ organisationId: "Tổ chức không thuộc đơn vị này." });
    subjectKind = organisation.kind;
  }
  if (ctx.actor) authorize(ctx.actor, "emulation.council", unitTarget(ctx, input.unitId), ctx.today);

  const assessed = assessQualityLevel({ score: input.score, tasks: input.tasks }, rules);
  const conditions: StoredConditions = {
    ruleSet: rules.code,
    tasks: input.tasks,
    source: given.tasks === null ? "evaluation" : "manual",
    conditions: assessed.conditions,
    conditionsLevel: assessed.level,
    explanation: assessed.explanation,
    quotaExplanation: null,
  };
  return db.transaction().execute(async (trx) => {
    const values = {
      unitId: input.unitId,
      organisationId: input.organisationId,
      subjectKind,
      raterUnitId,
      year: input.year,
      score: input.score,
      scoreLevel: assessed.scoreLevel,
      conditions,
      level: assessed.level,
      quotaOutcome: "not_applicable",
      note: input.note?.trim() || null,
    };
    const { id, before } = await upsertRating(trx, values, {
      userId: ctx.actor?.userId ?? null,
      now: ctx.now,
    });
    const set = await listRatings(trx, raterUnitId, input.year, subjectKind);
    const quota = applyQuota(set, rules);
    for (const row of set) {
      const decision = quota.decisions.find((d) => d.id === String(row.id));
      const outcome = decision?.outcome ?? "not_applicable";
      const level = decision?.level ?? row.conditions.conditionsLevel;
      const quotaExplanation = decision?.explanation ?? null;
      if (
        row.id !== id &&
        row.level === level &&
        row.quotaOutcome === outcome &&
        row.conditions.quotaExplanation === quotaExplanation
      )
        continue;
      await updateRatingOutcome(trx, row.id, {
        level,
        quotaOutcome: outcome,
        conditions: { ...row.conditions, quotaExplanation },
      });
      const audit = { ...auditBase(ctx, row.unitId), entityType: "quality_rating", entityId: row.id };
      if (row.id === id) {
        const summary = (r: { score: number; level: string }) => ({
          year: input.year,
          score: r.score,
          level: r.level,
        });
        await recordAudit(trx, {
          ...audit,
          action: before ? "update" : "create",
          before: before ? { ...summary(before), quotaOutcome: before.quotaOutcome } : undefined,
          after: {
            ...summary({ score: input.score, level }),
            organisationId: input.organisationId,
            tasks: input.tasks,
            quotaOutcome: outcome,
          },
        });
      } else if (row.level !== level) {
        // Another subject crossed the quota line because of this rating: its level changed too.
        await recordAudit(trx, {
          ...audit,
          action: "quota",
          before: { level: row.level },
          after: { level, quotaOutcome: outcome },
        });
      }
    }
    return id;
  });
}

function applyQuota(set: RatingRow[], rules: QualityRuleSet): QuotaResult {
  return applyExcellenceQuota(
    set.map((r) => ({ id: String(r.id), score: r.score, level: r.conditions.conditionsLevel })),
    { percent: rules.quotaPercent },
  );
}

const NO_RULES = (year: string) =>
  `Chưa có bộ tiêu chí xếp loại chất lượng cho năm ${year} (các bộ tiêu chí được lưu từ năm 2018).`;

/**
 * A council's ratings for a year, grouped by kind of subject, with the quota of each group explained.
 * Readable by whoever reads the rating unit's results or sits on its council.
 */
export async function readQualityRatings(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  raterUnitId: number,
  year: string,
): Promise<{ subjectKind: string; rows: RatingRow[]; quota: QuotaResult }[]> {
  if (!YEAR.test(year)) throw new ValidationError({ year: "Năm gồm 4 chữ số, ví dụ 2019." });
  // A year before the first rule set kept has no ratings to read (saving refuses it); 20% applies to all.
  const rules = qualityRulesForYear(year) ?? CURRENT_QUALITY_RULES;
  if (ctx.actor && !can(ctx.actor, "result.read", unitTarget(ctx, raterUnitId), ctx.today)) {
    authorize(ctx.actor, "emulation.council", belowTarget(ctx, raterUnitId), ctx.today);
  }
  const rows = await listRatings(db, raterUnitId, year);
  const kinds = [...new Set(rows.map((r) => r.subjectKind))];
  return kinds.map((subjectKind) => {
    const group = rows.filter((r) => r.subjectKind === subjectKind);
    return { subjectKind, rows: group, quota: applyQuota(group, rules) };
  });
}
