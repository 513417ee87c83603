import { type Kysely, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { type ChildrenScope, childrenAt } from "../assignment/targets.repo.js";
import type { ResultVersion } from "../catalogue/indicator.model.js";
import type { TermAggregates } from "./term.math.js";

/**
 * The reads evaluation and ranking make of results: approved figures only, in the few columns the
 * arithmetic needs, for one unit or streamed per unit for all the children of a parent, and the term
 * aggregates the database adds up for a ranking. Writes and the workflow's reads are in results.repo.ts.
 */

/** An approved figure as evaluation reads it: which indicator, period and version, its value and note. */
export interface ApprovedFigure {
  indicatorId: number;
  periodKey: string;
  version: ResultVersion;
  value: number;
  note: string | null;
}

/**
 * A unit's approved figures for some periods, in the order they were entered. Only the five columns
 * evaluation reads: on a unit's term page (six years × every indicator) building the full rows cost
 * more than the query.
 */
export async function listApprovedFiguresForUnit(
  db: Kysely<DB>,
  unitId: number,
  periodKeys: string[],
): Promise<ApprovedFigure[]> {
  if (periodKeys.length === 0) return [];
  const rows = await db
    .selectFrom("results")
    .select(["indicator_id", "period_key", "version", "value", "note"])
    .where("unit_id", "=", unitId)
    .where("period_key", "in", periodKeys)
    .where("status", "=", "approved")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    periodKey: r.period_key,
    version: r.version as ResultVersion,
    value: Number(r.value),
    note: r.note,
  }));
}

/** What a visit of the children's approved figures receives, one figure at a time. */
export type ChildFigureVisit = (
  unitId: number,
  indicatorId: number,
  periodKey: string,
  version: ResultVersion,
  value: number,
) => void;

/**
 * Calls `visit` with every approved figure of every child of `parentId` at `date` for the given
 * periods, read in one query.
 *
 * The rows come back packed, one text per unit ("indicator,period,version,value;…"), and are handed
 * over without building an object per figure, because turning 200.000 rows into JavaScript objects
 * costs the driver and the garbage collector several times what the database spends finding them (a
 * national ranking reads 3.321 wards × 60 indicators). Both engines have string_agg and print a
 * double as its shortest round-trip decimal, so no figure changes on the way.
 */
export async function visitApprovedOfChildren(
  db: Kysely<DB>,
  input: ChildrenScope & { periodKeys: string[] },
  visit: ChildFigureVisit,
): Promise<void> {
  if (input.periodKeys.length === 0) return;
  const packed = sql<string>`string_agg(cast(indicator_id as text) || ',' || period_key || ',' || version || ',' || cast(value as text), ';')`;
  const rows = await db
    .selectFrom("results")
    .select(["unit_id", packed.as("packed")])
    .where((eb) => eb("unit_id", "in", childrenAt(eb, input.parentId, input.date, input.unitIds)))
    .where("period_key", "in", input.periodKeys)
    .where("status", "=", "approved")
    .groupBy("unit_id")
    .execute();
  for (const { unit_id: unitId, packed: text } of rows) {
    let start = 0;
    while (start < text.length) {
      const a = text.indexOf(",", start);
      const b = text.indexOf(",", a + 1);
      const c = text.indexOf(",", b + 1);
      let end = text.indexOf(";", c + 1);
      if (end < 0) end = text.length;
      const version = text.slice(b + 1, c) as ResultVersion;
      visit(
        unitId,
        Number(text.slice(start, a)),
        text.slice(a + 1, b),
        version,
        Number(text.slice(c + 1, end)),
      );
      start = end + 1;
    }
  }
}

/** Which units a term aggregate query covers: the children of a parent at a date (or some of them), or one unit. */
export type TermScope = ChildrenScope | { unitId: number };

/**
 * Calls `visit` with the approved annual figures of each unit and indicator over each window of years
 * [from, to] (a term's years), summed up by the database in one grouped query (the app reads the
 * maintained term summaries instead, and this for a window no term target names): per year the final
 * figure, else the estimate; the years present, those resting on an estimate, the sum, how many are
 * > 0, and the first and last year's figures (term.math's {@link TermAggregates}). Pairs of unit and
 * indicator without any figure in a window are not visited.
 *
 * A national term ranking covers 3.321 wards × 60 indicators × 5 years: a million yearly figures stay
 * in the database, and 200.000 aggregates come back packed, one text per unit (as in
 * {@link visitApprovedOfChildren}). The first and last figures travel as text, which both engines print
 * as the shortest round-trip decimal, so they arrive unchanged; the sum is the database's (SQLite
 * sums with compensation, PostgreSQL in scan order), equal to a sum in year order within binary
 * noise, which the evaluation's comparisons tolerate (figures.math).
 */
