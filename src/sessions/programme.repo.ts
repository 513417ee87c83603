/** Queries of the annual programme of work (chương trình công tác) and the sessions held under it. */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { UnitLabel } from "./sessions.model.js";

export interface ProgramItemInput {
  ownerUnitId: number;
  year: number;
  title: string;
  /** 1–12, or null when the programme does not say. */
  plannedMonth: number | null;
  /** The unit the session is planned with, when known. */
  hostUnitId: number | null;
}

export interface ProgramItem extends ProgramItemInput {
  id: number;
  owner: UnitLabel;
  host: UnitLabel | null;
  /** Sessions held under this entry, earliest first. */
  sessions: { id: number; title: string; startsAt: string }[];
}

/** An entry of a unit's programme of work; returns its id. */
export async function insertProgramItem(
  db: Kysely<DB>,
  item: ProgramItemInput & { now: Date },
): Promise<number> {
  const row = await db
    .insertInto("work_program_items")
    .values({
      owner_unit_id: item.ownerUnitId,
      year: item.year,
      title: item.title,
      planned_month: item.plannedMonth,
      host_unit_id: item.hostUnitId,
      created_at: item.now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgramItem(db: Kysely<DB>, id: number, item: ProgramItemInput): Promise<void> {
  await db
    .updateTable("work_program_items")
    .set({
      owner_unit_id: item.ownerUnitId,
      year: item.year,
      title: item.title,
      planned_month: item.plannedMonth,
      host_unit_id: item.hostUnitId,
    })
    .where("id", "=", id)
    .execute();
}

function itemQuery(db: Kysely<DB>) {
  return db
    .selectFrom("work_program_items as p")
    .innerJoin("units as o", "o.id", "p.owner_unit_id")
    .leftJoin("units as h", "h.id", "p.host_unit_id")
    .select([
      "p.id",
      "p.owner_unit_id",
      "p.year",
      "p.title",
      "p.planned_month",
      "p.host_unit_id",
      "o.name as owner_name",
      "o.level as owner_level",
      "h.name as host_name",
      "h.level as host_level",
    ]);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>["execute"]>>[number];

async function withSessions(db: Kysely<DB>, rows: ItemRow[]): Promise<ProgramItem[]> {
  const ids = rows.map((r) => r.id);
  const sessions =
    ids.length === 0
      ? []
      : await db
          .selectFrom("working_sessions")
          .select(["id", "title", "starts_at", "program_item_id"])
          .where("program_item_id", "in", ids)
          .orderBy("starts_at")
          .execute();
  return rows.map((r) => ({
    id: r.id,
    ownerUnitId: r.owner_unit_id,
    year: r.year,
    title: r.title,
    plannedMonth: r.planned_month,
    hostUnitId: r.host_unit_id,
    owner: { id: r.owner_unit_id, name: r.owner_name, level: r.owner_level },
    host:
      r.host_unit_id === null
        ? null
        : { id: r.host_unit_id, name: r.host_name ?? "", level: r.host_level ?? "" },
    sessions: sessions
      .filter((s) => s.program_item_id === r.id)
      .map((s) => ({ id: s.id, title: s.title, startsAt: s.starts_at })),
  }));
}

export async function findProgramItem(db: Kysely<DB>, id: number): Promise<ProgramItem | undefined> {
  const row = await itemQuery(db).where("p.id", "=", id).executeTakeFirst();
  return row ? (await withSessions(db, [row]))[0] : undefined;
}

/**
 * Entries of one year visible in `scope` (the owner or the planned host unit is in it), optionally of
 * one owner unit, by owner and planned month (unplanned last).
 */
export async function listProgramItems(
  db: Kysely<DB>,
  f: { scope: "all" | number[]; ownerUnitId?: number; year: number },
): Promise<ProgramItem[]> {
  if (f.scope !== "all" && f.scope.length === 0) return [];
  let q = itemQuery(db).where("p.year", "=", f.year);
  if (f.scope !== "all") {
    const scope = f.scope;
    q = q.where((eb) => eb.or([eb("p.owner_unit_id", "in", scope), eb("p.host_unit_id", "in", scope)]));
  }
  if (f.ownerUnitId !== undefined) q = q.where("p.owner_unit_id", "=", f.ownerUnitId);
  const rows = await q.execute();
  // Sorted here: NULL months sort first on SQLite and last on PostgreSQL.
  const sorted = [...rows].sort(
    (a, b) =>
      a.owner_unit_id - b.owner_unit_id || (a.planned_month ?? 13) - (b.planned_month ?? 13) || a.id - b.id,
  );
  return withSessions(db, sorted);
}

/** Does a unit with this id exist? */
export async function unitExists(db: Kysely<DB>, id: number): Promise<boolean> {
  return (await db.selectFrom("units").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** The years that have entries visible in `scope`, newest first. */
export async function listProgrammeYears(db: Kysely<DB>, scope: "all" | number[]): Promise<number[]> {
  if (scope !== "all" && scope.length === 0) return [];
  let q = db.selectFrom("work_program_items as p").select("p.year").distinct();
  if (scope !== "all")
    q = q.where((eb) => eb.or([eb("p.owner_unit_id", "in", scope), eb("p.host_unit_id", "in", scope)]));
  const rows = await q.orderBy("p.year", "desc").execute();
  return rows.map((r) => r.year);
}
