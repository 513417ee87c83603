/**
 * The SQL of the kept ranking outcomes and the evaluation epochs (ranking-outcomes.tables.ts). Writers
 * of what an evaluation reads call {@link bumpEpochs} (a unit's approved figures, a target set on a
 * unit) or {@link bumpCatalogue} (an indicator, a rebuild) in their own transaction; the ranking reads
 * outcomes through children-scores.service.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { RankingOutcomesTable } from "./ranking-outcomes.tables.js";

/** The epoch row standing for the catalogue (indicators): every outcome depends on it. */
export const CATALOGUE = 0;

/** Which ranking the outcomes belong to. */
export interface OutcomeKey {
  parentId: number;
  periodKey: string;
  publicOnly: boolean;
  /** "" when no day was given. */
  today: string;
}

/** A unit's outcome: what the ranking prints for it. */
export interface KeptOutcome {
  unitId: number;
  score: number | null;
  met: number;
  exceeded: number;
  withData: number;
  noData: number;
}

/** Marks the evaluations of `unitIds` (and of their children, for a parent's targets) as changed. */
export async function bumpEpochs(db: Kysely<DB>, unitIds: readonly number[]): Promise<void> {
  for (const unitId of new Set(unitIds))
    await db
      .insertInto("evaluation_epochs")
      .values({ unit_id: unitId, epoch: 1 })
      .onConflict((oc) =>
        oc.column("unit_id").doUpdateSet({ epoch: sql<number>`evaluation_epochs.epoch + 1` }),
      )
      .execute();
}

/** Marks every evaluation as changed (an indicator's meaning, a rebuild of the summaries). */
export function bumpCatalogue(db: Kysely<DB>): Promise<void> {
  return bumpEpochs(db, [CATALOGUE]);
}

/** The current epochs of the parent, the catalogue and the children of the parent at `date`. */
export async function readEpochs(
  db: Kysely<DB>,
  parentId: number,
  childIds: readonly number[],
): Promise<Map<number, number>> {
  const ids = [parentId, CATALOGUE, ...childIds];
  const epochs = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom("evaluation_epochs")
      .select(["unit_id", "epoch"])
      .where("unit_id", "in", ids.slice(i, i + 5000))
      .execute();
    for (const r of rows) epochs.set(Number(r.unit_id), Number(r.epoch));
  }
  return epochs;
}

/**
 * The kept outcomes of a ranking still valid: computed at the current epochs of their unit, the parent
 * and the catalogue, for the same day. Checked in SQL against the epochs table, so a row is read once.
 */
export async function readValidOutcomes(db: Kysely<DB>, key: OutcomeKey): Promise<KeptOutcome[]> {
  const epochOf = (id: number | string) =>
    sql<number>`coalesce((SELECT e.epoch FROM evaluation_epochs e WHERE e.unit_id = ${id}), 0)`;
  const rows = await db
    .selectFrom("ranking_outcomes as o")
    .leftJoin("evaluation_epochs as e", "e.unit_id", "o.unit_id")
    .select(["o.unit_id", "o.score", "o.met", "o.exceeded", "o.with_data", "o.no_data"])
    .where("o.parent_id", "=", key.parentId)
    .where("o.period_key", "=", key.periodKey)
    .where("o.public_only", "=", key.publicOnly ? 1 : 0)
    .where("o.today", "=", key.today)
    .where((eb) => eb("o.unit_epoch", "=", eb.fn.coalesce("e.epoch", sql<number>`0`)))
    .where("o.parent_epoch", "=", epochOf(key.parentId))
    .where("o.catalogue_epoch", "=", epochOf(CATALOGUE))
    .execute();
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    score: r.score === null ? null : Number(r.score),
    met: Number(r.met),
    exceeded: Number(r.exceeded),
    withData: Number(r.with_data),
    noData: Number(r.no_data),
  }));
}

/** Keeps the outcomes of a ranking, each with the epochs read before it was computed. */
export async function writeOutcomes(
  db: Kysely<DB>,
  key: OutcomeKey,
  epochs: ReadonlyMap<number, number>,
  outcomes: readonly KeptOutcome[],
): Promise<void> {
  const parentEpoch = epochs.get(key.parentId) ?? 0;
  const catalogueEpoch = epochs.get(CATALOGUE) ?? 0;
  const rows: RankingOutcomesTable[] = outcomes.map((o) => ({
    parent_id: key.parentId,
    unit_id: o.unitId,
    period_key: key.periodKey,
    public_only: key.publicOnly ? 1 : 0,
    today: key.today,
    score: o.score,
    met: o.met,
    exceeded: o.exceeded,
    with_data: o.withData,
    no_data: o.noData,
    unit_epoch: epochs.get(o.unitId) ?? 0,
    parent_epoch: parentEpoch,
    catalogue_epoch: catalogueEpoch,
  }));
  // 13 columns a row: 1.000 rows stay far below either engine's limit of bound parameters.
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("ranking_outcomes")
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(["parent_id", "period_key", "public_only", "unit_id"]).doUpdateSet((eb) => ({
          today: eb.ref("excluded.today"),
          score: eb.ref("excluded.score"),
          met: eb.ref("excluded.met"),
          exceeded: eb.ref("excluded.exceeded"),
          with_data: eb.ref("excluded.with_data"),
          no_data: eb.ref("excluded.no_data"),
          unit_epoch: eb.ref("excluded.unit_epoch"),
          parent_epoch: eb.ref("excluded.parent_epoch"),
          catalogue_epoch: eb.ref("excluded.catalogue_epoch"),
        })),
      )
      .execute();
}
