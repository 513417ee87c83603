/** The lookups the present-day demo makes in what the other demos loaded (demo data only). */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/** Indicator ids by catalogue code. */
export async function indicatorIdsByCode(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db.selectFrom("indicators").select(["id", "code"]).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Organisations of these units with these names (names repeat across old and new units). */
export async function organisationsOfUnits(
  db: Kysely<DB>,
  unitIds: number[],
  names: string[],
): Promise<{ id: number; unitId: number; name: string }[]> {
  if (unitIds.length === 0 || names.length === 0) return [];
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "unit_id", "name"])
    .where("unit_id", "in", unitIds)
    .where("name", "in", names)
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, name: r.name }));
}

/** Ids of the directives of a notice, in the order they were made. */
export async function directiveIdsOfNotice(db: Kysely<DB>, noticeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("directives")
    .select("id")
    .where("notice_id", "=", noticeId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Portal category ids by slug. */
export async function categoryIdsBySlug(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db.selectFrom("categories").select(["id", "slug"]).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}
