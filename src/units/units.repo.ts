import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

/**
 * Every query of the units module: units, their effective-dated parents, succession links,
 * organisations, people and positions. Dates are `YYYY-MM-DD` text; validity is inclusive at both
 * ends and a null end means "still valid", so "valid at d" is `from <= d AND (to IS NULL OR to >= d)`.
 * These tables are public data (the portal shows them to everyone), so reads take no caller scope;
 * the one write, {@link updateUnitProfile}, is authorised by the service before it is called.
 */

export interface UnitRow {
  id: number;
  name: string;
  level: string;
  code: string | null;
  validFrom: string;
  validTo: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  intro: string | null;
}

export interface UnitAtDate
  extends Pick<UnitRow, "id" | "name" | "level" | "code" | "validFrom" | "validTo"> {
  /** The parent at the date asked for; null for a top-level unit. */
  parentId: number | null;
}

/** The four fields a unit's own officers keep up to date. */
export interface UnitProfile {
  address: string | null;
  phone: string | null;
  email: string | null;
  intro: string | null;
}

export async function findUnitById(db: Kysely<DB>, id: number): Promise<UnitRow | undefined> {
  const row = await db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
  return row
    ? {
        id: row.id,
        name: row.name,
        level: row.level,
        code: row.code,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        address: row.address,
        phone: row.phone,
        email: row.email,
        intro: row.intro,
      }
    : undefined;
}

/** Every unit valid at `date`, each with its parent at that date. Unordered. */
export async function listUnitsValidAt(db: Kysely<DB>, date: string): Promise<UnitAtDate[]> {
  const rows = await db
    .selectFrom("units")
    .leftJoin("unit_parents as p", (join) =>
      join
        .onRef("p.unit_id", "=", "units.id")
        .on("p.valid_from", "<=", date)
        .on((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">=", date)])),
    )
    .select([
      "units.id",
      "units.name",
      "units.level",
      "units.code",
      "units.valid_from",
      "units.valid_to",
      "p.parent_id",
    ])
    .where("units.valid_from", "<=", date)
    .where((eb) => eb.or([eb("units.valid_to", "is", null), eb("units.valid_to", ">=", date)]))
    .orderBy("units.id")
    .execute();
  // Overlapping parent links would be a data error; keep the first rather than listing a unit twice.
  const seen = new Set<number>();
  const out: UnitAtDate[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({
      id: r.id,
      name: r.name,
      level: r.level,
      code: r.code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      parentId: r.parent_id ?? null,
    });
  }
  return out;
}

/** Units by id (any validity), in no particular order. */
export async function listUnitsByIds(
  db: Kysely<DB>,
  ids: number[] | "all",
): Promise<Omit<UnitAtDate, "parentId">[]> {
  if (ids !== "all" && ids.length === 0) return [];
  let query = db.selectFrom("units").select(["id", "name", "level", "code", "valid_from", "valid_to"]);
  if (ids !== "all") query = query.where("id", "in", ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level,
    code: r.code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** The unit's parent at `date`, or undefined at the top of the tree. */
export async function findParentAt(
  db: Kysely<DB>,
  unitId: number,
  date: string,
): Promise<{ id: number; name: string; level: string } | undefined> {
  return db
    .selectFrom("unit_parents as p")
    .innerJoin("units", "units.id", "p.parent_id")
    .select(["units.id", "units.name", "units.level"])
    .where("p.unit_id", "=", unitId)
    .where("p.valid_from", "<=", date)
    .where((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">=", date)]))
    .orderBy("p.valid_from", "desc")
    .executeTakeFirst();
}

export interface OrganisationRow {
  id: number;
  kind: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  sortOrder: number;
}

/** The unit's organisations valid at `date`, in display order. */
export async function listOrganisationsAt(
  db: Kysely<DB>,
  unitId: number,
  date: string,
): Promise<OrganisationRow[]> {
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "kind", "name", "valid_from", "valid_to", "sort_order"])
    .where("unit_id", "=", unitId)
    .where("valid_from", "<=", date)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", date)]))
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    sortOrder: r.sort_order,
  }));
}

