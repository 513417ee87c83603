import type { ExpressionBuilder, Kysely, Selectable } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { Aggregation } from "../catalogue/indicator.model.js";
import type { TargetLevel } from "../evaluation/evaluation.math.js";
import { bumpEpochs } from "../outcomes/ranking-outcomes.repo.js";
import type { PeriodKind } from "../period.rules.js";
import { keepTermWindows } from "../summaries/result-summaries.repo.js";
import type { TargetsTable } from "../targets.tables.js";
import type { AssignedBy, TargetKind } from "./target.model.js";

/**
 * Queries on targets. A target row is one revision; adjustments add rows, so the history of what was
 * assigned stays readable. Reads for evaluation fetch a unit's own targets together with its parent's
 * targets "for all children" in one query; the service decides which apply.
 */

export interface TargetRow {
  id: number;
  indicatorId: number;
  unitId: number;
  appliesTo: "unit" | "children";
  /** Who assigned it (target.model): the level above, the council, or the unit's own plan. */
  assignedBy: AssignedBy;
  kind: TargetKind;
  /** The figure a reduction is measured from; null for other kinds. */
  baseline: number | null;
  /** sub_targets: how many sub-targets there are (m); null for other kinds. */
  subTotal: number | null;
  periodKind: PeriodKind;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  aggregation: Aggregation | null;
  level: TargetLevel;
  revision: number;
  document: string | null;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
}

const COLUMNS = [
  "id",
  "indicator_id",
  "unit_id",
  "applies_to",
  "assigned_by",
  "target_kind",
  "baseline",
  "sub_total",
  "period_kind",
  "period_key",
  "period_start",
  "period_end",
  "aggregation",
  "level_kind",
  "value",
  "min_value",
  "max_value",
  "revision",
  "document",
  "note",
  "created_by",
  "created_at",
] as const;

type TargetSelect = Pick<Selectable<TargetsTable>, (typeof COLUMNS)[number]>;

function toLevel(r: Pick<TargetSelect, "level_kind" | "value" | "min_value" | "max_value">): TargetLevel {
  if (r.level_kind === "range") return { kind: "range", min: Number(r.min_value), max: Number(r.max_value) };
  if (r.level_kind === "milestone") return { kind: "milestone" };
  return { kind: "value", value: Number(r.value) };
}

