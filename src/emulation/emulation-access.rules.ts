import type { ActorContext } from "../core/access/actor-context.js";
import type { Actor, Target } from "../core/access/policy.js";
import { can, isSystemAdmin } from "../core/access/policy.js";

/** The policy target of a unit: the unit and its ancestors as of today. */
export function unitTarget(ctx: ActorContext<Actor | null>, unitId: number): Target {
  return { unitPath: ctx.hierarchy.pathForToday(unitId, ctx.today) };
}

/**
 * The policy target "a unit directly under `ownerUnitId`": schemes are run from above the units that
 * compete, and the `fromAbove` rules must see the owner as an ancestor, not as the unit itself. Unit
 * ids start at 1, so 0 never matches a grant.
 */
export function belowTarget(ctx: ActorContext<Actor | null>, ownerUnitId: number): Target {
  return { unitPath: [0, ...ctx.hierarchy.pathForToday(ownerUnitId, ctx.today)] };
}

/**
 * May the actor review every criterion of the unit (a leader above, a system admin), rather than only
 * the criteria of their own departments (a department officer)? Asked by leaving department officer
 * grants out of the question.
 */
export function mayReviewAllCriteria(actor: Actor | null, target: Target, today: string): boolean {
  if (!actor) return true;
  if (isSystemAdmin(actor, today)) return true;
  const withoutDepartments = {
    ...actor,
    grants: actor.grants.filter((g) => g.role !== "department_officer"),
  };
  return can(withoutDepartments, "emulation.review", target, today);
}

/** The fields every audit event of a service call shares. */
export function auditBase(ctx: ActorContext<Actor | null>, unitId: number | null) {
  return { actor: ctx.actor, unitId, at: ctx.now, ip: ctx.ip };
}
