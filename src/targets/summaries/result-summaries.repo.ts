/**
 * The SQL of the maintained result summaries (result-summaries.tables.ts): recomputing them from
 * `results` for some keys, for a range of units or for a new window, and the windows kept. Every
 * write of an approved figure calls {@link maintainResultSummaries} in its own transaction
 * (entry/results.repo's writers do); a term target calls {@link keepTermWindows}. The packing is
 * summary-pack.math; the evaluation's reads are in summaries-evaluation.repo.ts.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { ResultVersion } from "../catalogue/indicator.model.js";
import { bumpEpochs } from "../outcomes/ranking-outcomes.repo.js";
import { packPeriod, packTerm, type SourceFigure } from "./summary-pack.math.js";
import {
  missingWindows,
  windowsContaining,
  windowsOfTermTargets,
  type YearWindow,
  yearOfKey,
} from "./summary-windows.math.js";

/** One unit × indicator × period whose approved figures may have changed. */
export interface SummaryKey {
  unitId: number;
  indicatorId: number;
  periodKey: string;
}

/** The largest id a PostgreSQL `integer` holds: the open end of a range of units. */
const MAX_ID = 2147483647;

/** Approved results of the units with ids in [from, to), and of one period when given, by unit and period. */
async function approvedOf(
  db: Kysely<DB>,
  [fromUnit, toUnit]: readonly [number, number],
  periodKey: string | null,
): Promise<Map<number, Map<string, SourceFigure[]>>> {
  let query = db
    .selectFrom("results")
    .select(["id", "unit_id", "indicator_id", "period_key", "version", "value", "note"])
    .where("status", "=", "approved")
    .where("unit_id", ">=", fromUnit)
    .where("unit_id", "<", Math.min(toUnit, MAX_ID));
  if (periodKey !== null) query = query.where("period_key", "=", periodKey);
  const byUnit = new Map<number, Map<string, SourceFigure[]>>();
  for (const r of await query.execute()) {
    let byPeriod = byUnit.get(r.unit_id);
    if (!byPeriod) {
      byPeriod = new Map();
      byUnit.set(r.unit_id, byPeriod);
    }
    const list = byPeriod.get(r.period_key) ?? [];
    list.push({
      id: r.id,
      indicatorId: r.indicator_id,
      version: r.version as ResultVersion,
      value: Number(r.value),
      note: r.note,
    });
    byPeriod.set(r.period_key, list);
  }
  return byUnit;
}

/** Writes the period rows of the units with ids in [from, to) (one period, or all), replacing theirs. */
async function writePeriods(
  db: Kysely<DB>,
  range: readonly [number, number],
  periodKey: string | null,
): Promise<void> {
  const byUnit = await approvedOf(db, range, periodKey);
  let del = db
    .deleteFrom("result_summaries")
    .where("unit_id", ">=", range[0])
    .where("unit_id", "<", Math.min(range[1], MAX_ID));
  if (periodKey !== null) del = del.where("period_key", "=", periodKey);
  await del.execute();
  const rows: { unit_id: number; period_key: string; figures: string; notes: string | null }[] = [];
  for (const [unitId, byPeriod] of byUnit)
    for (const [key, figures] of byPeriod)
      rows.push({ unit_id: unitId, period_key: key, ...packPeriod(figures) });
  await insertChunks(db, "result_summaries", rows);
}

async function insertChunks<T extends "result_summaries" | "result_term_summaries">(
  db: Kysely<DB>,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  // 4 or 5 columns a row: well under both engines' limits on parameters per statement.
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 1000) as never)
      .execute();
}

/** Writes the term rows of `window` for the units with ids in [from, to), from their period rows. */
async function writeTerms(
  db: Kysely<DB>,
  range: readonly [number, number],
  window: YearWindow,
): Promise<void> {
  const [from, to] = window;
  const years = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  const periods = await db
    .selectFrom("result_summaries")
    .select(["unit_id", "period_key", "figures"])
    .where("unit_id", ">=", range[0])
    .where("unit_id", "<", Math.min(range[1], MAX_ID))
    .where("period_key", "in", years)
    .execute();
  const byUnit = new Map<number, Map<number, string>>();
  for (const p of periods) {
    const byYear = byUnit.get(p.unit_id) ?? new Map<number, string>();
    byYear.set(Number(p.period_key), p.figures);
    byUnit.set(p.unit_id, byYear);
  }
  await db
    .deleteFrom("result_term_summaries")
    .where("unit_id", ">=", range[0])
    .where("unit_id", "<", Math.min(range[1], MAX_ID))
    .where("year_from", "=", from)
    .where("year_to", "=", to)
    .execute();
  const rows: { unit_id: number; year_from: number; year_to: number; aggregates: string }[] = [];
  for (const [unitId, byYear] of byUnit) {
    const aggregates = packTerm(window, byYear);
    if (aggregates !== null) rows.push({ unit_id: unitId, year_from: from, year_to: to, aggregates });
  }
  await insertChunks(db, "result_term_summaries", rows);
}

