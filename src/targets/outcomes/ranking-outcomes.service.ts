/**
 * The ranking's read: the score of every child of a parent for a period, from the kept outcomes
 * (ranking-outcomes.tables.ts) when they are all still valid, else from a full evaluation
 * (evaluateChildren) whose outcomes are then kept: read-through, written back. A ranking read twice
 * without a change in between reads one outcome row per child the second time.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/http/errors.js";
import { findUnitBrief, listChildrenAt } from "../evaluation/evaluation.repo.js";
import { evaluateChildren, resolvePeriod, type UnitEvaluation } from "../evaluation/evaluation.service.js";
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
 * Every child of `parentId` at the period's last day, by name, with its outcome: the same score and
 * counts evaluateChildren gives it. Throws as evaluateChildren does for an unknown parent or a
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
  const found = children.map((c) => byUnit.get(c.id));
  if (found.every((o) => o !== undefined)) return found as KeptOutcome[];

  // Some outcome is missing or stale: evaluate every child, labelled with the epochs read before the
  // evaluation's reads, so a change committed meanwhile leaves the rows stale rather than wrong.
  const epochs = await readEpochs(
    db,
    parent.id,
    children.map((c) => c.id),
  );
  const { units } = await evaluateChildren(db, {
    parentId: parent.id,
    periodKey: period.key,
    publicOnly: key.publicOnly,
    ...(query.today ? { today: query.today } : {}),
  });
  const outcomes = units.map(outcomeOf);
  await writeOutcomes(db, key, epochs, outcomes);
  return outcomes;
}
