import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listResultsForUnit, patchResult } from "../../src/targets/results.repo.js";
import { insertTargetRevision } from "../../src/targets/targets.repo.js";
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
});
