/**
 * The SQL of the maintained result summaries (result-summaries.tables.ts): recomputing them from
 * `results` for some keys, for a range of units or for a new window, and the windows kept. Every
 * write of an approved figure calls {@link maintainResultSummaries} in its own transaction
 * (entry/results.repo's writers do); term targets call {@link keepTermWindows}. The evaluation's
 * reads of the summaries are in summaries-evaluation.repo.ts.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
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

/** Which rows a recomputation covers: one unit and indicator, a range of unit ids, or all. */
type Scope = { unitId: number; indicatorId: number } | { fromUnit: number; toUnit: number } | "all";

function scopeOf(scope: Scope, alias: string): RawBuilder<unknown> {
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  if (scope === "all") return sql`1 = 1`;
  if ("unitId" in scope)
    return sql`${col("unit_id")} = ${scope.unitId} AND ${col("indicator_id")} = ${scope.indicatorId}`;
  return sql`${col("unit_id")} >= ${scope.fromUnit} AND ${col("unit_id")} < ${scope.toUnit}`;
}

/** Recomputes the period rows in `scope` (and, for one key, that key only) from approved results. */
async function refreshPeriodRows(db: Kysely<DB>, scope: Scope, periodKey: string | null): Promise<void> {
  const key = periodKey === null ? sql`` : sql` AND r.period_key = ${periodKey}`;
  const keyHere = periodKey === null ? sql`` : sql` AND period_key = ${periodKey}`;
  await sql`DELETE FROM result_summaries WHERE ${scopeOf(scope, "")}${keyHere}`.execute(db);
  const pick = (version: string, column: string) =>
    sql.raw(`max(CASE WHEN r.version = '${version}' THEN r.${column} END)`);
  await sql`
    INSERT INTO result_summaries (unit_id, indicator_id, period_key, final_value, final_id, final_note,
      estimate_value, estimate_id, estimate_note)
    SELECT r.unit_id, r.indicator_id, r.period_key, ${pick("final", "value")}, ${pick("final", "id")},
      ${pick("final", "note")}, ${pick("estimate", "value")}, ${pick("estimate", "id")}, ${pick("estimate", "note")}
    FROM results r
    WHERE r.status = 'approved' AND ${scopeOf(scope, "r")}${key}
    GROUP BY r.unit_id, r.indicator_id, r.period_key`.execute(db);
}

/**
 * Recomputes the term rows of window [from, to] in `scope` from the period rows of its years: per
 * year the final figure, else the estimate (as results-evaluation.repo's visitTermAggregates reads
 * them from `results`).
 */
async function refreshTermRows(db: Kysely<DB>, scope: Scope, [from, to]: YearWindow): Promise<void> {
  const years = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  await sql`DELETE FROM result_term_summaries WHERE ${scopeOf(scope, "")}
    AND year_from = ${from} AND year_to = ${to}`.execute(db);
  const value = (alias: string) => sql.raw(`coalesce(${alias}.final_value, ${alias}.estimate_value)`);
  await sql`
    INSERT INTO result_term_summaries (unit_id, indicator_id, year_from, year_to, years_present,
      estimate_years, value_sum, positive, first_value, last_value)
    SELECT g.unit_id, g.indicator_id, ${sql.lit(from)}, ${sql.lit(to)}, g.years_present, g.estimate_years,
      g.value_sum, g.positive, ${value("f")}, ${value("l")}
    FROM (
      SELECT s.unit_id, s.indicator_id, string_agg(s.period_key, ',') AS years_present,
        coalesce(string_agg(CASE WHEN s.final_value IS NULL THEN s.period_key END, ','), '') AS estimate_years,
        sum(${value("s")}) AS value_sum,
        sum(CASE WHEN ${value("s")} > 0 THEN 1 ELSE 0 END) AS positive,
        min(s.period_key) AS first_key, max(s.period_key) AS last_key
      FROM result_summaries s
      WHERE ${scopeOf(scope, "s")} AND s.period_key IN (${sql.join(years)})
        AND (s.final_value IS NOT NULL OR s.estimate_value IS NOT NULL)
      GROUP BY s.unit_id, s.indicator_id
    ) g
    JOIN result_summaries f ON f.unit_id = g.unit_id AND f.indicator_id = g.indicator_id AND f.period_key = g.first_key
    JOIN result_summaries l ON l.unit_id = g.unit_id AND l.indicator_id = g.indicator_id AND l.period_key = g.last_key`.execute(
    db,
  );
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
 * THE maintenance of the summaries: recomputes the period rows of `keys` from `results`, and for a
 * year key the term rows of every kept window holding that year. Call it in the transaction that
 * changed an approved figure (approval, reopening, return, correction, import), after the change.
 */
export async function maintainResultSummaries(db: Kysely<DB>, keys: readonly SummaryKey[]): Promise<void> {
  const distinct = new Map<string, SummaryKey>();
  for (const k of keys) distinct.set(`${k.unitId}|${k.indicatorId}|${k.periodKey}`, k);
  let windows: YearWindow[] | null = null;
  for (const k of distinct.values()) {
    const scope = { unitId: k.unitId, indicatorId: k.indicatorId };
    await refreshPeriodRows(db, scope, k.periodKey);
    const year = yearOfKey(k.periodKey);
    if (year === null) continue;
    windows ??= await listKeptWindows(db);
    for (const w of windowsContaining(year, windows)) await refreshTermRows(db, scope, w);
  }
}

/**
 * Adds the windows term targets name that are not kept yet, with their rows for every unit. Call it in
 * the transaction that wrote a term target (a window is never dropped: a kept window stays correct).
 */
export async function keepTermWindows(db: Kysely<DB>): Promise<void> {
  const missing = missingWindows(await wantedWindows(db), await listKeptWindows(db));
  for (const w of missing) {
    await db.insertInto("result_summary_windows").values({ year_from: w[0], year_to: w[1] }).execute();
    await refreshTermRows(db, "all", w);
  }
}

/** Rebuild, step one: the kept windows become exactly those the term targets name. */
export async function resetKeptWindows(db: Kysely<DB>): Promise<YearWindow[]> {
  const windows = await wantedWindows(db);
  await db.deleteFrom("result_summary_windows").execute();
  await sql`DELETE FROM result_term_summaries`.execute(db);
  for (const w of windows)
    await db.insertInto("result_summary_windows").values({ year_from: w[0], year_to: w[1] }).execute();
  return windows;
}

/** The unit ids to rebuild, as the bounds of batches of `size` units each: [from, to) pairs. */
export async function unitBatches(db: Kysely<DB>, size: number): Promise<[number, number][]> {
  const rows = await db.selectFrom("units").select("id").orderBy("id").execute();
  const batches: [number, number][] = [];
  for (let i = 0; i < rows.length; i += size) {
    const first = rows[i]?.id as number;
    const next = rows[i + size]?.id;
    batches.push([first, next ?? Number.MAX_SAFE_INTEGER]);
  }
  return batches;
}

/** Rebuild, one batch: every summary of the units with ids in [from, to), from `results`. */
export async function rebuildUnitRange(
  db: Kysely<DB>,
  [fromUnit, toUnit]: [number, number],
  windows: readonly YearWindow[],
): Promise<void> {
  const scope = { fromUnit, toUnit: Math.min(toUnit, 2147483647) };
  await refreshPeriodRows(db, scope, null);
  for (const w of windows) await refreshTermRows(db, scope, w);
}
