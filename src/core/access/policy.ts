import { ForbiddenError } from "../http/errors.js";
import type { Role } from "./roles.js";

/**
 * The one place that decides who may do what. Pure: callers load the facts (the actor's grants, the
 * target unit's ancestry) and this module only reads them, so every rule is testable in isolation.
 */

export interface Grant {
  role: Role;
  unitId: number;
  validFrom: string;
  validTo: string | null;
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  grants: Grant[];
}

export type Action =
  | "admin.enter"
  | "unit.update"
  | "user.manage"
  | "audit.read"
  | "article.create"
  | "article.update"
  | "article.publish"
  | "article.delete"
  // a held session's news drafted from its record (the newsroom), by the host unit's editors or leaders
  | "article.draft_from_session"
  | "media.upload"
  // targets, results and evaluation
  | "indicator.manage"
  | "target.manage"
  | "target.plan"
  | "result.read"
  | "result.enter"
  | "result.approve"
  // department assessments and emulation (thi đua)
  | "assessment.write"
  | "emulation.manage"
  | "emulation.self_score"
  | "emulation.review"
  | "emulation.council"
  | "award.propose"
  // working sessions, directives and proposals
  | "session.manage"
  | "directive.assign"
  | "directive.report"
  | "directive.confirm"
  | "directive.request_extension"
  | "directive.decide_extension"
  | "proposal.raise"
  | "proposal.answer"
  | "proposal.answer_department"
  // hand-over of the open work of units that no longer exist
  | "handover.decide"
  // the leaders' calendar (lịch công tác) and the site's identity
  | "calendar.manage"
  | "site.manage"
  // citizens' feedback in a ward's queue
  | "feedback.handle"
  | "feedback.moderate"
  // the document library (văn bản): the issuing unit's office, or a unit above it
  | "document.manage";

/**
 * What a request touches: the unit it belongs to with that unit's ancestors (nearest first, at the
 * date the hierarchy is read), plus facts some rules need.
 */
export interface Target {
  unitPath: number[];
  ownerUserId?: number | null;
  status?: string;
}

type Rule = (actor: Actor, target: Target, grant: Grant) => boolean;

const always: Rule = () => true;
/** Writers may change only their own drafts; publishing is an editor's decision. */
const ownDraft: Rule = (actor, target) => target.ownerUserId === actor.userId && target.status === "draft";
/**
 * Granted on an ancestor, not on the unit itself: the office above approves a ward's figures, the
 * ward never approves its own.
 */
const fromAbove: Rule = (_actor, target, grant) => target.unitPath[0] !== grant.unitId;

