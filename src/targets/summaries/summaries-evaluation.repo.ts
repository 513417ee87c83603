/**
 * The evaluation's reads of the maintained result summaries (result-summaries.tables.ts): the same
 * answers as results-evaluation.repo's reads of `results`, from one row per unit and period (or window
 * of years for a term) instead of one per figure: a ranking of 3.321 wards reads 3.321 rows.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { type ChildrenScope, childrenAt } from "../assignment/targets.repo.js";
import {
  type ApprovedFigure,
  type ChildFigureVisit,
  type TermAggregateVisit,
  type TermScope,
  visitPackedTermRows,
  visitTermAggregates,
} from "../evaluation/results-evaluation.repo.js";
import { listKeptWindows } from "./result-summaries.repo.js";
import { unpackPeriod } from "./summary-pack.math.js";
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
    .select(["period_key", "figures", "notes"])
    .where("unit_id", "=", unitId)
    .where("period_key", "in", periodKeys)
    .execute();
  const figures: { id: number; figure: ApprovedFigure }[] = [];
  for (const r of rows) {
    const notes = r.notes ? (JSON.parse(r.notes) as Record<string, string>) : null;
    unpackPeriod(r.figures, (indicatorId, version, value, id) => {
      const note = notes?.[String(id)] ?? null;
      figures.push({ id, figure: { indicatorId, periodKey: r.period_key, version, value, note } });
    });
  }
  figures.sort((a, b) => a.id - b.id);
  return figures.map((f) => f.figure);
}

/**
 * Every approved figure of every child of `parentId` at `date` (or of `unitIds` among them) for some
 * periods (as visitApprovedOfChildren).
 */
export async function visitSummariesOfChildren(
  db: Kysely<DB>,
  input: ChildrenScope & { periodKeys: string[] },
  visit: ChildFigureVisit,
): Promise<void> {
  if (input.periodKeys.length === 0) return;
  const rows = await db
    .selectFrom("result_summaries")
    .select(["unit_id", "period_key", "figures"])
    .where((eb) => eb("unit_id", "in", childrenAt(eb, input.parentId, input.date, input.unitIds)))
    .where("period_key", "in", input.periodKeys)
    .execute();
  for (const { unit_id: unitId, period_key: periodKey, figures } of rows)
    unpackPeriod(figures, (indicatorId, version, value) =>
      visit(unitId, indicatorId, periodKey, version, value),
    );
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
  const { scope } = input;
  const rows = await db
    .selectFrom("result_term_summaries")
    .select(["unit_id", "aggregates as packed"])
    .where((eb) =>
      "unitId" in scope
        ? eb("unit_id", "=", scope.unitId)
        : eb("unit_id", "in", childrenAt(eb, scope.parentId, scope.date, scope.unitIds)),
    )
    .where((eb) =>
      eb.or(kept.map(([from, to]) => eb.and([eb("year_from", "=", from), eb("year_to", "=", to)]))),
    )
    .execute();
  visitPackedTermRows(rows, kept, visit);
}
