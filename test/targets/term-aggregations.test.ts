import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundTo } from "../../src/targets/evaluation/exact.math.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

/**
 * A term target's aggregation, chosen in the target form or sent to the API, is the one the term
 * evaluation computes with: each indicator's annual figures give a different term figure under each
 * aggregation, and every indicator's own default is a different aggregation from its target's.
 * Term 2020-2025 covers the years 2020 … 2024.
 */
const YEARS = [2020, 2021, 2022, 2023, 2024];

interface Case {
  code: string;
  valueType: "number" | "rate" | "boolean";
  direction: "higher_is_better" | "milestone";
  comparisonMode: "ratio" | "points";
  unitOfMeasure: string;
  /** The indicator's default; the target overrides it unless `targetAggregation` is null. */
  indicatorAggregation: string;
  targetAggregation: string | null;
  /** Set through the admin form (the rest through the API). */
  viaForm?: boolean;
  target: number;
  annual: (number | boolean)[];
  expected: {
    aggregation: string;
    actual: number;
    unitOfMeasure: string;
    achievementPct: number | null;
    exceedPoints: number | null;
    met: boolean;
  };
}

const CASES: Case[] = [
  {
    code: "TONG_HO_MOI",
    valueType: "number",
    direction: "higher_is_better",
    comparisonMode: "ratio",
    unitOfMeasure: "hộ",
    indicatorAggregation: "mean",
    targetAggregation: "sum",
    target: 120,
    annual: [10, 20, 30, 40, 50], // sum 150 (mean 30, end 50)
    expected: {
      aggregation: "sum",
      actual: 150,
      unitOfMeasure: "hộ",
      achievementPct: 125,
      exceedPoints: null,
      met: true,
    },
  },
  {
    code: "BQ_THU_NS",
    valueType: "number",
    direction: "higher_is_better",
    comparisonMode: "ratio",
    unitOfMeasure: "tỷ đồng",
    indicatorAggregation: "sum",
    targetAggregation: "mean",
    viaForm: true,
    target: 32,
    annual: [30, 35, 40, 45, 50], // mean 40 (sum 200)
    expected: {
      aggregation: "mean",
      actual: 40,
      unitOfMeasure: "tỷ đồng",
      achievementPct: 125,
      exceedPoints: null,
      met: true,
    },
  },
  {
    code: "TT_GTSX",
    valueType: "number",
    direction: "higher_is_better",
    comparisonMode: "ratio",
    unitOfMeasure: "tỷ đồng",
    indicatorAggregation: "mean",
    targetAggregation: "growth",
    target: 8,
    // 100 → 146,41 over four intervals: 10%/năm; the middle years do not enter the formula.
    annual: [100, 90, 130, 120, 146.41],
    expected: {
      aggregation: "growth",
      actual: 10,
      unitOfMeasure: "%",
      achievementPct: 125,
      exceedPoints: 2,
      met: true,
    },
  },
  {
    code: "HO_CUOI_KY",
    valueType: "number",
    direction: "higher_is_better",
    comparisonMode: "ratio",
    unitOfMeasure: "hộ",
    indicatorAggregation: "sum",
    targetAggregation: "end",
    viaForm: true,
    target: 64,
    annual: [10, 20, 30, 40, 80], // end 80 (sum 180)
    expected: {
      aggregation: "end",
      actual: 80,
      unitOfMeasure: "hộ",
      achievementPct: 125,
      exceedPoints: null,
      met: true,
    },
  },
  {
    code: "MOC_CCHC",
    valueType: "boolean",
    direction: "milestone",
    comparisonMode: "ratio",
    unitOfMeasure: "",
    indicatorAggregation: "end",
    targetAggregation: "count",
    target: 5,
    annual: [true, true, false, true, true], // 4 years of 5 (end: met)
    expected: {
      aggregation: "count",
      actual: 4,
      unitOfMeasure: "năm",
      achievementPct: 80,
      exceedPoints: null,
      met: false,
    },
  },
  {
    // No aggregation on the target: the indicator's own (end) applies.
    code: "TY_LE_CUOI",
    valueType: "rate",
    direction: "higher_is_better",
    comparisonMode: "points",
    unitOfMeasure: "%",
    indicatorAggregation: "end",
    targetAggregation: null,
    target: 90,
    annual: [80, 85, 88, 90, 92.5], // end 92,5 (mean 87,1)
    expected: {
      aggregation: "end",
      actual: 92.5,
      unitOfMeasure: "%",
      achievementPct: (92.5 / 90) * 100,
      exceedPoints: 2.5,
      met: true,
    },
  },
];

interface IndicatorJson {
  code: string;
  unitOfMeasure: string;
  precision: number;
  actual: number | null;
  target: number | null;
  achievementPct: number | null;
  exceedPoints: number | null;
  met: boolean | null;
  aggregation: string | null;
}

