import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/** A unit's name with its validity, enough to label it and group it in a picker. */
export interface UnitName {
  id: number;
  name: string;
  level: string;
  valid_from: string;
  valid_to: string | null;
}

/** Names of the given units (all units when `ids` is null), for labels and pickers. */
export async function listUnitNames(db: Kysely<DB>, ids: number[] | null): Promise<UnitName[]> {
  if (ids !== null && ids.length === 0) return [];
  let query = db
    .selectFrom("units")
    .select(["id", "name", "level", "valid_from", "valid_to"])
    .orderBy("name");
  if (ids !== null) query = query.where("id", "in", ids);
  return query.execute();
}

/** Names of the given organisations, by id (for labels, e.g. the change log's coordinators). */
export async function listOrganisationNames(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
