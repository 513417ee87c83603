import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { Criterion, CriterionKind } from "./criteria-tree.rules.js";

export interface SchemeRow {
  id: number;
  name: string;
  periodKey: string;
  ownerUnitId: number;
  ownerUnitName: string;
  maxPoints: number;
}

export interface ClusterRow {
  id: number;
  name: string;
  sortOrder: number;
  unitIds: number[];
}

function schemeQuery(db: Kysely<DB>) {
  return db
    .selectFrom("emulation_schemes as s")
    .innerJoin("units as u", "u.id", "s.owner_unit_id")
    .select(["s.id", "s.name", "s.period_key", "s.owner_unit_id", "u.name as owner_name", "s.max_points"]);
}

type RawScheme = Awaited<ReturnType<ReturnType<typeof schemeQuery>["execute"]>>[number];

const toScheme = (r: RawScheme): SchemeRow => ({
  id: r.id,
  name: r.name,
  periodKey: r.period_key,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_name,
  maxPoints: r.max_points,
});

export async function findScheme(db: Kysely<DB>, id: number): Promise<SchemeRow | undefined> {
  const row = await schemeQuery(db).where("s.id", "=", id).executeTakeFirst();
  return row && toScheme(row);
}

/** The scheme in which the children of `ownerUnitId` compete for `periodKey`, if any. */
export async function findSchemeFor(
  db: Kysely<DB>,
  ownerUnitId: number,
  periodKey: string,
): Promise<SchemeRow | undefined> {
  const row = await schemeQuery(db)
    .where("s.owner_unit_id", "=", ownerUnitId)
    .where("s.period_key", "=", periodKey)
    .executeTakeFirst();
  return row && toScheme(row);
}

/** Schemes owned by the given units (all when null), newest period first. */
export async function listSchemes(db: Kysely<DB>, ownerUnitIds: number[] | null): Promise<SchemeRow[]> {
  if (ownerUnitIds !== null && ownerUnitIds.length === 0) return [];
  let query = schemeQuery(db).orderBy("s.period_key", "desc").orderBy("s.id", "desc");
  if (ownerUnitIds !== null) query = query.where("s.owner_unit_id", "in", ownerUnitIds);
  return (await query.execute()).map(toScheme);
}

export async function insertScheme(
  db: Kysely<DB>,
  input: {
    name: string;
    periodKey: string;
    ownerUnitId: number;
    maxPoints: number;
    userId: number | null;
    now: Date;
  },
): Promise<number> {
  const at = input.now.toISOString();
  const row = await db
    .insertInto("emulation_schemes")
    .values({
      name: input.name,
      period_key: input.periodKey,
      owner_unit_id: input.ownerUnitId,
      max_points: input.maxPoints,
      created_by: input.userId,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type NewCriterion = Omit<Criterion, "id">;

/** A criterion's columns, as inserted and as rewritten by an edit. */
export function criterionColumns(c: NewCriterion) {
  return {
    parent_id: c.parentId,
    code: c.code,
    name: c.name,
    max_points: c.maxPoints,
    kind: c.kind,
    indicator_code: c.indicatorCode,
    organisation_id: c.organisationId,
    rule: c.rule,
    fixed_points: c.fixedPoints,
    sort_order: c.sortOrder,
  };
}

export async function insertCriterion(db: Kysely<DB>, schemeId: number, c: NewCriterion): Promise<number> {
  const row = await db
    .insertInto("emulation_criteria")
    .values({ scheme_id: schemeId, ...criterionColumns(c) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The scheme's criteria, flat (see criteria-tree.rules `buildTree`). */
export async function listCriteria(db: Kysely<DB>, schemeId: number): Promise<Criterion[]> {
  const rows = await db
    .selectFrom("emulation_criteria")
    .selectAll()
    .where("scheme_id", "=", schemeId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    maxPoints: r.max_points,
    kind: r.kind as CriterionKind,
    indicatorCode: r.indicator_code,
    organisationId: r.organisation_id,
    rule: r.rule,
    fixedPoints: r.fixed_points,
    sortOrder: r.sort_order,
  }));
}

export async function insertCluster(
  db: Kysely<DB>,
  schemeId: number,
  name: string,
  sortOrder: number,
  unitIds: number[],
): Promise<number> {
  const row = await db
    .insertInto("emulation_clusters")
    .values({ scheme_id: schemeId, name, sort_order: sortOrder })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (unitIds.length > 0) {
    await db
      .insertInto("emulation_cluster_members")
      .values(unitIds.map((unitId) => ({ cluster_id: row.id, unit_id: unitId })))
      .execute();
  }
  return row.id;
}

/** The scheme's clusters with their member units, in display order. */
export async function listClusters(db: Kysely<DB>, schemeId: number): Promise<ClusterRow[]> {
  const [clusters, members] = await Promise.all([
    db
      .selectFrom("emulation_clusters")
      .selectAll()
      .where("scheme_id", "=", schemeId)
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("emulation_cluster_members as m")
      .innerJoin("emulation_clusters as c", "c.id", "m.cluster_id")
      .select(["m.cluster_id", "m.unit_id"])
      .where("c.scheme_id", "=", schemeId)
      .execute(),
  ]);
  return clusters.map((c) => ({
    id: c.id,
    name: c.name,
    sortOrder: c.sort_order,
    unitIds: members.filter((m) => m.cluster_id === c.id).map((m) => m.unit_id),
  }));
}