describe.each(ENGINES)("term aggregations end to end on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let office: TestClient;
  let ward: TestClient;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db);
    office = new TestClient(t, "198.51.100.41");
    await office.logIn("vanphong.longbien");
    ward = new TestClient(t, "198.51.100.42");
    await ward.logIn("thuongthanh");
  });
  afterAll(() => t.close());

  it("creates the indicators and sets one term target per aggregation, through the API and the form", async () => {
    for (const c of CASES) {
      const created = await office.sendJson("POST", "/api/v1/indicators", {
        code: c.code,
        name: `Chỉ tiêu ${c.code}`,
        field: "Kinh tế",
        unitOfMeasure: c.unitOfMeasure || "mốc",
        valueType: c.valueType,
        direction: c.direction,
        comparisonMode: c.comparisonMode,
        termAggregation: c.indicatorAggregation,
      });
      expect(created.status, c.code).toBe(201);
      const id = ((await created.json()).data as { id: number }).id;
      ids.set(c.code, id);
      if (c.viaForm) {
        await office.page(`/quan-tri/chi-tieu/giao?don-vi=${lb.district}&ky=2020-2025`);
        const set = await office.postForm("/quan-tri/chi-tieu/giao", {
          unitId: String(lb.district),
          periodKey: "2020-2025",
          indicatorId: String(id),
          appliesTo: "children",
          levelKind: "value",
          value: String(c.target).replace(".", ","),
          aggregation: c.targetAggregation ?? "",
          windowRule: "calendar",
          document: "Nghị quyết Đại hội nhiệm kỳ 2020-2025",
        });
        expect(set.status, c.code).toBe(303);
      } else {
        const set = await office.sendJson("POST", "/api/v1/targets", {
          indicatorId: id,
          unitId: lb.district,
          appliesTo: "children",
          periodKey: "2020-2025",
          levelKind: "value",
          value: c.target,
          aggregation: c.targetAggregation,
        });
        expect(set.status, c.code).toBe(201);
      }
    }
    const stored = await t.database.db
      .selectFrom("targets")
      .innerJoin("indicators", "indicators.id", "targets.indicator_id")
      .select(["indicators.code", "targets.aggregation"])
      .where("targets.period_key", "=", "2020-2025")
      .execute();
    expect(Object.fromEntries(stored.map((s) => [s.code, s.aggregation]))).toEqual(
      Object.fromEntries(CASES.map((c) => [c.code, c.targetAggregation ?? c.indicatorAggregation])),
    );
  });

  it("refuses an aggregation outside the vocabulary with a field error", async () => {
    const wrong = await office.sendJson("POST", "/api/v1/targets", {
      indicatorId: ids.get("TONG_HO_MOI"),
      unitId: lb.district,
      appliesTo: "children",
      periodKey: "2020-2025",
      levelKind: "value",
      value: 1,
      aggregation: "annual_mean",
    });
    expect(wrong.status).toBe(422);
    expect(Object.keys((await wrong.json()).error.fields)).toContain("body.aggregation");
  });

  it("evaluates each term target by its own aggregation from the approved annual figures", async () => {
    for (const [y, year] of YEARS.entries()) {
      const saved = await ward.sendJson("POST", "/api/v1/results", {
        unitId: lb.thuongThanh,
        periodKey: String(year),
        version: "final",
        values: CASES.map((c) => ({ indicatorCode: c.code, value: c.annual[y] })),
      });
      expect(saved.status, String(year)).toBe(200);
      const resultIds = ((await saved.json()).data as { id: number }[]).map((r) => r.id);
      expect((await ward.sendJson("POST", "/api/v1/results/submit", { ids: resultIds })).status).toBe(200);
      expect((await office.sendJson("POST", "/api/v1/results/approve", { ids: resultIds })).status).toBe(200);
    }

    const response = await t.app.request(`/api/v1/units/${lb.thuongThanh}/evaluation?period=2020-2025`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { indicators: IndicatorJson[] } };
    for (const c of CASES) {
      const e = data.indicators.find((i) => i.code === c.code);
      expect(e, c.code).toBeDefined();
      expect(e?.aggregation, c.code).toBe(c.expected.aggregation);
      expect(e?.unitOfMeasure, c.code).toBe(c.expected.unitOfMeasure);
      expect(e?.target, c.code).toBe(c.target);
      // The API rounds once: figures to the indicator's precision, percentages to two decimals.
      const digits = e?.precision ?? 0;
      expect(e?.actual, c.code).toBe(roundTo(c.expected.actual, digits));
      if (c.expected.achievementPct === null) expect(e?.achievementPct, c.code).toBeNull();
      else expect(e?.achievementPct, c.code).toBe(roundTo(c.expected.achievementPct, 2));
      if (c.expected.exceedPoints === null) expect(e?.exceedPoints, c.code).toBeNull();
      else expect(e?.exceedPoints, c.code).toBe(roundTo(c.expected.exceedPoints, digits));
      expect(e?.met, c.code).toBe(c.expected.met);
    }
  });

  it("shows each term figure with its aggregation on the evaluation page", async () => {
    const page = await (await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2020-2025`)).text();
    expect(page).toContain("Tổng cộng cả nhiệm kỳ");
    expect(page).toContain("Bình quân hàng năm");
    expect(page).toContain("Tăng trưởng bình quân hàng năm");
    expect(page).toContain("Giá trị năm cuối nhiệm kỳ");
    expect(page).toContain("Số năm đạt");
  });

  it("ranks the district's wards on the same term figures", async () => {
    const response = await t.app.request(`/api/v1/rankings?parent=${lb.district}&period=2020-2025`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      basis: string;
      data: { unit: { id: number }; score: number | null; rank: number | null }[];
    };
    expect(body.basis).toBe("evaluation");
    const thuongThanh = body.data.find((r) => r.unit.id === lb.thuongThanh);
    // 5 of 6 met, 5 exceeded: 50 × (5 + 5) ÷ 6.
    expect(thuongThanh?.score).toBeCloseTo((50 * 10) / 6, 2);
    expect(thuongThanh?.rank).toBe(1);
  });
});
