/**
 * The hand-over queue: the open items of units that no longer exist, each with the current units
 * proposed from the succession links, as far as the actor may decide on them (`handover.decide` on a
 * proposed successor: its unit admin, or the admin of a unit above it).
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { can } from "../core/access/policy.js";
import type { DB } from "../core/db/schema.js";
import { ForbiddenError, NotFoundError } from "../core/http/errors.js";
import type { ProposedSuccessor, QueueItem } from "./handovers.model.js";
import { type CandidateItem, decidedKeys, listCandidateItems, loadSuccessions } from "./handovers.repo.js";
import { currentSuccessors, existsOn, type SuccessionLink, type UnitFacts } from "./handovers.rules.js";

/** May the actor decide on hand-overs to this (current) unit? */
export function mayDecideFor(unitId: number, ctx: Omit<ActorContext, "now" | "ip">): boolean {
  return can(
    ctx.actor,
    "handover.decide",
    { unitPath: ctx.hierarchy.pathForToday(unitId, ctx.today) },
    ctx.today,
  );
}

export interface Successions {
  links: SuccessionLink[];
  units: Map<number, UnitFacts>;
}

/** The current successors of a unit that no longer exists; empty while it exists or without links. */
export function successorsOf(unitId: number, s: Successions, today: string): ProposedSuccessor[] {
  const unit = s.units.get(unitId);
  if (!unit || existsOn(unit, today)) return [];
  return currentSuccessors(unitId, s.links, s.units, today);
}

/**
 * Is the candidate waiting for hand-over from `unit` (which no longer exists)? Directives and
 * proposals while unfinished; programme entries not yet held, of the year the unit ended or later;
 * targets whose period runs past the unit's last day.
 */
export function waitsFrom(item: CandidateItem, unit: UnitFacts): boolean {
  const end = unit.validTo;
  if (end === null || !item.open) return false;
  if (item.kind === "programme") return item.year !== null && item.year >= Number(end.slice(0, 4));
  if (item.kind === "target") return item.periodEnd !== null && item.periodEnd > end;
  return true;
}

/** The queue items among the candidates, from units that no longer exist, not yet decided. */
export async function queueOf(
  db: Kysely<DB>,
  candidates: CandidateItem[],
  s: Successions,
  today: string,
  /** Only items of these units (a programme entry may belong to two). */
  fromUnitIds?: readonly number[],
): Promise<QueueItem[]> {
  const decided = await decidedKeys(db, candidates);
  const items: QueueItem[] = [];
  for (const c of candidates) {
    for (const unitId of c.unitIds) {
      if (fromUnitIds && !fromUnitIds.includes(unitId)) continue;
      const unit = s.units.get(unitId);
      if (!unit?.validTo || existsOn(unit, today) || decided.has(`${c.kind}:${c.id}:${unitId}`)) continue;
      if (!waitsFrom(c, unit)) continue;
      const proposedSuccessors = currentSuccessors(unitId, s.links, s.units, today);
      if (proposedSuccessors.length === 0) continue;
      items.push({
        kind: c.kind,
        id: c.id,
        title: c.title,
        fromUnit: { unitId, name: unit.name, level: unit.level, validTo: unit.validTo },
        proposedSuccessors,
      });
      break;
    }
  }
  return items;
}

/**
 * The queue of one unit that no longer exists (`unitId`), or of every such unit the actor may decide
 * for. 404 for an unknown unit; 403 when the actor may decide for none of the unit's successors.
 */
export async function listHandoverQueue(
  db: Kysely<DB>,
  filter: { unitId?: number },
  ctx: Omit<ActorContext, "now" | "ip">,
): Promise<QueueItem[]> {
  const s = await loadSuccessions(db);
  let unitIds: number[];
  if (filter.unitId !== undefined) {
    const unit = s.units.get(filter.unitId);
    if (!unit) {
      if (ctx.hierarchy.unit(filter.unitId)) return [];
      throw new NotFoundError("Không tìm thấy đơn vị này.");
    }
    const successors = successorsOf(filter.unitId, s, ctx.today);
    if (successors.length === 0) return [];
    if (!successors.some((x) => mayDecideFor(x.unitId, ctx)))
      throw new ForbiddenError("Bạn không có quyền quyết định bàn giao công việc của đơn vị này.");
    unitIds = [filter.unitId];
  } else {
    unitIds = [...s.units.keys()].filter((id) =>
      successorsOf(id, s, ctx.today).some((x) => mayDecideFor(x.unitId, ctx)),
    );
  }
  return queueOf(db, await listCandidateItems(db, { unitIds }), s, ctx.today, unitIds);
}

/** How many items wait for the actor's decision (the dashboard card counts the page's rows). */
export async function countWaitingHandovers(
  db: Kysely<DB>,
  ctx: Omit<ActorContext, "now" | "ip">,
): Promise<number> {
  return (await listHandoverQueue(db, {}, ctx)).length;
}
