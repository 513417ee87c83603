/**
 * Loads the emulation demo (see emulation.demo-data.ts for what is real and what is illustrative).
 * Seed code: it runs inside the demo loader's transaction, so it writes through the repositories
 * and the pure rules directly (services open their own transactions) and records no audit events;
 * the loader records one for the whole demo. Units and organisations are found by name.
 */
import type { Kysely } from "kysely";
import { loadHierarchy } from "../core/access/hierarchy.repo.js";
import type { DB } from "../core/db/schema.js";
import { foldVietnamese } from "../core/text/fold.js";
import {
  insertDepartmentStaff,
  listDepartments,
  upsertAssessment,
} from "../emulation/assessments/assessments.repo.js";
import { insertAwardProposal } from "../emulation/awards/awards.repo.js";
import { type StoredConditions, upsertRating } from "../emulation/awards/quality.repo.js";
import { suggestTasks } from "../emulation/awards/quality.service.js";
import { applyExcellenceQuota, assessQualityLevel } from "../emulation/awards/quality-level.rules.js";
import { type QualityRuleSet, qualityRulesForYear } from "../emulation/awards/quality-rule-sets.rules.js";
import {
  ASSESSING_DEPARTMENTS,
  AWARD_BASIS,
  councilEntries,
  DEMO_CRITERIA,
  departmentRank,
  ILLUSTRATIVE,
  PROPOSING_BODY,
  partyRating,
  THUONG_THANH_REVIEW,
  THUONG_THANH_SELF,
  WARD_NAMES,
} from "../emulation/emulation.demo.js";
import { periodEndDate } from "../emulation/emulation-period.rules.js";
import type { Criterion, CriterionKind, Stage } from "../emulation/schemes/criteria-tree.rules.js";
import { insertCriterion, insertScheme } from "../emulation/schemes/schemes.repo.js";
import { computePoints } from "../emulation/scoring/computed-points.model.js";
import { upsertScore } from "../emulation/scoring/scores.repo.js";
import { targetsEvaluationSource } from "../emulation/targets-evaluation-source.js";

const PERIOD = "2019";
/** A department officer account of the demo, linked to Phòng Y tế when the demo accounts include it. */
export const DEMO_HEALTH_OFFICER = "yte.longbien";
const fold = (text: string) => foldVietnamese(text).toLowerCase();

async function findPlaces(db: Kysely<DB>) {
  const date = periodEndDate(PERIOD);
  const units = await db.selectFrom("units").select(["id", "name", "level"]).execute();
  const district = units.find((u) => u.level === "district" && fold(u.name).includes("long bien"));
  if (!district) return null;
  const hierarchy = await loadHierarchy(db);
  const children = new Set(hierarchy.childrenAt(district.id, date));
  const wards = WARD_NAMES.map(
    (name) => units.find((u) => children.has(u.id) && fold(u.name) === fold(name))?.id,
  );
  if (wards.some((id) => id === undefined)) return null;
  const departments = await listDepartments(db, null, date);
  const ofDistrict = departments.filter((d) => d.unitId === district.id);
  const department = (match: string) =>
    ofDistrict.find((d) => fold(d.name).includes(fold(match)))?.id ?? null;
  return { districtId: district.id, wardIds: wards as number[], department, date };
}

/**
 * Loads the 2019 scheme of quận Long Biên with its scores, the department assessments, the party
 * committees' quality levels and Thượng Thanh's award proposals. Returns false (and writes nothing)
 * when quận Long Biên or one of its 14 wards is not in the database.
 */
