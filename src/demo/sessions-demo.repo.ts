/** The lookups the sessions demo makes in the registry the other demos loaded (by name: demo data only). */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/** The first unit of this level and name that existed on `date`. */
export async function demoUnitId(
  db: Kysely<DB>,
  level: string,
  name: string,
  date: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("units")
    .select("id")
    .where("level", "=", level)
    .where("name", "=", name)
    .where("valid_from", "<=", date)
    .orderBy("id")
    .executeTakeFirst();
  return row?.id;
}

/** Is the session of this title with this unit already there? */
export async function demoSessionExists(db: Kysely<DB>, hostUnitId: number, title: string): Promise<boolean> {
  const row = await db
    .selectFrom("working_sessions")
    .select("id")
    .where("host_unit_id", "=", hostUnitId)
    .where("title", "=", title)
    .executeTakeFirst();
  return row !== undefined;
}

export async function demoOrganisations(
  db: Kysely<DB>,
  names: string[],
): Promise<{ id: number; unitId: number; name: string }[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "unit_id", "name"])
    .where("name", "in", names)
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, name: r.name }));
}

export async function demoPeople(db: Kysely<DB>): Promise<{ id: number; fullName: string }[]> {
  const rows = await db.selectFrom("people").select(["id", "full_name"]).execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name }));
}
