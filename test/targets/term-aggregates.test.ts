import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/db/database.js";
import type { DB } from "../../src/core/db/schema.js";
import { evaluateChildren } from "../../src/targets/evaluation/children-evaluation.service.js";
import { evaluateUnit } from "../../src/targets/evaluation/evaluation.service.js";
import { visitTermAggregates } from "../../src/targets/evaluation/results-evaluation.repo.js";
import {
  aggregateAnnual,
  computeTermFigure,
  TERM_AGGREGATIONS,
  type TermAggregates,
  termFigureFromAggregates,
} from "../../src/targets/evaluation/term.math.js";
import { rebuildResultSummaries } from "../../src/targets/summaries/result-summaries.service.js";
import { createTestDatabase, ENGINES } from "../support/databases.js";

/**
 * The database's term aggregates (results.evaluation.repo visitTermAggregates, used by the ranking) against the
 * pure computation over the same figures (term.math aggregateAnnual, used by a unit's page): final
 * over estimate, approved only, missing years, estimate-only years, a ceiling indicator, zero and
 * negative figures, a unit without results, keys that are not years, and two windows at once. Then
 * the bulk term evaluation against each unit's own, figure by figure.
 */
const NOW = "2020-01-02T08:00:00.000Z";
type Version = "final" | "estimate";
type Status = "approved" | "submitted";
/** [unit, indicator, period key, version, value, status]. */
type Row = [string, string, string, Version, number, Status?];

const ROWS: Row[] = [
  // A, revenue: every year final.
  ...[33.2, 35.1, 37.9, 40.1, 41.7].map((v, i): Row => ["A", "THU", String(2015 + i), "final", v]),
  // A, poverty rate (a ceiling): final wins over estimate, a submitted final is not read, 2018 missing.
  ["A", "NGHEO", "2015", "final", 1.2],
  ["A", "NGHEO", "2016", "estimate", 0.9],
  ["A", "NGHEO", "2016", "final", 1.0],
  ["A", "NGHEO", "2017", "estimate", 0.8],
  ["A", "NGHEO", "2017", "final", 0.7, "submitted"],
  ["A", "NGHEO", "2019", "final", 0.17],
  // Keys that are not years of the window are never read.
  ["A", "THU", "2015-2020", "final", 999],
  ["A", "THU", "2015x", "final", 999],
  ["A", "THU", "2014", "final", 999],
  ["A", "THU", "2020", "final", 45.5],
  // B, revenue: estimates only; poverty rate: zero and a negative figure, first year missing.
  ...[30, 31.5, 0.1 + 0.2, 34, 35.25].map((v, i): Row => ["B", "THU", String(2015 + i), "estimate", v]),
  ["B", "NGHEO", "2016", "final", 0],
  ["B", "NGHEO", "2017", "final", -0.5],
  ["B", "NGHEO", "2018", "final", 0.3],
  ["B", "NGHEO", "2019", "estimate", 0.2],
  // D is not a child of P: never read for P's children.
  ["D", "THU", "2016", "final", 77],
];

interface World {
  units: Record<"P" | "A" | "B" | "C" | "D", number>;
  indicators: Record<"THU" | "NGHEO", number>;
}

