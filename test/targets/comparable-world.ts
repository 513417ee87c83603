import type { Kysely } from "kysely";
import type { DB } from "../../src/core/db/schema.js";
import { maintainResultSummaries } from "../../src/targets/summaries/result-summaries.repo.js";
import { createUnit } from "../support/fixtures.js";

/**
 * A world for the comparable base: Hà Nội → quận Long Biên → six wards of 2019 (Sài Đồng ending
 * 31/12/2024 into old Việt Hưng and Phúc Đồng), and from 01/07/2025 the new phường Việt Hưng directly
 * under Hà Nội, with the demo's shares (units.demo.ts); a new phường Bồ Đề with one share missing.
 * Revenue (additive), the share of cultural families (a rate, weighted by population) and the
 * population, with 2019 figures and targets chosen for a hand computation.
 */

export const FIGURES_2019: Record<
  string,
  { revenue: number; revenueTarget: number; gdvh: number; population: number }
> = {
  "Thượng Thanh": { revenue: 44.4, revenueTarget: 40, gdvh: 91.52, population: 30000 },
  "Giang Biên": { revenue: 30, revenueTarget: 28, gdvh: 90, population: 20000 },
  "Đức Giang": { revenue: 50, revenueTarget: 45, gdvh: 88, population: 40000 },
  "Việt Hưng": { revenue: 40, revenueTarget: 38, gdvh: 92, population: 25000 },
  "Phúc Đồng": { revenue: 20, revenueTarget: 19, gdvh: 85, population: 15000 },
  "Sài Đồng": { revenue: 10, revenueTarget: 9, gdvh: 80, population: 10000 },
  "Gia Thụy": { revenue: 35, revenueTarget: 30, gdvh: 80, population: 22000 },
  "Ngọc Lâm": { revenue: 25, revenueTarget: 24, gdvh: 87, population: 21000 },
};

export interface ComparableWorld {
  city: number;
  district: number;
  old: Map<string, number>;
  newVietHung: number;
  newBoDe: number;
  newPhucLoi: number;
  indicators: { revenue: number; gdvh: number; population: number };
}

const NQ_1656 = "Nghị quyết 1656/NQ-UBTVQH15";
const NQ_1286 = "Nghị quyết 1286/NQ-UBTVQH15";

async function link(
  db: Kysely<DB>,
  from: number,
  to: number,
  date: string,
  share: number | null,
  basis: string,
): Promise<void> {
  await db
    .insertInto("unit_successions")
    .values({
      from_unit_id: from,
      to_unit_id: to,
      effective_date: date,
      kind: share === 1 ? "whole" : "part",
      population_share: share === 1 ? null : share,
      area_share: null,
      legal_basis: basis,
      note: null,
    })
    .execute();
}

