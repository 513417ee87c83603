/**
 * "My" directives: those the actor is the assigner of (may confirm on the assigning unit) or the
 * assignee of (reports for the lead unit, or works in the lead department), by the access rules of
 * directive-access.rules.ts. The list's `cua_toi=1` filter and the dashboard's cards read this one
 * function, so a card's count is the number of rows the list shows.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { mayAnywhere, readableUnits } from "../core/access/needs.js";
import type { DB } from "../core/db/schema.js";
import { staffOrganisationIds } from "./department-staff.repo.js";
import { relationsTo } from "./directive-access.rules.js";
import { type DirectiveFilter, listDirectiveParties } from "./directives.repo.js";
import { sqlClock } from "./timeliness-sql.js";

export type MyDirectivesFilter = Pick<DirectiveFilter, "leadUnitId" | "state" | "timeliness">;

/** Can the actor's roles ever make them a directive's assigner or assignee? */
export function mayHaveDirectives(ctx: Pick<ActorContext, "actor" | "today">): boolean {
  return (["directive.report", "directive.confirm", "proposal.answer_as_department"] as const).some((need) =>
    mayAnywhere(ctx.actor, need, ctx.today),
  );
}

/** Ids of the directives the actor may read and is the assigner or assignee of, matching the filter. */
export async function myDirectiveIds(
  db: Kysely<DB>,
  ctx: ActorContext,
  filter: MyDirectivesFilter,
): Promise<number[]> {
  const [rows, staff] = await Promise.all([
    listDirectiveParties(db, {
      ...filter,
      scope: readableUnits(ctx.actor, ctx.hierarchy, ctx.today),
      clock: sqlClock(ctx.now),
    }),
    staffOrganisationIds(db, ctx.actor.userId),
  ]);
  return rows
    .filter((d) => {
      const relations = relationsTo(
        ctx.actor,
        { ...d, coordinatorUnitIds: [] },
        ctx.hierarchy,
        ctx.today,
        staff,
      );
      return relations.includes("assigner") || relations.includes("assignee");
    })
    .map((d) => d.id);
}
