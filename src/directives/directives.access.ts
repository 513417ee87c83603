/**
 * Who may do what with sessions, directives and proposals. Every decision goes through the central
 * policy (`can` in accounts/policy.ts); this module only says WHICH action and WHICH units to ask
 * about.
 */

import type { Hierarchy } from "../core/access/hierarchy.rules.js";
import { type Action, type Actor, can, grantedRoots, isSystemAdmin } from "../core/access/policy.js";
import type { ActorRelation } from "./workflow.rules.js";

/** What the sessions module needs to ask. */
export type Need =
  | "session.read"
  | "session.manage"
  | "directive.assign"
  | "directive.report"
  | "directive.confirm"
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

/** The facts about one directive that decide who relates to it how. */
export interface DirectiveParties {
  leadUnitId: number;
  leadOrganisationId: number | null;
  assigningUnitId: number;
  coordinatorUnitIds: number[];
}

/**
 * How the actor relates to a directive, for the workflow rules:
 * - assigner: may confirm on the assigning unit;
 * - assignee: may report on the lead unit through a grant that is the lead unit's own, i.e. on the lead
 *   unit or an ancestor BELOW the assigning unit. The district office that assigned a task to a ward
 *   therefore cannot also report it done and confirm it itself; a task a unit gives itself is the
 *   exception (lead and assigning unit are the same). A department officer counts as assignee only
 *   for the department (organisation) they work in (`staffOrganisationIds`);
 * - coordinator: may read a coordinating unit's directives.
 */
export function relationsTo(
  actor: Actor | null,
  directive: DirectiveParties,
  hierarchy: Hierarchy,
  today: string,
  staffOrganisationIds: readonly number[] = [],
): ActorRelation[] {
  const relations: ActorRelation[] = [];
  const assigningPath = hierarchy.pathForToday(directive.assigningUnitId, today);
  const leadPath = hierarchy.pathForToday(directive.leadUnitId, today);
  if (mayOnPath(actor, "directive.confirm", assigningPath, today)) relations.push("assigner");
  const ownPath =
    directive.leadUnitId === directive.assigningUnitId
      ? leadPath
      : leadPath.filter((id) => !assigningPath.includes(id));
  const asDepartment =
    directive.leadOrganisationId !== null &&
    staffOrganisationIds.includes(directive.leadOrganisationId) &&
    mayOnPath(actor, "proposal.answer_as_department", leadPath, today);
  if ((ownPath.length > 0 && mayOnPath(actor, "directive.report", ownPath, today)) || asDepartment) {
    relations.push("assignee");
  }
  if (directive.coordinatorUnitIds.some((id) => mayOnUnit(actor, "session.read", id, hierarchy, today))) {
    relations.push("coordinator");
  }
  return relations.length > 0 ? relations : ["other"];
}

/** May the actor see this directive at all (any relation, or read rights on its lead or assigning unit)? */
export function mayReadDirective(
  actor: Actor | null,
  directive: DirectiveParties,
  hierarchy: Hierarchy,
  today: string,
): boolean {
  return [directive.leadUnitId, directive.assigningUnitId, ...directive.coordinatorUnitIds].some((id) =>
    mayOnUnit(actor, "session.read", id, hierarchy, today),
  );
}
