import { can } from "../core/access/policy.js";
import { type AppCtx, hierarchyOf, todayOf } from "../core/http/request.js";
import { type BaseKind, listComparablePredecessors } from "./comparable/comparable-base.service.js";

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

/** The base a page asks for: the comparable base with `co-so=quy-doi` (the switch "Số liệu theo địa bàn mới"). */
export function baseOfQuery(c: AppCtx): BaseKind {
  return c.req.query("co-so") === "quy-doi" ? "comparable" : "own";
}

/**
 * {@link canReadUnit} for an evaluation on a base: on the comparable base the figures are the
 * predecessors', so the caller must also be allowed to read every predecessor used.
 */
export async function canReadOnBase(
  c: AppCtx,
  unitId: number,
  periodKey: string,
  base: BaseKind,
): Promise<boolean> {
  if (!(await canReadUnit(c, unitId))) return false;
  if (base === "own") return true;
  const predecessors = await listComparablePredecessors(c.var.ctx.database.db, unitId, periodKey);
  for (const id of predecessors) if (!(await canReadUnit(c, id))) return false;
  return true;
}
