/**
 * The maintained follow-up counters (table follow_up_counters; keying in follow-up-counters.math.ts):
 * kept up to date in the same transaction as every write of a directive (directives.repo.ts routes
 * its insert and update through {@link applyDirectiveChange}), read by the follow-up view, and
 * recomputed from the directives by {@link rebuildFollowUpCounters}.
 */
import { type Kysely, PostgresIntrospector, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { withTransaction } from "../../core/db/transaction.js";
import type { WorkflowState } from "../workflow.rules.js";
import {
  addToCell,
  type CounterCell,
  type CounterGroup,
  type CounterSource,
  cellTotal,
  counterEntry,
  counterGroup,
  decodeCell,
  encodeCell,
  FOLLOW_UP_DIMENSIONS,
  type FollowUpDimension,
  mergeCell,
  pkOf,
  readKey,
  storedKey,
} from "./follow-up-counters.math.js";

/** The columns of a directive the counters read (CounterSource). */
export const COUNTER_SOURCE_COLUMNS = [
  "lead_unit_id",
  "lead_organisation_id",
  "assigner_person_id",
  "assigner_name",
  "assigning_unit_id",
  "notice_id",
  "deadline_end",
  "deadline_day",
  "submitted_day",
  "state",
] as const;

/**
 * Locks one directive's row for the rest of the transaction and reads what the counters count of it
 * (an update that sets nothing new: PostgreSQL holds the row until the caller's write; SQLite writes one
 * transaction at a time). Undefined when there is no such directive.
 */
export async function lockCounterSource(db: Kysely<DB>, id: number): Promise<CounterSource | undefined> {
  return db
    .updateTable("directives")
    .set((eb) => ({ state: eb.ref("state") }))
    .where("id", "=", id)
    .returning([...COUNTER_SOURCE_COLUMNS])
    .executeTakeFirst();
}

/** What the counters count of one directive, as stored now. */
export async function readCounterSource(db: Kysely<DB>, id: number): Promise<CounterSource | undefined> {
  return db
    .selectFrom("directives")
    .select([...COUNTER_SOURCE_COLUMNS])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * The one function that changes the counters: a directive went from `before` to `after` (null
 * before: created; null after: deleted). Call it in the transaction of the write. Groups are locked
 * in a fixed order (their key), so two writers never wait on each other in a circle.
 */
export async function applyDirectiveChange(
  db: Kysely<DB>,
  before: CounterSource | null,
  after: CounterSource | null,
): Promise<void> {
  const deltas = new Map<string, { group: CounterGroup; cell: CounterCell }>();
  const add = (d: CounterSource, by: FollowUpDimension, delta: number) => {
    const group = counterGroup(by, d);
    const pk = pkOf(group);
    const entry = deltas.get(pk) ?? { group, cell: {} };
    addToCell(entry.cell, counterEntry(d), delta);
    deltas.set(pk, entry);
  };
  for (const by of FOLLOW_UP_DIMENSIONS) {
    if (before) add(before, by, -1);
    if (after) add(after, by, 1);
  }
  const changes = [...deltas]
    .filter(([, d]) => Object.keys(d.cell).length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
  if (changes.length === 0) return;
  await db
    .insertInto("follow_up_counters")
    .values(
      changes.map(({ group }) => ({
        dimension: group.dimension,
        group_key: storedKey(group.key),
        unit_id: group.unitId,
        cells: "[]",
      })),
    )
    .onConflict((oc) => oc.columns(["dimension", "group_key", "unit_id"]).doNothing())
    .execute();
  for (const { group, cell } of changes) {
    const where = {
      dimension: group.dimension,
      group_key: storedKey(group.key),
      unit_id: group.unitId,
    };
    // Read under the row's lock (an update that changes nothing), then write the sum.
    const row = await db
      .updateTable("follow_up_counters")
      .set((eb) => ({ cells: eb.ref("cells") }))
      .where("dimension", "=", where.dimension)
      .where("group_key", "=", where.group_key)
      .where("unit_id", "=", where.unit_id)
      .returning("cells")
      .executeTakeFirstOrThrow();
    const next = mergeCell(decodeCell(row.cells), cell, 1);
    await db
      .updateTable("follow_up_counters")
      .set({ cells: encodeCell(next) })
      .where("dimension", "=", where.dimension)
      .where("group_key", "=", where.group_key)
      .where("unit_id", "=", where.unit_id)
      .execute();
  }
}

const isPostgres = (db: Kysely<DB>) => db.introspection instanceof PostgresIntrospector;

/** Every counter row as stored, by its key (empty groups left out): for tests and the rebuild. */
export async function readAllCounters(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("follow_up_counters")
    .select(["dimension", "group_key", "unit_id", "cells"])
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const cell = decodeCell(r.cells);
    if (Object.keys(cell).length === 0) continue;
    const group = {
      dimension: r.dimension as FollowUpDimension,
      key: readKey(r.group_key),
      unitId: Number(r.unit_id),
    };
    out.set(pkOf(group), encodeCell(sortCell(cell)));
  }
  return out;
}

/** The counters a full pass over `sources` gives, by key, in the form {@link readAllCounters} returns. */
export function countersOf(sources: Iterable<CounterSource>): Map<string, CounterCell> {
  const out = new Map<string, CounterCell>();
  for (const d of sources)
    for (const by of FOLLOW_UP_DIMENSIONS) {
      const pk = pkOf(counterGroup(by, d));
      out.set(pk, addToCell(out.get(pk) ?? {}, counterEntry(d), 1));
    }
  return out;
}

/** Counters as {@link readAllCounters} gives them (empty cells left out, cells encoded in a fixed order). */
export function encodeCounters(counters: Map<string, CounterCell>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [pk, cell] of counters)
    if (Object.keys(cell).length > 0) out.set(pk, encodeCell(sortCell(cell)));
  return out;
}

/** The same cell with its states in a fixed order (days are kept sorted), so two equal cells encode alike. */
export function sortCell(cell: CounterCell): CounterCell {
  const out: CounterCell = {};
  for (const state of Object.keys(cell).sort() as WorkflowState[]) {
    const tally = cell[state];
    if (tally) out[state] = tally;
  }
  return out;
}

const REBUILD_BATCH = 5_000;
const INSERT_BATCH = 500;

/**
 * Recomputes every follow-up counter from the directives, in batches of 5.000 directives, in one
 * transaction (on PostgreSQL the counters are locked against writers first, so none of their changes
 * is lost). `onProgress` hears how many directives were read of how many. Returns the number of
 * counter rows written.
 */
export async function rebuildFollowUpCounters(
  db: Kysely<DB>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  return withTransaction(db, async (trx) => {
    if (isPostgres(trx)) await sql`LOCK TABLE follow_up_counters IN EXCLUSIVE MODE`.execute(trx);
    const { n } = await trx
      .selectFrom("directives")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const total = Number(n);
    const counters = new Map<string, CounterCell>();
    const groups = new Map<string, CounterGroup>();
    let lastId = 0;
    let done = 0;
    onProgress?.(0, total);
    for (;;) {
      const batch = await trx
        .selectFrom("directives")
        .select(["id", ...COUNTER_SOURCE_COLUMNS])
        .where("id", ">", lastId)
        .orderBy("id")
        .limit(REBUILD_BATCH)
        .execute();
      if (batch.length === 0) break;
      for (const d of batch) {
        for (const by of FOLLOW_UP_DIMENSIONS) {
          const group = counterGroup(by, d);
          const pk = pkOf(group);
          groups.set(pk, group);
          counters.set(pk, addToCell(counters.get(pk) ?? {}, counterEntry(d), 1));
        }
      }
      lastId = Number(batch[batch.length - 1]?.id);
      done += batch.length;
      onProgress?.(done, Math.max(total, done));
    }
    await trx.deleteFrom("follow_up_counters").execute();
    const rows = [...counters]
      .filter(([, cell]) => cellTotal(cell) > 0)
      .map(([pk, cell]) => {
        const group = groups.get(pk) as CounterGroup;
        return {
          dimension: group.dimension,
          group_key: storedKey(group.key),
          unit_id: group.unitId,
          cells: encodeCell(cell),
        };
      });
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await trx
        .insertInto("follow_up_counters")
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
    return rows.length;
  });
}
