import { can } from "../accounts/policy.js";
import { type AppCtx, clientIp, hierarchyOf, requireActor, todayOf } from "../core/http/request.js";
import { parseDbId } from "../core/validation/input.rules.js";
import type { ServiceContext } from "./indicators.service.js";

/** Request helpers shared by the targets module's pages and API. */

/** The signed-in caller with the facts the services need (401 when anonymous). */
export async function serviceContextOf(c: AppCtx): Promise<ServiceContext> {
  const actor = requireActor(c);
  return { actor, hierarchy: await hierarchyOf(c), today: todayOf(c), now: c.var.ctx.now(), ip: clientIp(c) };
}

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

/** A stored id from a path or query parameter, or null. */
export function idParam(raw: string | undefined): number | null {
  return parseDbId(raw);
}
