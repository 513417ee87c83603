/**
 * Reads what a unit's figures for a period are judged against at entry and at approval: last year's
 * approved figure, the same period's a year earlier, the period's target and, for part of a year, the
 * year's target. Callers authorise first (entering or approving the unit's figures); nothing is written.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { TargetKind } from "../assignment/target.model.js";
import { listTargetsForUnit } from "../assignment/targets.repo.js";
import { resolveTargets } from "../evaluation/evaluation-assembly.rules.js";
import { listApprovedFiguresForUnit } from "../evaluation/results-evaluation.repo.js";
import {
  askedFigure,
  type EntryContext,
  NO_CONTEXT,
  samePeriodLastYear,
  yearOfPeriod,
} from "./entry-checks.rules.js";

/**
 * The context of every indicator with any of it, by indicator id; an indicator missing from the map has
 * none. A final figure wins over an estimate. A term has no context (its figures are years' sums).
 */
export async function loadEntryContexts(
  db: Kysely<DB>,
  input: { unitId: number; periodKey: string; parentId: number | null | { at: string } },
): Promise<Map<number, EntryContext>> {
  const year = yearOfPeriod(input.periodKey);
  const contexts = new Map<number, EntryContext>();
  if (year === null) return contexts;
  const lastYearKey = String(year - 1);
  const sameKey = samePeriodLastYear(input.periodKey) ?? lastYearKey;
  const yearKey = String(year);
  const [figures, targetRows] = await Promise.all([
    listApprovedFiguresForUnit(db, input.unitId, [...new Set([lastYearKey, sameKey])]),
    listTargetsForUnit(db, {
      unitId: input.unitId,
      parentId: input.parentId,
      periodKeys: [...new Set([input.periodKey, yearKey])],
    }),
  ]);
  const at = (id: number): EntryContext => {
    let context = contexts.get(id);
    if (!context) {
      context = { ...NO_CONTEXT };
      contexts.set(id, context);
    }
    return context;
  };
  // Approved figures come in the order entered; a final one overrides an estimate, never the reverse.
  const finals = new Set<string>();
  for (const f of figures) {
    const key = `${f.periodKey}|${f.indicatorId}`;
    if (f.version !== "final" && finals.has(key)) continue;
    if (f.version === "final") finals.add(key);
    if (f.periodKey === lastYearKey) at(f.indicatorId).lastYear = f.value;
    if (f.periodKey === sameKey) at(f.indicatorId).samePeriod = f.value;
  }
  const unitId = input.unitId;
  const parentId = typeof input.parentId === "number" ? input.parentId : null;
  // With the parent found inside the query, its targets carry its id: take it from them.
  const parent =
    parentId ?? targetRows.find((t) => t.appliesTo === "children" && t.unitId !== unitId)?.unitId ?? null;
  // The first assigner's target (the one the evaluation judges by), as the figure it asks for: a
  // reduction's value is a percentage or an amount, never comparable with a figure as it stands.
  const valueOf = (key: string) => {
    const values = new Map<number, { value: number; kind: TargetKind }>();
    for (const [id, target] of resolveTargets(targetRows, unitId, parent, key)) {
      const { level, kind, baseline } = target.latest;
      if (level.kind !== "value") continue;
      const value = askedFigure({ kind, value: level.value, baseline });
      if (value !== null) values.set(id, { value, kind });
    }
    return values;
  };
  for (const [id, { value, kind }] of valueOf(input.periodKey)) {
    at(id).target = value;
    at(id).targetKind = kind;
  }
  if (yearKey !== input.periodKey) {
    for (const [id, { value, kind }] of valueOf(yearKey)) {
      at(id).yearTarget = value;
      at(id).yearTargetKind = kind;
    }
  }
  return contexts;
}
