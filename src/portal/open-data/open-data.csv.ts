import { csvFile } from "../../core/format/csv-field.js";
import type { IndicatorEvaluation } from "../../targets/evaluation/evaluation-assembly.rules.js";
import { STATUS_LABELS } from "../../targets/targets-format.rules.js";

/**
 * Open data as CSV for machines and spreadsheets alike: UTF-8 with a byte-order mark (Excel reads
 * Vietnamese correctly only with it), comma-separated, numbers with a dot and no grouping, one row
 * per indicator. Pure.
 */

export const CSV_HEADERS = [
  "ma_chi_tieu",
  "chi_tieu",
  "linh_vuc",
  "don_vi_tinh",
  "ky",
  "ke_hoach",
  "ke_hoach_tu",
  "ke_hoach_den",
  "thuc_hien",
  "loai_so_lieu",
  "dat_phan_tram_ke_hoach",
  "danh_gia",
] as const;

export function openDataCsv(periodKey: string, rows: IndicatorEvaluation[]): string {
  const lines: (string | number | null)[][] = [[...CSV_HEADERS]];
  for (const e of rows) {
    const target = e.evaluation.target;
    const actual = e.evaluation.actual;
    const values: (string | number | null)[] = [
      e.indicator.code,
      e.indicator.name,
      e.indicator.field,
      e.semantics.unit ?? e.indicator.unitOfMeasure,
      periodKey,
      target?.kind === "value" ? target.value : null,
      target?.kind === "range" ? target.min : null,
      target?.kind === "range" ? target.max : null,
      typeof actual === "boolean" ? (actual ? 1 : 0) : actual,
      e.evaluation.basis === "estimate" ? "uoc_thuc_hien" : "chinh_thuc",
      e.evaluation.achievementPct,
      STATUS_LABELS[e.evaluation.status],
    ];
    lines.push(values);
  }
  // One quoting rule and file shape for every CSV the app writes.
  return csvFile(lines);
}
