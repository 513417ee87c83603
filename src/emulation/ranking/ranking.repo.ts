import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { UnitName } from "../../units/unit-names.repo.js";

/** Units that have (or had) children: the parents a ranking can be asked for, by name. */
export async function listParentUnits(db: Kysely<DB>): Promise<UnitName[]> {
  return db
    .selectFrom("units")
    .select(["id", "name", "level", "valid_from", "valid_to"])
    .where("id", "in", db.selectFrom("unit_parents").select("parent_id"))
    .orderBy("name")
    .execute();
}
