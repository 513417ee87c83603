import { csvFile } from "../format/csv-field.js";
import type { DatasetTable } from "./catalogue.extension.js";

/**
 * A dataset as CSV, for machines and spreadsheets alike: UTF-8 with a byte-order mark (Excel reads
 * Vietnamese correctly only with it), comma-separated, a header of the column keys, numbers with a
 * dot and no grouping. Pure.
 */
export function datasetCsv(table: Pick<DatasetTable, "columns" | "rows">): string {
  // One quoting rule for every CSV the app writes (core/format/csv-field.ts).
  return csvFile([
    table.columns.map((c) => c.key),
    ...table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null)),
  ]);
}