/** The windows of years the term summaries keep, ascending. */
export async function listKeptWindows(db: Kysely<DB>): Promise<YearWindow[]> {
  const rows = await db
    .selectFrom("result_summary_windows")
    .select(["year_from", "year_to"])
    .orderBy("year_from")
    .orderBy("year_to")
    .execute();
  return rows.map((r) => [Number(r.year_from), Number(r.year_to)] as const);
}

/** The windows the term targets name today (summary-windows.math). */
async function wantedWindows(db: Kysely<DB>): Promise<YearWindow[]> {
  const rows = await db
    .selectFrom("targets")
    .select(["period_key", "period_start", "period_end"])
    .where("period_kind", "=", "term")
    .distinct()
    .execute();
  return windowsOfTermTargets(
    rows.map((r) => ({ periodKey: r.period_key, periodStart: r.period_start, periodEnd: r.period_end })),
  );
}

/**
 * THE maintenance of the summaries: recomputes the period rows of `keys`' units and periods from
 * `results`, and for a year the term rows of every kept window holding it; the units' kept ranking
 * outcomes become stale (outcomes/). Call it in the transaction
 * that changed an approved figure (approval, reopening, return, correction, import), after the change.
 */
export async function maintainResultSummaries(db: Kysely<DB>, keys: readonly SummaryKey[]): Promise<void> {
  const distinct = new Map<string, { unitId: number; periodKey: string }>();
  for (const k of keys) distinct.set(`${k.unitId}|${k.periodKey}`, k);
  let windows: YearWindow[] | null = null;
  for (const { unitId, periodKey } of distinct.values()) {
    const range = [unitId, unitId + 1] as const;
    await writePeriods(db, range, periodKey);
    const year = yearOfKey(periodKey);
    if (year === null) continue;
    windows ??= await listKeptWindows(db);
    for (const w of windowsContaining(year, windows)) await writeTerms(db, range, w);
  }
  // The units' kept ranking outcomes rest on these figures.
  await bumpEpochs(
    db,
    [...distinct.values()].map((k) => k.unitId),
  );
}

/**
 * Adds the windows term targets name that are not kept yet, with their rows for every unit. Call it in
 * the transaction that wrote a term target (a window is never dropped: a kept window stays correct).
 */
export async function keepTermWindows(db: Kysely<DB>): Promise<void> {
  const missing = missingWindows(await wantedWindows(db), await listKeptWindows(db));
  for (const w of missing) {
    await db.insertInto("result_summary_windows").values({ year_from: w[0], year_to: w[1] }).execute();
    await writeTerms(db, [0, MAX_ID], w);
  }
}

/** Rebuild, step one: the kept windows become exactly those the term targets name. */
export async function resetKeptWindows(db: Kysely<DB>): Promise<YearWindow[]> {
  const windows = await wantedWindows(db);
  await db.deleteFrom("result_summary_windows").execute();
  for (const w of windows)
    await db.insertInto("result_summary_windows").values({ year_from: w[0], year_to: w[1] }).execute();
  // Rows of windows no longer kept; the kept ones are rewritten batch by batch.
  const kept = new Set(windows.map(([f, t]) => `${f}-${t}`));
  for (const [f, t] of await db
    .selectFrom("result_term_summaries")
    .select(["year_from", "year_to"])
    .distinct()
    .execute()
    .then((rows) => rows.map((r) => [r.year_from, r.year_to] as const)))
    if (!kept.has(`${f}-${t}`))
      await db
        .deleteFrom("result_term_summaries")
        .where("year_from", "=", f)
        .where("year_to", "=", t)
        .execute();
  return windows;
}

/** The ranges of unit ids to rebuild, `size` units each, [from, to); and how many units there are. */
export async function unitBatches(
  db: Kysely<DB>,
  size: number,
): Promise<{ batches: [number, number][]; units: number }> {
  const rows = await db.selectFrom("units").select("id").orderBy("id").execute();
  const batches: [number, number][] = [];
  for (let i = 0; i < rows.length; i += size)
    batches.push([rows[i]?.id as number, rows[i + size]?.id ?? MAX_ID]);
  return { batches, units: rows.length };
}

/** Rebuild, one batch: every summary of the units with ids in [from, to), from `results`. */
export async function rebuildUnitRange(
  db: Kysely<DB>,
  range: [number, number],
  windows: readonly YearWindow[],
): Promise<void> {
  await writePeriods(db, range, null);
  for (const w of windows) await writeTerms(db, range, w);
}
