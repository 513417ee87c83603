/**
 * The evaluation's reads of the maintained result summaries (result-summaries.tables.ts): the same
 * answers as results-evaluation.repo's reads of `results`, from one row per unit × indicator × period
 * (or × window of years for a term) instead of every version and status of every figure.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { childrenAt } from "../assignment/targets.repo.js";
import type { ResultVersion } from "../catalogue/indicator.model.js";
import {
  type ApprovedFigure,
  type TermAggregateVisit,
  type TermScope,
  visitPackedTermRows,
  visitTermAggregates,
} from "../evaluation/results-evaluation.repo.js";
import { listKeptWindows } from "./result-summaries.repo.js";
import { missingWindows, type YearWindow } from "./summary-windows.math.js";

/** A unit's approved figures for some periods, in the order they were entered (as listApprovedFiguresForUnit). */
export async function listSummaryFiguresForUnit(
  db: Kysely<DB>,
  unitId: number,
  periodKeys: string[],
): Promise<ApprovedFigure[]> {
  if (periodKeys.length === 0) return [];
  const rows = await db
    .selectFrom("result_summaries")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("period_key", "in", periodKeys)
    .execute();
  const figures: (ApprovedFigure & { id: number })[] = [];
  for (const r of rows) {
    const base = { indicatorId: r.indicator_id, periodKey: r.period_key };
    if (r.final_value !== null)
      figures.push({
        ...base,
        id: Number(r.final_id),
        version: "final",
        value: Number(r.final_value),
        note: r.final_note,
      });
    if (r.estimate_value !== null)
      figures.push({
        ...base,
        id: Number(r.estimate_id),
        version: "estimate",
        value: Number(r.estimate_value),
        note: r.estimate_note,
      });
  }
  figures.sort((a, b) => a.id - b.id);
  return figures.map(({ id: _id, ...figure }) => figure);
}

/**
 * Calls `visit` with every approved figure of every child of `parentId` at `date` for the given
 * periods (as visitApprovedOfChildren), read from the summaries packed one text per unit:
 * "indicator,period,final,estimate;…" with an empty field for a missing version.
 */
export async function visitSummariesOfChildren(
  db: Kysely<DB>,
  input: { parentId: number; date: string; periodKeys: string[] },
  visit: (
    unitId: number,
    indicatorId: number,
    periodKey: string,
    version: ResultVersion,
    value: number,
  ) => void,
): Promise<void> {
  if (input.periodKeys.length === 0) return;
  const packed = sql<string>`string_agg(cast(indicator_id as text) || ',' || period_key || ',' || coalesce(cast(final_value as text), '') || ',' || coalesce(cast(estimate_value as text), ''), ';')`;
  const rows = await db
    .selectFrom("result_summaries")
    .select(["unit_id", packed.as("packed")])
    .where((eb) => eb("unit_id", "in", childrenAt(eb, input.parentId, input.date)))
    .where("period_key", "in", input.periodKeys)
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
      const indicatorId = Number(text.slice(start, a));
      const periodKey = text.slice(a + 1, b);
      if (c > b + 1) visit(unitId, indicatorId, periodKey, "final", Number(text.slice(b + 1, c)));
      if (end > c + 1) visit(unitId, indicatorId, periodKey, "estimate", Number(text.slice(c + 1, end)));
      start = end + 1;
    }
  }
}

/**
 * The term aggregates of visitTermAggregates, read from the term summaries for the windows they keep;
 * a window they do not keep (no term target names it) is summed up from `results` as before.
 */
export async function visitTermSummaries(
  db: Kysely<DB>,
  input: { scope: TermScope; windows: readonly YearWindow[] },
  visit: TermAggregateVisit,
): Promise<void> {
  const wanted = input.windows.filter(([from, to]) => from <= to);
  if (wanted.length === 0) return;
  const notKept = missingWindows(wanted, await listKeptWindows(db));
  const kept = missingWindows(wanted, notKept);
  if (notKept.length > 0) await visitTermAggregates(db, { scope: input.scope, windows: notKept }, visit);
  if (kept.length === 0) return;
  const units =
    "unitId" in input.scope
      ? sql`t.unit_id = ${input.scope.unitId}`
      : sql`t.unit_id IN (SELECT p.unit_id FROM unit_parents p WHERE p.parent_id = ${input.scope.parentId}
          AND p.valid_from <= ${input.scope.date} AND (p.valid_to IS NULL OR p.valid_to >= ${input.scope.date}))`;
  const windows = sql.join(
    kept.map(([from, to]) => sql`(t.year_from = ${from} AND t.year_to = ${to})`),
    sql` OR `,
  );
  const { rows } = await sql<{ unit_id: number; packed: string }>`
    SELECT t.unit_id, string_agg(cast(t.indicator_id as text) || '|' || cast(t.year_from as text) || '|'
      || cast(t.year_to as text) || '|' || t.years_present || '|' || t.estimate_years
      || '|' || cast(t.value_sum as text) || '|' || cast(t.positive as text)
      || '|:' || cast(t.first_value as text) || '|:' || cast(t.last_value as text), ';') AS packed
    FROM result_term_summaries t
    WHERE ${units} AND (${windows})
    GROUP BY t.unit_id`.execute(db);
  visitPackedTermRows(rows, kept, visit);
}
