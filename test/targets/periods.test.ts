/**
 * Issue 13, the reporting calendar and the evaluation core, end to end on both engines: each period
 * kind, each target kind, so cùng kỳ with the change in the unit, targets of several assigners side
 * by side, figures rounded once in the API, a term judged mid-way, and the demo's six-month review.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateChildren } from "../../src/targets/evaluation/children-evaluation.service.js";
import { evaluateUnit } from "../../src/targets/evaluation/evaluation.service.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

interface TargetJson {
  assignedBy: string;
  kind: string;
  value: number | null;
  achievementPct: number | null;
  status: string;
  wording: { precise: string; customary: string };
}
interface IndicatorJson {
  code: string;
  status: string;
  actual: number | boolean | null;
  achievementPct: number | null;
  met: boolean | null;
  wording: { precise: string; customary: string };
  progress: {
    yearTarget: number | null;
    yearTargetPct: number | null;
    expectedPct: number | null;
    expectedBasis: string | null;
    onTrack: boolean;
    forecast: { value: number; achievementPct: number | null } | null;
    wording: { precise: string; customary: string };
  } | null;
  samePeriod: { actual: number; change: number | null; changePct: number | null; wording: string } | null;
  targets: TargetJson[];
}
interface EvaluationJson {
  period: { key: string; kind: string; label: string };
  indicators: IndicatorJson[];
  summary: { sentence: string; onTrack: number; behind: number; met: number; withData: number };
  narrative: string | null;
}

describe.each(ENGINES)("the reporting calendar on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let office: TestClient;
  let ward: TestClient;
  const ids = new Map<string, number>();

  const evaluation = async (unitId: number, period: string): Promise<EvaluationJson> => {
    const response = await t.app.request(`/api/v1/units/${unitId}/evaluation?period=${period}`);
    expect(response.status, period).toBe(200);
    return ((await response.json()) as { data: EvaluationJson }).data;
  };
  const byCode = (e: EvaluationJson, code: string) => {
    const found = e.indicators.find((i) => i.code === code);
    if (!found) throw new Error(`${code} is not in the evaluation of ${e.period.key}`);
    return found;
  };
  /** Enters, submits and approves figures of Thượng Thanh for one period. */
  const report = async (periodKey: string, values: Record<string, number>, version = "final") => {
    const saved = await ward.sendJson("POST", "/api/v1/results", {
      unitId: lb.thuongThanh,
      periodKey,
      version,
      values: Object.entries(values).map(([indicatorCode, value]) => ({ indicatorCode, value })),
      submit: true,
    });
    expect(saved.status, periodKey).toBe(200);
    const resultIds = ((await saved.json()).data as { id: number }[]).map((r) => r.id);
    expect((await office.sendJson("POST", "/api/v1/results/approve", { ids: resultIds })).status).toBe(200);
  };
  const setTarget = async (client: TestClient, body: Record<string, unknown>) =>
    client.sendJson("POST", "/api/v1/targets", { unitId: lb.thuongThanh, levelKind: "value", ...body });

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    office = new TestClient(t, "198.51.100.61");
    await office.logIn("vanphong.longbien");
    ward = new TestClient(t, "198.51.100.62");
    await ward.logIn("thuongthanh");
    for (const row of await t.database.db.selectFrom("indicators").select(["id", "code"]).execute()) {
      ids.set(row.code, row.id);
    }
  });
  afterAll(() => t.close());

  it("reads the demo's six-month review as an office writes it, in the API", async () => {
    const e = await evaluation(lb.thuongThanh, "2019-6T");
    expect(e.period).toEqual({ key: "2019-6T", kind: "cumulative", label: "6 tháng đầu năm 2019" });
    const revenue = byCode(e, "THU_NS");
    expect(revenue.status).toBe("on_track");
    expect(revenue.met).toBeNull();
    expect(revenue.actual).toBe(21.3);
    // 21,3 of 40 = 53,25%, against 2018's six-month share 18,5 ÷ 39,6 = 46,72%.
    expect(revenue.progress).toMatchObject({
      yearTarget: 40,
      yearTargetPct: 53.25,
      expectedPct: 46.72,
      expectedBasis: "seasonal",
      onTrack: true,
    });
    expect(revenue.samePeriod).toEqual({
      actual: 18.5,
      change: 2.8,
      changePct: 15.14,
      wording: "tăng 2,8 tỷ đồng (tăng 15,14%) so với cùng kỳ",
    });
    // The district's estimate and the council's, side by side with their own %.
    expect(revenue.targets.map((x) => [x.assignedBy, x.value, x.achievementPct])).toEqual([
      ["higher", 40, 53.25],
      ["council", 42, 50.71],
    ]);
    const insurance = byCode(e, "BHYT");
    expect(insurance.status).toBe("behind");
    expect(insurance.progress?.yearTargetPct).toBeNull();
    expect(insurance.samePeriod).toMatchObject({ actual: 87.9, change: 1.7, changePct: null });
    expect(insurance.samePeriod?.wording).toBe("tăng 1,7 điểm phần trăm so với cùng kỳ");
    expect(e.summary).toMatchObject({ onTrack: 6, behind: 1, met: 0, withData: 0 });
    expect(e.summary.sentence).toBe("6/7 chỉ tiêu bảo đảm tiến độ kế hoạch, 1 chỉ tiêu chậm tiến độ");
    const text = JSON.stringify(e);
    expect(text).not.toContain("chưa đạt");
    expect(text).not.toContain("hoàn thành 0/");
    expect(e.narrative).toContain(
      "6 tháng đầu năm 2019, phường Thượng Thanh có 6/7 chỉ tiêu bảo đảm tiến độ kế hoạch năm: thu ngân sách nhà nước trên địa bàn đạt 53,25% kế hoạch năm (tiến độ dự kiến 46,72%), bảo đảm tiến độ, tăng 2,8 tỷ đồng (tăng 15,14%) so với cùng kỳ",
    );
    expect(e.narrative).toContain(
      "Còn 1 chỉ tiêu chậm tiến độ: tỷ lệ người dân tham gia bảo hiểm y tế đạt 89,6%",
    );
  });

  it("judges the six months alike in bulk (the ranking's input) and on the unit's own page", async () => {
    const single = await evaluateUnit(t.database.db, { unitId: lb.thuongThanh, periodKey: "2019-6T" });
    const bulk = await evaluateChildren(t.database.db, { parentId: lb.district, periodKey: "2019-6T" });
    const ward = bulk.units.find((u) => u.unit.id === lb.thuongThanh);
    expect(ward?.indicators.map((i) => [i.indicator.code, i.evaluation.status])).toEqual(
      single.indicators.map((i) => [i.indicator.code, i.evaluation.status]),
    );
    expect(ward?.summary).toEqual(single.summary);
    // Nothing is judged as met or not before the year ends: no score to rank by.
    expect(ward?.score).toBeNull();
  });

  it("shows the six-month review on the evaluation page", async () => {
    const page = await (await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2019-6T`)).text();
    expect(page).toContain("6 tháng đầu năm 2019");
    expect(page).toContain("Đúng tiến độ");
    expect(page).toContain("Chậm tiến độ");
    expect(page).toContain("53,25% kế hoạch năm");
    expect(page).toContain("HĐND giao");
    expect(page).toContain("tăng 2,8 tỷ đồng (tăng 15,14%) so với cùng kỳ");
    expect(page).not.toContain("Chưa đạt");
    expect(page).not.toContain("Kỳ 2019-6T");
  });

  it("keeps the whole year's figures and shows both 2019 revenue targets with their own %", async () => {
    const e = await evaluation(lb.thuongThanh, "2019");
    const revenue = byCode(e, "THU_NS");
    expect(revenue.achievementPct).toBe(111);
    expect(revenue.targets.map((x) => [x.assignedBy, x.value, x.achievementPct])).toEqual([
      ["higher", 40, 111],
      ["council", 42, 105.71],
    ]);
    expect(e.summary.sentence).toBe("hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu");
    expect(revenue.samePeriod).toMatchObject({ actual: 39.6, change: 4.8, changePct: 12.12 });
  });

  it("evaluates a month, a quarter and nine months against the year's target, with last year's same period", async () => {
    expect(
      (await setTarget(office, { indicatorId: ids.get("VIEC_LAM"), periodKey: "2021", value: 600 })).status,
    ).toBe(201);
    await report("2020-07", { VIEC_LAM: 40 });
    await report("2021-07", { VIEC_LAM: 52 });
    await report("2020-Q3", { VIEC_LAM: 140 });
    await report("2021-Q3", { VIEC_LAM: 150 });
    await report("2021-9T", { VIEC_LAM: 420 });
    const month = byCode(await evaluation(lb.thuongThanh, "2021-07"), "VIEC_LAM");
    expect(month.progress).toMatchObject({
      yearTarget: 600,
      yearTargetPct: 8.67,
      expectedPct: 8.33,
      onTrack: true,
    });
    expect(month.samePeriod).toMatchObject({ actual: 40, change: 12, changePct: 30 });
    expect(month.samePeriod?.wording).toBe("tăng 12 người (tăng 30%) so với cùng kỳ");
    const quarter = await evaluation(lb.thuongThanh, "2021-Q3");
    expect(quarter.period.label).toBe("quý III/2021");
    expect(byCode(quarter, "VIEC_LAM").progress).toMatchObject({
      yearTargetPct: 25,
      expectedPct: 25,
      onTrack: true,
    });
    const nine = await evaluation(lb.thuongThanh, "2021-9T");
    expect(nine.period).toMatchObject({ kind: "cumulative", label: "9 tháng đầu năm 2021" });
    expect(byCode(nine, "VIEC_LAM")).toMatchObject({
      status: "behind",
      progress: { yearTargetPct: 70, expectedPct: 75 },
    });
    expect(byCode(nine, "VIEC_LAM").samePeriod).toBeNull();
  });

  it("forecasts the whole year from the year's approved estimate", async () => {
    await report("2021", { VIEC_LAM: 630 }, "estimate");
    const nine = byCode(await evaluation(lb.thuongThanh, "2021-9T"), "VIEC_LAM");
    expect(nine.progress?.forecast).toEqual({ value: 630, achievementPct: 105 });
    expect(nine.wording.precise).toContain("dự kiến cả năm 630 người (105% kế hoạch năm)");
  });

  it("judges a term mid-way: after 3 years, 62% of the term's target", async () => {
    expect(
      (
        await setTarget(office, {
          indicatorId: ids.get("KET_NAP_DV"),
          periodKey: "2020-2025",
          value: 50,
          aggregation: "sum",
        })
      ).status,
    ).toBe(201);
    await report("2020", { KET_NAP_DV: 10 });
    await report("2021", { KET_NAP_DV: 11 });
    await report("2022", { KET_NAP_DV: 10 });
    t.setNow(new Date("2023-03-01T03:00:00Z"));
    const e = byCode(await evaluation(lb.thuongThanh, "2020-2025"), "KET_NAP_DV");
    expect(e.status).toBe("on_track");
    expect(e.progress).toMatchObject({
      yearTarget: 50,
      yearTargetPct: 62,
      expectedPct: 60,
      expectedBasis: "years",
    });
    expect(e.wording.customary).toBe(
      "sau 3 năm (2020–2022) đạt 62% chỉ tiêu nhiệm kỳ (tiến độ dự kiến 60%), bảo đảm tiến độ",
    );
    // Once the term is over, missing years are refused again, never filled in.
    t.setNow(new Date("2025-03-01T03:00:00Z"));
    const after = byCode(await evaluation(lb.thuongThanh, "2020-2025"), "KET_NAP_DV");
    expect(after.status).toBe("no_data");
    expect(after.wording.precise).toContain("Thiếu số liệu năm 2023, 2024");
    t.setNow(new Date("2020-01-02T08:00:00Z"));
  });

  it("evaluates each target kind: reductions, floors and ceilings, sub-targets", async () => {
    const indicator = async (code: string, unitOfMeasure: string, direction: string) => {
      const created = await office.sendJson("POST", "/api/v1/indicators", {
        code,
        name: `Chỉ tiêu ${code}`,
        field: "Văn hóa – xã hội",
        unitOfMeasure,
        valueType: "number",
        direction,
        comparisonMode: "ratio",
        termAggregation: "end",
      });
      expect(created.status, code).toBe(201);
      return ((await created.json()).data as { id: number }).id;
    };
    const poor = await indicator("SO_HO_NGHEO", "hộ", "lower_is_better");
    const criteria = await indicator("TIEU_CHI_VMDT", "tiêu chí", "higher_is_better");
    const kinds = [
      { indicatorId: poor, kind: "reduction_pct", value: 1.5, baseline: 400 },
      { indicatorId: criteria, kind: "sub_targets", value: 19, subTotal: 19 },
      { indicatorId: ids.get("VIEC_LAM"), kind: "at_least", value: 580 },
      { indicatorId: ids.get("VI_PHAM_TTXD"), kind: "at_most", value: 3 },
    ];
    for (const k of kinds)
      expect((await setTarget(office, { periodKey: "2022", ...k })).status, k.kind).toBe(201);
    await report("2022", { SO_HO_NGHEO: 392, TIEU_CHI_VMDT: 17, VIEC_LAM: 590, VI_PHAM_TTXD: 4 });
    const e = await evaluation(lb.thuongThanh, "2022");
    expect(byCode(e, "SO_HO_NGHEO")).toMatchObject({
      status: "exceeded",
      actual: 392,
      achievementPct: 133.33,
    });
    expect(byCode(e, "SO_HO_NGHEO").wording.precise).toBe(
      "giảm 8 hộ (2%) so với mức gốc 400 hộ; mức giảm đạt 133,33% kế hoạch, vượt 33,33%",
    );
    expect(byCode(e, "TIEU_CHI_VMDT")).toMatchObject({ status: "not_met" });
    expect(byCode(e, "TIEU_CHI_VMDT").wording.precise).toBe(
      "đạt 17/19 chỉ tiêu thành phần, chưa đạt yêu cầu 19/19",
    );
    expect(byCode(e, "VIEC_LAM").status).toBe("exceeded");
    expect(byCode(e, "VI_PHAM_TTXD").status).toBe("not_met");
    expect(byCode(e, "VIEC_LAM").targets[0]).toMatchObject({
      assignedBy: "higher",
      kind: "at_least",
      value: 580,
    });

    const missing = await setTarget(office, {
      indicatorId: poor,
      periodKey: "2023",
      kind: "reduction_pct",
      value: 1.5,
    });
    expect(missing.status).toBe(422);
    expect(Object.keys((await missing.json()).error.fields)).toContain("body.baseline");
    const tooMany = await setTarget(office, {
      indicatorId: criteria,
      periodKey: "2023",
      kind: "sub_targets",
      value: 20,
      subTotal: 19,
    });
    expect(tooMany.status).toBe(422);
  });

  it("sets a council's reduction target through the form, with vi-VN numbers", async () => {
    await office.page(`/quan-tri/chi-tieu/giao?don-vi=${lb.thuongThanh}&ky=2023`);
    const posted = await office.postForm("/quan-tri/chi-tieu/giao", {
      unitId: String(lb.thuongThanh),
      periodKey: "2023",
      indicatorId: String(ids.get("HO_THOAT_NGHEO")),
      appliesTo: "unit",
      assignedBy: "council",
      kind: "reduction_amount",
      baseline: "120",
      subTotal: "",
      levelKind: "value",
      value: "6",
      windowRule: "calendar",
      document: "Nghị quyết HĐND phường năm 2023",
    });
    expect(posted.status).toBe(303);
    const row = await t.database.db
      .selectFrom("targets")
      .select(["assigned_by", "target_kind", "baseline", "value"])
      .where("period_key", "=", "2023")
      .where("indicator_id", "=", ids.get("HO_THOAT_NGHEO") as number)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ assigned_by: "council", target_kind: "reduction_amount", baseline: 120, value: 6 });
    const { html } = await office.page(`/quan-tri/chi-tieu/giao?don-vi=${lb.thuongThanh}&ky=2023`);
    expect(html).toContain("HĐND giao");
    expect(html).toContain("Giảm một lượng so với mức gốc: 6 hộ (mức gốc 120 hộ)");
  });

  it("lets the ward record its council's target on the form, and says on the field it cannot assign from above", async () => {
    const { response, html } = await ward.page(`/quan-tri/chi-tieu/giao?don-vi=${lb.thuongThanh}&ky=2024`);
    expect(response.status).toBe(200);
    expect(html).toContain('<option value="council" selected="">HĐND giao</option>');
    const fields = {
      unitId: String(lb.thuongThanh),
      periodKey: "2024",
      indicatorId: String(ids.get("THU_NS")),
      appliesTo: "unit",
      kind: "level",
      levelKind: "value",
      value: "45,5",
      windowRule: "calendar",
      document: "Nghị quyết HĐND phường về dự toán năm 2024",
    };
    const refused = await ward.postForm("/quan-tri/chi-tieu/giao", { ...fields, assignedBy: "higher" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Chỉ cấp trên mới giao chỉ tiêu này");
    const posted = await ward.postForm("/quan-tri/chi-tieu/giao", { ...fields, assignedBy: "council" });
    expect(posted.status).toBe(303);
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "after_json"])
      .where("entity_type", "=", "target")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("create");
    expect(JSON.parse(String(audit.after_json))).toMatchObject({
      assignedBy: "council",
      periodKey: "2024",
      level: { value: 45.5 },
    });
  });

  it("lets the ward record its council's and its own targets, never one from above", async () => {
    const own = await setTarget(ward, {
      indicatorId: ids.get("VIEC_LAM"),
      periodKey: "2022",
      assignedBy: "own",
      value: 620,
    });
    expect(own.status).toBe(201);
    expect((await own.json()).data).toMatchObject({ assignedBy: "own", kind: "level", value: 620 });
    const fromAbove = await setTarget(ward, {
      indicatorId: ids.get("VIEC_LAM"),
      periodKey: "2022",
      value: 500,
    });
    expect(fromAbove.status).toBe(403);
    const listed = await ward.request(`/api/v1/targets?unit=${lb.thuongThanh}&period=2022`);
    const rows = ((await listed.json()).data as { indicatorId: number; assignedBy: string }[]).filter(
      (r) => r.indicatorId === ids.get("VIEC_LAM"),
    );
    expect(rows.map((r) => r.assignedBy).sort()).toEqual(["higher", "own"]);
    const e = byCode(await evaluation(lb.thuongThanh, "2022"), "VIEC_LAM");
    expect(e.targets.map((x) => [x.assignedBy, x.value, x.achievementPct])).toEqual([
      ["higher", 580, 101.72],
      ["own", 620, 95.16],
    ]);
    expect(e.status).toBe("exceeded");
  });

  it("sends figures rounded once: no binary noise anywhere in the evaluation JSON", async () => {
    for (const period of ["2019", "2015-2020", "2019-6T"]) {
      const text = await (
        await t.app.request(`/api/v1/units/${lb.thuongThanh}/evaluation?period=${period}`)
      ).text();
      expect(text, period).not.toMatch(/\d\.\d{6,}/);
    }
    const term = await evaluation(lb.thuongThanh, "2015-2020");
    expect(byCode(term, "THU_NS")).toMatchObject({ actual: 37.6, achievementPct: 108.05 });
  });

  it("prints an indicator's percentages with the digits its reports use", async () => {
    const id = ids.get("THU_NS") as number;
    const current = (
      (await (await office.request("/api/v1/indicators")).json()).data as Record<string, unknown>[]
    ).find((i) => i.id === id) as Record<string, unknown>;
    const { id: _id, ...fields } = current;
    const updated = await office.sendJson("PUT", `/api/v1/indicators/${id}`, { ...fields, percentDigits: 1 });
    expect(updated.status).toBe(200);
    expect((await updated.json()).data).toMatchObject({ percentDigits: 1, precision: null });
    const page = await (await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2019-6T`)).text();
    expect(page).toContain("53,3% năm");
    expect(page).toContain("50,7% năm");
    const wrong = await office.sendJson("PUT", `/api/v1/indicators/${id}`, { ...fields, percentDigits: 2 });
    expect(wrong.status).toBe(422);
  });

  it("exchanges months, quarters and the first six months with DHIS2 by their DHIS2 ids", async () => {
    const exported = await office.request(`/api/v1/dataValueSets?orgUnit=${lb.thuongThanh}&period=2019S1`);
    expect(exported.status).toBe(200);
    const values = (await exported.json()).dataValues as {
      dataElement: string;
      period: string;
      value: string;
    }[];
    expect(values.find((v) => v.dataElement === "THU_NS")).toMatchObject({ period: "2019S1", value: "21.3" });
    expect(values).toHaveLength(7);
    const imported = await ward.sendJson("POST", "/api/v1/dataValueSets", {
      dataValues: [
        { dataElement: "VIEC_LAM", period: "202208", orgUnit: String(lb.thuongThanh), value: "61" },
        { dataElement: "VIEC_LAM", period: "2022Q2", orgUnit: String(lb.thuongThanh), value: "150" },
      ],
    });
    expect(imported.status).toBe(200);
    const keys = await t.database.db
      .selectFrom("results")
      .select(["period_key", "period_start", "period_end", "value"])
      .where("unit_id", "=", lb.thuongThanh)
      .where("period_key", "in", ["2022-08", "2022-Q2"])
      .orderBy("period_key")
      .execute();
    expect(keys).toEqual([
      { period_key: "2022-08", period_start: "2022-08-01", period_end: "2022-08-31", value: 61 },
      { period_key: "2022-Q2", period_start: "2022-04-01", period_end: "2022-06-30", value: 150 },
    ]);
  });

  it("refuses a malformed period key with the kinds it accepts", async () => {
    const response = await t.app.request(`/api/v1/units/${lb.thuongThanh}/evaluation?period=2019-13`);
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields.period).toContain("quý (2019-Q3)");
  });
});
