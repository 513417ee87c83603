import { can } from "../core/access/policy.js";
import { type AppCtx, hierarchyOf, todayOf } from "../core/http/request.js";

/** Request helpers shared by the targets module's pages and API. */

/**
 * May the caller read everything about the unit's figures (drafts, non-public indicators)? Anyone
 * else sees approved figures of open-data indicators only.
 */
export async function canReadUnit(c: AppCtx, unitId: number): Promise<boolean> {
  const actor = c.var.auth.actor;
  if (!actor) return false;
  const today = todayOf(c);
  const path = (await hierarchyOf(c)).pathForToday(unitId, today);
  return (
    can(actor, "result.read", { unitPath: path }, today) ||
    can(actor, "result.enter", { unitPath: path }, today)
  );
}
