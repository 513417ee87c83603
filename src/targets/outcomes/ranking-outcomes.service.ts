/**
 * The ranking's read: the score of every child of a parent for a period, from the kept outcomes
 * (ranking-outcomes.tables.ts) still valid, and for the children whose outcome is missing or stale
 * from an evaluation of just those children (evaluateSomeChildren) whose outcomes are then kept:
 * read-through, written back. A ranking read twice without a change in between reads one outcome row
 * per child the second time; after one ward's approved figure changed, it evaluates that ward alone.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/http/errors.js";
import { evaluateSomeChildren } from "../evaluation/children-evaluation.service.js";
import { findUnitBrief, listChildrenAt } from "../evaluation/evaluation.repo.js";
import { resolvePeriod, type UnitEvaluation } from "../evaluation/evaluation.service.js";
import {
  type KeptOutcome,
  type OutcomeKey,
  readEpochs,
  readValidOutcomes,
  writeOutcomes,
} from "./ranking-outcomes.repo.js";

/** What a ranking keeps of a unit's evaluation. */
export function outcomeOf(u: UnitEvaluation): KeptOutcome {
  const { met, exceeded, withData, noData } = u.summary;
  return { unitId: u.unit.id, score: u.score, met, exceeded, withData, noData };
}

export interface ChildrenScoresQuery {
  parentId: number;
  periodKey: string;
  publicOnly?: boolean;
  /** As evaluateChildren's `today`: outcomes judged at another day are not reused. */
  today?: string;
}

/**
 * Up to this share of the children stale, only those are evaluated again (their reads restricted to
 * them); above it, all children at once: a parent's target for all children or a catalogue edit makes
 * every outcome stale, and one read by the parent then costs less than a long list of ids.
 */
export const SOME_STALE_SHARE = 0.5;
/** Above this many stale children, all are evaluated (bounds the ids bound into each query). */
export const SOME_STALE_MAX = 2000;

/**
 * Every child of `parentId` at the period's last day, by name, with its outcome: the same score and
 * counts evaluateChildren gives it. The kept outcomes still valid are read; the children whose outcome
 * is missing or stale are evaluated again (all children when most are, see {@link SOME_STALE_SHARE})
 * and only their outcomes written back. Throws as evaluateChildren does for an unknown parent or a
 * malformed period key.
 */
export async function childrenOutcomes(db: Kysely<DB>, query: ChildrenScoresQuery): Promise<KeptOutcome[]> {
  const parent = await findUnitBrief(db, query.parentId);
  if (!parent) throw new NotFoundError("Không tìm thấy đơn vị.");
  const period = await resolvePeriod(db, parent.id, query.periodKey);
  const key: OutcomeKey = {
    parentId: parent.id,
    periodKey: period.key,
    publicOnly: query.publicOnly ?? false,
    today: query.today ?? "",
  };
  const [children, kept] = await Promise.all([
    listChildrenAt(db, parent.id, period.asOf),
    readValidOutcomes(db, key),
  ]);
  const byUnit = new Map(kept.map((o) => [o.unitId, o]));
  const stale = children.filter((c) => !byUnit.has(c.id));
  if (stale.length === 0) return children.map((c) => byUnit.get(c.id) as KeptOutcome);

  const some = stale.length <= children.length * SOME_STALE_SHARE && stale.length <= SOME_STALE_MAX;
  const evaluated = some ? stale : children;
  // Labelled with the epochs read before the evaluation's reads, so a change committed meanwhile
  // leaves the rows stale rather than wrong.
  const epochs = await readEpochs(
    db,
    parent.id,
    evaluated.map((c) => c.id),
  );
  const units = await evaluateSomeChildren(
    db,
    some ? { parent, period, some: stale } : { parent, period, every: children },
    { publicOnly: key.publicOnly, ...(query.today ? { today: query.today } : {}) },
  );
  const outcomes = units.map(outcomeOf);
  await writeOutcomes(db, key, epochs, outcomes);
  for (const o of outcomes) byUnit.set(o.unitId, o);
  return children.map((c) => byUnit.get(c.id) as KeptOutcome);
}
