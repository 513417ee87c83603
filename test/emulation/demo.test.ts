import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { loadEmulationDemo } from "../../src/demo/load-emulation.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";

describe.each(ENGINES)("emulation demo on %s", (engine) => {
  let t: TestApp;
  let districtId: number;
  let thuongThanh: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await loadDemoIfEmpty(
      t.database,
      new Date("2020-01-02T08:00:00Z"),
      mkdtempSync(path.join(tmpdir(), "giaoban-media-")),
    );
    // Until the demo loader calls it, load the emulation part here, in a transaction as the loader would.
    if (!(await db.selectFrom("emulation_schemes").select("id").executeTakeFirst())) {
      expect(
        await db
          .transaction()
          .execute((trx) => loadEmulationDemo(trx, { now: new Date("2020-01-02T08:00:00Z") })),
      ).toBe(true);
    }
    const units = await db.selectFrom("units").select(["id", "name", "level"]).execute();
    districtId = units.find((u) => u.level === "district" && u.name === "Long Biên")?.id as number;
    thuongThanh = units.find((u) => u.level === "ward" && u.name === "Thượng Thanh")?.id as number;
  });
  afterAll(() => t.close());

  it("ranks Thượng Thanh 1/14 on the council's final scores", async () => {
    const body = await (await t.app.request(`/api/v1/rankings?parent=${districtId}&period=2019`)).json();
    expect(body.basis).toBe("emulation");
    expect(body.meta.total).toBe(14);
    expect(body.data[0]).toMatchObject({
      unit: { id: thuongThanh, name: "Thượng Thanh" },
      rank: 1,
      tied: false,
    });
    const html = await (await t.app.request(`/xep-hang?don-vi=${districtId}&ky=2019`)).text();
    expect(html).toContain("xếp thứ 1/14");
  });

  it("fixes the computed criteria from the targets demo's approved results and the assessments", async () => {
    const rows = await t.database.db
      .selectFrom("emulation_scores as s")
      .innerJoin("emulation_criteria as c", "c.id", "s.criterion_id")
      .select(["c.code", "s.points", "s.comment"])
      .where("s.unit_id", "=", thuongThanh)
      .where("s.stage", "=", "council")
      .where("c.kind", "in", ["indicator_rule", "assessment"])
      .orderBy("c.code")
      .execute();
    expect(rows.map((r) => [r.code, r.points, r.comment])).toEqual([
      ["A.1", 100, "Vượt chỉ tiêu: 100 điểm."],
      ["A.2", 100, "Vượt chỉ tiêu: 100 điểm."],
      ["A.3", 100, "Vượt chỉ tiêu: 100 điểm."],
      ["A.4", 100, "Vượt chỉ tiêu: 100 điểm."],
      ...["B.1", "B.2", "B.3", "B.4", "B.5"].map((code) => [code, 60, "Được xếp hạng 1/14: 60 điểm."]),
    ]);
  });

  it("has the five departments placing Thượng Thanh first, its party committee excellent, and two proposals", async () => {
    const assessments = await (
      await t.app.request(`/api/v1/units/${thuongThanh}/assessments?period=2019`)
    ).json();
    const texts: string[] = assessments.data.map((a: { text: string }) => a.text);
    expect(texts).toHaveLength(5);
    for (const name of [
      "MTTQ",
      "Tuyên giáo",
      "Phòng Y tế",
      "Phòng Tài chính - Kế hoạch",
      "Phòng Giáo dục và Đào tạo",
    ]) {
      expect(texts.some((text) => text.includes(name) && text.includes("vị trí thứ nhất"))).toBe(true);
    }
    const db = t.database.db;
    const ratings = await db
      .selectFrom("quality_ratings")
      .select(["unit_id", "level", "quota_outcome"])
      .execute();
    expect(ratings).toHaveLength(14);
    expect(ratings.find((r) => r.unit_id === thuongThanh)).toMatchObject({
      level: "excellent",
      quota_outcome: "kept",
    });
    // The article's "Đảng bộ … hoàn thành xuất sắc nhiệm vụ" for 2019, judged by the rules of 2019.
    const stored = await db
      .selectFrom("quality_ratings")
      .select("conditions_json")
      .where("unit_id", "=", thuongThanh)
      .executeTakeFirstOrThrow();
    const conditions = JSON.parse(stored.conditions_json) as {
      ruleSet: string;
      conditions: { code: string }[];
    };
    expect(conditions.ruleSet).toBe("qd132-hd21");
    expect(conditions.conditions.map((c) => c.code)).not.toContain("exceeded_at_least_30_percent");
    expect(ratings.filter((r) => r.quota_outcome === "moved_down")).toHaveLength(1);
    const proposals = await db
      .selectFrom("award_proposals")
      .select(["unit_id", "title", "proposing_body"])
      .orderBy("id")
      .execute();
    expect(proposals).toEqual([
      {
        unit_id: thuongThanh,
        title: "co_thi_dua_chinh_phu",
        proposing_body: "Hội đồng Thi đua - Khen thưởng quận Long Biên",
      },
      {
        unit_id: thuongThanh,
        title: "co_thi_dua_ubnd_thanh_pho",
        proposing_body: "Hội đồng Thi đua - Khen thưởng quận Long Biên",
      },
    ]);
  });
});