async function indicator(
  db: Kysely<DB>,
  code: string,
  name: string,
  unit: string,
  valueType: "number" | "rate",
  sortOrder: number,
): Promise<number> {
  const at = "2019-01-01T00:00:00.000Z";
  const row = await db
    .insertInto("indicators")
    .values({
      code,
      name,
      field: "Kinh tế",
      unit_of_measure: unit,
      value_type: valueType,
      direction: "higher_is_better",
      comparison_mode: valueType === "rate" ? "points" : "ratio",
      term_aggregation: "mean",
      responsible_organisation_id: null,
      definition: null,
      is_public: 1,
      sort_order: sortOrder,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function result(db: Kysely<DB>, indicatorId: number, unitId: number, value: number): Promise<void> {
  const at = "2020-01-10T00:00:00.000Z";
  await db
    .insertInto("results")
    .values({
      indicator_id: indicatorId,
      unit_id: unitId,
      period_key: "2019",
      period_start: "2019-01-01",
      period_end: "2019-12-31",
      version: "final",
      value,
      source: null,
      note: null,
      status: "approved",
      entered_by: null,
      submitted_at: at,
      approved_by: null,
      approved_at: at,
      reopen_reason: null,
      return_reason: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await maintainResultSummaries(db, [{ unitId, indicatorId, periodKey: "2019" }]);
}

async function target(
  db: Kysely<DB>,
  indicatorId: number,
  unitId: number,
  appliesTo: "unit" | "children",
  value: number,
): Promise<void> {
  await db
    .insertInto("targets")
    .values({
      indicator_id: indicatorId,
      unit_id: unitId,
      applies_to: appliesTo,
      period_kind: "year",
      period_key: "2019",
      period_start: "2019-01-01",
      period_end: "2019-12-31",
      aggregation: null,
      level_kind: "value",
      value,
      min_value: null,
      max_value: null,
      revision: 0,
      document: null,
      note: null,
      created_by: null,
      created_at: "2019-01-05T00:00:00.000Z",
    })
    .execute();
}

export async function seedComparableWorld(db: Kysely<DB>): Promise<ComparableWorld> {
  const city = await createUnit(db, { name: "Hà Nội", level: "city", validFrom: "1945-01-01" });
  const district = await createUnit(db, {
    name: "Long Biên",
    level: "district",
    parentId: city,
    validTo: "2025-06-30",
  });
  const old = new Map<string, number>();
  for (const name of Object.keys(FIGURES_2019)) {
    const validTo = name === "Sài Đồng" ? "2024-12-31" : "2025-06-30";
    old.set(name, await createUnit(db, { name, level: "ward", parentId: district, validTo }));
  }
  const newVietHung = await createUnit(db, {
    name: "Việt Hưng",
    level: "ward",
    parentId: city,
    validFrom: "2025-07-01",
  });
  const newBoDe = await createUnit(db, {
    name: "Bồ Đề",
    level: "ward",
    parentId: city,
    validFrom: "2025-07-01",
  });
  const newPhucLoi = await createUnit(db, {
    name: "Phúc Lợi",
    level: "ward",
    parentId: city,
    validFrom: "2025-07-01",
  });
  const id = (name: string) => old.get(name) as number;
  await link(db, id("Sài Đồng"), id("Phúc Đồng"), "2025-01-01", 0.6, NQ_1286);
  await link(db, id("Sài Đồng"), id("Việt Hưng"), "2025-01-01", 0.4, NQ_1286);
  await link(db, id("Thượng Thanh"), newVietHung, "2025-07-01", 0.6, NQ_1656);
  await link(db, id("Thượng Thanh"), newBoDe, "2025-07-01", 0.4, NQ_1656);
  await link(db, id("Giang Biên"), newVietHung, "2025-07-01", 0.5, NQ_1656);
  await link(db, id("Đức Giang"), newVietHung, "2025-07-01", 1, NQ_1656);
  await link(db, id("Việt Hưng"), newVietHung, "2025-07-01", 0.7, NQ_1656);
  await link(db, id("Phúc Đồng"), newVietHung, "2025-07-01", 0.4, NQ_1656);
  await link(db, id("Gia Thụy"), newBoDe, "2025-07-01", 0.6, NQ_1656);
  await link(db, id("Giang Biên"), newPhucLoi, "2025-07-01", 0.5, NQ_1656);
  await link(db, id("Gia Thụy"), newPhucLoi, "2025-07-01", 0.4, NQ_1656);
  // The share of Ngọc Lâm's part is not known: it must be named, never guessed.
  await link(db, id("Ngọc Lâm"), newBoDe, "2025-07-01", null, NQ_1656);

  const revenue = await indicator(
    db,
    "THU_NS",
    "Thu ngân sách nhà nước trên địa bàn",
    "tỷ đồng",
    "number",
    10,
  );
  const gdvh = await indicator(db, "GDVH", "Tỷ lệ hộ gia đình văn hóa", "%", "rate", 20);
  const population = await indicator(db, "DAN_SO", "Dân số trung bình", "người", "number", 30);
  await target(db, gdvh, district, "children", 88);
  for (const [name, f] of Object.entries(FIGURES_2019)) {
    await result(db, revenue, id(name), f.revenue);
    await result(db, gdvh, id(name), f.gdvh);
    await result(db, population, id(name), f.population);
    await target(db, revenue, id(name), "unit", f.revenueTarget);
  }
  return { city, district, old, newVietHung, newBoDe, newPhucLoi, indicators: { revenue, gdvh, population } };
}
