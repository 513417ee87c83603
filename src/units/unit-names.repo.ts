import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/** Names of the given units (all units when `ids` is null), for labels and pickers. */
export async function listUnitNames(
  db: Kysely<DB>,
  ids: number[] | null,
): Promise<{ id: number; name: string; level: string }[]> {
  if (ids !== null && ids.length === 0) return [];
  let query = db.selectFrom("units").select(["id", "name", "level"]).orderBy("name");
  if (ids !== null) query = query.where("id", "in", ids);
  return query.execute();
}
