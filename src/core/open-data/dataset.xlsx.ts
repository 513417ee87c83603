import { loadExcelJs } from "../lazy-libraries.js";
import type { DatasetTable } from "./catalogue.extension.js";

/**
 * A dataset as one Excel sheet: the Vietnamese headings in the first row (bold, frozen), the column
 * keys as the sheet's column keys, numbers as numbers, then a row naming the licence below the data.
 */
export async function datasetXlsx(
  title: string,
  table: Pick<DatasetTable, "columns" | "rows">,
  licence: string,
): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "giaoban";
  workbook.title = title;
  // Sheet names are at most 31 characters and may not hold []:*?/\
  const ws = workbook.addWorksheet(title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
  ws.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.max(12, c.label.length + 4),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of table.rows)
    ws.addRow(Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null])));
  ws.addRow([]);
  ws.addRow([licence]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
