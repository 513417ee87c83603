/**
 * Who may do what with sessions, conclusions, directives and proposals: the rooms of follow-up ask in
 * these words ("needs"). Every decision goes through the central policy (`can` in policy.ts); this
 * module only says WHICH action and WHICH units to ask about.
 */

import type { Hierarchy } from "./hierarchy.rules.js";
import { type Action, type Actor, can, grantedRoots, isSystemAdmin } from "./policy.js";

/** What the follow-up rooms need to ask. */
export type Need =
  | "session.read"
  | "session.manage"
  | "directive.assign"
  | "directive.report"
  | "directive.confirm"
  | "directive.request_extension"
  | "directive.decide_extension"
  | "proposal.raise"
  | "proposal.answer"
  | "proposal.answer_as_department";

/** The policy action behind each need (reading is open to every admin role of the unit). */
const NEED_ACTIONS: Record<Need, readonly Action[]> = {
  "session.read": ["admin.enter"],
  "session.manage": ["session.manage"],
  "directive.assign": ["directive.assign"],
  "directive.report": ["directive.report"],
  "directive.confirm": ["directive.confirm"],
  "directive.request_extension": ["directive.request_extension"],
  "directive.decide_extension": ["directive.decide_extension"],
  "proposal.raise": ["proposal.raise"],
  "proposal.answer": ["proposal.answer"],
  "proposal.answer_as_department": ["proposal.answer_department"],
};

/** May the actor do `need` on the unit whose path (unit first, then ancestors) is given? */
export function mayOnPath(actor: Actor | null, need: Need, unitPath: number[], today: string): boolean {
  return NEED_ACTIONS[need].some((action) => can(actor, action, { unitPath }, today));
}

/** May the actor do `need` on this unit, read in the hierarchy for today? */
export function mayOnUnit(
  actor: Actor | null,
  need: Need,
  unitId: number,
  hierarchy: Hierarchy,
  today: string,
): boolean {
  return mayOnPath(actor, need, hierarchy.pathForToday(unitId, today), today);
}

/** May the actor do `need` somewhere (to show a menu entry or a button)? */
export function mayAnywhere(actor: Actor | null, need: Need, today: string): boolean {
  if (!actor) return false;
  if (isSystemAdmin(actor, today)) return true;
  return NEED_ACTIONS[need].some((action) => {
    const roots = grantedRoots(actor, action, today);
    return roots === "all" || roots.length > 0;
  });
}

/** The units the actor may read: "all", or every unit at or under one of its granted units. */
export function readableUnits(actor: Actor | null, hierarchy: Hierarchy, today: string): "all" | number[] {
  const roots = grantedRoots(actor, "admin.enter", today);
  return roots === "all" ? "all" : hierarchy.unitIdsUnder(roots, today);
}

/**
 * May the actor read a working session: `session.read` on the unit that owns it or the one that
 * hosts it. The one rule for the session's own pages and for anything that would show its title
 * (an article linked to it).
 */
export function maySeeSession(
  actor: Actor | null,
  session: { ownerUnitId: number; hostUnitId: number },
  hierarchy: Hierarchy,
  today: string,
): boolean {
  return [session.ownerUnitId, session.hostUnitId].some((unit) =>
    mayOnUnit(actor, "session.read", unit, hierarchy, today),
  );
}
