import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { evaluateChildrenOnComparableBase } from "../targets/comparable/comparable-base.service.js";
import { shareText } from "../targets/comparable/comparable-rows.rules.js";
import { evaluateChildren } from "../targets/evaluation/children-evaluation.service.js";
import { evaluateUnit, type UnitEvaluation } from "../targets/evaluation/evaluation.service.js";
import { childrenOutcomes } from "../targets/outcomes/ranking-outcomes.service.js";
import type { EvaluationSource, OutcomesQuery } from "./evaluation-source.js";
import type { IndicatorOutcome } from "./scoring/scoring.rules.js";

function outcomesOf(evaluation: UnitEvaluation): IndicatorOutcome[] {
  return evaluation.indicators.map((i) => ({
    code: i.indicator.code,
    status: i.evaluation.status,
    achievementPct: i.evaluation.achievementPct,
    basis: i.evaluation.basis,
  }));
}

/**
 * The evaluation source backed by the targets module (approved results only, as its evaluation reads
 * them). Children of one parent are evaluated in bulk; a single unit on its own.
 */
export const targetsEvaluationSource: EvaluationSource = {
  async outcomes(db: Kysely<DB>, query: OutcomesQuery) {
    const result = new Map<number, IndicatorOutcome[]>();
    if (query.unitIds.length === 0) return result;
    if (query.parentId && query.unitIds.length > 1) {
      const wanted = new Set(query.unitIds);
      const { units } = await evaluateChildren(db, { parentId: query.parentId, periodKey: query.periodKey });
      for (const u of units) if (wanted.has(u.unit.id)) result.set(u.unit.id, outcomesOf(u));
      return result;
    }
    for (const unitId of query.unitIds) {
      result.set(unitId, outcomesOf(await evaluateUnit(db, { unitId, periodKey: query.periodKey })));
    }
    return result;
  },
  async scores(db, query) {
    if (query.base?.kind === "comparable") {
      const units = await evaluateChildrenOnComparableBase(db, { ...query, date: query.base.date });
      return units.map((u) => ({
        unitId: u.unit.id,
        score: u.score,
        note:
          u.base.kind === "comparable"
            ? `${u.base.label}: ${u.base.predecessors.map((p) => `${p.label} ${shareText(p.share)}`).join(", ")}`
            : null,
      }));
    }
    // Kept outcomes, evaluated again only when something they rest on changed.
    const outcomes = await childrenOutcomes(db, query);
    return outcomes.map((o) => ({ unitId: o.unitId, score: o.score }));
  },
};
