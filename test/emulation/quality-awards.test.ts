import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUnit } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { buildWorld, type EmulationWorld } from "./world.js";

describe.each(ENGINES)("quality levels and award proposals on %s", (engine) => {
  let t: TestApp;
  let world: EmulationWorld;
  let committees: Record<string, { unitId: number; organisationId: number }>;
  const clients: Record<string, TestClient> = {};
  const client = (name: string) => clients[name] as TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    world = await buildWorld(db);
    const e = await createUnit(db, { name: "Gia Thụy", parentId: world.district });
    await db
      .insertInto("organisations")
      .values({
        unit_id: e,
        kind: "party_committee",
        name: "Đảng ủy phường Gia Thụy",
        valid_from: "2003-11-06",
        valid_to: null,
        sort_order: 0,
      })
      .execute();
    const orgs = await db
      .selectFrom("organisations")
      .select(["id", "unit_id"])
      .where("kind", "=", "party_committee")
      .execute();
    const byUnit = (unitId: number) => ({
      unitId,
      organisationId: orgs.find((o) => o.unit_id === unitId)?.id as number,
    });
    committees = {
      a: byUnit(world.wards.a),
      b: byUnit(world.wards.b),
      c: byUnit(world.wards.c),
      d: byUnit(world.wards.d),
      e: byUnit(e),
    };
    for (const name of ["quan", "phuonga", "yte"]) {
      clients[name] = new TestClient(t);
      await client(name).logIn(name);
    }
  });
  afterAll(() => t.close());

  const rate = (
    key: string,
    score: number,
    tasks?: { total: number; onTime: number; exceeded: number },
    who = "quan",
    year = "2026",
  ) =>
    client(who).sendJson("PUT", "/api/v1/quality-ratings", {
      ...committees[key],
      year,
      score,
      tasks,
    });

  // 2026 is judged by QĐ 366-QĐ/TW (≥ 30% of tasks exceeded for excellence); 2019 by the rules of 2019.
  it("shows the score band, the conditions and the 20% quota separately, re-deciding the set on each rating", async () => {
    const first = await rate("a", 95, { total: 16, onTime: 16, exceeded: 16 });
    expect(first.status).toBe(200);
    // Alone in its set, 20% of 1 is 0 places: excellent by score and conditions, good after the quota.
    expect((await first.json()).data[0]).toMatchObject({
      scoreLevel: "excellent",
      conditionsLevel: "excellent",
      quotaOutcome: "moved_down",
      level: "good",
      levelLabel: "Hoàn thành tốt nhiệm vụ",
    });
    expect((await rate("b", 92, { total: 10, onTime: 10, exceeded: 2 })).status).toBe(200);
    expect((await rate("c", 80, { total: 10, onTime: 10, exceeded: 5 })).status).toBe(200);
    expect((await rate("d", 75, { total: 8, onTime: 8, exceeded: 0 })).status).toBe(200);
    const last = await rate("e", 91, { total: 10, onTime: 10, exceeded: 4 });
    const rows: {
      organisation: { id: number };
      scoreLevel: string;
      conditionsLevel: string;
      quotaOutcome: string;
      level: string;
      conditions: { code: string; passed: boolean }[];
    }[] = (await last.json()).data;
    const of = (key: string) => rows.find((r) => r.organisation.id === committees[key]?.organisationId);
    // Five rated good or better: 20% of 5 is 1 place, for the best score among the two excellent candidates.
    expect(of("a")).toMatchObject({ conditionsLevel: "excellent", quotaOutcome: "kept", level: "excellent" });
    expect(of("e")).toMatchObject({
      conditionsLevel: "excellent",
      quotaOutcome: "moved_down",
      level: "good",
    });
    expect(of("b")).toMatchObject({
      scoreLevel: "excellent",
      conditionsLevel: "good",
      quotaOutcome: "not_applicable",
      level: "good",
    });
    expect(of("b")?.conditions.find((c) => c.code === "exceeded_at_least_30_percent")?.passed).toBe(false);
    expect(of("c")).toMatchObject({ scoreLevel: "good", conditionsLevel: "good", level: "good" });
    const quota = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "unit_id"])
      .where("action", "=", "quota")
      .execute();
    expect(quota).toEqual([{ action: "quota", unit_id: world.wards.a }]);
    const { html } = await client("quan").page(`/quan-tri/xep-loai?don-vi=${world.district}&nam=2026`);
    expect(html).toContain("Tiêu chí xếp loại theo Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị");
    expect(html).toContain("Đảng ủy phường Thượng Thanh");
    expect(html).toContain("Hoàn thành xuất sắc nhiệm vụ");
    expect(html).toContain("Ngoài tỷ lệ 20%");
    expect(html).toContain("hạn mức 1 đơn vị");
  });

  it("judges 2019 by the rules in force in 2019 (QĐ 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW) and names them", async () => {
    // 92 points, every task done, 2 of 10 exceeded: excellent in 2019 (no 30% condition then), good
    // under QĐ 366 (as the 2026 rating above shows for the same figures).
    const saved = await rate("b", 92, { total: 10, onTime: 10, exceeded: 2 }, "quan", "2019");
    expect(saved.status).toBe(200);
    const [row] = (await saved.json()).data as {
      conditionsLevel: string;
      conditions: { code: string; label: string }[];
      ruleSet: { code: string; title: string };
    }[];
    expect(row?.conditionsLevel).toBe("excellent");
    expect(row?.ruleSet).toEqual({
      code: "qd132-hd21",
      title:
        "Tiêu chí xếp loại theo Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị và Hướng dẫn 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương",
    });
    expect(row?.conditions.map((c) => c.code)).not.toContain("exceeded_at_least_30_percent");
    expect(row?.conditions.map((c) => c.label)).toContain("Các chỉ tiêu, nhiệm vụ được giao đều hoàn thành");
    const { html } = await client("quan").page(`/quan-tri/xep-loai?don-vi=${world.district}&nam=2019`);
    expect(html).toContain("Tiêu chí xếp loại theo Quy định 132-QĐ/TW ngày 08/3/2018");
    // A year before the first rule set kept is refused rather than judged by later rules.
    const early = await rate("b", 92, { total: 10, onTime: 10, exceeded: 2 }, "quan", "2016");
    expect(early.status).toBe(422);
    expect((await early.json()).error.fields.year).toContain(
      "Chưa có bộ tiêu chí xếp loại chất lượng cho năm 2016",
    );
  });

  it("refuses a ward rating itself, and asks for task counts when no approved results exist", async () => {
    expect((await rate("a", 99, { total: 1, onTime: 1, exceeded: 1 }, "phuonga")).status).toBe(403);
    const noTasks = await rate("a", 95);
    expect(noTasks.status).toBe(422);
    expect((await noTasks.json()).error.fields["tasks.total"]).toContain("vui lòng nhập số nhiệm vụ");
    const bad = await rate("a", 101, { total: 3, onTime: 4, exceeded: 0 });
    expect((await bad.json()).error.fields).toEqual({
      score: "Điểm tự đánh giá từ 0 đến 100.",
      "tasks.onTime": "Số nhiệm vụ đúng hạn từ 0 đến 3.",
    });
  });

  it("checks an award title against the law in force for the year, and names that law", async () => {
    const quan = client("quan");
    const propose = (year: string) =>
      quan.sendJson("POST", "/api/v1/award-proposals", {
        unitId: world.wards.c,
        year,
        title: "xa_phuong_tieu_bieu",
        basis: "Tiêu biểu trong phong trào thi đua",
        proposingBody: "Hội đồng Thi đua - Khen thưởng quận",
      });
    // "Xã, phường, thị trấn tiêu biểu" came with the 2022 law (in force 01/01/2024): not for 2019.
    const early = await propose("2019");
    expect(early.status).toBe(422);
    expect((await early.json()).error.fields.title).toBe(
      'Danh hiệu "Xã, phường, thị trấn tiêu biểu" chưa có theo Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013) và Nghị định 91/2017/NĐ-CP, áp dụng cho năm 2019.',
    );
    expect((await propose("2024")).status).toBe(201);
    const { html } = await quan.page("/quan-tri/khen-thuong?nam=2019");
    expect(html).toContain("Căn cứ: Luật Thi đua, khen thưởng năm 2003");
    expect(html).not.toContain('value="xa_phuong_tieu_bieu"');
    const now = await quan.page("/quan-tri/khen-thuong?nam=2025");
    expect(now.html).toContain(
      "Căn cứ: Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP",
    );
    expect(now.html).toContain('value="xa_phuong_tieu_bieu"');
  });

  it("records award proposals with their yearly list, once per title, and their outcome", async () => {
    const quan = client("quan");
    const form = await quan.postForm("/quan-tri/khen-thuong", {
      unitId: String(world.wards.a),
      year: "2019",
      title: "co_thi_dua_chinh_phu",
      basis: "Dẫn đầu phong trào thi đua năm 2019, xếp thứ 1/14 phường",
      proposingBody: "Hội đồng Thi đua - Khen thưởng quận",
    });
    expect(form.status).toBe(303);
    const api = await quan.sendJson("POST", "/api/v1/award-proposals", {
      unitId: world.wards.a,
      year: "2019",
      title: "co_thi_dua_ubnd_thanh_pho",
      basis: "Hoàn thành xuất sắc toàn diện nhiệm vụ năm 2019",
      proposingBody: "Hội đồng Thi đua - Khen thưởng quận",
    });
    expect(api.status).toBe(201);
    const created = (await api.json()).data;
    expect(created).toMatchObject({
      titleLabel: "Cờ thi đua của UBND Thành phố",
      status: "proposed",
      unit: { id: world.wards.a },
    });
    const twice = await quan.sendJson("POST", "/api/v1/award-proposals", {
      unitId: world.wards.a,
      year: "2019",
      title: "co_thi_dua_chinh_phu",
      basis: "x",
      proposingBody: "y",
    });
    expect(twice.status).toBe(409);
    const own = await client("phuonga").sendJson("POST", "/api/v1/award-proposals", {
      unitId: world.wards.a,
      year: "2019",
      title: "tap_the_lao_dong_xuat_sac",
      basis: "x",
      proposingBody: "y",
    });
    expect(own.status).toBe(403);
    const list = await (
      await client("yte").request("/api/v1/award-proposals?year=2019", {
        headers: { accept: "application/json" },
      })
    ).json();
    expect(list.data.map((p: { titleLabel: string }) => p.titleLabel)).toEqual([
      "Cờ thi đua của Chính phủ",
      "Cờ thi đua của UBND Thành phố",
    ]);
    const decided = await quan.sendJson("PATCH", `/api/v1/award-proposals/${created.id}`, {
      status: "approved",
    });
    expect((await decided.json()).data.status).toBe("approved");
    expect(
      (await quan.sendJson("PATCH", `/api/v1/award-proposals/${created.id}`, { status: "withdrawn" })).status,
    ).toBe(409);
    const { html } = await client("phuonga").page("/quan-tri/khen-thuong?nam=2019");
    expect(html).toContain("Cờ thi đua của Chính phủ");
    expect(html).toContain("Được tặng");
    expect(html).not.toContain("Ghi đề nghị");
  });
});
