/**
 * How an actor relates to one directive (assigner, assignee, coordinator), in the words of the
 * follow-up needs (core/access/needs.ts).
 */
import type { Hierarchy } from "../core/access/hierarchy.rules.js";
import { mayOnPath, mayOnUnit } from "../core/access/needs.js";
import type { Actor } from "../core/access/policy.js";
import type { ActorRelation } from "./workflow.rules.js";

/** The facts about one directive that decide who relates to it how. */
export interface DirectiveParties {
  leadUnitId: number;
  leadOrganisationId: number | null;
  assigningUnitId: number;
  coordinatorUnitIds: number[];
}

/**
 * The lead unit and its ancestors BELOW the assigning unit (the whole path for a task a unit gives
 * itself): a grant there is the lead unit's own, not the assigner's.
 */
function leadOwnPath(directive: DirectiveParties, hierarchy: Hierarchy, today: string): number[] {
  const leadPath = hierarchy.pathForToday(directive.leadUnitId, today);
  if (directive.leadUnitId === directive.assigningUnitId) return leadPath;
  const assigningPath = hierarchy.pathForToday(directive.assigningUnitId, today);
  return leadPath.filter((id) => !assigningPath.includes(id));
}

/**
 * Who may take part in a deadline extension (xin gia hạn) of a directive: the lead unit's office
 * asks, through a grant of its own (as for reporting: the assigner cannot ask itself), and the
 * assigning unit's leader or admin decides.
 */
export function extensionRightsTo(
  actor: Actor | null,
  directive: DirectiveParties,
  hierarchy: Hierarchy,
  today: string,
): { request: boolean; decide: boolean } {
  const ownPath = leadOwnPath(directive, hierarchy, today);
  const assigningPath = hierarchy.pathForToday(directive.assigningUnitId, today);
  return {
    request: ownPath.length > 0 && mayOnPath(actor, "directive.request_extension", ownPath, today),
    decide: mayOnPath(actor, "directive.decide_extension", assigningPath, today),
  };
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
  const ownPath = leadOwnPath(directive, hierarchy, today);
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
