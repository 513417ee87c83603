import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { type SqlClock, timelinessSql } from "../timeliness-sql.js";

export interface DirectiveProgressRow {
  unitName: string;
  unitLevel: string;
  /** The year it was assigned (YYYY). */
  year: string;
  /** A Timeliness of timeliness.rules.ts, by the follow-up's own SQL expression. */
  timeliness: string;
}

/** Every directive's lead unit, year assigned and timeliness: no title, no text, no person. */
export async function listDirectiveProgress(
  db: Kysely<DB>,
  clock: SqlClock,
): Promise<DirectiveProgressRow[]> {
  const rows = await db
    .selectFrom("directives")
    .innerJoin("units", "units.id", "directives.lead_unit_id")
    .select(["units.name", "units.level", "directives.created_at", timelinessSql(clock).as("timeliness")])
    .execute();
  return rows.map((r) => ({
    unitName: r.name,
    unitLevel: r.level,
    year: r.created_at.slice(0, 4),
    timeliness: r.timeliness,
  }));
}

/** The latest change of any directive (ISO instant), or null. */
export async function latestDirectiveChange(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom("directives")
    .select((eb) => eb.fn.max("updated_at").as("at"))
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}
