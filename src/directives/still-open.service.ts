/**
 * "What is still open from earlier sessions with this unit": shown when a new session with the unit
 * is prepared or opened, so the next session starts by reviewing the last one's directives.
 */
import type { Kysely } from "kysely";
import type { Hierarchy } from "../core/access/hierarchy.rules.js";
import { readableUnits } from "../core/access/needs.js";
import type { Actor } from "../core/access/policy.js";
import type { DB } from "../core/db/schema.js";
import { earlierSessionsWith } from "../sessions/sessions.repo.js";
import type { DirectiveRecord } from "./directives.model.js";
import { listDirectives } from "./directives.repo.js";
import { listProposals, type ProposalRecord } from "./proposals/proposals.repo.js";
import { sqlClock } from "./timeliness-sql.js";

export interface StillOpen {
  /** The earlier sessions the items come from, newest first. */
  sessions: { id: number; title: string; startsAt: string }[];
  directives: DirectiveRecord[];
  proposals: ProposalRecord[];
}

/**
 * Open directives (not confirmed or cancelled) from notices of sessions held with `hostUnitId` before
 * `before` (ISO instant), and its proposals not yet resolved; limited to what the actor may see.
 */
export async function stillOpenWith(
  db: Kysely<DB>,
  hostUnitId: number,
  before: string,
  ctx: { actor: Actor; hierarchy: Hierarchy; today: string; now: Date },
): Promise<StillOpen> {
  const sessions = await earlierSessionsWith(db, hostUnitId, before, 50);
  const sessionIds = sessions.map((s) => s.id);
  const scope = readableUnits(ctx.actor, ctx.hierarchy, ctx.today);
  const [directives, proposals] = await Promise.all([
    listDirectives(db, {
      scope,
      sessionIds,
      openOnly: true,
      clock: sqlClock(ctx.now),
      limit: 500,
      offset: 0,
    }),
    listProposals(db, { scope, sessionIds, openOnly: true, limit: 500 }),
  ]);
  return {
    sessions,
    directives: directives.rows,
    proposals,
  };
}
