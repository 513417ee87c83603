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