export async function visitTermAggregates(
  db: Kysely<DB>,
  input: { scope: TermScope; windows: readonly (readonly [number, number])[] },
  visit: TermAggregateVisit,
): Promise<void> {
  const windows = input.windows.filter(([from, to]) => from <= to);
  for (const [from, to] of windows) {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1000 || to > 9999) {
      throw new RangeError(`a term window needs four-digit years, got ${from}–${to}`);
    }
  }
  if (windows.length === 0) return;
  const { scope } = input;
  const some = "parentId" in scope && scope.unitIds ? scope.unitIds : null;
  const units =
    "unitId" in scope
      ? sql`r.unit_id = ${scope.unitId}`
      : sql`r.unit_id IN (SELECT p.unit_id FROM unit_parents p WHERE p.parent_id = ${scope.parentId}
          AND p.valid_from <= ${scope.date} AND (p.valid_to IS NULL OR p.valid_to >= ${scope.date})
          ${some ? sql`AND p.unit_id IN (${sql.join(some.length > 0 ? some : [-1])})` : sql``})`;
  // One grouped SELECT per window (usually one), each reading only its years: a join to a table of
  // windows costs SQLite more per row than the aggregates themselves.
  const perWindow = windows.map(([from, to]) => {
    const keys = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    return sql`
      SELECT r.unit_id,
        cast(r.indicator_id as text) || ${`|${from}|${to}|`} || string_agg(r.period_key, ',')
        || '|' || coalesce(string_agg(CASE WHEN r.version = 'estimate' THEN r.period_key END, ','), '')
        || '|' || cast(sum(r.value) as text)
        || '|' || cast(sum(CASE WHEN r.value > 0 THEN 1 ELSE 0 END) as text)
        || '|' || min(r.period_key || ':' || cast(r.value as text))
        || '|' || max(r.period_key || ':' || cast(r.value as text)) AS packed
      FROM results r
      WHERE ${units} AND r.period_key IN (${sql.join(keys)}) AND r.status = 'approved'
        AND (r.version = 'final' OR (r.version = 'estimate' AND NOT EXISTS (
          SELECT 1 FROM results f WHERE f.indicator_id = r.indicator_id AND f.unit_id = r.unit_id
            AND f.period_key = r.period_key AND f.version = 'final' AND f.status = 'approved')))
      GROUP BY r.unit_id, r.indicator_id`;
  });
  const { rows } = await sql<{ unit_id: number; packed: string }>`
    SELECT unit_id, string_agg(packed, ';') AS packed FROM (${sql.join(perWindow, sql` UNION ALL `)}) g
    GROUP BY unit_id`.execute(db);
  visitPackedTermRows(rows, windows, visit);
}

/** What a term aggregate visit receives: see {@link visitTermAggregates}. */
export type TermAggregateVisit = (
  unitId: number,
  indicatorId: number,
  from: number,
  to: number,
  aggregates: TermAggregates,
  estimateYears: readonly number[],
) => void;

/**
 * Parses term aggregates packed one text per unit, groups "indicator|from|to|years|estimate years|sum|
 * positive|year:first|year:last" joined by ";" (what {@link visitTermAggregates} and the summaries'
 * reader both send), and visits each.
 */
export function visitPackedTermRows(
  rows: readonly { unit_id: number; packed: string }[],
  windows: readonly (readonly [number, number])[],
  visit: TermAggregateVisit,
): void {
  // Years come as "2015,2016,…" in no set order. A window with every year present (the usual case)
  // shares one array instead of parsing its years again for each unit and indicator.
  const allYears = new Map<string, number[]>();
  for (const [from, to] of windows) {
    allYears.set(
      `${from}|${to}`,
      Array.from({ length: to - from + 1 }, (_, i) => from + i),
    );
  }
  const NONE: readonly number[] = [];
  const years = (text: string, window: string): readonly number[] => {
    if (text === "") return NONE;
    const all = allYears.get(window) as number[];
    if (text.length === all.length * 5 - 1) return all;
    return text
      .split(",")
      .map(Number)
      .sort((a, b) => a - b);
  };
  const figureOf = (text: string) => Number(text.slice(text.indexOf(":") + 1));
  for (const { unit_id: unitId, packed } of rows) {
    for (const group of packed.split(";")) {
      const [indicator, from, to, present, estimates, sum, positive, first, last] = group.split("|") as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const window = `${from}|${to}`;
      visit(
        Number(unitId),
        Number(indicator),
        Number(from),
        Number(to),
        {
          yearsPresent: years(present, window),
          sum: Number(sum),
          positive: Number(positive),
          first: figureOf(first),
          last: figureOf(last),
        },
        years(estimates, window),
      );
    }
  }
}
