import { jsx } from "hono/jsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnitAssessmentsSection } from "../../src/emulation/assessments/unit-assessments.section.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { buildWorld, type EmulationWorld } from "./world.js";

describe.each(ENGINES)("department assessments on %s", (engine) => {
  let t: TestApp;
  let world: EmulationWorld;
  const clients: Record<string, TestClient> = {};
  const client = (name: string) => clients[name] as TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    world = await buildWorld(t.database.db);
    for (const name of ["quan", "phuonga", "yte", "taichinh"]) {
      clients[name] = new TestClient(t);
      await client(name).logIn(name);
    }
  });
  afterAll(() => t.close());

  it("lets a department rate the units in its field with vi-VN numbers, shown on the unit's page data", async () => {
    const { html } = await client("yte").page("/quan-tri/danh-gia-phong-ban?ky=2019");
    expect(html).toContain("Phòng Y tế quận Long Biên đánh giá các đơn vị, năm 2019");
    expect(html).toContain(`name="score-${world.wards.a}"`);
    const saved = await client("yte").postForm("/quan-tri/danh-gia-phong-ban", {
      phong: String(world.departments.health),
      ky: "2019",
      [`score-${world.wards.a}`]: "95,5",
      [`rank-${world.wards.a}`]: "1",
      [`comment-${world.wards.a}`]: "Dẫn đầu công tác y tế cơ sở",
      [`score-${world.wards.b}`]: "",
      [`rank-${world.wards.b}`]: "2",
      [`comment-${world.wards.b}`]: "",
    });
    expect(saved.status).toBe(303);
    const api = await t.app.request(`/api/v1/units/${world.wards.a}/assessments?period=2019`);
    expect(api.status).toBe(200);
    expect((await api.json()).data).toEqual([
      {
        organisation: { id: world.departments.health, name: "Phòng Y tế quận Long Biên" },
        unit: { id: world.wards.a, name: "Thượng Thanh" },
        period: "2019",
        score: 95.5,
        rank: 1,
        comment: "Dẫn đầu công tác y tế cơ sở",
        text: "Được Phòng Y tế quận Long Biên đánh giá ở vị trí thứ nhất (95,5 điểm)",
      },
    ]);
    // As the unit page would include it: an async component nested in a synchronous tree.
    const page = jsx("main", {}, jsx(UnitAssessmentsSection, { db: t.database.db, unitId: world.wards.b }));
    const section = String(await page.toString());
    expect(section).toMatch(/^<main><section aria-labelledby="danh-gia-phong-ban"/);
    expect(section).toContain("Được Phòng Y tế quận Long Biên đánh giá ở vị trí thứ hai");
    expect(section).toContain("Năm 2019");
  });

  it("keeps every assessment as it was when one row is wrong, with the message beside the field", async () => {
    const refused = await client("yte").postForm("/quan-tri/danh-gia-phong-ban", {
      phong: String(world.departments.health),
      ky: "2019",
      [`score-${world.wards.a}`]: "80",
      [`rank-${world.wards.a}`]: "3",
      [`comment-${world.wards.a}`]: "",
      [`score-${world.wards.b}`]: "101",
      [`rank-${world.wards.b}`]: "1.5",
      [`comment-${world.wards.b}`]: "",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Dấu chấm chỉ dùng để tách nhóm ba chữ số");
    expect(html).toContain(`id="f-rank-${world.wards.b}-error"`);
    const api = await client("yte").sendJson("PUT", "/api/v1/assessments", {
      organisationId: world.departments.health,
      period: "2019",
      entries: [
        { unitId: world.wards.a, score: 80, rank: 3 },
        { unitId: world.wards.b, score: 101, rank: 9 },
      ],
    });
    expect(api.status).toBe(422);
    expect((await api.json()).error.fields).toEqual({
      "entries.1.score": "Điểm đánh giá từ 0 đến 100.",
      "entries.1.rank": "Thứ hạng là số nguyên từ 1 đến 4.",
    });
    const rows = await t.database.db
      .selectFrom("department_assessments")
      .select(["unit_id", "score", "rank"])
      .orderBy("rank")
      .execute();
    expect(rows).toEqual([
      { unit_id: world.wards.a, score: 95.5, rank: 1 },
      { unit_id: world.wards.b, score: null, rank: 2 },
    ]);
    const audits = await t.database.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "department_assessment")
      .execute();
    expect(audits).toHaveLength(2);
  });

  it("refuses another department's form, a ward, and a unit outside the department's field", async () => {
    const other = await client("yte").sendJson("PUT", "/api/v1/assessments", {
      organisationId: world.departments.finance,
      period: "2019",
      entries: [{ unitId: world.wards.a, rank: 1 }],
    });
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toBe(
      "Bạn không phải cán bộ của Phòng Tài chính - Kế hoạch quận Long Biên.",
    );
    const ward = await client("phuonga").sendJson("PUT", "/api/v1/assessments", {
      organisationId: world.departments.health,
      period: "2019",
      entries: [{ unitId: world.wards.a, rank: 1 }],
    });
    expect(ward.status).toBe(403);
    const outside = await client("yte").sendJson("PUT", "/api/v1/assessments", {
      organisationId: world.departments.health,
      period: "2019",
      entries: [{ unitId: world.district, rank: 1 }],
    });
    expect(outside.status).toBe(422);
    expect((await outside.json()).error.fields["entries.0.unitId"]).toContain("không thuộc phạm vi đánh giá");
  });

  it("lets a unit admin link a user to a department, once", async () => {
    const linked = await client("quan").postForm("/quan-tri/danh-gia-phong-ban/can-bo", {
      username: "taichinh",
      organisationId: String(world.departments.health),
    });
    expect(linked.status).toBe(303);
    const again = await client("quan").postForm("/quan-tri/danh-gia-phong-ban/can-bo", {
      username: "taichinh",
      organisationId: String(world.departments.health),
    });
    expect(again.status).toBe(409);
    expect((await client("taichinh").page("/quan-tri/danh-gia-phong-ban")).html).toContain(
      "Phòng Y tế quận Long Biên",
    );
  });

  it("gives assessment criteria their points from the department's ranking", async () => {
    const created = await client("quan").sendJson("POST", "/api/v1/emulation/schemes", {
      name: "Thi đua 2019",
      period: "2019",
      ownerUnitId: world.district,
      maxPoints: 100,
      criteria: [
        {
          code: "YT",
          name: "Công tác y tế",
          kind: "assessment",
          maxPoints: 30,
          organisationId: world.departments.health,
          rule: "assessment_rank",
        },
        { code: "KH", name: "Các mặt công tác khác", kind: "manual", maxPoints: 70 },
      ],
    });
    expect(created.status).toBe(201);
    const id = (await created.json()).data.id;
    const sheet = await (
      await client("quan").request(`/api/v1/emulation/schemes/${id}/units/${world.wards.b}/scores`)
    ).json();
    expect(sheet.data.criteria[0].computed).toEqual({
      points: 15,
      explanation: "Được xếp hạng 2/2: 15 điểm.",
    });
    const page = await client("quan").page(`/quan-tri/thi-dua/${id}/don-vi/${world.wards.a}?buoc=hoi-dong`);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain("Được xếp hạng 1/2: 30 điểm.");
  });
});
