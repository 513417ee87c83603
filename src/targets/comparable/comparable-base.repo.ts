import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { findUnitsByCodesOrIds, type UnitSpanRow } from "../evaluation/evaluation.repo.js";
import type { ComparableRule, SuccessionLink } from "./comparable-base.math.js";

/** The reads of the comparable base: succession links, units with their validity, the indicators' rebuild settings. */

/** The statistics code of the population indicator that weights rates when an indicator names no weight. */
export const POPULATION_INDICATOR_CODE = "DAN_SO";

/** Units by id with their validity (none for an empty list). */
export function listUnitSpans(db: Kysely<DB>, ids: readonly number[]): Promise<UnitSpanRow[]> {
  return findUnitsByCodesOrIds(db, [], [...ids]);
}

export async function findUnitSpan(db: Kysely<DB>, id: number): Promise<UnitSpanRow | undefined> {
  return (await listUnitSpans(db, [id]))[0];
}

/** Every succession link that took effect after `date` (the changes a past period's figures must cross). */
export async function listSuccessionsAfter(db: Kysely<DB>, date: string): Promise<SuccessionLink[]> {
  const rows = await db
    .selectFrom("unit_successions")
    .select(["from_unit_id", "to_unit_id", "effective_date", "kind", "population_share", "legal_basis"])
    .where("effective_date", ">", date)
    .orderBy("effective_date")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    fromUnitId: r.from_unit_id,
    toUnitId: r.to_unit_id,
    effectiveDate: r.effective_date,
    kind: r.kind === "whole" ? "whole" : "part",
    populationShare: r.population_share === null ? null : Number(r.population_share),
    legalBasis: r.legal_basis,
  }));
}

export interface ComparableSettings {
  /** indicator id → its rule (null: from the value type) and weight indicator (null: population). */
  byIndicator: Map<number, { rule: ComparableRule | null; weightId: number | null }>;
  /** The indicator coded {@link POPULATION_INDICATOR_CODE}, if the catalogue has one. */
  populationId: number | null;
}

export async function readComparableSettings(db: Kysely<DB>): Promise<ComparableSettings> {
  const rows = await db
    .selectFrom("indicators")
    .select(["id", "code", "comparable_rule", "comparable_weight_id"])
    .execute();
  const byIndicator = new Map<number, { rule: ComparableRule | null; weightId: number | null }>();
  let populationId: number | null = null;
  for (const r of rows) {
    byIndicator.set(r.id, {
      rule: r.comparable_rule as ComparableRule | null,
      weightId: r.comparable_weight_id,
    });
    if (r.code === POPULATION_INDICATOR_CODE) populationId = r.id;
  }
  return { byIndicator, populationId };
}
