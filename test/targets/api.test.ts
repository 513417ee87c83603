import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { TypedApi } from "../support/typed-api.js";
import { type LongBien, seedLongBien } from "./seed.js";

describe.each(ENGINES)("targets API on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let indicatorIds: Map<string, number>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    const rows = await t.database.db.selectFrom("indicators").select(["id", "code"]).execute();
    indicatorIds = new Map(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => t.close());

  /** Typed by the API document: a field renamed there fails the typecheck here. */
  const evaluation = (period: string, client?: TestClient) =>
    (client ? TypedApi.session(client) : TypedApi.anonymous(t)).expect(
      200,
      "get",
      "/api/v1/units/{id}/evaluation",
      {
        path: { id: lb.thuongThanh },
        query: { period },
      },
    );

  it("serves the 2019 evaluation with the article's figures to anyone", async () => {
    const { data } = await evaluation("2019");
    expect(data.period).toMatchObject({ key: "2019", kind: "year" });
    expect(data.summary).toMatchObject({ total: 16, met: 16, exceeded: 16 });
    const revenue = data.indicators.find((i) => i.code === "THU_NS");
    expect(revenue).toMatchObject({ target: 40, actual: 44.4, met: true, exceedPoints: null });
    expect(revenue?.achievementPct).toBeCloseTo(111, 9);
    expect(revenue?.wording.customary).toContain("đạt 111%");
    expect(revenue?.notes).toEqual(["Số liệu suy ra để khớp bài viết"]);
    const gdvh = data.indicators.find((i) => i.code === "GDVH");
    expect(gdvh?.exceedPct).toBeNull();
    expect(gdvh?.exceedPoints).toBeCloseTo(3.52, 9);
    expect(data.narrative).toContain("thu ngân sách nhà nước trên địa bàn đạt 111%");
  });

  it("serves the 2015–2020 term evaluation: mean revenue 37,6 tỷ vượt 8%, GĐVH vượt 2,42 điểm phần trăm", async () => {
    const { data } = await evaluation("2015-2020");
    expect(data.period.kind).toBe("term");
    const revenue = data.indicators.find((i) => i.code === "THU_NS");
    expect(revenue?.actual).toBeCloseTo(37.6, 9);
    expect(revenue?.target).toBe(34.8);
    expect(revenue?.wording.customary).toBe("đạt 108% kế hoạch, vượt 8%");
    const gdvh = data.indicators.find((i) => i.code === "GDVH");
    expect(gdvh?.wording.precise).toBe("đạt 90,42%, vượt 2,42 điểm phần trăm");
    expect(gdvh?.exceedPoints).toBeCloseTo(2.42, 9);
    const admissions = data.indicators.find((i) => i.code === "KET_NAP_DV");
    expect(admissions).toMatchObject({ actual: 70, target: 50, achievementPct: 140 });
  });

  it("hides non-public indicators from visitors but not from the unit's officers", async () => {
    await t.database.db
      .updateTable("indicators")
      .set({ is_public: 0 })
      .where("code", "=", "VIEC_LAM")
      .execute();
    try {
      const anonymous = await evaluation("2019");
      expect(anonymous.data.indicators.map((i) => i.code)).not.toContain("VIEC_LAM");
      const officer = new TestClient(t);
      await officer.logIn("thuongthanh");
      const inside = await evaluation("2019", officer);
      expect(inside.data.indicators.map((i) => i.code)).toContain("VIEC_LAM");
    } finally {
      await t.database.db
        .updateTable("indicators")
        .set({ is_public: 1 })
        .where("code", "=", "VIEC_LAM")
        .execute();
    }
  });

  it("runs entry → submit → approve → evaluation, with permissions and the lock", async () => {
    const ward = new TestClient(t);
    await ward.logIn("thuongthanh");
    const other = new TestClient(t, "198.51.100.20");
    await other.logIn("ngocthuy");
    const office = new TestClient(t, "198.51.100.21");
    await office.logIn("vanphong.longbien");
    const batch = {
      unitId: lb.thuongThanh,
      periodKey: "2020",
      version: "final",
      values: [
        { indicatorCode: "THU_NS", value: 46.62, source: "Báo cáo năm 2020", note: null },
        { indicatorCode: "GDVH", value: 90.1, source: null, note: null },
      ],
    };

    const foreign = await other.sendJson("POST", "/api/v1/results", batch);
    expect(foreign.status).toBe(403);

    const bad = await ward.sendJson("POST", "/api/v1/results", {
      ...batch,
      values: [
        { indicatorCode: "KHONG_CO", value: 1 },
        { indicatorCode: "THU_NS", value: "nhiều" },
      ],
    });
    expect(bad.status).toBe(422);
    const badBody = await bad.json();
    expect(Object.keys(badBody.error.fields)).toContain("body.values.1.value");

    // Typed by the API document (body, status and reply), through the session cookie and CSRF header.
    const wardApi = TypedApi.session(ward);
    const officeApi = TypedApi.session(office);
    const rows = (
      await wardApi.expect(200, "post", "/api/v1/results", { body: { ...batch, version: "final" } })
    ).data;
    expect(rows.map((r) => r.status)).toEqual(["draft", "draft"]);
    const ids = rows.map((r) => r.id);

    await wardApi.expect(200, "post", "/api/v1/results/submit", { body: { ids } });
    // The ward may not approve its own figures; only the office above may.
    await wardApi.expect(403, "post", "/api/v1/results/approve", { body: { ids } });
    const approved = await officeApi.expect(200, "post", "/api/v1/results/approve", { body: { ids } });
    expect(approved.data.every((r) => r.status === "approved")).toBe(true);

    const locked = await ward.sendJson("POST", "/api/v1/results", {
      ...batch,
      values: [{ indicatorCode: "THU_NS", value: 50, source: null, note: null }],
    });
    expect(locked.status).toBe(409);
    expect((await locked.json()).error.message).toBe("Số liệu đã được phê duyệt, cần mở lại trước khi sửa");

    const { data } = await evaluation("2020");
    const revenue = data.indicators.find((i) => i.code === "THU_NS");
    expect(revenue?.wording.customary).toBe("đạt 111% kế hoạch, vượt 11%");

    const noReason = await office.sendJson("POST", "/api/v1/results/reopen", { ids: [ids[0]], reason: " " });
    expect(noReason.status).toBe(422);
    const reopened = await office.sendJson("POST", "/api/v1/results/reopen", {
      ids: [ids[0]],
      reason: "Sai số liệu quý IV",
    });
    expect(reopened.status).toBe(200);
    const fixed = await ward.sendJson("POST", "/api/v1/results", {
      ...batch,
      values: [{ indicatorCode: "THU_NS", value: 47, source: null, note: "Đã sửa theo ý kiến Văn phòng" }],
    });
    expect(fixed.status).toBe(200);

    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "before_json", "after_json"])
      .where("entity_type", "=", "result")
      .where("entity_id", "=", String(ids[0]))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "submit", "approve", "reopen", "update"]);
    expect(JSON.parse(audit[3]?.after_json ?? "{}")).toMatchObject({
      status: "reopened",
      reason: "Sai số liệu quý IV",
    });
    expect(JSON.parse(audit[4]?.before_json ?? "{}")).toMatchObject({ value: 46.62 });
    expect(JSON.parse(audit[4]?.after_json ?? "{}")).toMatchObject({ value: 47 });
  });

  it("reads results: approved public ones for visitors, every status for the unit", async () => {
    const visitor = await t.app.request(`/api/v1/results?unit=${lb.thuongThanh}&period=2020`);
    const visible = (await visitor.json()).data as { status: string }[];
    expect(visible.every((r) => r.status === "approved")).toBe(true);
    const ward = new TestClient(t);
    await ward.logIn("thuongthanh");
    const inside = await ward.request(`/api/v1/results?unit=${lb.thuongThanh}&period=2020`);
    expect(((await inside.json()).data as { status: string }[]).map((r) => r.status)).toContain("reopened");
  });

  it("manages indicators and targets through the API, with revisions and field errors", async () => {
    const office = new TestClient(t);
    await office.logIn("vanphong.longbien");
    const created = await office.sendJson("POST", "/api/v1/indicators", {
      code: "HO_KD_MOI",
      name: "Số hộ kinh doanh đăng ký mới",
      field: "Kinh tế",
      unitOfMeasure: "hộ",
      valueType: "number",
      direction: "higher_is_better",
      comparisonMode: "ratio",
      termAggregation: "sum",
    });
    expect(created.status).toBe(201);
    const indicator = (await created.json()).data as { id: number };
    const body = {
      code: "HO_KD_MOI",
      name: "Số hộ kinh doanh mới",
      field: "Kinh tế",
      unitOfMeasure: "hộ",
      valueType: "number",
      direction: "higher_is_better",
      comparisonMode: "ratio",
      termAggregation: "sum",
    };
    const duplicate = await office.sendJson("POST", "/api/v1/indicators", body);
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error.fields).toEqual({
      code: "Mã chỉ tiêu đã được dùng cho chỉ tiêu khác.",
    });
    const ward = new TestClient(t);
    await ward.logIn("thuongthanh");
    // A ward's own admin may not change the shared catalogue, nor set its own targets.
    expect((await ward.sendJson("PUT", `/api/v1/indicators/${indicator.id}`, body)).status).toBe(403);
    expect((await ward.sendJson("PUT", `/api/v1/indicators/${indicator.id}`, { code: "X" })).status).toBe(
      422,
    );
    const target = {
      indicatorId: indicator.id,
      unitId: lb.thuongThanh,
      periodKey: "2020",
      levelKind: "value",
      value: 120,
    };
    expect((await ward.sendJson("POST", "/api/v1/targets", target)).status).toBe(403);
    const first = await office.sendJson("POST", "/api/v1/targets", target);
    expect(first.status).toBe(201);
    expect((await first.json()).data).toMatchObject({
      revision: 0,
      periodStart: "2020-01-01",
      periodEnd: "2020-12-31",
    });
    const second = await office.sendJson("POST", "/api/v1/targets", {
      ...target,
      value: 150,
      windowRule: "nd09",
    });
    expect((await second.json()).data).toMatchObject({
      revision: 1,
      periodStart: "2019-12-15",
      periodEnd: "2020-12-14",
    });
    const wrongKind = await office.sendJson("POST", "/api/v1/targets", {
      ...target,
      levelKind: "range",
      minValue: 1,
      maxValue: 2,
    });
    expect(wrongKind.status).toBe(422);
    expect((await wrongKind.json()).error.fields).toHaveProperty("levelKind");
    const missing = await office.sendJson("POST", "/api/v1/targets", { ...target, value: undefined });
    expect((await missing.json()).error.fields).toHaveProperty("body.value");
    const list = await office.request(`/api/v1/targets?unit=${lb.thuongThanh}&period=2020`);
    const revisions = ((await list.json()).data as { indicatorId: number; revision: number }[]).filter(
      (r) => r.indicatorId === indicator.id,
    );
    expect(revisions.map((r) => r.revision)).toEqual([0, 1]);
    expect(indicatorIds.size).toBe(16);
  });

  it("documents the endpoints in the OpenAPI document", async () => {
    const doc = await (await t.app.request("/api/openapi.json")).json();
    for (const path of [
      "/api/v1/units/{id}/evaluation",
      "/api/v1/indicators",
      "/api/v1/targets",
      "/api/v1/results",
      "/api/v1/results/approve",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
