import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  evaluateChildrenOnComparableBase,
  evaluateUnitOnBase,
} from "../../src/targets/comparable/comparable-base.service.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { type ComparableWorld, FIGURES_2019 as F, seedComparableWorld } from "./comparable-world.js";

describe.each(ENGINES)("the comparable base on %s", (engine) => {
  let t: TestApp;
  let w: ComparableWorld;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2026-12-07T03:00:00Z") });
    w = await seedComparableWorld(t.database.db);
  });
  afterAll(() => t.close());

  // Shares of the new Việt Hưng's predecessors at 31/12/2019. Sài Đồng reaches it twice: 40% into old
  // Việt Hưng (then 70% of that) and 60% into Phúc Đồng (then 40% of that): 0,4 × 0,7 + 0,6 × 0,4.
  const SHARES: Record<string, number> = {
    "Thượng Thanh": 0.6,
    "Giang Biên": 0.5,
    "Đức Giang": 1,
    "Việt Hưng": 0.7,
    "Phúc Đồng": 0.4,
    "Sài Đồng": 0.52,
  };

  it("rebuilds the new Việt Hưng's 2019 revenue as Σ share × value and its rate as a population-weighted mean", async () => {
    const result = await evaluateUnitOnBase(t.database.db, {
      unitId: w.newVietHung,
      periodKey: "2019",
      base: "comparable",
    });
    expect(result.base.kind).toBe("comparable");
    if (result.base.kind !== "comparable") return;
    expect(result.base.label).toBe("Số liệu quy đổi theo địa bàn mới");
    const shares = Object.fromEntries(result.base.predecessors.map((p) => [p.name, p.share]));
    expect(shares).toEqual(SHARES);
    expect(result.base.missingShares).toEqual([]);

    const byCode = new Map(result.indicators.map((i) => [i.indicator.code, i]));
    // By hand: 0,6 × 44,4 + 0,5 × 30 + 1 × 50 + 0,7 × 40 + 0,4 × 20 + 0,52 × 10
    //        = 26,64 + 15 + 50 + 28 + 8 + 5,2 = 132,84 tỷ đồng; target 24 + 14 + 45 + 26,6 + 7,6 + 4,68 = 121,88.
    const revenue = byCode.get("THU_NS");
    expect(revenue?.evaluation.actual).toBeCloseTo(132.84, 9);
    expect(revenue?.evaluation.target).toEqual({ kind: "value", value: 121.88 });
    expect(revenue?.evaluation.achievementPct).toBeCloseTo((132.84 / 121.88) * 100, 6);
    expect(revenue?.notes[0]).toContain("60% × 44,4 tỷ đồng (phường Thượng Thanh)");
    expect(revenue?.notes[0]).toContain("52% × 10 tỷ đồng (phường Sài Đồng)");
    // Weights share × population: 18.000, 10.000, 40.000, 17.500, 6.000, 5.200 (Σ 96.700).
    // (18.000 × 91,52 + 10.000 × 90 + 40.000 × 88 + 17.500 × 92 + 6.000 × 85 + 5.200 × 80) ÷ 96.700
    // = 8.603.360 ÷ 96.700 = 88,9696…%; the district's shared 88% stays 88%.
    const gdvh = byCode.get("GDVH");
    expect(gdvh?.evaluation.actual).toBeCloseTo(8_603_360 / 96_700, 9);
    expect(gdvh?.evaluation.target).toEqual({ kind: "value", value: 88 });
    expect(gdvh?.evaluation.exceedPoints).toBeCloseTo(8_603_360 / 96_700 - 88, 9);
    expect(gdvh?.notes[0]).toMatch(/^Bình quân gia quyền theo dân số: /);
    // The population itself is additive: 96.700 people.
    expect(byCode.get("DAN_SO")?.evaluation.actual).toBeCloseTo(96_700, 9);
    expect(result.narrative).toContain("Số liệu quy đổi theo địa bàn mới: phường Thượng Thanh 60%");
    // The figures come from the old wards: the hand sum uses exactly the seeded values.
    expect(F["Thượng Thanh"]?.revenue).toBe(44.4);
  });

  it("names a missing share and does not guess the figures that need it", async () => {
    const result = await evaluateUnitOnBase(t.database.db, {
      unitId: w.newBoDe,
      periodKey: "2019",
      base: "comparable",
    });
    if (result.base.kind !== "comparable") throw new Error("expected the comparable base");
    const ngocLam = result.base.predecessors.find((p) => p.name === "Ngọc Lâm");
    expect(ngocLam?.share).toBeNull();
    expect(result.base.predecessors.find((p) => p.name === "Thượng Thanh")?.share).toBe(0.4);
    expect(result.base.missingShares.map((m) => m.message)).toEqual([
      "Thiếu tỷ lệ dân số của phần phường Ngọc Lâm chuyển sang phường Bồ Đề (Nghị quyết 1656/NQ-UBTVQH15).",
    ]);
    for (const e of result.indicators) {
      expect(e.evaluation.actual).toBeNull();
      expect(e.notes.join(" ")).toContain("thiếu tỷ lệ dân số chuyển sang địa bàn mới của phường Ngọc Lâm");
    }
  });

  it("rebuilds each year of a term, and a term's figure says which years are missing", async () => {
    const result = await evaluateUnitOnBase(t.database.db, {
      unitId: w.newVietHung,
      periodKey: "2015-2020",
      base: "comparable",
    });
    expect(result.base.kind).toBe("comparable");
    const revenue = result.indicators.find((i) => i.indicator.code === "THU_NS");
    // Only 2019 was reported: the rebuilt year is there, the mean of 2015–2019 is refused, not guessed.
    expect(revenue?.term?.annual.find((a) => a.year === 2019)?.value).toBeCloseTo(132.84, 9);
    expect(revenue?.term?.figure.ok).toBe(false);
    expect(revenue?.evaluation.actual).toBeNull();
  });

  it("keeps a unit's own figures when it existed in the period, and its own base unless asked", async () => {
    const own = await evaluateUnitOnBase(t.database.db, {
      unitId: w.old.get("Thượng Thanh") as number,
      periodKey: "2019",
      base: "comparable",
    });
    expect(own.base).toEqual({ kind: "own" });
    expect(own.indicators.find((i) => i.indicator.code === "THU_NS")?.evaluation.actual).toBe(44.4);
    const plain = await evaluateUnitOnBase(t.database.db, {
      unitId: w.newVietHung,
      periodKey: "2019",
      base: "own",
    });
    expect(plain.base).toEqual({ kind: "own" });
    expect(plain.indicators).toEqual([]);
  });

  it("ranks today's wards for 2019 on the comparable base, with the shares beside each", async () => {
    const response = await t.app.request(`/api/v1/rankings?parent=${w.city}&period=2019&base=comparable`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { unit: { id: number }; score: number | null; rank: number | null; note: string | null }[];
      basis: string;
      meta: { base: string; total: number };
    };
    expect(body.meta).toMatchObject({ base: "comparable", total: 2 });
    expect(body.basis).toBe("evaluation");
    const row = (id: number) => body.data.find((r) => r.unit.id === id);
    // Việt Hưng exceeds both targets (132,84 vs 121,88 tỷ; 88,97% vs 88%): 100 points, first.
    expect(row(w.newVietHung)).toMatchObject({ rank: 1, score: 100 });
    // Phúc Lợi = ½ Giang Biên + 0,4 Gia Thụy: revenue 15 + 14 = 29 vs 14 + 12 = 26 exceeded; the rate
    // (10.000 × 90 + 8.800 × 80) ÷ 18.800 = 85,32% under 88%: not met; second.
    expect(row(w.newPhucLoi)?.rank).toBe(2);
    expect(row(w.newPhucLoi)?.score).toBeLessThan(100);
    expect(row(w.newPhucLoi)?.note).toBe(
      "Số liệu quy đổi theo địa bàn mới: phường Giang Biên 50%, phường Gia Thụy 40%",
    );
    // Bồ Đề lacks a share: nothing is rebuilt, so it is not ranked.
    expect(row(w.newBoDe)).toMatchObject({ rank: null, score: null });
    // On its own base Hà Nội's units of 2019 are the district: no ward is ranked.
    const own = (await (await t.app.request(`/api/v1/rankings?parent=${w.city}&period=2019`)).json()) as {
      data: { unit: { id: number } }[];
    };
    expect(own.data.map((r) => r.unit.id)).toEqual([w.district]);
    const page = await t.app.request(`/xep-hang?don-vi=${w.city}&ky=2019&co-so=quy-doi`);
    const html = await page.text();
    expect(html).toContain("Số liệu quy đổi theo địa bàn mới");
    expect(html).toContain("phường Giang Biên 50%, phường Gia Thụy 40%");
  });

  it("rebuilds each new ward in the ranking exactly as on its own page, predecessors shared between new wards included", async () => {
    // Giang Biên, Thượng Thanh and Gia Thụy are each split among two of the new wards.
    for (const publicOnly of [true, false]) {
      const ranked = await evaluateChildrenOnComparableBase(t.database.db, {
        parentId: w.city,
        periodKey: "2019",
        date: "2026-12-07",
        publicOnly,
      });
      const rebuilt = ranked.filter((r) => r.base.kind === "comparable");
      expect(rebuilt.map((r) => r.unit.id).sort()).toEqual(
        [w.newVietHung, w.newPhucLoi, w.newBoDe].sort((a, b) => a - b),
      );
      for (const r of rebuilt) {
        const alone = await evaluateUnitOnBase(t.database.db, {
          unitId: r.unit.id,
          periodKey: "2019",
          base: "comparable",
          publicOnly,
        });
        // The ranking prints no narrative; everything else is the unit's own page's.
        expect({ ...r, narrative: null }).toEqual({ ...alone, narrative: null });
      }
    }
  });

  it("shows the switch, the label, the shares and the legal basis on the evaluation and open-data pages", async () => {
    const page = await t.app.request(`/don-vi/${w.newVietHung}/danh-gia?ky=2019&co-so=quy-doi`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Số liệu theo địa bàn mới");
    expect(html).toMatch(/name="co-so" value="quy-doi" checked/);
    expect(html).toContain('<h2 id="comparable-title">Số liệu quy đổi theo địa bàn mới</h2>');
    expect(html).toContain("phường Sài Đồng: 52% (Nghị quyết 1656/NQ-UBTVQH15; Nghị quyết 1286/NQ-UBTVQH15)");
    expect(html).toContain("132,84 tỷ đồng");
    expect(html).toContain("co-so=quy-doi");
    const without = await (await t.app.request(`/don-vi/${w.newVietHung}/danh-gia?ky=2019`)).text();
    expect(without).not.toContain("comparable-title");
    const boDe = await (await t.app.request(`/don-vi/${w.newBoDe}/danh-gia?ky=2019&co-so=quy-doi`)).text();
    expect(boDe).toContain("phường Ngọc Lâm: chưa có tỷ lệ");
    expect(boDe).toContain("Thiếu tỷ lệ dân số của phần phường Ngọc Lâm chuyển sang phường Bồ Đề");
    const openData = await (await t.app.request(`/du-lieu-mo/${w.newVietHung}?ky=2019&co-so=quy-doi`)).text();
    expect(openData).toContain("Số liệu quy đổi theo địa bàn mới");
    expect(openData).toContain("132,84 tỷ đồng");
    const csv = await (
      await t.app.request(`/du-lieu-mo/${w.newVietHung}/du-lieu.csv?ky=2019&co-so=quy-doi`)
    ).text();
    expect(csv).toContain("132.84");
  });

  it("shows non-public indicators on the comparable base only to who may read every predecessor", async () => {
    const db = t.database.db;
    await createUser(db, { username: "viethung", grants: [{ role: "viewer", unitId: w.newVietHung }] });
    await createUser(db, { username: "hanoi", grants: [{ role: "viewer", unitId: w.city }] });
    await db.updateTable("indicators").set({ is_public: 0 }).where("code", "=", "DAN_SO").execute();
    try {
      const codes = async (who: string | null) => {
        const client = new TestClient(t);
        if (who) await client.logIn(who);
        const response = await client.request(
          `/api/v1/units/${w.newVietHung}/evaluation?period=2019&base=comparable`,
        );
        const body = (await response.json()) as { data: { indicators: { code: string; notes: string[] }[] } };
        const gdvh = body.data.indicators.find((i) => i.code === "GDVH")?.notes.join(" ") ?? "";
        // The population weights the rate for everyone, but its figures print only for who may see them.
        expect(gdvh.includes("30.000")).toBe(who === "hanoi");
        return body.data.indicators.map((i) => i.code);
      };
      // The new ward's viewer holds no grant on the former wards whose figures these are.
      expect(await codes("viethung")).toEqual(["THU_NS", "GDVH"]);
      expect(await codes(null)).toEqual(["THU_NS", "GDVH"]);
      expect(await codes("hanoi")).toEqual(["THU_NS", "GDVH", "DAN_SO"]);
    } finally {
      await db.updateTable("indicators").set({ is_public: 1 }).where("code", "=", "DAN_SO").execute();
    }
  });

  it("answers GET /api/v1/units/{id}/evaluation?period=2019&base=comparable", async () => {
    const response = await t.app.request(
      `/api/v1/units/${w.newVietHung}/evaluation?period=2019&base=comparable`,
    );
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: {
        base: { kind: string; predecessors: { unitId: number; name: string; share: number | null }[] };
        indicators: { code: string; actual: number | null; notes: string[] }[];
      };
    };
    expect(data.base.kind).toBe("comparable");
    expect(data.base.predecessors).toContainEqual(
      expect.objectContaining({ unitId: w.old.get("Sài Đồng"), name: "Sài Đồng", share: 0.52 }),
    );
    expect(data.indicators.find((i) => i.code === "THU_NS")?.actual).toBeCloseTo(132.84, 9);
    const plain = await t.app.request(`/api/v1/units/${w.newVietHung}/evaluation?period=2019`);
    expect(((await plain.json()) as { data: { base: unknown } }).data.base).toEqual({ kind: "own" });
    const bad = await t.app.request(`/api/v1/units/${w.newVietHung}/evaluation?period=2019&base=khac`);
    expect(bad.status).toBe(422);
  });
});

