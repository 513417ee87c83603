/**
 * Compare and trend: one indicator's approved figures for units × periods, only for units the caller
 * may read (`result.read` or `result.enter` on them), with the whole by the catalogue's rule. The
 * default units are the children of the caller's unit at the end of the last year compared (the 14
 * wards of quận Long Biên for 2015–2019), the default years the five up to the last with figures.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { can, grantedRoots } from "../../core/access/policy.js";
import type { DB } from "../../core/db/schema.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { listUnitNames, type UnitName } from "../../units/unit-names.repo.js";
import type { Indicator } from "../catalogue/indicator.model.js";
import { listIndicators } from "../catalogue/indicators.repo.js";
import { POPULATION_INDICATOR_CODE } from "../comparable/comparable-base.repo.js";
import { ruleOf } from "../comparable/comparable-rows.rules.js";
import { findLatestFigureYear, listApprovedFiguresIn } from "./compare.repo.js";
import {
  buildCompareTable,
  COLUMN_KINDS,
  type ColumnKind,
  type CompareTable,
  columnsFor,
} from "./compare.rules.js";

/** At most this many years side by side (a term and a half). */
export const MAX_YEARS = 10;
/** At most this many units at once (a city's wards fit). */
export const MAX_UNITS = 200;

export interface ComparisonInput {
  /** An indicator's code or id; absent: the first of the catalogue. */
  indicator?: string;
  /** Units to compare; null: the default (see the file's comment). */
  unitIds: number[] | null;
  from?: number;
  to?: number;
  kind: ColumnKind;
}

export interface Comparison {
  indicator: Indicator;
  indicators: Indicator[];
  from: number;
  to: number;
  kind: ColumnKind;
  /** Column kinds holding figures for these units and years (years always). */
  kinds: ColumnKind[];
  table: CompareTable;
  /** The unit whose children are compared (the default choice); null for a hand-picked set. */
  parent: UnitName | null;
  /** The units the caller may compare, for the picker. */
  choices: UnitName[];
}

const mayRead = (ctx: ActorContext, unitId: number) => {
  const unitPath = ctx.hierarchy.pathForToday(unitId, ctx.today);
  return (
    can(ctx.actor, "result.read", { unitPath }, ctx.today) ||
    can(ctx.actor, "result.enter", { unitPath }, ctx.today)
  );
};

/** The units under the caller's grants (every unit for a system administrator). */
function readableUnitIds(ctx: ActorContext): number[] | null {
  const roots = new Set<number>();
  for (const action of ["result.read", "result.enter"] as const) {
    const granted = grantedRoots(ctx.actor, action, ctx.today);
    if (granted === "all") return null;
    for (const id of granted) roots.add(id);
  }
  return ctx.hierarchy.unitIdsUnder([...roots], ctx.today);
}

function findIndicator(indicators: Indicator[], wanted: string | undefined): Indicator {
  if (!wanted) {
    const first = indicators.find((i) => i.valueType !== "boolean") ?? indicators[0];
    if (!first) throw new NotFoundError("Danh mục chưa có chỉ tiêu nào.");
    return first;
  }
  const found = indicators.find((i) => i.code === wanted || String(i.id) === wanted);
  if (!found) throw new ValidationError({ indicator: `Không có chỉ tiêu "${wanted}" trong danh mục.` });
  return found;
}

/** The default: the children of the caller's first granted unit at `date`, or that unit alone. */
function defaultUnits(
  ctx: ActorContext,
  readable: number[] | null,
  date: string,
): {
  parentId: number | null;
  unitIds: number[];
} {
  let root: number | undefined;
  if (readable === null) root = ctx.hierarchy.childrenAt(null, date)[0];
  else {
    const set = new Set(readable);
    root = readable.find(
      (id) =>
        !ctx.hierarchy
          .pathForToday(id, ctx.today)
          .slice(1)
          .some((p) => set.has(p)),
    );
  }
  if (root === undefined) return { parentId: null, unitIds: [] };
  const children = ctx.hierarchy.childrenAt(root, date);
  return children.length > 0 ? { parentId: root, unitIds: children } : { parentId: null, unitIds: [root] };
}

