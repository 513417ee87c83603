import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { isValidAt } from "../../core/access/hierarchy.rules.js";
import { type Action, authorize, can, grantedRoots } from "../../core/access/policy.js";
import type { DB } from "../../core/db/schema.js";
import { formatDateVi } from "../../core/format/vi-date.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { listUnitNames } from "../editorial/editor.repo.js";

/** Who may do what to which article: the portal's bridge to the central policy. */

/** What a permission check reads of an article. */
export interface ArticleTarget {
  unitId: number;
  authorId: number | null;
  status: string;
}

function targetOf(caller: ActorContext, article: ArticleTarget) {
  return {
    unitPath: caller.hierarchy.pathForToday(article.unitId, caller.today),
    ownerUserId: article.authorId,
    status: article.status,
  };
}

/** Throws the 403 when the caller may not do `action` on the article. */
export function authorizeOn(caller: ActorContext, action: Action, article: ArticleTarget): void {
  authorize(caller.actor, action, targetOf(caller, article), caller.today);
}

/** Whether the caller may do `action` on the article (to show or hide a button). */
export function canOnArticle(caller: ActorContext, action: Action, article: ArticleTarget): boolean {
  return can(caller.actor, action, targetOf(caller, article), caller.today);
}

/** The caller's name as the review trail and revisions keep it. */
export function authorOf(caller: ActorContext): { userId: number; name: string } {
  return { userId: caller.actor.userId, name: `${caller.actor.displayName} (${caller.actor.username})` };
}

/** Ids of the units whose articles the caller may work on, or "all" for a system admin. */
export function editableUnitIds(caller: ActorContext): number[] | "all" {
  const roots = grantedRoots(caller.actor, "article.create", caller.today);
  return roots === "all" ? "all" : caller.hierarchy.unitIdsUnder(roots, caller.today);
}

export interface UnitChoice {
  id: number;
  /** With its level: "Phường Thượng Thanh". */
  name: string;
  /** The name, with the validity for units that do not exist today ("… (đến 30/06/2025)"). */
  label: string;
  current: boolean;
}

/**
 * The units the caller may choose as an article's owner: every unit in their scope, those that
 * exist today first (highest level first, then by name), then former and future ones, labelled with
 * their dates. Former units stay choosable: news about 2019 belongs to the ward that existed then,
 * and a grant on a dissolved district still covers its former wards.
 */
export async function unitChoices(db: Kysely<DB>, caller: ActorContext): Promise<UnitChoice[]> {
  const scope = editableUnitIds(caller);
  const ids =
    scope === "all" ? (await db.selectFrom("units").select("id").execute()).map((r) => r.id) : scope;
  const units = await listUnitNames(db, ids);
  const choices = units.map((unit): UnitChoice & { depth: number } => {
    const span = caller.hierarchy.unit(unit.id);
    const current = span === undefined || isValidAt(span, caller.today);
    const name = unitDisplayName(unit);
    let label = name;
    if (span && !current) {
      label =
        span.validTo !== null && span.validTo < caller.today
          ? `${name} (đến ${formatDateVi(span.validTo)})`
          : `${name} (từ ${formatDateVi(span.validFrom)})`;
    }
    return {
      id: unit.id,
      name,
      label,
      current,
      depth: caller.hierarchy.pathForToday(unit.id, caller.today).length,
    };
  });
  const collator = new Intl.Collator("vi");
  return choices
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        a.depth - b.depth ||
        collator.compare(a.name, b.name) ||
        a.id - b.id,
    )
    .map(({ depth: _depth, ...choice }) => choice);
}
