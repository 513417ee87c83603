/**
 * A unit's trend across years for one indicator (its evaluation page): the approved figures of the
 * five years up to the period's (or a term's years), read like the comparison, for one unit.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { Indicator } from "../catalogue/indicator.model.js";
import { periodKindOf, termBounds, yearKeyOf } from "../period.rules.js";
import { listApprovedFiguresIn } from "./compare.repo.js";
import { buildCompareTable, type CompareTable, columnsFor } from "./compare.rules.js";

export interface UnitTrend {
  indicator: Indicator;
  /** The indicators the reader may switch to (those of the evaluation shown, never more). */
  choices: Indicator[];
  table: CompareTable;
}

/** The years a period's trend covers: a term's own, else the five up to the period's year. */
export function trendYears(periodKey: string): [number, number] | null {
  const term = termBounds(periodKey);
  if (term) return term;
  const year = periodKindOf(periodKey) === "year" ? periodKey : yearKeyOf(periodKey);
  return year ? [Number(year) - 4, Number(year)] : null;
}

/**
 * The trend of `wanted` (a code; else the first numeric indicator) among `choices` for the unit;
 * null when no indicator or period fits.
 */
export async function unitTrend(
  db: Kysely<DB>,
  input: { unitId: number; unitName: string; periodKey: string; choices: Indicator[]; wanted?: string },
): Promise<UnitTrend | null> {
  const choices = input.choices.filter((i) => i.valueType !== "boolean");
  const indicator = choices.find((i) => i.code === input.wanted) ?? choices[0];
  const years = trendYears(input.periodKey);
  if (!indicator || !years) return null;
  const [from, to] = years;
  const figures = await listApprovedFiguresIn(db, {
    indicatorIds: [indicator.id],
    unitIds: [input.unitId],
    from,
    to,
  });
  const table = buildCompareTable({
    units: [{ id: input.unitId, name: input.unitName }],
    columns: columnsFor("year", from, to, []),
    figures,
    weights: [],
    rule: "none",
  });
  return { indicator, choices, table };
}