/** For each action, the roles that allow it and the extra condition each role must meet. */
const RULES: Record<Action, Partial<Record<Role, Rule>>> = {
  "admin.enter": {
    unit_admin: always,
    editor: always,
    writer: always,
    data_officer: always,
    department_officer: always,
    leader: always,
    viewer: always,
  },
  "unit.update": { unit_admin: always },
  "user.manage": { unit_admin: always },
  "audit.read": { unit_admin: always },
  "article.create": { editor: always, writer: always },
  "article.update": { editor: always, writer: ownDraft },
  "article.publish": { editor: always },
  "article.delete": { editor: always, writer: ownDraft },
  "article.draft_from_session": { editor: always, leader: always },
  "media.upload": { editor: always, writer: always },
  "indicator.manage": { unit_admin: always },
  "target.manage": { unit_admin: fromAbove, leader: fromAbove },
  // A unit's own plan and its People's Council's targets are recorded by the unit itself.
  "target.plan": { unit_admin: always, leader: always },
  "result.read": {
    unit_admin: always,
    data_officer: always,
    department_officer: always,
    leader: always,
    viewer: always,
  },
  "result.enter": { data_officer: always },
  "result.approve": { unit_admin: fromAbove, leader: fromAbove },
  "assessment.write": { department_officer: always },
  "emulation.manage": { unit_admin: fromAbove },
  "emulation.self_score": { data_officer: always, unit_admin: always },
  "emulation.review": { department_officer: fromAbove, leader: fromAbove },
  "emulation.council": { leader: fromAbove, unit_admin: fromAbove },
  "award.propose": { leader: fromAbove, unit_admin: fromAbove },
  // A unit holds sessions and assigns work inside its own tree; the ward reports on what it leads.
  "session.manage": { unit_admin: always, leader: always },
  "directive.assign": { unit_admin: always, leader: always },
  "directive.report": { data_officer: always, unit_admin: always },
  "directive.confirm": { leader: always, unit_admin: always },
  // Xin gia hạn: the lead unit's office asks for a later deadline; the assigning side grants or refuses.
  "directive.request_extension": { data_officer: always, unit_admin: always },
  "directive.decide_extension": { leader: always, unit_admin: always },
  "proposal.raise": { data_officer: always, unit_admin: always, leader: always },
  "proposal.answer": { leader: always, unit_admin: always },
  // Limited further to the proposals addressed to the officer's own department (directives.access.ts).
  "proposal.answer_department": { department_officer: always },
  // The successor's admin, or the admin of a unit above it (the province), decides where work goes.
  "handover.decide": { unit_admin: always },
  // The ward's office keeps its leaders' calendar; its leaders may add to it.
  "calendar.manage": { unit_admin: always, data_officer: always, leader: always },
  // The site's name, emblem and contact: system administrators only (no role grants it).
  "site.manage": {},
  // The ward's office reads, assigns and answers citizens' feedback; hiding one or marking it spam
  // is for the unit admin or a leader.
  "feedback.handle": { unit_admin: always, leader: always, data_officer: always },
  "feedback.moderate": { unit_admin: always, leader: always },
  // The issuing unit's office files its documents in the library; a unit above may file them too.
  "document.manage": { unit_admin: always, leader: always, editor: always },
};

/** A grant counts on `today` (YYYY-MM-DD) when today lies within its validity, both ends inclusive. */
export function isGrantActive(grant: Grant, today: string): boolean {
  return grant.validFrom <= today && (grant.validTo === null || grant.validTo >= today);
}

export function isSystemAdmin(actor: Actor, today: string): boolean {
  return actor.grants.some((g) => g.role === "system_admin" && isGrantActive(g, today));
}

/**
 * May `actor` do `action` on `target` today? A system admin may do everything everywhere; any other
 * role counts when it is granted on the target's unit or one of its ancestors.
 */
export function can(actor: Actor | null, action: Action, target: Target, today: string): boolean {
  if (!actor) return false;
  if (isSystemAdmin(actor, today)) return true;
  const rules = RULES[action];
  return actor.grants.some((grant) => {
    const rule = rules[grant.role];
    return (
      rule !== undefined &&
      isGrantActive(grant, today) &&
      target.unitPath.includes(grant.unitId) &&
      rule(actor, target, grant)
    );
  });
}

/** Like `can`, but throws the 403 that the error handler turns into a page or JSON. */
export function authorize(actor: Actor | null, action: Action, target: Target, today: string): void {
  if (!can(actor, action, target, today)) throw new ForbiddenError();
}

/** May the actor do `action` anywhere at all (to show a menu entry or an admin page)? */
export function canAnywhere(actor: Actor | null, action: Action, today: string): boolean {
  if (!actor) return false;
  if (isSystemAdmin(actor, today)) return true;
  return actor.grants.some((g) => RULES[action][g.role] !== undefined && isGrantActive(g, today));
}

/**
 * The units whose descendants the actor may act on for `action`: `"all"` for a system admin,
 * otherwise the granted unit ids. Repositories expand these to descendants.
 */
export function grantedRoots(actor: Actor | null, action: Action, today: string): "all" | number[] {
  if (!actor) return [];
  if (isSystemAdmin(actor, today)) return "all";
  const ids = actor.grants
    .filter((g) => RULES[action][g.role] !== undefined && isGrantActive(g, today))
    .map((g) => g.unitId);
  return [...new Set(ids)];
}
