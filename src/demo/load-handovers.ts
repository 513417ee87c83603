/**
 * Loads the hand-over part of the demo: after the reference story, the decisions of July 2025 that
 * moved some of Thượng Thanh's open directives to the new phường Việt Hưng (one split with Bồ Đề),
 * taken through the hand-over use case as the deciding account, so they are audited and written as
 * any user's would be. The rest stays in the queue. Nothing happens when the demo date is earlier.
 */
import type { Kysely } from "kysely";
import { loadActor } from "../accounts/auth.service.js";
import { findUserByUsername } from "../accounts/users.repo.js";
import { loadHierarchy } from "../core/access/hierarchy.repo.js";
import type { Actor } from "../core/access/policy.js";
import type { DB } from "../core/db/schema.js";
import { vnDateString } from "../core/format/vi-date.js";
import { listHandoverQueue } from "../handovers/handover-queue.service.js";
import { DEMO_HANDOVER } from "../handovers/handovers.demo.js";
import type { HandoverDecision } from "../handovers/handovers.model.js";
import { applyHandoverDecisions } from "../handovers/handovers.service.js";

function fail(what: string): never {
  throw new Error(`hand-over demo: ${what} not found`);
}

/** Titles made from notice items start as sentences ("Thường xuyên …"): compare without case. */
function startsLike(title: string, start: string): boolean {
  return title.toLocaleLowerCase("vi").startsWith(start.toLocaleLowerCase("vi"));
}

async function decider(db: Kysely<DB>): Promise<Actor> {
  for (const username of DEMO_HANDOVER.deciders) {
    const user = await findUserByUsername(db, username);
    const actor = user ? await loadActor(db, user.id) : null;
    if (actor) return actor;
  }
  return fail("a deciding account");
}

/**
 * Applies the demo's hand-over decisions inside the demo loader's transaction; returns how many
 * decisions were applied (0 when `now` is before they were taken).
 */
export async function loadHandoversDemo(
  db: Kysely<DB>,
  refs: { now: Date; unitIds: ReadonlyMap<string, number> },
): Promise<number> {
  const at = new Date(DEMO_HANDOVER.decidedAt);
  if (refs.now.getTime() < at.getTime()) return 0;
  const unit = (key: string) => refs.unitIds.get(key) ?? fail(`unit ${key}`);
  const ctx = {
    actor: await decider(db),
    hierarchy: await loadHierarchy(db),
    today: vnDateString(at),
    now: at,
    ip: null,
  };
  const queue = await listHandoverQueue(db, { unitId: unit(DEMO_HANDOVER.fromKey) }, ctx);
  const decisions: HandoverDecision[] = DEMO_HANDOVER.decisions.map((d) => {
    const item =
      queue.find((i) => i.kind === "directive" && startsLike(i.title, d.titleStarts)) ??
      fail(`directive "${d.titleStarts}…" in the queue`);
    return {
      kind: "directive",
      id: item.id,
      action: d.toKeys.length > 1 ? "split" : "move",
      toUnitIds: d.toKeys.map(unit),
      legalBasis: DEMO_HANDOVER.legalBasis,
    };
  });
  return (await applyHandoverDecisions(db, decisions, ctx)).length;
}