async function seed(db: Kysely<DB>): Promise<World> {
  const unit = async (name: string, level: string) =>
    (
      await db
        .insertInto("units")
        .values({
          name,
          level,
          code: null,
          valid_from: "2000-01-01",
          valid_to: null,
          address: null,
          phone: null,
          email: null,
          intro: null,
          created_at: NOW,
          updated_at: NOW,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const units = {
    P: await unit("Quận P", "district"),
    A: await unit("Phường A", "ward"),
    B: await unit("Phường B", "ward"),
    C: await unit("Phường C", "ward"),
    D: await unit("Phường D", "ward"),
  };
  for (const child of [units.A, units.B, units.C]) {
    await db
      .insertInto("unit_parents")
      .values({ unit_id: child, parent_id: units.P, valid_from: "2000-01-01", valid_to: null })
      .execute();
  }
  const indicator = async (code: string, direction: string, unitOfMeasure: string, sortOrder: number) =>
    (
      await db
        .insertInto("indicators")
        .values({
          code,
          name: code,
          field: "Thử",
          unit_of_measure: unitOfMeasure,
          value_type: unitOfMeasure === "%" ? "rate" : "number",
          direction,
          comparison_mode: unitOfMeasure === "%" ? "points" : "ratio",
          term_aggregation: "mean",
          responsible_organisation_id: null,
          definition: null,
          is_public: 1,
          sort_order: sortOrder,
          created_at: NOW,
          updated_at: NOW,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const indicators = {
    THU: await indicator("THU", "higher_is_better", "tỷ đồng", 1),
    NGHEO: await indicator("NGHEO", "lower_is_better", "%", 2),
  };
  await db
    .insertInto("results")
    .values(
      ROWS.map(([u, i, key, version, value, status]) => ({
        indicator_id: indicators[i as keyof World["indicators"]],
        unit_id: units[u as keyof World["units"]],
        period_key: key,
        period_start: `${key.slice(0, 4)}-01-01`,
        period_end: `${key.slice(-4)}-12-31`,
        version,
        value,
        source: null,
        note: null,
        status: status ?? "approved",
        entered_by: null,
        submitted_at: NOW,
        approved_by: null,
        approved_at: status ? null : NOW,
        reopen_reason: null,
        return_reason: null,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .execute();
  const target = (
    unitId: number,
    appliesTo: string,
    indicatorId: number,
    start: string,
    end: string,
    aggregation: string,
    value: number,
  ) => ({
    indicator_id: indicatorId,
    unit_id: unitId,
    applies_to: appliesTo,
    period_kind: "term",
    period_key: "2015-2020",
    period_start: start,
    period_end: end,
    aggregation,
    level_kind: "value",
    value,
    min_value: null,
    max_value: null,
    revision: 0,
    document: null,
    note: null,
    created_by: null,
    created_at: NOW,
  });
  await db
    .insertInto("targets")
    .values([
      target(units.P, "children", indicators.THU, "2015-01-01", "2019-12-31", "mean", 34.8),
      target(units.P, "children", indicators.NGHEO, "2015-01-01", "2019-12-31", "end", 0.5),
      // A's own revenue target: growth over 2016–2020, another window than its parent's.
      target(units.A, "unit", indicators.THU, "2016-01-01", "2020-12-31", "growth", 5),
    ])
    .execute();
  // Rows written straight into the tables: the summaries the evaluation reads are rebuilt from them.
  await rebuildResultSummaries(db);
  return { units, indicators };
}

/** What the page computes: per year of [from, to] the approved final figure, else the approved estimate. */
function pure(unitName: string, code: string, from: number, to: number) {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const values = years.map((year) => {
    const rows = ROWS.filter(
      ([u, i, key, , , status]) => u === unitName && i === code && key === String(year) && !status,
    );
    const final = rows.find((r) => r[3] === "final");
    const estimate = rows.find((r) => r[3] === "estimate");
    return { year, value: final?.[4] ?? estimate?.[4] ?? null, estimate: !final && !!estimate };
  });
  return {
    years,
    values: values.map(({ year, value }) => ({ year, value })),
    estimateYears: values.filter((v) => v.estimate && v.value !== null).map((v) => v.year),
  };
}

function expectSameAggregates(actual: TermAggregates, expected: TermAggregates) {
  expect(actual.yearsPresent).toEqual(expected.yearsPresent);
  expect(actual.positive).toBe(expected.positive);
  expect(actual.first).toBe(expected.first);
  expect(actual.last).toBe(expected.last);
  // The database sums in its own order: equal within binary noise.
  expect(Math.abs(actual.sum - expected.sum)).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(expected.sum)),
  );
}

describe.each(ENGINES)("term aggregates in the database (%s)", (engine) => {
  let database: Database;
  let world: World;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    world = await seed(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  const WINDOWS = [
    [2015, 2019],
    [2016, 2020],
  ] as const;

  async function read(scope: Parameters<typeof visitTermAggregates>[1]["scope"]) {
    const out = new Map<string, { aggregates: TermAggregates; estimateYears: readonly number[] }>();
    await visitTermAggregates(database.db, { scope, windows: WINDOWS }, (u, i, from, to, aggregates, est) => {
      out.set(`${u}/${i}/${from}-${to}`, { aggregates, estimateYears: est });
    });
    return out;
  }

  it("equal the pure computation for every child, indicator and window; other units are not read", async () => {
    const read_ = await read({ parentId: world.units.P, date: "2019-12-31" });
    let compared = 0;
    for (const unitName of ["A", "B", "C"] as const) {
      for (const code of ["THU", "NGHEO"] as const) {
        for (const [from, to] of WINDOWS) {
          const expected = pure(unitName, code, from, to);
          const got = read_.get(`${world.units[unitName]}/${world.indicators[code]}/${from}-${to}`);
          if (expected.values.every((v) => v.value === null)) {
            expect(got, `${unitName} ${code} ${from}-${to}`).toBeUndefined();
            continue;
          }
          if (!got) throw new Error(`no aggregates for ${unitName} ${code} ${from}-${to}`);
          const { aggregates } = aggregateAnnual(expected);
          expectSameAggregates(got.aggregates, aggregates);
          expect(got.estimateYears).toEqual(expected.estimateYears);
          // And the term figure made from them, under every aggregation, with and without missing years.
          for (const aggregation of TERM_AGGREGATIONS) {
            for (const allowMissing of [false, true]) {
              const fromDb = termFigureFromAggregates(aggregation, expected.years, got.aggregates, {
                allowMissing,
              });
              const fromValues = computeTermFigure(aggregation, expected, { allowMissing });
              const { value: a, ...restDb } = fromDb as { value?: number };
              const { value: b, ...restValues } = fromValues as { value?: number };
              expect(restDb).toEqual(restValues);
              if (b === undefined) expect(a).toBeUndefined();
              else expect(a).toBeCloseTo(b, 9);
            }
          }
          compared++;
        }
      }
    }
    expect(compared).toBe(8);
    expect([...read_.keys()].some((k) => k.startsWith(`${world.units.D}/`))).toBe(false);
    expect([...read_.keys()].some((k) => k.startsWith(`${world.units.C}/`))).toBe(false);
    // Spot checks: A's poverty rate 2015–2019 has 2017 from the estimate (its final is not approved), no 2018.
    const poverty = read_.get(`${world.units.A}/${world.indicators.NGHEO}/2015-2019`);
    expect(poverty?.aggregates.yearsPresent).toEqual([2015, 2016, 2017, 2019]);
    expect(poverty?.estimateYears).toEqual([2017]);
    expect(poverty?.aggregates.last).toBe(0.17);
    // A's revenue 2016–2020 includes 2020 but never the term key, a custom key or 2014.
    expect(read_.get(`${world.units.A}/${world.indicators.THU}/2016-2020`)?.aggregates.last).toBe(45.5);
  });

  it("reads one unit alone", async () => {
    const alone = await read({ unitId: world.units.B });
    expect(new Set([...alone.keys()].map((k) => k.split("/")[0]))).toEqual(new Set([String(world.units.B)]));
    const revenue = alone.get(`${world.units.B}/${world.indicators.THU}/2015-2019`);
    expect(revenue?.estimateYears).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(revenue?.aggregates.first).toBe(30);
  });

  it("give the ranking the same term evaluation as each unit's page", async () => {
    const bulk = await evaluateChildren(database.db, { parentId: world.units.P, periodKey: "2015-2020" });
    expect(bulk.units.map((u) => u.unit.name)).toEqual(["Phường A", "Phường B", "Phường C"]);
    for (const u of bulk.units) {
      const single = await evaluateUnit(database.db, { unitId: u.unit.id, periodKey: "2015-2020" });
      expect(u.summary).toEqual(single.summary);
      expect(u.score).toBe(single.score);
      expect(u.indicators.map((i) => i.indicator.code)).toEqual(
        single.indicators.map((i) => i.indicator.code),
      );
      for (const [k, e] of u.indicators.entries()) {
        const s = single.indicators[k];
        if (!s) throw new Error("missing indicator");
        const { value: a, ...figure } = e.term?.figure as { value?: number };
        const { value: b, ...expected } = s.term?.figure as { value?: number };
        expect(figure).toEqual(expected);
        if (b === undefined) expect(a).toBeUndefined();
        else expect(a).toBeCloseTo(b, 9);
        expect(e.term?.years).toEqual(s.term?.years);
        expect(e.evaluation.status).toBe(s.evaluation.status);
        expect(e.evaluation.basis).toBe(s.evaluation.basis);
        expect(e.evaluation.wording).toEqual(s.evaluation.wording);
        expect(e.problem).toBe(s.problem);
      }
    }
    const [a, b, c] = bulk.units;
    // A: own growth target over 2016–2020 (35,1 → 45,5 is about 6,7%/năm > 5); poverty 0,17 at the end ≤ 0,5.
    expect(a?.indicators.map((i) => [i.indicator.code, i.term?.aggregation, i.evaluation.status])).toEqual([
      ["THU", "growth", "exceeded"],
      ["NGHEO", "end", "exceeded"],
    ]);
    // B: revenue mean from estimates only (exceeds 34,8? mean ≈ 26,2: not met), named as an estimate.
    expect(b?.indicators[0]?.evaluation).toMatchObject({ status: "not_met", basis: "estimate" });
    // B's poverty: 2015 missing, but the end value (2019, an estimate) is enough.
    expect(b?.indicators[1]?.evaluation).toMatchObject({ status: "exceeded", basis: "estimate" });
    // C has no results: its targets count as not met, never invented.
    expect(c?.indicators.map((i) => i.evaluation.status)).toEqual(["no_data", "no_data"]);
    expect(c?.score).toBe(0);
  });
});
