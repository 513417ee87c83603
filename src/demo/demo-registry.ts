/**
 * Writes the registry part of a demo story (units with their parents and successions, organisations,
 * people with their positions, accounts with their grants) from the rooms' *.demo.ts lists, keeping
 * the ids it assigns in maps keyed by the lists' stable keys. Both stories use it: the 2019–2020
 * reference story (demo-loader.ts) and the present-day one (load-present.ts).
 */
import type { Kysely } from "kysely";
import type { DemoAccount } from "../accounts/accounts.demo.js";
import { insertGrant, insertUser } from "../accounts/users.repo.js";
import type { DB } from "../core/db/schema.js";
import type { DemoOrganisation, DemoPosition } from "../units/people.demo.js";
import type { DemoSuccession, DemoUnit } from "../units/units.demo.js";
import {
  insertOrganisation,
  insertPerson,
  insertPosition,
  insertSuccession,
  insertUnit,
  insertUnitParent,
} from "./demo.repo.js";

/** Looks a demo key up, failing loudly on a typo in the data files. */
export function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo data: unknown key "${key}"`);
  return id;
}

/** Units and their parents (for the unit's whole life); ids are added to `unitIds`. */
export async function insertUnits(
  db: Kysely<DB>,
  units: DemoUnit[],
  unitIds: Map<string, number>,
  now: Date,
): Promise<void> {
  for (const unit of units) {
    const id = await insertUnit(
      db,
      {
        name: unit.name,
        level: unit.level,
        code: unit.code,
        validFrom: unit.validFrom,
        validTo: unit.validTo,
        address: unit.address ?? null,
        phone: unit.phone ?? null,
        email: unit.email ?? null,
        intro: unit.intro ?? null,
      },
      now,
    );
    unitIds.set(unit.key, id);
  }
  for (const unit of units) {
    if (unit.parentKey === null) continue;
    await insertUnitParent(db, {
      unitId: idOf(unitIds, unit.key),
      parentId: idOf(unitIds, unit.parentKey),
      validFrom: unit.validFrom,
      validTo: unit.validTo,
    });
  }
}

/** Succession links with their shares and legal basis. */
export async function insertSuccessions(
  db: Kysely<DB>,
  links: DemoSuccession[],
  unitIds: Map<string, number>,
): Promise<void> {
  for (const link of links) {
    await insertSuccession(db, {
      fromUnitId: idOf(unitIds, link.fromKey),
      toUnitId: idOf(unitIds, link.toKey),
      effectiveDate: link.effectiveDate,
      kind: link.kind,
      populationShare: link.populationShare,
      areaShare: null,
      legalBasis: link.legalBasis,
      note: link.note,
    });
  }
}

/** Organisations of the units; ids are added to `organisationIds`. */
export async function insertOrganisations(
  db: Kysely<DB>,
  organisations: DemoOrganisation[],
  unitIds: Map<string, number>,
  organisationIds: Map<string, number>,
): Promise<void> {
  for (const org of organisations) {
    const id = await insertOrganisation(db, {
      unitId: idOf(unitIds, org.unitKey),
      kind: org.kind,
      name: org.name,
      validFrom: org.validFrom,
      validTo: org.validTo,
      sortOrder: org.sortOrder,
    });
    organisationIds.set(org.key, id);
  }
}

/**
 * People and the positions they hold; a position without `validFrom` is known only as of some date
 * (start unknown). Returns how many positions were written.
 */
export async function insertPeople(
  db: Kysely<DB>,
  people: { fullName: string; biography: string; positions: (DemoPosition & { validFrom?: string })[] }[],
  organisationIds: Map<string, number>,
): Promise<number> {
  let positions = 0;
  for (const person of people) {
    const personId = await insertPerson(db, { fullName: person.fullName, biography: person.biography });
    for (const p of person.positions) {
      await insertPosition(db, {
        personId,
        organisationId: idOf(organisationIds, p.organisationKey),
        title: p.title,
        isLeader: p.isLeader,
        sortOrder: p.sortOrder,
        validFrom: p.validFrom ?? null,
        // No end recorded.
        validTo: null,
      });
      positions++;
    }
  }
  return positions;
}

/** Accounts with their grants from `grantsFrom`, no end; ids are added to `userIds`. */
export async function insertAccounts(
  db: Kysely<DB>,
  accounts: DemoAccount[],
  refs: { passwordHashes: Map<string, string>; unitIds: Map<string, number>; grantsFrom: string; now: Date },
  userIds: Map<string, number>,
): Promise<void> {
  const { passwordHashes, unitIds, grantsFrom, now } = refs;
  for (const account of accounts) {
    const passwordHash = passwordHashes.get(account.username);
    if (!passwordHash) throw new Error(`demo data: no password hash for ${account.username}`);
    const userId = await insertUser(db, {
      username: account.username,
      displayName: account.displayName,
      email: null,
      passwordHash,
      now,
    });
    userIds.set(account.username, userId);
    for (const grant of account.grants) {
      await insertGrant(db, {
        userId,
        role: grant.role,
        unitId: idOf(unitIds, grant.unitKey),
        validFrom: grantsFrom,
        validTo: null,
        now,
      });
    }
  }
}