export interface PositionRow {
  personId: number;
  fullName: string;
  biography: string | null;
  organisationId: number;
  title: string;
  isLeader: boolean;
  sortOrder: number;
  /** null: the start is not known. */
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Positions held at `date` in the given organisations, ordered by the position's sort order. A null
 * start counts as "already held" (the demo knows some holdings only as of a date).
 */
export async function listPositionsAt(
  db: Kysely<DB>,
  organisationIds: number[],
  date: string,
  options: { leadersOnly?: boolean } = {},
): Promise<PositionRow[]> {
  if (organisationIds.length === 0) return [];
  let query = db
    .selectFrom("positions")
    .innerJoin("people", "people.id", "positions.person_id")
    .select([
      "positions.person_id",
      "people.full_name",
      "people.biography",
      "positions.organisation_id",
      "positions.title",
      "positions.is_leader",
      "positions.sort_order",
      "positions.valid_from",
      "positions.valid_to",
    ])
    .where("positions.organisation_id", "in", organisationIds)
    .where((eb) =>
      eb.and([
        eb.or([eb("positions.valid_from", "is", null), eb("positions.valid_from", "<=", date)]),
        eb.or([eb("positions.valid_to", "is", null), eb("positions.valid_to", ">=", date)]),
      ]),
    );
  if (options.leadersOnly) query = query.where("positions.is_leader", "=", 1);
  const rows = await query.orderBy("positions.sort_order").orderBy("positions.id").execute();
  return rows.map((r) => ({
    personId: r.person_id,
    fullName: r.full_name,
    biography: r.biography,
    organisationId: r.organisation_id,
    title: r.title,
    isLeader: r.is_leader === 1,
    sortOrder: r.sort_order,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export interface SuccessionRow {
  /** The unit on the other end of the link. */
  unitId: number;
  name: string;
  level: string;
  code: string | null;
  effectiveDate: string;
  /** whole | part */
  kind: string;
  /** Fraction 0–1 of the source unit's population (or area) that moved along this link. */
  populationShare: number | null;
  areaShare: number | null;
  legalBasis: string | null;
  note: string | null;
}

/**
 * Succession links in both directions: `predecessors` are the units this one was formed from (links
 * pointing to it), `successors` the units it went into (links from it).
 */
export async function listSuccessionsOf(
  db: Kysely<DB>,
  unitId: number,
): Promise<{ predecessors: SuccessionRow[]; successors: SuccessionRow[] }> {
  const base = db
    .selectFrom("unit_successions as s")
    .select([
      "s.effective_date",
      "s.kind",
      "s.population_share",
      "s.area_share",
      "s.legal_basis",
      "s.note",
      "s.id",
    ]);
  // The unit on the other end of each link: where it came from (incoming) or went to (outgoing).
  const linked = (otherEnd: "s.from_unit_id" | "s.to_unit_id", thisEnd: "s.from_unit_id" | "s.to_unit_id") =>
    base
      .innerJoin("units", "units.id", otherEnd)
      .select(["units.id as unit_id", "units.name", "units.level", "units.code"])
      .where(thisEnd, "=", unitId)
      .orderBy("s.effective_date")
      .orderBy("s.id")
      .execute();
  const [incoming, outgoing] = await Promise.all([
    linked("s.from_unit_id", "s.to_unit_id"),
    linked("s.to_unit_id", "s.from_unit_id"),
  ]);
  const toRow = (r: (typeof incoming)[number]): SuccessionRow => ({
    unitId: r.unit_id,
    name: r.name,
    level: r.level,
    code: r.code,
    effectiveDate: r.effective_date,
    kind: r.kind,
    populationShare: r.population_share,
    areaShare: r.area_share,
    legalBasis: r.legal_basis,
    note: r.note,
  });
  return { predecessors: incoming.map(toRow), successors: outgoing.map(toRow) };
}

/**
 * Writes the given profile fields (left-out fields keep their value) and returns the profile before
 * and after; undefined when the unit does not exist. Call it inside the transaction that also
 * records the audit event.
 */
export async function updateUnitProfile(
  db: Kysely<DB>,
  unitId: number,
  changes: Partial<UnitProfile>,
  now: Date,
): Promise<{ before: UnitProfile; after: UnitProfile } | undefined> {
  const current = await db
    .selectFrom("units")
    .select(["address", "phone", "email", "intro"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!current) return undefined;
  const before: UnitProfile = {
    address: current.address,
    phone: current.phone,
    email: current.email,
    intro: current.intro,
  };
  const after: UnitProfile = { ...before };
  for (const key of ["address", "phone", "email", "intro"] as const) {
    const value = changes[key];
    if (value !== undefined) after[key] = value;
  }
  await db
    .updateTable("units")
    .set({ ...after, updated_at: now.toISOString() })
    .where("id", "=", unitId)
    .execute();
  return { before, after };
}
