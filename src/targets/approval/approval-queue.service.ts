/**
 * The approval queue: the units whose figures the actor may approve (under an approve grant, never the
 * granted unit itself) and how many submitted figures wait there. The queue page and the dashboard
 * card read the same units, so the card's count is the number of rows the page lists.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { can, grantedRoots } from "../../core/access/policy.js";
import type { DB } from "../../core/db/schema.js";
import { listUnitNames, type UnitName } from "../../units/unit-names.repo.js";
import { countResultsByStatus } from "../entry/results.repo.js";

/** Units whose figures the actor may approve, by name; empty for whoever may approve nowhere. */
export async function approvableUnits(db: Kysely<DB>, ctx: ActorContext): Promise<UnitName[]> {
  const roots = grantedRoots(ctx.actor, "result.approve", ctx.today);
  if (roots !== "all" && roots.length === 0) return [];
  const candidates = roots === "all" ? null : ctx.hierarchy.unitIdsUnder(roots, ctx.today);
  const units = await listUnitNames(db, candidates);
  return units.filter((u) =>
    can(ctx.actor, "result.approve", { unitPath: ctx.hierarchy.pathForToday(u.id, ctx.today) }, ctx.today),
  );
}

/** How many submitted figures wait for the actor's approval (the rows of `/quan-tri/phe-duyet`). */
export async function countAwaitingApproval(db: Kysely<DB>, ctx: ActorContext): Promise<number> {
  const units = await approvableUnits(db, ctx);
  return countResultsByStatus(db, { statuses: ["submitted"], unitIds: units.map((u) => u.id) });
}
