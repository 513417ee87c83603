import type { Kysely } from "kysely";
import type { Hierarchy } from "../core/access/hierarchy.rules.js";
import { type Actor, canAnywhere, grantedRoots } from "../core/access/policy.js";
import { listAuditEvents } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { isIsoDate, vnWallTimeToInstant } from "../core/format/vi-date.js";
import { ForbiddenError } from "../core/http/errors.js";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditSearch {
  entityType?: string;
  action?: string;
  actor?: string;
  /** Vietnamese calendar dates, inclusive. */
  from?: string;
  to?: string;
  page: number;
}

/**
 * The audit events this actor may read: everything for a system admin, otherwise the events on the
 * units under their unit-admin grants. Dates are read in Vietnam's time zone.
 */
export async function searchAudit(
  db: Kysely<DB>,
  actor: Actor,
  hierarchy: Hierarchy,
  search: AuditSearch,
  today: string,
) {
  if (!canAnywhere(actor, "audit.read", today)) throw new ForbiddenError();
  const roots = grantedRoots(actor, "audit.read", today);
  const unitIds = roots === "all" ? null : hierarchy.unitIdsUnder(roots, today);
  const nextDay = (date: string) =>
    new Date(vnWallTimeToInstant(date, "00:00").getTime() + 86_400_000).toISOString();
  return listAuditEvents(db, {
    unitIds,
    entityType: search.entityType || undefined,
    action: search.action || undefined,
    actor: search.actor || undefined,
    from:
      search.from && isIsoDate(search.from)
        ? vnWallTimeToInstant(search.from, "00:00").toISOString()
        : undefined,
    to: search.to && isIsoDate(search.to) ? nextDay(search.to) : undefined,
    limit: AUDIT_PAGE_SIZE,
    offset: (Math.max(1, search.page) - 1) * AUDIT_PAGE_SIZE,
  });
}
