import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/**
 * Which periods a unit has open data for: approved results of public indicators, the latest-ending
 * first (the year 2019 before its first six months "2019-6T", which sorts after it as text).
 */
export async function listOpenDataPeriods(db: Kysely<DB>, unitId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("results")
    .innerJoin("indicators", "indicators.id", "results.indicator_id")
    .select("results.period_key")
    .where("results.unit_id", "=", unitId)
    .where("results.status", "=", "approved")
    .where("indicators.is_public", "=", 1)
    .groupBy("results.period_key")
    .orderBy((eb) => eb.fn.max("results.period_end"), "desc")
    .orderBy("results.period_key", "desc")
    .execute();
  return rows.map((r) => r.period_key);
}

/** Every unit with open data (approved results of public indicators), for the sitemap. */
export async function listUnitsWithOpenData(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom("results")
    .innerJoin("indicators", "indicators.id", "results.indicator_id")
    .select("results.unit_id")
    .distinct()
    .where("results.status", "=", "approved")
    .where("indicators.is_public", "=", 1)
    .orderBy("results.unit_id")
    .execute();
  return rows.map((r) => r.unit_id);
}

export interface ApprovedYearFigure {
  unitName: string;
  unitLevel: string;
  indicatorCode: string;
  indicatorName: string;
  field: string;
  unitOfMeasure: string;
  year: string;
  value: number;
  version: string;
  approvedAt: string | null;
  updatedAt: string;
}

/** Every approved figure of a public indicator for a whole year, of every unit (the open-data set). */
export async function listApprovedYearFigures(db: Kysely<DB>): Promise<ApprovedYearFigure[]> {
  const rows = await db
    .selectFrom("results")
    .innerJoin("indicators", "indicators.id", "results.indicator_id")
    .innerJoin("units", "units.id", "results.unit_id")
    .select([
      "units.name as unit_name",
      "units.level as unit_level",
      "indicators.code",
      "indicators.name as indicator_name",
      "indicators.field",
      "indicators.unit_of_measure",
      "results.period_key",
      "results.value",
      "results.version",
      "results.approved_at",
      "results.updated_at",
    ])
    .where("results.status", "=", "approved")
    .where("indicators.is_public", "=", 1)
    .where((eb) => eb(eb.fn("length", ["results.period_key"]), "=", 4))
    .orderBy("results.period_key")
    .orderBy("units.name")
    .orderBy("indicators.sort_order")
    .orderBy("results.version")
    .execute();
  return rows.map((r) => ({
    unitName: r.unit_name,
    unitLevel: r.unit_level,
    indicatorCode: r.code,
    indicatorName: r.indicator_name,
    field: r.field,
    unitOfMeasure: r.unit_of_measure,
    year: r.period_key,
    value: r.value,
    version: r.version,
    approvedAt: r.approved_at,
    updatedAt: r.updated_at,
  }));
}