/** The unit whose children at `date` are exactly `unitIds` (the default set sent back by the form), if any. */
function parentOfAll(ctx: ActorContext, unitIds: readonly number[], date: string): number | null {
  const parent = unitIds.length > 0 ? ctx.hierarchy.parentAt(unitIds[0] as number, date) : null;
  if (parent === null) return null;
  const children = new Set(ctx.hierarchy.childrenAt(parent, date));
  const same = children.size === unitIds.length && unitIds.every((id) => children.has(id));
  return same ? parent : null;
}

function checkYears(from: number, to: number): void {
  if (to < from) throw new ValidationError({ from: "Năm bắt đầu phải không sau năm kết thúc." });
  if (to - from + 1 > MAX_YEARS)
    throw new ValidationError({ from: `So sánh tối đa ${MAX_YEARS} năm một lần.` });
}

export async function compareIndicator(
  db: Kysely<DB>,
  ctx: ActorContext,
  input: ComparisonInput,
): Promise<Comparison> {
  const indicators = await listIndicators(db);
  const indicator = findIndicator(indicators, input.indicator);
  const readable = readableUnitIds(ctx);
  if (readable !== null && readable.length === 0) throw new ForbiddenError();
  const asked = input.unitIds;
  if (asked && asked.length > MAX_UNITS)
    throw new ValidationError({ units: `So sánh tối đa ${MAX_UNITS} đơn vị một lần.` });
  if (asked?.some((id) => !mayRead(ctx, id))) throw new ForbiddenError();
  const to =
    input.to ??
    (await findLatestFigureYear(db, indicator.id, asked ?? readable)) ??
    Number(ctx.today.slice(0, 4)) - 1;
  const from = input.from ?? to - 4;
  checkYears(from, to);
  const date = `${to}-12-31`;
  const unique = asked ? [...new Set(asked)] : [];
  const chosen = asked
    ? { parentId: parentOfAll(ctx, unique, date), unitIds: unique }
    : defaultUnits(ctx, readable, date);
  const [names, choices] = await Promise.all([
    listUnitNames(db, [...chosen.unitIds, ...(chosen.parentId === null ? [] : [chosen.parentId])]),
    listUnitNames(db, readable),
  ]);
  if (asked && names.length < new Set(asked).size) throw new NotFoundError("Không tìm thấy đơn vị.");
  const byId = new Map(names.map((u) => [u.id, u]));
  const weightId =
    indicator.comparableWeightId ?? indicators.find((i) => i.code === POPULATION_INDICATOR_CODE)?.id ?? null;
  const rule = ruleOf(indicator, indicator.comparableRule);
  const figures = await listApprovedFiguresIn(db, {
    indicatorIds: rule === "weighted_mean" && weightId !== null ? [indicator.id, weightId] : [indicator.id],
    unitIds: chosen.unitIds,
    from,
    to,
  });
  const own = figures.filter((f) => f.indicatorId === indicator.id);
  const keys = own.map((f) => f.periodKey);
  const kinds = COLUMN_KINDS.filter((k) => k === "year" || columnsFor(k, from, to, keys).length > 0);
  const units = chosen.unitIds.flatMap((id) => {
    const u = byId.get(id);
    return u ? [{ id, name: unitDisplayName(u) }] : [];
  });
  const table = buildCompareTable({
    units,
    columns: columnsFor(input.kind, from, to, keys),
    figures: own,
    weights: figures.filter((f) => f.indicatorId === weightId && weightId !== indicator.id),
    rule,
  });
  return {
    indicator,
    indicators,
    from,
    to,
    kind: input.kind,
    kinds,
    table,
    parent: chosen.parentId === null ? null : (byId.get(chosen.parentId) ?? null),
    choices,
  };
}
