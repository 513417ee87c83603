/**
 * The ranking on the comparable base evaluates the wards that existed at the period's date in bulk
 * (evaluateSomeChildren among their parent's children then) instead of one by one (evaluateUnit). What
 * the ranking prints of them, the score, and what it rests on (summary, each indicator's evaluation,
 * targets, term and progress) must be the same either way, for every period the demo has figures for
 * (years, the term, parts of a year), the whole catalogue and the public one, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/db/database.js";
import { evaluateChildrenOnComparableBase } from "../../src/targets/comparable/comparable-base.service.js";
import { evaluateUnit, type UnitEvaluation } from "../../src/targets/evaluation/evaluation.service.js";
import { createTestDatabase, ENGINES } from "../support/databases.js";
import { type LongBien, seedLongBien } from "./seed.js";

/**
 * What the ranking prints and rests on. Left out, as the ranking prints none of them: last year's same
 * period, the figures' notes, the narrative and a term's year-by-year table.
 */
function printed(e: UnitEvaluation) {
  return {
    unit: e.unit,
    period: e.period,
    score: e.score,
    summary: e.summary,
    indicators: e.indicators.map((i) => ({
      code: i.indicator.code,
      name: i.indicator.name,
      evaluation: i.evaluation,
      target: i.target,
      targets: i.targets,
      // The term's year-by-year table (annual) is the unit page's; bulk sums the years without it.
      term: i.term ? { ...i.term, annual: undefined } : null,
      progress: i.progress,
      problem: i.problem,
    })),
  };
}

const CLOSED = "THU_NS";

describe.each(ENGINES)("the comparable-base ranking of wards that existed then, on %s", (engine) => {
  let database: Database;
  let lb: LongBien;
  let periods: string[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    lb = await seedLongBien(database.db, { demo: true });
    const rows = await database.db.selectFrom("results").select("period_key").distinct().execute();
    periods = rows.map((r) => r.period_key).sort();
    // One indicator with targets and figures closed, so the public catalogue is not the whole one.
    await database.db.updateTable("indicators").set({ is_public: 0 }).where("code", "=", CLOSED).execute();
  });
  afterAll(() => database.close());

  it("scores each ward in bulk exactly as evaluating it alone does", async () => {
    // Years, the term and at least one part of a year: the single-unit path reads more for those.
    expect(periods).toContain("2019");
    expect(periods.some((k) => k.includes("-") && !/^\d{4}-\d{4}$/.test(k))).toBe(true);
    const withTerm = [...periods, "2015-2020"];
    let compared = 0;
    let withSamePeriod = 0;
    let scored = 0;
    let closedShown = 0;
    for (const periodKey of withTerm) {
      for (const publicOnly of [false, true]) {
        const ranked = await evaluateChildrenOnComparableBase(database.db, {
          parentId: lb.district,
          periodKey,
          date: "2024-12-31",
          publicOnly,
        });
        expect(ranked.length).toBe(lb.wards.size);
        for (const r of ranked) {
          expect(r.base).toEqual({ kind: "own" });
          const alone = await evaluateUnit(database.db, { unitId: r.unit.id, periodKey, publicOnly });
          expect(printed(r), `${r.unit.name} ${periodKey}${publicOnly ? " public" : ""}`).toEqual(
            printed(alone),
          );
          compared++;
          if (r.score !== null) scored++;
          if (r.indicators.some((i) => i.indicator.code === CLOSED)) closedShown++;
          if (alone.indicators.some((i) => i.samePeriod !== null)) withSamePeriod++;
        }
      }
    }
    // The comparison is not empty: scores, and last year's figures the single path read and bulk did not.
    expect(compared).toBeGreaterThan(lb.wards.size * 4);
    expect(scored).toBeGreaterThan(lb.wards.size);
    expect(withSamePeriod).toBeGreaterThan(0);
    expect(closedShown).toBeGreaterThan(0);
    expect(closedShown).toBeLessThan(compared);
  });
});
