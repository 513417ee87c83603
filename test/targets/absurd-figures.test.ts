import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTargetRevision } from "../../src/targets/assignment/targets.repo.js";
import { listResultsForUnit, patchResult } from "../../src/targets/entry/results.repo.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

interface IndicatorJson {
  code: string;
  status: string;
  achievementPct: number | null;
  wording: { precise: string };
}

describe.each(ENGINES)("absurd and impossible figures on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let ids: Map<string, number>;
  let ward: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    const rows = await t.database.db.selectFrom("indicators").select(["id", "code"]).execute();
    ids = new Map(rows.map((r) => [r.code, r.id]));
    ward = new TestClient(t);
    await ward.logIn("thuongthanh");
  });
  afterAll(() => t.close());

  const id = (code: string) => ids.get(code) as number;

  describe("an evaluation over figures already stored", () => {
    beforeAll(async () => {
      // Stored before entry checked them (or written by hand): the evaluation must still answer.
      const db = t.database.db;
      const stored = await listResultsForUnit(db, lb.thuongThanh, ["2019"]);
      const revenue = stored.find((r) => r.indicatorId === id("THU_NS") && r.version === "final");
      if (!revenue) throw new Error("the demo has 2019 revenue");
      await patchResult(db, revenue.id, revenue.status, { value: 1e308 }, new Date("2020-01-02T00:00:00Z"));
      for (const [code, value] of [
        ["KET_NAP_DV", 1e-320],
        ["HO_THOAT_NGHEO", 1e-300],
      ] as const) {
        await insertTargetRevision(
          db,
          {
            indicatorId: id(code),
            unitId: lb.thuongThanh,
            appliesTo: "unit",
            periodKind: "year",
            periodKey: "2019",
            periodStart: "2019-01-01",
            periodEnd: "2019-12-31",
            aggregation: null,
            level: { kind: "value", value },
            document: null,
            note: null,
            createdBy: null,
          },
          new Date("2020-01-02T00:00:00Z"),
        );
      }
    });

    it("reads the year's evaluation through the API, the absurd ratio as no data", async () => {
      const response = await t.app.request(`/api/v1/units/${lb.thuongThanh}/evaluation?period=2019`);
      expect(response.status).toBe(200);
      const { data } = (await response.json()) as { data: { indicators: IndicatorJson[] } };
      const admissions = data.indicators.find((i) => i.code === "KET_NAP_DV");
      expect(admissions?.status).toBe("no_data");
      expect(admissions?.achievementPct).toBeNull();
    });

    it.each([
      (lb: LongBien) => `/api/v1/units/${lb.thuongThanh}/evaluation?period=2015-2020`,
      (lb: LongBien) => `/don-vi/${lb.thuongThanh}/danh-gia?ky=2019`,
      (lb: LongBien) => `/don-vi/${lb.thuongThanh}/danh-gia?ky=2015-2020`,
      (lb: LongBien) => `/don-vi/${lb.thuongThanh}/danh-gia.xlsx?ky=2019`,
      (lb: LongBien) => `/du-lieu-mo/${lb.thuongThanh}?ky=2019`,
      (lb: LongBien) => `/du-lieu-mo/${lb.thuongThanh}/du-lieu.csv?ky=2019`,
      (lb: LongBien) => `/api/v1/rankings?parent=${lb.district}&period=2019`,
    ])("serves %s", async (path) => {
      const response = await ward.request(path(lb));
      expect(response.status).toBe(200);
    });
  });
  describe("entry", () => {
    const fieldsOf = async (response: Response) => {
      expect(response.status).toBe(422);
      return ((await response.json()) as { error: { fields: Record<string, string> } }).error.fields;
    };
    const batch = (values: { indicatorCode: string; value: number }[], extra: object = {}) => ({
      unitId: lb.thuongThanh,
      periodKey: "2021",
      version: "final",
      values: values.map((v) => ({ ...v, source: null, note: null })),
      ...extra,
    });

    it("refuses results no unit could report, per kind of indicator, naming each field", async () => {
      const fields = await fieldsOf(
        await ward.sendJson(
          "POST",
          "/api/v1/results",
          batch([
            { indicatorCode: "GDVH", value: 150 }, // a share in %
            { indicatorCode: "TY_LE_HO_NGHEO", value: -0.5 },
            { indicatorCode: "HO_THOAT_NGHEO", value: 2.5 }, // hộ
            { indicatorCode: "VIEC_LAM", value: -3 }, // người
            { indicatorCode: "THU_NS", value: 1e-320 }, // tỷ đồng
            { indicatorCode: "KET_NAP_DV", value: 1e308 }, // đảng viên
          ]),
        ),
      );
      expect(fields).toEqual({
        "values.0.value": "Tỷ lệ phải từ 0 đến 100%.",
        "values.1.value": "Tỷ lệ phải từ 0 đến 100%.",
        "values.2.value": "Số hộ phải là số nguyên.",
        "values.3.value": "Số người không được âm.",
        "values.4.value": "Số quá nhỏ: nhập 0, hoặc một số có giá trị tuyệt đối từ 0,000001 trở lên.",
        "values.5.value": "Số quá lớn: tối đa 1.000.000.000.000.000.",
      });
      const stored = await listResultsForUnit(t.database.db, lb.thuongThanh, ["2021"]);
      expect(stored).toEqual([]);
    });

    it("refuses a number JSON cannot hold as a finite one", async () => {
      const response = await ward.request("/api/v1/results", {
        method: "POST",
        body: `{"unitId":${lb.thuongThanh},"periodKey":"2021","version":"final","values":[{"indicatorCode":"THU_NS","value":1e309}]}`,
        headers: { "content-type": "application/json", "x-csrf-token": ward.csrfToken },
      });
      expect(Object.keys(await fieldsOf(response))).toEqual(["body.values.0.value"]);
    });

    it("accepts the figures of the reference article", async () => {
      const response = await ward.sendJson(
        "POST",
        "/api/v1/results",
        batch([
          { indicatorCode: "GDVH", value: 90.42 },
          { indicatorCode: "HO_THOAT_NGHEO", value: 10 },
          { indicatorCode: "THU_NS", value: 37.6 },
          { indicatorCode: "TY_LE_HO_NGHEO", value: 0 },
        ]),
      );
      expect(response.status).toBe(200);
    });

    it.each([
      ["a year key with dates of another year", "2026", "2019-01-01", "2019-12-31", "periodStart"],
      ["a term key ending after the term", "2015-2020", "2015-01-01", "2021-06-30", "periodEnd"],
      ["an inverted custom period", "2020-6T", "2020-06-30", "2020-01-01", "periodEnd"],
      ["an impossible date", "2019", "2019-02-30", "2019-12-31", "periodStart"],
    ])("refuses results for %s", async (_name, periodKey, periodStart, periodEnd, field) => {
      const fields = await fieldsOf(
        await ward.sendJson(
          "POST",
          "/api/v1/results",
          batch([{ indicatorCode: "THU_NS", value: 40 }], { periodKey, periodStart, periodEnd }),
        ),
      );
      expect(Object.keys(fields).some((k) => k === field || k === `body.${field}`)).toBe(true);
    });

    it("accepts a year reported under NĐ 09 (15/12 of the year before to 14/12)", async () => {
      const response = await ward.sendJson(
        "POST",
        "/api/v1/results",
        batch([{ indicatorCode: "THU_NS", value: 40 }], {
          periodKey: "2022",
          periodStart: "2021-12-15",
          periodEnd: "2022-12-14",
        }),
      );
      expect(response.status).toBe(200);
    });

    it("shows the refusals next to the inputs of the entry form", async () => {
      const path = `/quan-tri/so-lieu/${lb.thuongThanh}/2023`;
      await ward.page(path);
      const codes = ["GDVH", "HO_THOAT_NGHEO", "THU_NS"];
      const response = await ward.postForm(path, {
        "phien-ban": "final",
        rows: codes.map(id).join(","),
        [`v_${id("GDVH")}`]: "150",
        [`v_${id("HO_THOAT_NGHEO")}`]: "2,5",
        [`v_${id("THU_NS")}`]: "20.000.000",
      });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain("Tỷ lệ phải từ 0 đến 100%.");
      expect(html).toContain("Số hộ phải là số nguyên.");
      expect(html).toContain("Số tiền quá lớn: tối đa 10.000.000 tỷ đồng.");
    });

    it("refuses targets no unit could be given, in the API and the form", async () => {
      const admin = new TestClient(t, "198.51.100.30");
      await admin.logIn("admin");
      const target = (indicatorCode: string, value: number, extra: object = {}) => ({
        indicatorId: id(indicatorCode),
        unitId: lb.thuongThanh,
        periodKey: "2021",
        levelKind: "value",
        value,
        ...extra,
      });
      expect(
        await fieldsOf(await admin.sendJson("POST", "/api/v1/targets", target("THU_NS", 1e-320))),
      ).toEqual({
        value: "Số quá nhỏ: nhập 0, hoặc một số có giá trị tuyệt đối từ 0,000001 trở lên.",
      });
      expect(await fieldsOf(await admin.sendJson("POST", "/api/v1/targets", target("GDVH", 101)))).toEqual({
        value: "Tỷ lệ phải từ 0 đến 100%.",
      });
      const moved = target("THU_NS", 40, { periodStart: "2019-01-01", periodEnd: "2019-12-31" });
      expect(Object.keys(await fieldsOf(await admin.sendJson("POST", "/api/v1/targets", moved)))).toEqual([
        "periodStart",
      ]);
      // A term's growth target is a percent per year: above 100 is unusual, not impossible.
      const growth = await admin.sendJson(
        "POST",
        "/api/v1/targets",
        target("HO_THOAT_NGHEO", 120, { periodKey: "2020-2025", aggregation: "growth" }),
      );
      expect(growth.status).toBe(201);

      await admin.page("/quan-tri/chi-tieu/giao");
      const form = await admin.postForm(
        "/quan-tri/chi-tieu/giao",
        {
          unitId: String(lb.thuongThanh),
          periodKey: "2021",
          indicatorId: String(id("GDVH")),
          appliesTo: "unit",
          levelKind: "value",
          value: "150",
          windowRule: "calendar",
        },
        "/quan-tri/chi-tieu/giao",
      );
      expect(form.status).toBe(422);
      expect(await form.text()).toContain("Tỷ lệ phải từ 0 đến 100%.");
    });
  });
});