export async function loadEmulationDemo(db: Kysely<DB>, options: { now?: Date } = {}): Promise<boolean> {
  const places = await findPlaces(db);
  if (!places) return false;
  const now = options.now ?? new Date();
  const { districtId, wardIds } = places;
  const thuongThanh = wardIds[0] as number;

  // Department assessments: Thượng Thanh first for each of the five departments of the article.
  for (const [d, dept] of ASSESSING_DEPARTMENTS.entries()) {
    const organisationId = places.department(dept.match);
    if (organisationId === null) continue;
    for (const [k, unitId] of wardIds.entries()) {
      const rank = departmentRank(d, k);
      const comment = k === 0 ? "Dẫn đầu khối phường" : `Xếp hạng ${ILLUSTRATIVE}`;
      await upsertAssessment(
        db,
        { unitId, organisationId, periodKey: PERIOD },
        { score: null, rank, comment },
        { userId: null, now },
      );
    }
  }

  // A department officer account, when the demo has one, works for Phòng Y tế.
  const officer = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", DEMO_HEALTH_OFFICER)
    .executeTakeFirst();
  const health = places.department("Phòng Y tế");
  if (officer && health !== null)
    await insertDepartmentStaff(db, { userId: officer.id, organisationId: health, now });

  // The scheme and its criteria tree.
  const schemeId = await insertScheme(db, {
    name: `Bảng chấm điểm thi đua các phường năm 2019 (${ILLUSTRATIVE})`,
    periodKey: PERIOD,
    ownerUnitId: districtId,
    maxPoints: 1000,
    userId: null,
    now,
  });
  const criteria: Criterion[] = [];
  const idOf = new Map<string, number>();
  for (const [i, c] of DEMO_CRITERIA.entries()) {
    const assessing = ASSESSING_DEPARTMENTS.find((a) => a.key === c.department);
    const organisationId = c.department ? places.department(assessing?.match ?? c.department) : null;
    const row = {
      parentId: c.parent === null ? null : (idOf.get(c.parent) ?? null),
      code: c.code,
      name: c.name,
      maxPoints: c.max,
      kind: c.kind as CriterionKind,
      indicatorCode: c.indicator ?? null,
      organisationId,
      rule: c.rule ?? null,
      fixedPoints: c.fixed ?? null,
      sortOrder: i + 1,
    };
    const id = await insertCriterion(db, schemeId, row);
    idOf.set(c.code, id);
    criteria.push({ id, ...row });
  }

  const write = async (
    unitId: number,
    stage: Stage,
    code: string,
    points: number,
    comment: string | null,
  ) => {
    const criterionId = idOf.get(code) as number;
    await upsertScore(
      db,
      { schemeId, criterionId, unitId, stage },
      { points, comment },
      { userId: null, now },
    );
  };
  for (const e of THUONG_THANH_SELF) await write(thuongThanh, "self", e.code, e.points, e.comment);
  for (const e of THUONG_THANH_REVIEW) await write(thuongThanh, "review", e.code, e.points, e.comment);

  // The council's final scores: typed criteria from the data file; computed ones fixed from the data
  // as it stands (approved results, the assessments above), as the council stage does.
  const computed = await computePoints(
    db,
    targetsEvaluationSource,
    { periodKey: PERIOD, parentId: districtId },
    criteria,
    wardIds,
  );
  for (const [k, unitId] of wardIds.entries()) {
    for (const e of councilEntries(k)) await write(unitId, "council", e.code, e.points, e.comment);
    for (const c of criteria.filter((x) => x.kind === "indicator_rule" || x.kind === "assessment")) {
      const value = computed.get(unitId)?.get(c.id);
      if (value && value.points !== null)
        await write(unitId, "council", c.code, value.points, value.explanation);
      // Without the targets demo there is nothing to compute from: an illustrative figure keeps the example whole.
      else
        await write(
          unitId,
          "council",
          c.code,
          k === 0 ? c.maxPoints : Math.round(c.maxPoints * 0.8),
          `Chưa có số liệu được duyệt; điểm ${ILLUSTRATIVE}`,
        );
    }
  }

  await rateParty(db, places.date, districtId, wardIds, now);

  for (const title of ["co_thi_dua_chinh_phu", "co_thi_dua_ubnd_thanh_pho"]) {
    await insertAwardProposal(db, {
      unitId: thuongThanh,
      year: PERIOD,
      title,
      basis: AWARD_BASIS,
      proposingBody: PROPOSING_BODY,
      userId: null,
      now,
    });
  }
  return true;
}

/** Quality levels of the 14 ward party committees, with the 20% quota applied across them. */
async function rateParty(db: Kysely<DB>, date: string, districtId: number, wardIds: number[], now: Date) {
  const committees = await db
    .selectFrom("organisations")
    .select(["id", "unit_id"])
    .where("kind", "=", "party_committee")
    .where("unit_id", "in", wardIds)
    .where("valid_from", "<=", date)
    .execute();
  const fromEvaluation = await suggestTasks(db, wardIds[0] as number, PERIOD, targetsEvaluationSource);
  // 2019 is judged by the rules in force then (QĐ 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW), not today's.
  const rules = qualityRulesForYear(PERIOD) as QualityRuleSet;
  const rated = wardIds.flatMap((unitId, k) => {
    const organisationId = committees.find((c) => c.unit_id === unitId)?.id;
    if (organisationId === undefined) return [];
    const base = partyRating(k);
    const tasks = k === 0 && fromEvaluation ? fromEvaluation : base.tasks;
    const assessed = assessQualityLevel({ score: base.score, tasks }, rules);
    return [
      {
        k,
        unitId,
        organisationId,
        score: base.score,
        tasks,
        assessed,
        source: k === 0 && fromEvaluation ? "evaluation" : "manual",
      },
    ];
  });
  const quota = applyExcellenceQuota(
    rated.map((r) => ({ id: String(r.unitId), score: r.score, level: r.assessed.level })),
    { percent: rules.quotaPercent },
  );
  for (const r of rated) {
    const decision = quota.decisions.find((d) => d.id === String(r.unitId));
    const conditions: StoredConditions = {
      ruleSet: rules.code,
      tasks: r.tasks,
      source: r.source as "evaluation" | "manual",
      conditions: r.assessed.conditions,
      conditionsLevel: r.assessed.level,
      explanation: r.assessed.explanation,
      quotaExplanation: decision?.explanation ?? null,
    };
    await upsertRating(
      db,
      {
        unitId: r.unitId,
        organisationId: r.organisationId,
        subjectKind: "party_committee",
        raterUnitId: districtId,
        year: PERIOD,
        score: r.score,
        scoreLevel: r.assessed.scoreLevel,
        conditions,
        level: decision?.level ?? r.assessed.level,
        quotaOutcome: decision?.outcome ?? "not_applicable",
        note:
          r.k === 0
            ? "Đảng bộ phường được công nhận hoàn thành xuất sắc nhiệm vụ (theo bài viết)"
            : `Điểm và số nhiệm vụ ${ILLUSTRATIVE}`,
      },
      { userId: null, now },
    );
  }
}
