import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluationSource } from "../../src/emulation/evaluation-source.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { buildWorld, type EmulationWorld, treeFor } from "./world.js";

// Indicator outcomes without entering results: the targets module has its own tests.
const evaluationSource: EvaluationSource = {
  async outcomes(_db, query) {
    return new Map(
      query.unitIds.map((id) => [
        id,
        [{ code: "THU_NS", status: "exceeded", achievementPct: 111, basis: "final" }],
      ]),
    );
  },
  async scores() {
    return [];
  },
};

describe.each(ENGINES)("emulation scoring on %s", (engine) => {
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
    for (const name of ["quan", "phuonga", "phuongb", "yte", "admin"]) {
      clients[name] = new TestClient(t);
      await clients[name].logIn(name);
    }
  });
  afterAll(() => t.close());

  it("refuses an unbalanced tree with the path of the criterion, then creates the scheme", async () => {
    const quan = clients.quan as TestClient;
    const body = {
      name: "Thi đua các phường 2019",
      period: "2019",
      ownerUnitId: world.district,
      maxPoints: 1000,
    };
    const bad = treeFor(world).map((c) => (c.code === "A.2" ? { ...c, maxPoints: 300 } : c));
    const refused = await quan.sendJson("POST", "/api/v1/emulation/schemes", { ...body, criteria: bad });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.fields).toEqual({
      "criteria.0.maxPoints": "Tổng điểm tối đa các tiêu chí con (900) khác điểm tối đa của nhóm (950).",
    });
    const ward = await (clients.phuonga as TestClient).sendJson("POST", "/api/v1/emulation/schemes", {
      ...body,
      criteria: treeFor(world),
    });
    expect(ward.status).toBe(403);
    const created = await quan.sendJson("POST", "/api/v1/emulation/schemes", {
      ...body,
      criteria: treeFor(world),
    });
    expect(created.status).toBe(201);
    schemeId = (await created.json()).data.id;
    const sheet = await (await quan.request(path(world.wards.a))).json();
    for (const c of sheet.data.criteria) ids.set(c.code, c.id);
    expect(sheet.data.criteria.map((c: { code: string; depth: number }) => `${c.depth}:${c.code}`)).toEqual([
      "0:A",
      "1:A.1",
      "1:A.2",
      "1:A.3",
      "0:B",
      "1:B.1",
      "1:B.2",
      "0:C",
      "1:C.1",
    ]);
    expect(sheet.data.criteria[3].computed).toEqual({ points: 50, explanation: "Vượt chỉ tiêu: 50 điểm." });
    const again = await quan.sendJson("POST", "/api/v1/emulation/schemes", {
      ...body,
      criteria: treeFor(world),
    });
    expect(again.status).toBe(409);
  });

  it("lets a ward self-score only itself and never the council stage", async () => {
    const ward = clients.phuonga as TestClient;
    const own = await ward.sendJson("PUT", path(world.wards.a, "self"), {
      scores: [score("A.1", 540), score("A.2", 340), score("B.1", 15, "Cờ thi đua của Chính phủ năm 2018")],
    });
    expect(own.status).toBe(200);
    const body = await own.json();
    expect(body.data.changed).toBe(3);
    // 540 + 340 + 50 (computed) + 15
    expect(body.data.sheet.totals.self).toEqual({ total: 945, complete: true });
    expect(
      (await ward.sendJson("PUT", path(world.wards.b, "self"), { scores: [score("A.1", 500)] })).status,
    ).toBe(403);
    expect(
      (await ward.sendJson("PUT", path(world.wards.a, "council"), { scores: [score("A.1", 500)] })).status,
    ).toBe(403);
    expect(
      (await ward.sendJson("PUT", path(world.wards.a, "review"), { scores: [score("A.1", 500)] })).status,
    ).toBe(403);
    const computed = await ward.sendJson("PUT", path(world.wards.a, "self"), { scores: [score("A.3", 50)] });
    expect(computed.status).toBe(422);
    expect((await computed.json()).error.fields["scores.0.points"]).toContain("tính tự động");
  });

  it("lets a department officer review only the criteria of its department", async () => {
    const health = clients.yte as TestClient;
    const ok = await health.sendJson("PUT", path(world.wards.a, "review"), {
      scores: [score("A.1", 530, "Đạt tốt các chỉ tiêu y tế")],
    });
    expect(ok.status).toBe(200);
    const other = await health.sendJson("PUT", path(world.wards.a, "review"), {
      scores: [score("A.2", 300)],
    });
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toBe("Tiêu chí A.2 không thuộc lĩnh vực bạn được thẩm định.");
    expect(
      (await health.sendJson("PUT", path(world.wards.a, "self"), { scores: [score("A.1", 1)] })).status,
    ).toBe(403);
    expect(
      (await health.sendJson("PUT", path(world.wards.a, "council"), { scores: [score("A.1", 1)] })).status,
    ).toBe(403);
    const sheet = await (await health.request(path(world.wards.a))).json();
    const a1 = sheet.data.criteria.find((c: { code: string }) => c.code === "A.1");
    expect(a1.review).toMatchObject({ points: 530, comment: "Đạt tốt các chỉ tiêu y tế", scoredBy: "yte" });
    expect(a1.editable).toEqual(["review"]);
  });

  it("enforces max points, multiples and reasons, and writes nothing of a refused form", async () => {
    const quan = clients.quan as TestClient;
    const refused = await quan.sendJson("PUT", path(world.wards.a, "council"), {
      scores: [score("A.1", 540), score("A.2", 351), score("B.2", 5, "Cờ"), score("C.1", 5)],
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.fields).toEqual({
      "scores.1.points": "Điểm vượt quá điểm tối đa của tiêu chí (350).",
      "scores.2.points": "Điểm phải là bội số của 10 (mỗi lần cộng 10 điểm).",
      "scores.3.points": "Vui lòng ghi lý do trừ điểm.",
    });
    const rows = await t.database.db
      .selectFrom("emulation_scores")
      .select("id")
      .where("stage", "=", "council")
      .execute();
    expect(rows).toEqual([]);
  });

  it("lets the council fix the final score, snapshotting computed criteria, with every stage audited", async () => {
    const quan = clients.quan as TestClient;
    const saved = await quan.sendJson("PUT", path(world.wards.a, "council"), {
      scores: [
        score("A.1", 540),
        score("A.2", 345.5),
        score("B.1", 15, "Cờ thi đua của Chính phủ năm 2018"),
        score("B.2", 10, "Cờ thi đua của UBND Thành phố"),
      ],
    });
    expect(saved.status).toBe(200);
    const body = await saved.json();
    expect(body.data.changed).toBe(5);
    expect(body.data.sheet.totals.council).toEqual({ total: 960.5, complete: true });
    const a3 = body.data.sheet.criteria.find((c: { code: string }) => c.code === "A.3");
    expect(a3.council).toMatchObject({ points: 50, comment: "Vượt chỉ tiêu: 50 điểm." });
    const events = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "after_json", "unit_id", "actor_name"])
      .where("entity_type", "=", "emulation_score")
      .orderBy("id")
      .execute();
    const stages = events.map((e) => JSON.parse(e.after_json ?? "{}").stage);
    expect(new Set(stages)).toEqual(new Set(["self", "review", "council"]));
    expect(events.every((e) => e.unit_id === world.wards.a)).toBe(true);
    expect(events.at(-1)?.actor_name).toBe("Văn phòng quận (quan)");
    // Clearing a score is a change too, and audited.
    const cleared = await quan.sendJson("PUT", path(world.wards.a, "council"), {
      scores: [score("B.2", null)],
    });
    expect((await cleared.json()).data.sheet.totals.council.total).toBe(950.5);
    expect(
      (
        await quan.sendJson("PUT", path(world.wards.a, "council"), {
          scores: [score("B.2", 10, "Cờ thi đua của UBND Thành phố")],
        })
      ).status,
    ).toBe(200);
  });
});
