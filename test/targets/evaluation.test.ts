import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadHierarchy } from "../../src/core/access/hierarchy.repo.js";
import type { Database } from "../../src/core/db/database.js";
import { listDefinitions, listIndicators } from "../../src/targets/catalogue/indicators.repo.js";
import { editIndicator } from "../../src/targets/catalogue/indicators.service.js";
import { evaluateChildren } from "../../src/targets/evaluation/children-evaluation.service.js";
import { evaluateUnit } from "../../src/targets/evaluation/evaluation.service.js";
import { createTestDatabase, ENGINES } from "../support/databases.js";
import { type LongBien, seedLongBien } from "./seed.js";

describe.each(ENGINES)("evaluation of the demo data on %s", (engine) => {
  let database: Database;
  let lb: LongBien;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    lb = await seedLongBien(database.db, { demo: true });
  });
  afterAll(() => database.close());

  it("reproduces the article's 2019 figures for Thượng Thanh", async () => {
    const result = await evaluateUnit(database.db, { unitId: lb.thuongThanh, periodKey: "2019" });
    const byCode = new Map(result.indicators.map((i) => [i.indicator.code, i.evaluation]));
    expect(result.indicators).toHaveLength(16);
    expect(result.summary).toMatchObject({ total: 16, withData: 16, met: 16, exceeded: 16 });
    expect(result.score).toBe(100);
    expect(byCode.get("THU_NS")?.wording.customary).toBe("đạt 111% kế hoạch, vượt 11%");
    expect(byCode.get("GDVH")?.achievementPct).toBeCloseTo(104, 9);
    expect(byCode.get("TDPVH")?.achievementPct).toBeCloseTo(125, 9);
    expect(byCode.get("KET_NAP_DV")?.achievementPct).toBe(200);
    expect(byCode.get("HO_THOAT_NGHEO")?.achievementPct).toBe(500);
    // The article's "đạt 111%" against the district's estimate, then the ward council's own estimate
    // (42 tỷ, of the six-month review's demo): 44,4 ÷ 42 = 105,71%.
    expect(result.narrative).toContain(
      "Năm 2019, phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu, trong đó có nhiều chỉ tiêu vượt cao " +
        "so với kế hoạch giao như thu ngân sách nhà nước trên địa bàn đạt 111% dự toán cấp trên giao, " +
        "đạt 105,71% dự toán HĐND phường giao;",
    );
    // The catalogue's order, not the ratio: 500% comes last.
    expect(result.narrative).toMatch(/số hộ thoát nghèo đạt 500%\.$/);
    const revenue = result.indicators.find((i) => i.indicator.code === "THU_NS");
    expect(revenue?.target?.source).toBe("own");
    expect(result.indicators.find((i) => i.indicator.code === "GDVH")?.target?.source).toBe("inherited");
    expect(revenue?.samePeriod?.ratioWording).toBe("bằng 112,12% so với cùng kỳ");
  });

  it("computes the 2015–2020 term figures from the annual approved results", async () => {
    const result = await evaluateUnit(database.db, { unitId: lb.thuongThanh, periodKey: "2015-2020" });
    const byCode = new Map(result.indicators.map((i) => [i.indicator.code, i]));
    const revenue = byCode.get("THU_NS");
    expect(revenue?.term?.years).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(revenue?.evaluation.actual).toBeCloseTo(37.6, 9);
    expect(revenue?.evaluation.wording.customary).toBe("đạt 108% kế hoạch, vượt 8%");
    expect(byCode.get("GDVH")?.evaluation.wording.precise).toBe("đạt 90,42%, vượt 2,42 điểm phần trăm");
    expect(byCode.get("GDVH")?.evaluation.wording.customary).toBe("đạt 90,42%, vượt 2,42%");
    expect(byCode.get("TDPVH")?.evaluation.exceedPoints).toBeCloseTo(15.65, 9);
    expect(byCode.get("KET_NAP_DV")?.evaluation).toMatchObject({ actual: 70, achievementPct: 140 });
    expect(byCode.get("TY_LE_HO_NGHEO")?.evaluation).toMatchObject({ actual: 0.17, status: "exceeded" });
    expect(byCode.get("TY_LE_HO_NGHEO")?.evaluation.wording.precise).toBe(
      "ở mức 0,17%, thấp hơn mức trần 0,33 điểm phần trăm",
    );
    expect(result.summary).toMatchObject({ withData: 16, met: 16, exceeded: 16 });
    expect(revenue?.term?.annual.map((a) => a.target)).toEqual([null, null, null, null, 40]);
  });

  it("evaluates every ward of the district at once, Thượng Thanh first of 14", async () => {
    const result = await evaluateChildren(database.db, { parentId: lb.district, periodKey: "2019" });
    expect(result.units).toHaveLength(14);
    const ranked = [...result.units].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    expect(ranked[0]?.unit.id).toBe(lb.thuongThanh);
    expect(ranked[0]?.score).toBe(100);
    expect(ranked[1]?.score).toBeLessThan(100);
    for (const unit of result.units) expect(unit.summary.total).toBe(16);
    // The same figures as the single-unit evaluation.
    const single = await evaluateUnit(database.db, { unitId: lb.ngocThuy, periodKey: "2019" });
    const bulk = result.units.find((u) => u.unit.id === lb.ngocThuy);
    expect(bulk?.summary).toEqual(single.summary);
    expect(bulk?.indicators.map((i) => i.evaluation.status)).toEqual(
      single.indicators.map((i) => i.evaluation.status),
    );
  });

  it("flags an estimate-only figure as an estimate", async () => {
    const saiDong = lb.wards.get("Sài Đồng") as number;
    const result = await evaluateUnit(database.db, { unitId: saiDong, periodKey: "2019" });
    const revenue = result.indicators.find((i) => i.indicator.code === "THU_NS");
    expect(revenue?.evaluation.basis).toBe("estimate");
    expect(revenue?.evaluation.wording.precise).toContain("(theo số ước thực hiện)");
    expect(result.summary.estimated).toBe(1);
  });

  it("keeps an indicator's old name for periods before a rename", async () => {
    const hierarchy = await loadHierarchy(database.db);
    const admin = await database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow();
    const actor = {
      userId: admin.id,
      username: "admin",
      displayName: "admin",
      grants: [{ role: "system_admin" as const, unitId: lb.city, validFrom: "2019-01-01", validTo: null }],
    };
    const indicator = (await listIndicators(database.db)).find((i) => i.code === "TN_THCS");
    if (!indicator) throw new Error("demo indicator missing");
    const { id, ...rest } = indicator;
    await editIndicator(
      database.db,
      id,
      { ...rest, name: "Tỷ lệ học sinh hoàn thành chương trình trung học cơ sở", wordingFrom: "2020-01-01" },
      { actor, hierarchy, today: "2020-01-02", now: new Date("2020-01-02T08:00:00Z"), ip: null },
    );
    const old = await evaluateUnit(database.db, { unitId: lb.thuongThanh, periodKey: "2019" });
    expect(old.indicators.find((i) => i.indicator.code === "TN_THCS")?.indicator.name).toBe(
      "Tỷ lệ học sinh tốt nghiệp trung học cơ sở",
    );
    const catalogue = (await listIndicators(database.db)).find((i) => i.code === "TN_THCS");
    expect(catalogue?.name).toBe("Tỷ lệ học sinh hoàn thành chương trình trung học cơ sở");
    const definitions = await listDefinitions(database.db, [id]);
    expect(definitions.map((d) => [d.validFrom, d.validTo])).toEqual([
      ["1945-09-02", "2019-12-31"],
      ["2020-01-01", null],
    ]);
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["before_json", "after_json"])
      .where("entity_type", "=", "indicator")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json ?? "{}").name).toBe("Tỷ lệ học sinh tốt nghiệp trung học cơ sở");
  });

  it("refuses a malformed period with a field error", async () => {
    await expect(
      evaluateUnit(database.db, { unitId: lb.thuongThanh, periodKey: "2019-" }),
    ).rejects.toMatchObject({
      status: 422,
      fields: { period: expect.stringContaining("Kỳ không hợp lệ") },
    });
  });
});
