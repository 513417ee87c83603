import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { authorize } from "../../core/access/policy.js";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/http/errors.js";
import { listTargetsForUnit } from "../assignment/targets.repo.js";
import type { Indicator, ResultVersion } from "../catalogue/indicator.model.js";
import { listIndicators } from "../catalogue/indicators.repo.js";
import type { TargetLevel } from "../evaluation/evaluation.math.js";
import {
  findCustomPeriodEnd,
  findParentIdAt,
  findUnitBrief,
  type UnitBrief,
} from "../evaluation/evaluation.repo.js";
import { resolveTargets } from "../evaluation/evaluation-assembly.rules.js";
import { defaultWindow, periodKindOf } from "../period.rules.js";
import { type EntryContext, NO_CONTEXT } from "./entry-checks.rules.js";
import { loadEntryContexts } from "./entry-context.service.js";
import { findPeriodWindow, listResultsForUnit, type ResultRow } from "./results.repo.js";

/** One line of a unit's data-entry sheet (the form and the XLSX template). */
export interface SheetLine {
  indicator: Indicator;
  target: TargetLevel | null;
  /** The stored figure of the sheet's version, if any. */
  result: ResultRow | null;
  /** Last year, the same period last year, the targets: shown beside the input. */
  context: EntryContext;
}

export interface EntrySheet {
  unit: UnitBrief;
  periodKey: string;
  version: ResultVersion;
  lines: SheetLine[];
  /**
   * A key without a default window ("2020-6T" before such keys had one): the dates the form asks for,
   * prefilled with those given before (null when never given). Null for keys with a default window.
   */
  customWindow: { start: string; end: string } | null | undefined;
}

/**
 * What a data officer fills in for a unit, period and version: the indicators with a target for the
 * unit (own or its parent's for all children) or a figure already entered, in catalogue order; every
 * indicator of the catalogue with `all`. 403 unless the caller may enter the unit's figures.
 */
export async function loadEntrySheet(
  db: Kysely<DB>,
  input: { unitId: number; periodKey: string; version: ResultVersion; all?: boolean },
  ctx: ActorContext,
): Promise<EntrySheet> {
  const unit = await findUnitBrief(db, input.unitId);
  if (!unit || !periodKindOf(input.periodKey)) throw new NotFoundError();
  authorize(
    ctx.actor,
    "result.enter",
    { unitPath: ctx.hierarchy.pathForToday(unit.id, ctx.today) },
    ctx.today,
  );
  const asOf =
    defaultWindow(input.periodKey)?.end ??
    (await findCustomPeriodEnd(db, unit.id, input.periodKey)) ??
    ctx.today;
  const parentId = await findParentIdAt(db, unit.id, asOf);
  const [indicators, targetRows, results, contexts] = await Promise.all([
    listIndicators(db),
    listTargetsForUnit(db, { unitId: unit.id, parentId, periodKeys: [input.periodKey] }),
    listResultsForUnit(db, unit.id, [input.periodKey]),
    loadEntryContexts(db, { unitId: unit.id, periodKey: input.periodKey, parentId }),
  ]);
  const targets = resolveTargets(targetRows, unit.id, parentId, input.periodKey);
  const anyVersion = new Set(results.map((r) => r.indicatorId));
  const lines: SheetLine[] = [];
  for (const indicator of indicators) {
    const target = targets.get(indicator.id);
    if (!input.all && !target && !anyVersion.has(indicator.id)) continue;
    lines.push({
      indicator,
      target: target?.latest.level ?? null,
      result: results.find((r) => r.indicatorId === indicator.id && r.version === input.version) ?? null,
      context: contexts.get(indicator.id) ?? NO_CONTEXT,
    });
  }
  const customWindow = defaultWindow(input.periodKey)
    ? undefined
    : ((await findPeriodWindow(db, unit.id, input.periodKey)) ?? null);
  return { unit, periodKey: input.periodKey, version: input.version, lines, customWindow };
}
