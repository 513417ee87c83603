/**
 * The registry the sessions module reads: units and their organisations valid at a date (for pickers
 * and for matching names in conclusions), people and the positions they held on a day.
 */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { formatDateVi } from "../core/format/vi-date.js";
import { unitDisplayName } from "./unit-labels.js";

/** A unit or an organisation of a unit, as one choice: `key` is "u12" or "o34". */
export interface PartyOption {
  key: string;
  unitId: number;
  organisationId: number | null;
  name: string;
  /** ward, district… for units; the organisation kind for organisations. */
  kind: string;
}

/** "(đến 30/06/2025)", "(từ 01/07/2025)": tells apart names reused across a reorganisation. */
function validityNote(validFrom: string, validTo: string | null, today: string): string {
  if (validTo !== null && validTo < today) return ` (đến ${formatDateVi(validTo)})`;
  if (validFrom > today) return ` (từ ${formatDateVi(validFrom)})`;
  return "";
}

/**
 * Units and organisations, units first, in name order: those valid at `date`, or, with
 * `{ allDates: today }`, every one that ever existed, the former and future ones marked with their
 * dates (a session may be recorded long after the units it concerns were reorganised).
 */
export async function listPartyOptions(
  db: Kysely<DB>,
  date: string | { allDates: string },
): Promise<PartyOption[]> {
  const at = typeof date === "string" ? date : null;
  const today = typeof date === "string" ? date : date.allDates;
  let unitQuery = db
    .selectFrom("units")
    .select(["id", "name", "level", "valid_from", "valid_to"])
    .orderBy("name")
    .orderBy("valid_from");
  let orgQuery = db
    .selectFrom("organisations")
    .select(["id", "unit_id", "name", "kind", "valid_from", "valid_to"])
    .orderBy("unit_id")
    .orderBy("sort_order");
  if (at !== null) {
    unitQuery = unitQuery
      .where("valid_from", "<=", at)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", at)]));
    orgQuery = orgQuery
      .where("valid_from", "<=", at)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", at)]));
  }
  const [units, orgs] = await Promise.all([unitQuery.execute(), orgQuery.execute()]);
  return [
    ...units.map((u) => ({
      key: `u${u.id}`,
      unitId: u.id,
      organisationId: null,
      name: `${unitDisplayName(u)}${validityNote(u.valid_from, u.valid_to, today)}`,
      kind: u.level,
    })),
    ...orgs.map((o) => ({
      key: `o${o.id}`,
      unitId: o.unit_id,
      organisationId: o.id,
      name: `${o.name}${validityNote(o.valid_from, o.valid_to, today)}`,
      kind: o.kind,
    })),
  ];
}

/** "u12" / "o34" back to a party, checked against the options; null when unknown. */
export function partyFromKey(key: string, options: readonly PartyOption[]): PartyOption | null {
  return options.find((o) => o.key === key) ?? null;
}

export interface PersonOption {
  id: number;
  name: string;
  /** Titles held on the date asked for, joined: "Bí thư Quận ủy, Chủ tịch HĐND quận". */
  titles: string;
  /** The first position held that day, to link an attendance to it. */
  positionId: number | null;
}

/**
 * People with the positions they held on `date` (a position with an unknown start counts as held, as
 * the demo knows some holdings only as of a date). People without any position that day are listed
 * with empty titles.
 */
export async function listPeopleAt(db: Kysely<DB>, date: string): Promise<PersonOption[]> {
  const [people, positions] = await Promise.all([
    db.selectFrom("people").select(["id", "full_name"]).orderBy("full_name").execute(),
    db
      .selectFrom("positions")
      .select(["id", "person_id", "title"])
      .where((eb) => eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", date)]))
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", date)]))
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
  ]);
  return people.map((p) => {
    const held = positions.filter((x) => x.person_id === p.id);
    return {
      id: p.id,
      name: p.full_name,
      titles: held.map((x) => x.title).join(", "),
      positionId: held[0]?.id ?? null,
    };
  });
}

/** Finds a person by exact full name (the demo loader and tests look people up this way). */
export async function findPersonByName(db: Kysely<DB>, fullName: string): Promise<number | null> {
  const row = await db.selectFrom("people").select("id").where("full_name", "=", fullName).executeTakeFirst();
  return row?.id ?? null;
}

/** The display name of a unit ("Phường Thượng Thanh"), or null when there is no such unit. */
export async function unitLabel(db: Kysely<DB>, id: number): Promise<string | null> {
  const row = await db.selectFrom("units").select(["name", "level"]).where("id", "=", id).executeTakeFirst();
  return row ? unitDisplayName(row) : null;
}

/** A unit with, optionally, one of its organisations, as a form or the API names it. */
export interface PartyPair {
  /** The field to name in the 422 (`lead`, `addressees.1`, `hostOrganisationId`). */
  field: string;
  unitId: number;
  organisationId: number | null | undefined;
}

export const ORGANISATION_NOT_OF_UNIT = "Cơ quan, tổ chức này không thuộc đơn vị đã chọn.";
export const UNIT_UNKNOWN = "Không có đơn vị này.";

/**
 * The pairs whose unit does not exist, or whose organisation is not one of their unit's own (or does
 * not exist), as field errors: "the ward Thượng Thanh, through the party committee of Ngọc Thụy" must
 * be refused, not stored, and an unknown unit is the caller's mistake, not a foreign-key 500.
 */
export async function mismatchedOrganisations(
  db: Kysely<DB>,
  pairs: readonly PartyPair[],
): Promise<Record<string, string>> {
  if (pairs.length === 0) return {};
  const unitIds = [...new Set(pairs.map((p) => p.unitId))];
  const orgIds = [
    ...new Set(pairs.map((p) => p.organisationId).filter((id): id is number => typeof id === "number")),
  ];
  const [units, orgs] = await Promise.all([
    db.selectFrom("units").select("id").where("id", "in", unitIds).execute(),
    orgIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom("organisations").select(["id", "unit_id"]).where("id", "in", orgIds).execute(),
  ]);
  const knownUnits = new Set(units.map((u) => u.id));
  const unitOf = new Map(orgs.map((r) => [r.id, r.unit_id]));
  const fields: Record<string, string> = {};
  for (const p of pairs) {
    if (!knownUnits.has(p.unitId)) fields[p.field] ??= UNIT_UNKNOWN;
    else if (typeof p.organisationId === "number" && unitOf.get(p.organisationId) !== p.unitId) {
      fields[p.field] ??= ORGANISATION_NOT_OF_UNIT;
    }
  }
  return fields;
}
