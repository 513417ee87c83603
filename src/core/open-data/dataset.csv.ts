import type { DatasetTable, DatasetValue } from "./catalogue.extension.js";

/**
 * A dataset as CSV, for machines and spreadsheets alike: UTF-8 with a byte-order mark (Excel reads
 * Vietnamese correctly only with it), comma-separated, a header of the column keys, numbers with a
 * dot and no grouping. Pure.
 */

/** Quotes a field when it holds a comma, quote or line break; neutralises spreadsheet formulas. */
export function csvField(value: DatasetValue): string {
  if (value === null) return "";
  // Twelve significant digits drop binary noise (44.4 / 40 × 100 is 110.99999999999999).
  let text = typeof value === "number" ? String(Number(value.toPrecision(12))) : value;
  // A cell starting with = + - @ would run as a formula in Excel (CSV injection).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function datasetCsv(table: Pick<DatasetTable, "columns" | "rows">): string {
  const lines = [table.columns.map((c) => c.key).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(row[c.key] ?? null)).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
