import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** Units that have (or had) children: the parents a ranking can be asked for, by name. */
export async function listParentUnits(
  db: Kysely<DB>,
): Promise<{ id: number; name: string; level: string }[]> {
  return db
    .selectFrom("units")
    .select(["id", "name", "level"])
    .where("id", "in", db.selectFrom("unit_parents").select("parent_id"))
    .orderBy("name")
    .execute();
}
