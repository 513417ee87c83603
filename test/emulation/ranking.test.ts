import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluationSource } from "../../src/emulation/evaluation-source.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { buildWorld, type EmulationWorld, treeFor } from "./world.js";

let lastPublicOnly: boolean | null = null;
let evaluationScores: [() => number, number | null][] = [];

// Every ward exceeds THU_NS (the computed criterion); evaluation-based scores exist for 2018 only.
const evaluationSource: EvaluationSource = {
  async outcomes(_db, query) {
    return new Map(
      query.unitIds.map((id) => [
        id,
        [{ code: "THU_NS", status: "exceeded", achievementPct: 111, basis: "final" }],
      ]),
    );
  },
  async scores(_db, query) {
    lastPublicOnly = query.publicOnly;
    if (query.periodKey !== "2018") return [];
    return evaluationScores.map(([unitId, score]) => ({ unitId: unitId(), score }));
  },
};

describe.each(ENGINES)("emulation ranking on %s", (engine) => {
  let t: TestApp;
  let world: EmulationWorld;
  let schemeId: number;
  const ids = new Map<string, number>();
  const clients: Record<string, TestClient> = {};
  const path = (unitId: number, stage?: string) =>
    `/api/v1/emulation/schemes/${schemeId}/units/${unitId}/scores${stage ? `/${stage}` : ""}`;
  const score = (code: string, points: number | null, comment: string | null = null) => ({
    criterionId: ids.get(code),
    points,
    comment,
  });

  beforeAll(async () => {
    t = await createTestApp(engine, { evaluationSource });
    world = await buildWorld(t.database.db);
    const quan = new TestClient(t);
    clients.quan = quan;
    await quan.logIn("quan");
    const body = {
      name: "Thi đua các phường 2019",
      period: "2019",
      ownerUnitId: world.district,
      maxPoints: 1000,
      criteria: treeFor(world),
    };
    schemeId = (await (await quan.sendJson("POST", "/api/v1/emulation/schemes", body)).json()).data.id;
    const sheet = await (await quan.request(path(world.wards.a))).json();
    for (const c of sheet.data.criteria) ids.set(c.code, c.id);
    const saved = await quan.sendJson("PUT", path(world.wards.a, "council"), {
      scores: [
        score("A.1", 540),
        score("A.2", 345.5),
        score("B.1", 15, "Cờ thi đua của Chính phủ năm 2018"),
        score("B.2", 10, "Cờ thi đua của UBND Thành phố"),
      ],
    });
    expect(saved.status).toBe(200);
  });
  afterAll(() => t.close());

  it("ranks council totals through the API with ties shown as ties and incomplete units unranked", async () => {
    const quan = clients.quan as TestClient;
    for (const [unit, a2] of [
      [world.wards.b, 330],
      [world.wards.c, 330],
    ] as const) {
      const res = await quan.sendJson("PUT", path(unit, "council"), {
        scores: [score("A.1", 500), score("A.2", a2)],
      });
      expect(res.status).toBe(200);
    }
    await quan.sendJson("PUT", path(world.wards.d, "council"), { scores: [score("A.1", 520)] });
    const response = await t.app.request(`/api/v1/rankings?parent=${world.district}&period=2019`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.basis).toBe("emulation");
    expect(body.meta).toMatchObject({ total: 3, scheme: { id: schemeId, maxPoints: 1000 } });
    expect(
      body.data.map(
        (r: { unit: { name: string }; score: number | null; rank: number | null; tied: boolean }) => [
          r.unit.name,
          r.score,
          r.rank,
          r.tied,
        ],
      ),
    ).toEqual([
      ["Thượng Thanh", 960.5, 1, false],
      ["Bồ Đề", 880, 2, true],
      ["Ngọc Thụy", 880, 2, true],
      ["Cự Khối", null, null, false],
    ]);
    const page = await t.app.request(`/xep-hang?don-vi=${world.district}&ky=2019`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("xếp thứ 1/3");
    expect(html).toContain("xếp thứ 2/3 (đồng hạng)");
    expect(html).toContain("<svg");
    expect(html).toContain("960,5");
    const bad = await t.app.request(`/api/v1/rankings?parent=${world.district}&period=19`);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty("query.period");
  });

  it("exports the ranking to XLSX from a link on the page, ranks and scores as numbers", async () => {
    const page = await (await t.app.request(`/xep-hang?don-vi=${world.district}&ky=2019`)).text();
    const href = `/xep-hang.xlsx?don-vi=${world.district}&amp;ky=2019`;
    expect(page).toContain(`href="${href}"`);
    const response = await t.app.request(href.replace("&amp;", "&"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="xep-hang-${world.district}-2019.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Xep hang") as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").value).toBe("XẾP HẠNG THI ĐUA NĂM 2019");
    expect(sheet.getCell("A2").value).toBe("Các đơn vị thuộc Quận Long Biên; 3 đơn vị được xếp hạng.");
    expect(String(sheet.getCell("A3").value)).toContain("Hội đồng thi đua");
    expect(sheet.getRow(5).values).toEqual([undefined, "Hạng", "Đồng hạng", "Đơn vị", "Điểm", "Kết quả"]);
    const rows = [6, 7, 8, 9].map((n) => {
      const row = sheet.getRow(n);
      return [1, 2, 3, 4, 5].map((col) => row.getCell(col).value);
    });
    expect(rows).toEqual([
      [1, null, "Phường Thượng Thanh", 960.5, "xếp thứ 1/3"],
      [2, "Đồng hạng", "Phường Bồ Đề", 880, "xếp thứ 2/3 (đồng hạng)"],
      [2, "Đồng hạng", "Phường Ngọc Thụy", 880, "xếp thứ 2/3 (đồng hạng)"],
      [null, null, "Phường Cự Khối", null, "Chưa đủ điểm để xếp hạng"],
    ]);
    expect((await t.app.request(`/xep-hang.xlsx?don-vi=${world.district}&ky=19`)).status).toBe(422);
    expect((await t.app.request("/xep-hang.xlsx?ky=2019")).status).toBe(404);
  });

  it("ranks inside a cluster (cụm thi đua) and documents the API", async () => {
    const quan = clients.quan as TestClient;
    const form = new URLSearchParams({ _csrf: quan.csrfToken, clusterName: "Cụm 1" });
    form.append("unitIds", String(world.wards.b));
    form.append("unitIds", String(world.wards.c));
    const created = await quan.request(`/quan-tri/thi-dua/${schemeId}/cum`, {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(created.status).toBe(303);
    const clusterId = (
      await t.database.db.selectFrom("emulation_clusters").select("id").executeTakeFirstOrThrow()
    ).id;
    const body = await (
      await t.app.request(`/api/v1/rankings?parent=${world.district}&period=2019&cluster=${clusterId}`)
    ).json();
    expect(body.meta).toMatchObject({ total: 2, cluster: { id: clusterId, name: "Cụm 1" } });
    expect(body.data.map((r: { rank: number; tied: boolean }) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
    const html = await (
      await t.app.request(`/xep-hang?don-vi=${world.district}&ky=2019&cum=${clusterId}`)
    ).text();
    expect(html).toContain("Cụm 1, các đơn vị thuộc Quận Long Biên");
    expect(html).toContain("đồng hạng");
    evaluationScores = [
      [() => world.wards.a, 75],
      [() => world.wards.b, 87.5],
      [() => world.wards.c, 75],
      [() => world.wards.d, null],
    ];
    const evaluated = await (
      await t.app.request(`/api/v1/rankings?parent=${world.district}&period=2018`)
    ).json();
    expect(lastPublicOnly).toBe(true);
    expect(evaluated.basis).toBe("evaluation");
    expect(
      evaluated.data.map((r: { unit: { name: string }; rank: number | null; tied: boolean }) => [
        r.unit.name,
        r.rank,
        r.tied,
      ]),
    ).toEqual([
      ["Ngọc Thụy", 1, false],
      ["Bồ Đề", 2, true],
      ["Thượng Thanh", 2, true],
      ["Cự Khối", null, false],
    ]);
    await quan.request(`/api/v1/rankings?parent=${world.district}&period=2018`);
    expect(lastPublicOnly).toBe(false);
    const doc = await (await t.app.request("/api/openapi.json")).json();
    for (const path of [
      "/api/v1/rankings",
      "/api/v1/emulation/schemes",
      "/api/v1/emulation/schemes/{schemeId}/units/{unitId}/scores/{stage}",
      "/api/v1/units/{id}/assessments",
      "/api/v1/assessments",
      "/api/v1/award-proposals",
      "/api/v1/quality-ratings",
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
