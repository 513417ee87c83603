import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** A unit's portal texts (history, boundary, area, population) and its leaders' duties. */

export interface UnitPortalProfile {
  history: string | null;
  boundary: string | null;
  areaKm2: number | null;
  population: number | null;
  populationYear: number | null;
}

export const EMPTY_PROFILE: UnitPortalProfile = {
  history: null,
  boundary: null,
  areaKm2: null,
  population: null,
  populationYear: null,
};

export async function findUnitPortalProfile(db: Kysely<DB>, unitId: number): Promise<UnitPortalProfile> {
  const row = await db
    .selectFrom("unit_portal_profiles")
    .selectAll()
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  if (!row) return { ...EMPTY_PROFILE };
  return {
    history: row.history,
    boundary: row.boundary,
    areaKm2: row.area_km2 === null ? null : Number(row.area_km2),
    population: row.population === null ? null : Number(row.population),
    populationYear: row.population_year === null ? null : Number(row.population_year),
  };
}

export async function saveUnitPortalProfile(
  db: Kysely<DB>,
  unitId: number,
  profile: UnitPortalProfile,
  now: Date,
): Promise<void> {
  const values = {
    history: profile.history,
    boundary: profile.boundary,
    area_km2: profile.areaKm2,
    population: profile.population,
    population_year: profile.populationYear,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto("unit_portal_profiles")
    .values({ unit_id: unitId, ...values })
    .onConflict((oc) => oc.column("unit_id").doUpdateSet(values))
    .execute();
}

/** Duties by person id, for the given people in this unit. */
export async function listLeaderDuties(
  db: Kysely<DB>,
  unitId: number,
  personIds: number[],
): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("leader_duties")
    .select(["person_id", "duties"])
    .where("unit_id", "=", unitId)
    .where("person_id", "in", personIds)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.duties]));
}

/** Sets (or, with null, removes) a person's duties in a unit. */
export async function saveLeaderDuties(
  db: Kysely<DB>,
  entry: { unitId: number; personId: number; duties: string | null; now: Date },
): Promise<void> {
  if (entry.duties === null) {
    await db
      .deleteFrom("leader_duties")
      .where("unit_id", "=", entry.unitId)
      .where("person_id", "=", entry.personId)
      .execute();
    return;
  }
  const values = { duties: entry.duties, updated_at: entry.now.toISOString() };
  await db
    .insertInto("leader_duties")
    .values({ unit_id: entry.unitId, person_id: entry.personId, ...values })
    .onConflict((oc) => oc.columns(["unit_id", "person_id"]).doUpdateSet(values))
    .execute();
}
