import type { Kysely, Selectable } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { ComparableRule } from "../comparable/comparable-base.math.js";
import type { ComparisonMode, Direction, ValueType } from "../evaluation/evaluation.math.js";
import { bumpCatalogue } from "../outcomes/ranking-outcomes.repo.js";
import type { IndicatorsTable } from "../targets.tables.js";
import type { Aggregation, FigureKind, Indicator } from "./indicator.model.js";

/**
 * Queries on the indicator catalogue and the dated wording of each indicator. The catalogue is shared
 * by every unit, so reads take no unit scope; writes are authorised by indicators.service.
 */

function toIndicator(r: Selectable<IndicatorsTable>): Indicator {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    field: r.field,
    unitOfMeasure: r.unit_of_measure,
    valueType: r.value_type as ValueType,
    direction: r.direction as Direction,
    comparisonMode: r.comparison_mode as ComparisonMode,
    termAggregation: r.term_aggregation as Aggregation,
    responsibleOrganisationId: r.responsible_organisation_id,
    definition: r.definition,
    isPublic: r.is_public === 1,
    sortOrder: r.sort_order,
    comparableRule: r.comparable_rule as ComparableRule | null,
    comparableWeightId: r.comparable_weight_id,
    precision: r.precision,
    percentDigits: r.percent_digits,
    figureKind: (r.figure_kind as FigureKind | null) ?? null,
    minValue: r.min_value === null ? null : Number(r.min_value),
    maxValue: r.max_value === null ? null : Number(r.max_value),
    warnFactor: r.warn_factor === null ? null : Number(r.warn_factor),
  };
}

/** The catalogue in display order (sort order, then code); only open-data indicators when `publicOnly`. */
export async function listIndicators(
  db: Kysely<DB>,
  options: { publicOnly?: boolean } = {},
): Promise<Indicator[]> {
  let query = db.selectFrom("indicators").selectAll().orderBy("sort_order").orderBy("code");
  if (options.publicOnly) query = query.where("is_public", "=", 1);
  return (await query.execute()).map(toIndicator);
}

export async function findIndicatorById(db: Kysely<DB>, id: number): Promise<Indicator | undefined> {
  const row = await db.selectFrom("indicators").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toIndicator(row) : undefined;
}

/** What is written for an indicator: everything but its id. */
export type IndicatorWrite = Omit<Indicator, "id">;

function toColumns(input: IndicatorWrite) {
  return {
    code: input.code,
    name: input.name,
    field: input.field,
    unit_of_measure: input.unitOfMeasure,
    value_type: input.valueType,
    direction: input.direction,
    comparison_mode: input.comparisonMode,
    term_aggregation: input.termAggregation,
    responsible_organisation_id: input.responsibleOrganisationId,
    definition: input.definition,
    is_public: input.isPublic ? 1 : 0,
    sort_order: input.sortOrder,
    comparable_rule: input.comparableRule ?? null,
    comparable_weight_id: input.comparableWeightId ?? null,
    precision: input.precision,
    percent_digits: input.percentDigits,
    figure_kind: input.figureKind ?? null,
    min_value: input.minValue ?? null,
    max_value: input.maxValue ?? null,
    warn_factor: input.warnFactor ?? null,
  };
}

export async function insertIndicator(db: Kysely<DB>, input: IndicatorWrite, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto("indicators")
    .values({ ...toColumns(input), created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await bumpCatalogue(db);
  return row.id;
}

export async function updateIndicator(
  db: Kysely<DB>,
  id: number,
  input: IndicatorWrite,
  now: Date,
): Promise<void> {
  await db
    .updateTable("indicators")
    .set({ ...toColumns(input), updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
  // Direction, mode, aggregation or openness may have changed: every kept ranking outcome is stale.
  await bumpCatalogue(db);
}

/** True when targets or results refer to the indicator: its meaning can then no longer change. */
export async function isIndicatorInUse(db: Kysely<DB>, id: number): Promise<boolean> {
  const [target, result] = await Promise.all([
    db.selectFrom("targets").select("id").where("indicator_id", "=", id).limit(1).executeTakeFirst(),
    db.selectFrom("results").select("id").where("indicator_id", "=", id).limit(1).executeTakeFirst(),
  ]);
  return target !== undefined || result !== undefined;
}

export interface DefinitionRow {
  id: number;
  indicatorId: number;
  validFrom: string;
  validTo: string | null;
  name: string;
  definition: string | null;
}

/** Every dated wording of the given indicators (all when null), oldest first. */
export async function listDefinitions(
  db: Kysely<DB>,
  indicatorIds: number[] | null,
): Promise<DefinitionRow[]> {
  if (indicatorIds !== null && indicatorIds.length === 0) return [];
  let query = db
    .selectFrom("indicator_definitions")
    .selectAll()
    .orderBy("indicator_id")
    .orderBy("valid_from");
  if (indicatorIds !== null) query = query.where("indicator_id", "in", indicatorIds);
  return (await query.execute()).map((r) => ({
    id: r.id,
    indicatorId: r.indicator_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    name: r.name,
    definition: r.definition,
  }));
}

/**
 * Starts a new wording from `validFrom`: the wording in force then is closed the day before (and any
 * wording that started later is cut back), so history before `validFrom` keeps its old words.
 */
export async function startDefinition(
  db: Kysely<DB>,
  input: { indicatorId: number; validFrom: string; name: string; definition: string | null },
): Promise<void> {
  const dayBefore = new Date(`${input.validFrom}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const closeOn = dayBefore.toISOString().slice(0, 10);
  await db
    .deleteFrom("indicator_definitions")
    .where("indicator_id", "=", input.indicatorId)
    .where("valid_from", ">=", input.validFrom)
    .execute();
  await db
    .updateTable("indicator_definitions")
    .set({ valid_to: closeOn })
    .where("indicator_id", "=", input.indicatorId)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", input.validFrom)]))
    .execute();
  await db
    .insertInto("indicator_definitions")
    .values({
      indicator_id: input.indicatorId,
      valid_from: input.validFrom,
      valid_to: null,
      name: input.name,
      definition: input.definition,
    })
    .execute();
}

/** Organisations valid at `date` with their unit's name: the choices for "responsible department". */
export async function listOrganisationChoices(
  db: Kysely<DB>,
  date: string,
): Promise<{ id: number; name: string; unitName: string }[]> {
  return db
    .selectFrom("organisations as o")
    .innerJoin("units as u", "u.id", "o.unit_id")
    .select(["o.id", "o.name", "u.name as unitName"])
    .where("o.valid_from", "<=", date)
    .where((eb) => eb.or([eb("o.valid_to", "is", null), eb("o.valid_to", ">=", date)]))
    .orderBy("u.name")
    .orderBy("o.sort_order")
    .orderBy("o.id")
    .execute();
}
