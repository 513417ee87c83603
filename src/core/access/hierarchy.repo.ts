import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { Hierarchy } from "./hierarchy.rules.js";

/**
 * Loads every unit's validity and every parent link. Small even nationwide (about 10.000 units with
 * history), and the permission checks need the whole picture to walk ancestors at any date.
 */
export async function loadHierarchy(db: Kysely<DB>): Promise<Hierarchy> {
  const [units, links] = await Promise.all([
    db.selectFrom("units").select(["id", "valid_from", "valid_to"]).execute(),
    db.selectFrom("unit_parents").select(["unit_id", "parent_id", "valid_from", "valid_to"]).execute(),
  ]);
  return new Hierarchy(
    units.map((u) => ({ id: u.id, validFrom: u.valid_from, validTo: u.valid_to })),
    links.map((l) => ({
      unitId: l.unit_id,
      parentId: l.parent_id,
      validFrom: l.valid_from,
      validTo: l.valid_to,
    })),
  );
}
