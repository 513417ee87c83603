import { loadExcelJs } from "../../core/lazy-libraries.js";
import { precisionOf } from "../catalogue/indicator.model.js";
import type { CompareRow } from "./compare.rules.js";
import type { Comparison } from "./compare.service.js";
import { wholeHeading, wholeNote } from "./compare-text.rules.js";

/** The first data row: title, indicator, note, a blank line and the header come before it. */
export const COMPARE_FIRST_ROW = 6;

/**
 * A comparison as a workbook: the table as the page shows it (units in the page's order, figures as
 * numbers with the indicator's decimals, estimates in italics with a note), the whole in bold below.
 */
export async function buildComparisonWorkbook(
  comparison: Comparison,
  rows: readonly CompareRow[],
): Promise<Buffer> {
  const { indicator, table } = comparison;
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = "giaoban";
  const ws = workbook.addWorksheet("So sanh");
  ws.getCell("A1").value = `SO SÁNH CHỈ TIÊU: ${indicator.name.toLocaleUpperCase("vi-VN")}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value =
    `Mã ${indicator.code}; đơn vị tính: ${indicator.unitOfMeasure}; số liệu đã phê duyệt.`;
  ws.getCell("A3").value = wholeNote(comparison);
  const header = ws.getRow(COMPARE_FIRST_ROW - 1);
  header.values = ["Đơn vị", ...table.columns.map((c) => c.label)];
  header.font = { bold: true };
  ws.columns = [{ width: 34 }, ...table.columns.map(() => ({ width: 14 }))];
  const digits = precisionOf(indicator);
  const numFmt = digits > 0 ? `#,##0.${"#".repeat(digits)}` : "#,##0";
  const put = (r: number, cells: readonly { value: number | null; estimate: boolean }[]) =>
    cells.forEach((cell, i) => {
      const target = ws.getRow(r).getCell(i + 2);
      target.value = cell.value;
      target.numFmt = numFmt;
      if (cell.estimate) {
        target.font = { italic: true };
        target.note = "Số ước thực hiện";
      }
    });
  rows.forEach((row, i) => {
    ws.getRow(COMPARE_FIRST_ROW + i).getCell(1).value = row.name;
    put(COMPARE_FIRST_ROW + i, row.cells);
  });
  const last = ws.getRow(COMPARE_FIRST_ROW + rows.length);
  last.getCell(1).value = wholeHeading(comparison);
  put(COMPARE_FIRST_ROW + rows.length, table.whole);
  last.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