function toTarget(r: TargetSelect): TargetRow {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    appliesTo: r.applies_to === "children" ? "children" : "unit",
    assignedBy: r.assigned_by as AssignedBy,
    kind: r.target_kind as TargetKind,
    baseline: r.baseline === null ? null : Number(r.baseline),
    subTotal: r.sub_total,
    periodKind: r.period_kind as PeriodKind,
    periodKey: r.period_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    aggregation: r.aggregation as Aggregation | null,
    level: toLevel(r),
    revision: r.revision,
    document: r.document,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/**
 * Which children a bulk read covers: those of `parentId` at `date`, or only `unitIds` among them (the
 * ranking evaluating again just the children whose kept outcome went stale).
 */
export interface ChildrenScope {
  parentId: number;
  date: string;
  unitIds?: readonly number[];
}

/**
 * Units whose parent at `date` is `parentId` (among `unitIds` when given), as a subquery: without
 * `unitIds` no id list crosses the wire.
 */
export function childrenAt(
  eb: ExpressionBuilder<DB, keyof DB>,
  parentId: number,
  date: string,
  unitIds?: readonly number[],
) {
  const query = eb
    .selectFrom("unit_parents")
    .select("unit_parents.unit_id")
    .where("unit_parents.parent_id", "=", parentId)
    .where("unit_parents.valid_from", "<=", date)
    .where((w) => w.or([w("unit_parents.valid_to", "is", null), w("unit_parents.valid_to", ">=", date)]));
  return unitIds ? query.where("unit_parents.unit_id", "in", unitIds.length > 0 ? unitIds : [-1]) : query;
}

/** The parent of `unitId` at `date` (the latest link valid then), as a subquery; see findParentIdAt. */
export function parentAt(eb: ExpressionBuilder<DB, keyof DB>, unitId: number, date: string) {
  return eb
    .selectFrom("unit_parents")
    .select("unit_parents.parent_id")
    .where("unit_parents.unit_id", "=", unitId)
    .where("unit_parents.valid_from", "<=", date)
    .where((w) => w.or([w("unit_parents.valid_to", "is", null), w("unit_parents.valid_to", ">=", date)]))
    .orderBy("unit_parents.valid_from", "desc")
    .limit(1);
}

type Extras = "assignedBy" | "kind" | "baseline" | "subTotal";
/**
 * What is written for a target revision; the repo numbers the revision and stamps the time. Without
 * an assigner or a kind it is a plain level assigned from above.
 */
export type TargetWrite = Omit<TargetRow, "id" | "revision" | "createdAt" | Extras> &
  Partial<Pick<TargetRow, Extras>>;

/**
 * Inserts the next revision of a target (0 for the first). Run inside the caller's transaction; two
 * writers racing for the same revision hit the unique constraint rather than both succeeding.
 */
export async function insertTargetRevision(
  db: Kysely<DB>,
  input: TargetWrite,
  now: Date,
): Promise<TargetRow> {
  const last = await db
    .selectFrom("targets")
    .select((eb) => eb.fn.max("revision").as("max"))
    .where("indicator_id", "=", input.indicatorId)
    .where("unit_id", "=", input.unitId)
    .where("applies_to", "=", input.appliesTo)
    .where("assigned_by", "=", input.assignedBy ?? "higher")
    .where("period_key", "=", input.periodKey)
    .executeTakeFirst();
  const revision = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const level = input.level;
  const row = await db
    .insertInto("targets")
    .values({
      indicator_id: input.indicatorId,
      unit_id: input.unitId,
      applies_to: input.appliesTo,
      assigned_by: input.assignedBy ?? "higher",
      target_kind: input.kind ?? "level",
      baseline: input.baseline ?? null,
      sub_total: input.subTotal ?? null,
      period_kind: input.periodKind,
      period_key: input.periodKey,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      aggregation: input.aggregation,
      level_kind: level.kind,
      value: level.kind === "value" ? level.value : null,
      min_value: level.kind === "range" ? level.min : null,
      max_value: level.kind === "range" ? level.max : null,
      revision,
      document: input.document,
      note: input.note,
      created_by: input.createdBy,
      created_at: now.toISOString(),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  // A term target may name a window of years the result summaries do not keep yet.
  if (input.periodKind === "term") await keepTermWindows(db);
  // The kept ranking outcomes of the unit (its own target) or of its children (theirs) are stale.
  await bumpEpochs(db, [input.unitId]);
  return toTarget(row);
}

export async function findTargetById(db: Kysely<DB>, id: number): Promise<TargetRow | undefined> {
  const row = await db.selectFrom("targets").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? toTarget(row) : undefined;
}

/**
 * Every revision that may apply to `unitId` for the given period keys: its own targets and its
 * parent's targets for all children (`parentId` null: none inherited; `{ at: date }`: the parent at
 * that date, found by the same query, so a caller need not wait for it).
 */
export async function listTargetsForUnit(
  db: Kysely<DB>,
  input: { unitId: number; parentId: number | null | { at: string }; periodKeys: string[] },
): Promise<TargetRow[]> {
  if (input.periodKeys.length === 0) return [];
  const parent = input.parentId;
  const rows = await db
    .selectFrom("targets")
    .select(COLUMNS)
    .where("period_key", "in", input.periodKeys)
    .where((eb) => {
      const own = eb.and([eb("applies_to", "=", "unit"), eb("unit_id", "=", input.unitId)]);
      if (parent === null) return own;
      const parentId = typeof parent === "number" ? parent : parentAt(eb, input.unitId, parent.at);
      return eb.or([own, eb.and([eb("applies_to", "=", "children"), eb("unit_id", "=", parentId)])]);
    })
    .orderBy("id")
    .execute();
  return rows.map(toTarget);
}

/**
 * Like {@link listTargetsForUnit} for every child of `parentId` at `date` (or those of `unitIds`), in
 * one query: their own targets and the parent's for all children.
 */
export async function listTargetsForChildren(
  db: Kysely<DB>,
  input: ChildrenScope & { periodKeys: string[] },
): Promise<TargetRow[]> {
  if (input.periodKeys.length === 0) return [];
  const rows = await db
    .selectFrom("targets")
    .select(COLUMNS)
    .where("period_key", "in", input.periodKeys)
    .where((eb) =>
      eb.or([
        eb.and([
          eb("applies_to", "=", "unit"),
          eb("unit_id", "in", childrenAt(eb, input.parentId, input.date, input.unitIds)),
        ]),
        eb.and([eb("applies_to", "=", "children"), eb("unit_id", "=", input.parentId)]),
      ]),
    )
    .execute();
  return rows.map(toTarget);
}

/** Targets set on a unit (for itself or for its children), newest period first, for the admin list. */
export async function listTargetsSetOn(
  db: Kysely<DB>,
  unitId: number,
  periodKey?: string,
): Promise<TargetRow[]> {
  let query = db
    .selectFrom("targets")
    .select(COLUMNS)
    .where("unit_id", "=", unitId)
    .orderBy("period_key", "desc")
    .orderBy("indicator_id")
    .orderBy("revision");
  if (periodKey) query = query.where("period_key", "=", periodKey);
  return (await query.execute()).map(toTarget);
}
