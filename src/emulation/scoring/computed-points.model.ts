import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { listAssessmentsFor } from "../assessments/assessments.repo.js";
import type { EvaluationSource } from "../evaluation-source.js";
import type { Criterion } from "../schemes/criteria-tree.rules.js";
import {
  type AssessmentOutcome,
  type ComputedPoints,
  isAssessmentRule,
  isIndicatorRule,
  pointsFromAssessment,
  pointsFromIndicator,
} from "./scoring.rules.js";

/** unit id → criterion id → computed points, for the computed criteria (indicator rules, assessments). */
export type ComputedByUnit = Map<number, Map<number, ComputedPoints>>;

/**
 * Computes the points of every indicator-rule and assessment criterion for the given units from the
 * data as it stands: approved results (through the evaluation source) and department assessments.
 * Two queries whatever the number of units.
 */
export async function computePoints(
  db: Kysely<DB>,
  source: EvaluationSource,
  scope: { periodKey: string; parentId: number | null },
  criteria: readonly Criterion[],
  unitIds: number[],
): Promise<ComputedByUnit> {
  const { periodKey } = scope;
  const indicatorCriteria = criteria.filter((c) => c.kind === "indicator_rule");
  const assessmentCriteria = criteria.filter((c) => c.kind === "assessment");
  const organisationIds = [
    ...new Set(assessmentCriteria.flatMap((c) => (c.organisationId === null ? [] : [c.organisationId]))),
  ];
  const [outcomes, assessments] = await Promise.all([
    indicatorCriteria.length > 0
      ? source.outcomes(db, { unitIds, periodKey, parentId: scope.parentId })
      : Promise.resolve(new Map()),
    listAssessmentsFor(db, organisationIds, periodKey),
  ]);
  const rankedCount = new Map<number, number>();
  const assessmentOf = new Map<string, AssessmentOutcome>();
  for (const a of assessments)
    if (a.rank !== null) rankedCount.set(a.organisationId, (rankedCount.get(a.organisationId) ?? 0) + 1);
  for (const a of assessments) {
    assessmentOf.set(`${a.organisationId}:${a.unitId}`, {
      rank: a.rank,
      score: a.score,
      rankedCount: rankedCount.get(a.organisationId) ?? 0,
    });
  }

  const result: ComputedByUnit = new Map();
  for (const unitId of unitIds) {
    const byCriterion = new Map<number, ComputedPoints>();
    const unitOutcomes = outcomes.get(unitId) ?? [];
    for (const c of indicatorCriteria) {
      if (!isIndicatorRule(c.rule)) {
        byCriterion.set(c.id, { points: null, explanation: "Tiêu chí chưa có cách tính điểm." });
        continue;
      }
      const outcome = unitOutcomes.find((o: { code: string }) => o.code === c.indicatorCode);
      byCriterion.set(c.id, pointsFromIndicator(c.maxPoints, c.rule, outcome));
    }
    for (const c of assessmentCriteria) {
      if (!isAssessmentRule(c.rule)) {
        byCriterion.set(c.id, { points: null, explanation: "Tiêu chí chưa có cách tính điểm." });
        continue;
      }
      byCriterion.set(
        c.id,
        pointsFromAssessment(c.maxPoints, c.rule, assessmentOf.get(`${c.organisationId}:${unitId}`)),
      );
    }
    result.set(unitId, byCriterion);
  }
  return result;
}
