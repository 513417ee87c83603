/**
 * The comparison's charts: the units' figures of one period side by side (value bars, the whole's
 * mean as a dashed line), and the whole across the periods (a trend). Pure: no I/O.
 */
import type { ChartSpec } from "../../core/charts/chart.model.js";
import { trendChart } from "../../core/charts/trend-line.rules.js";
import { valueBarsChart } from "../../core/charts/value-bars.rules.js";
import { precisionOf } from "../catalogue/indicator.model.js";
import type { CompareRow } from "./compare.rules.js";
import type { Comparison } from "./compare.service.js";
import { cellText, wholeHeading } from "./compare-text.rules.js";

/** The period the bars show: the sorted column, else the last column holding any figure. */
export function chartColumnIndex(comparison: Comparison, sort: string): number {
  const { columns, rows } = comparison.table;
  const sorted = columns.findIndex((c) => c.key === sort);
  if (sorted >= 0) return sorted;
  for (let i = columns.length - 1; i >= 0; i--) if (rows.some((r) => r.cells[i]?.value !== null)) return i;
  return -1;
}

export function unitsBarChart(comparison: Comparison, rows: CompareRow[], index: number): ChartSpec | null {
  const column = comparison.table.columns[index];
  if (!column) return null;
  const { indicator } = comparison;
  const whole = comparison.table.whole[index];
  const lower = indicator.direction === "lower_is_better" ? " (càng thấp càng tốt)" : "";
  return valueBarsChart({
    title: `${indicator.name}${lower}, ${column.label.toLocaleLowerCase("vi-VN")}: so sánh các đơn vị (${indicator.unitOfMeasure})`,
    unit: indicator.unitOfMeasure,
    bars: rows.map((r) => {
      const cell = r.cells[index] ?? { value: null, estimate: false };
      return { label: r.name, value: cell.value, valueText: cellText(cell, indicator) };
    }),
    reference:
      whole && whole.value !== null && whole.method !== "sum"
        ? { value: whole.value, label: wholeHeading(comparison) }
        : null,
  });
}

/** The whole across the periods; null when no period has one. */
export function wholeTrendChart(comparison: Comparison): ChartSpec | null {
  const { table, indicator } = comparison;
  if (!table.whole.some((w) => w.value !== null)) return null;
  return trendChart({
    title: `${indicator.name}: ${wholeHeading(comparison)} (${indicator.unitOfMeasure})`,
    unit: indicator.unitOfMeasure,
    digits: precisionOf(indicator),
    points: table.columns.map((c, i) => ({
      label: c.label,
      value: table.whole[i]?.value ?? null,
      estimate: table.whole[i]?.estimate ?? false,
      target: null,
    })),
  });
}
