/**
 * The one check every write that names a unit + organisation pair makes (directives, proposals,
 * conclusion notices, sessions): see parties.rules.ts.
 */
import type { Kysely } from "kysely";
import type { Hierarchy } from "../core/access/hierarchy.rules.js";
import type { DB } from "../core/db/schema.js";
import { ValidationError } from "../core/http/errors.js";
import { findOrganisations } from "./parties.repo.js";
import { type PartyToCheck, partyErrors } from "./parties.rules.js";

/** The field errors of the parties at `date` (YYYY-MM-DD); empty when they are all fine. */
export async function partyErrorsAt(
  db: Kysely<DB>,
  hierarchy: Hierarchy,
  parties: readonly PartyToCheck[],
  date: string,
): Promise<Record<string, string>> {
  const ids = parties.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId]));
  const organisations = await findOrganisations(db, ids);
  return partyErrors(parties, (id) => hierarchy.unit(id), organisations, date);
}

/** Refuses (422, with each field's path) parties that do not exist at `date` or do not belong together. */
export async function checkPartiesAt(
  db: Kysely<DB>,
  hierarchy: Hierarchy,
  parties: readonly PartyToCheck[],
  date: string,
): Promise<void> {
  const fields = await partyErrorsAt(db, hierarchy, parties, date);
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}
