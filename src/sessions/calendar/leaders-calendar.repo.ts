import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** The public facts of a working session held by or with the unit: no minutes, no attendees' list. */
export interface PublicSessionRow {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  chairName: string;
  chairTitle: string | null;
}

/** Sessions the unit hosts or visits that overlap [from, to), earliest first. */
export async function listUnitSessionsBetween(
  db: Kysely<DB>,
  unitId: number,
  range: { from: string; to: string },
): Promise<PublicSessionRow[]> {
  const rows = await db
    .selectFrom("working_sessions")
    .select(["id", "title", "starts_at", "ends_at", "place", "chair_name", "chair_title"])
    .where((eb) => eb.or([eb("host_unit_id", "=", unitId), eb("visiting_unit_id", "=", unitId)]))
    .where("starts_at", "<", range.to)
    .where((eb) =>
      eb.or([
        eb("starts_at", ">=", range.from),
        eb.and([eb("ends_at", "is not", null), eb("ends_at", ">", range.from)]),
      ]),
    )
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    chairName: r.chair_name,
    chairTitle: r.chair_title,
  }));
}

/** Units that have a public calendar entry or a working session: the public page's choices. */
export async function listCalendarUnitIds(db: Kysely<DB>): Promise<number[]> {
  const [entries, hosts] = await Promise.all([
    db.selectFrom("calendar_entries").select("unit_id").where("is_public", "=", 1).distinct().execute(),
    db.selectFrom("working_sessions").select("host_unit_id").distinct().execute(),
  ]);
  return [...new Set([...entries.map((r) => r.unit_id), ...hosts.map((r) => r.host_unit_id)])];
}
