import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { parentAt } from "../assignment/targets.repo.js";

/** The few facts about units that evaluation needs, read without loading the whole hierarchy. */

export interface UnitBrief {
  id: number;
  name: string;
  level: string;
  code: string | null;
}

export async function findUnitBrief(db: Kysely<DB>, id: number): Promise<UnitBrief | undefined> {
  return db
    .selectFrom("units")
    .select(["id", "name", "level", "code"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The unit's parent at `date`, or null at the top of the tree. */
export async function findParentIdAt(db: Kysely<DB>, unitId: number, date: string): Promise<number | null> {
  const row = await db.selectNoFrom((eb) => parentAt(eb, unitId, date).as("parent_id")).executeTakeFirst();
  return row?.parent_id ?? null;
}

/** Children of `parentId` that exist at `date` (their link and the unit itself both valid then), by name. */
export async function listChildrenAt(db: Kysely<DB>, parentId: number, date: string): Promise<UnitBrief[]> {
  return db
    .selectFrom("unit_parents as p")
    .innerJoin("units as u", "u.id", "p.unit_id")
    .select(["u.id", "u.name", "u.level", "u.code"])
    .where("p.parent_id", "=", parentId)
    .where("p.valid_from", "<=", date)
    .where((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">=", date)]))
    .where("u.valid_from", "<=", date)
    .where((eb) => eb.or([eb("u.valid_to", "is", null), eb("u.valid_to", ">=", date)]))
    .orderBy("u.name")
    .execute();
}

/**
 * The last day of a custom period as recorded on the unit's (or its parent's) targets and results:
 * custom keys have no default window. Undefined when nothing was recorded for the key.
 */
export async function findCustomPeriodEnd(
  db: Kysely<DB>,
  unitId: number,
  periodKey: string,
): Promise<string | undefined> {
  const [target, result] = await Promise.all([
    db
      .selectFrom("targets")
      .select((eb) => eb.fn.max("period_end").as("end"))
      .where("period_key", "=", periodKey)
      .executeTakeFirst(),
    db
      .selectFrom("results")
      .select((eb) => eb.fn.max("period_end").as("end"))
      .where("unit_id", "=", unitId)
      .where("period_key", "=", periodKey)
      .executeTakeFirst(),
  ]);
  const ends = [target?.end, result?.end].filter((e): e is string => typeof e === "string");
  return ends.sort().at(-1);
}

export interface UnitSpanRow extends UnitBrief {
  validFrom: string;
  validTo: string | null;
}

/**
 * Units carrying one of `codes` or one of `ids`, with their validity: statistics codes are reused
 * over time (domain.md §5), so the caller matches a code against the period it is used for.
 */
export async function findUnitsByCodesOrIds(
  db: Kysely<DB>,
  codes: string[],
  ids: number[],
): Promise<UnitSpanRow[]> {
  if (codes.length === 0 && ids.length === 0) return [];
  const rows = await db
    .selectFrom("units")
    .select(["id", "name", "level", "code", "valid_from", "valid_to"])
    .where((eb) => {
      const parts = [];
      if (codes.length > 0) parts.push(eb("code", "in", codes));
      if (ids.length > 0) parts.push(eb("id", "in", ids));
      return eb.or(parts);
    })
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level,
    code: r.code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** The parent at `date` of each of `unitIds` that has one then, as findParentIdAt reads it, in one query. */
export async function listParentIdsAt(
  db: Kysely<DB>,
  unitIds: readonly number[],
  date: string,
): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("unit_parents")
    .select(["unit_id", "parent_id"])
    .where("unit_id", "in", [...unitIds])
    .where("valid_from", "<=", date)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", date)]))
    // As parentAt: of overlapping links the latest wins (it is set last).
    .orderBy("valid_from")
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.parent_id]));
}
