/**
 * The registry the sessions module reads: units and their organisations valid at a date (for pickers
 * and for matching names in conclusions), people and the positions they held on a day.
 */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { unitDisplayName } from "./unit-labels.js";
import { type Era, eraOf, validityNote } from "./unit-picker.rules.js";

/** A unit or an organisation of a unit, as one choice: `key` is "u12" or "o34". */
export interface PartyOption {
  key: string;
  unitId: number;
  organisationId: number | null;
  name: string;
  /** ward, district… for units; the organisation kind for organisations. */
  kind: string;
  /** Whether it exists today (the date the options were listed for), is gone, or is yet to come. */
  era: Era;
  validFrom: string;
  validTo: string | null;
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
      era: eraOf(u.valid_from, u.valid_to, today),
      validFrom: u.valid_from,
      validTo: u.valid_to,
    })),
    ...orgs.map((o) => ({
      key: `o${o.id}`,
      unitId: o.unit_id,
      organisationId: o.id,
      name: `${o.name}${validityNote(o.valid_from, o.valid_to, today)}`,
      kind: o.kind,
      era: eraOf(o.valid_from, o.valid_to, today),
      validFrom: o.valid_from,
      validTo: o.valid_to,
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

/** The organisations with these ids (those that exist), with their unit and validity. */
export async function findOrganisations(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, { id: number; unitId: number; validFrom: string; validTo: string | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "unit_id", "valid_from", "valid_to"])
    .where("id", "in", unique)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, unitId: r.unit_id, validFrom: r.valid_from, validTo: r.valid_to }]),
  );
}
