/**
 * A comparison as CSV for programs: one line per unit and period (long format), the whole's lines
 * after the units' with an empty unit id. Pure.
 */
import { csvFile } from "../../core/format/csv-field.js";
import type { CompareRow } from "./compare.rules.js";
import type { Comparison } from "./compare.service.js";
import { wholeHeading } from "./compare-text.rules.js";

export const COMPARE_CSV_HEADERS = [
  "ma_chi_tieu",
  "chi_tieu",
  "don_vi_tinh",
  "don_vi_id",
  "don_vi",
  "ky",
  "gia_tri",
  "loai_so_lieu",
] as const;

const KIND = (estimate: boolean) => (estimate ? "uoc_thuc_hien" : "chinh_thuc");

export function comparisonCsv(comparison: Comparison, rows: readonly CompareRow[]): string {
  const { indicator, table } = comparison;
  const head = [indicator.code, indicator.name, indicator.unitOfMeasure];
  const lines: (string | number | null)[][] = [[...COMPARE_CSV_HEADERS]];
  for (const row of rows)
    table.columns.forEach((c, i) => {
      const cell = row.cells[i];
      if (cell && cell.value !== null)
        lines.push([...head, row.unitId, row.name, c.key, cell.value, KIND(cell.estimate)]);
    });
  const heading = wholeHeading(comparison);
  table.columns.forEach((c, i) => {
    const whole = table.whole[i];
    if (whole && whole.value !== null)
      lines.push([...head, null, heading, c.key, whole.value, `${whole.method}_${KIND(whole.estimate)}`]);
  });
  return csvFile(lines);
}
