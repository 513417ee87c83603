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
import { listResultsForUnit, type ResultRow } from "./results.repo.js";

/** One line of a unit's data-entry sheet (the form and the XLSX template). */
export interface SheetLine {
  indicator: Indicator;
  target: TargetLevel | null;
  /** The stored figure of the sheet's version, if any. */
  result: ResultRow | null;
}

export interface EntrySheet {
  unit: UnitBrief;
  periodKey: string;
  version: ResultVersion;
  lines: SheetLine[];
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
  const [indicators, targetRows, results] = await Promise.all([
    listIndicators(db),
    listTargetsForUnit(db, { unitId: unit.id, parentId, periodKeys: [input.periodKey] }),
    listResultsForUnit(db, unit.id, [input.periodKey]),
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
    });
  }
  return { unit, periodKey: input.periodKey, version: input.version, lines };
}