describe.each(ENGINES)("an indicator's own comparable rule and weight on %s", (engine) => {
  let t: TestApp;
  let w: ComparableWorld;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2026-12-07T03:00:00Z") });
    w = await seedComparableWorld(t.database.db);
    await createUser(t.database.db, {
      username: "quantri",
      grants: [{ role: "system_admin", unitId: w.city }],
    });
    admin = new TestClient(t);
    await admin.logIn("quantri");
  });
  afterAll(() => t.close());

  const gdvhBody = (extra: Record<string, unknown>) => ({
    code: "GDVH",
    name: "Tỷ lệ hộ gia đình văn hóa",
    field: "Kinh tế",
    unitOfMeasure: "%",
    valueType: "rate",
    direction: "higher_is_better",
    comparisonMode: "points",
    termAggregation: "mean",
    sortOrder: 20,
    ...extra,
  });

  it("weights a rate by the indicator it names, says which figures are missing, and refuses a rate as weight", async () => {
    const created = await admin.sendJson("POST", "/api/v1/indicators", {
      code: "SO_HO",
      name: "Số hộ gia đình",
      field: "Văn hóa – xã hội",
      unitOfMeasure: "hộ",
      valueType: "number",
      direction: "higher_is_better",
      comparisonMode: "ratio",
      termAggregation: "end",
      comparableRule: "none",
    });
    expect(created.status).toBe(201);
    const households = ((await created.json()) as { data: { id: number; comparableRule: string } }).data;
    expect(households.comparableRule).toBe("none");
    const put = await admin.sendJson(
      "PUT",
      `/api/v1/indicators/${w.indicators.gdvh}`,
      gdvhBody({ comparableWeightId: households.id }),
    );
    expect(put.status).toBe(200);
    const result = await evaluateUnitOnBase(t.database.db, {
      unitId: w.newVietHung,
      periodKey: "2019",
      base: "comparable",
    });
    // No household counts were reported for 2019: the rate is not rebuilt, and the page says why.
    const gdvh = result.indicators.find((i) => i.indicator.code === "GDVH");
    expect(gdvh?.evaluation.actual).toBeNull();
    expect(gdvh?.notes[0]).toContain("chưa có số liệu số hộ gia đình năm 2019 của phường Thượng Thanh");
    const rate = await admin.sendJson(
      "PUT",
      `/api/v1/indicators/${w.indicators.gdvh}`,
      gdvhBody({ comparableWeightId: w.indicators.gdvh }),
    );
    expect(rate.status).toBe(422);
    expect(((await rate.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      comparableWeightId: "Chỉ tiêu quyền số phải là một chỉ tiêu số lượng khác (dân số, số hộ…).",
    });
    const page = await admin.page(`/quan-tri/chi-tieu/${w.indicators.gdvh}`);
    expect(page.html).toContain("Quyền số của bình quân gia quyền");
    expect(page.html).toMatch(new RegExp(`<option value="${households.id}" selected`));
  });
});
