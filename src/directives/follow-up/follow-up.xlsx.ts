import { loadExcelJs } from "../../core/lazy-libraries.js";
import type { FollowUpReport } from "./follow-up.service.js";
import { DIMENSION_LABELS, FOLLOW_UP_COLUMNS } from "./follow-up.views.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function followUpToXlsx(report: FollowUpReport, siteName: string): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = "giaoban";
  const ws = wb.addWorksheet("Theo dõi nhiệm vụ");
  const [y, m, d] = report.today.split("-");
  ws.addRow([siteName]);
  ws.addRow([`Tình hình thực hiện nhiệm vụ – ${DIMENSION_LABELS[report.by].toLowerCase()}`]).font = {
    bold: true,
    size: 14,
  };
  ws.addRow([`Tính đến hết ngày ${d}/${m}/${y}`]);
  ws.addRow([]);
  const header = ws.addRow([
    report.by === "period"
      ? "Kỳ"
      : report.by === "notice"
        ? "Thông báo"
        : report.by === "assigner"
          ? "Người giao"
          : "Đơn vị",
    ...FOLLOW_UP_COLUMNS.map((c) => c.header),
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  // Percentages are written as numbers with a percent format, so the sheet can compute with them.
  const cells = (s: FollowUpReport["total"]) =>
    FOLLOW_UP_COLUMNS.map((c) => {
      if (c.header === "Tỷ lệ hoàn thành")
        return s.completionPercent === null ? null : s.completionPercent / 100;
      if (c.header.startsWith("Tỷ lệ quá hạn"))
        return s.overduePercentOfCompleted === null ? null : s.overduePercentOfCompleted / 100;
      if (c.header.startsWith("Quá hạn lâu nhất")) return s.longestOverdueDays;
      return c.value(s);
    });
  for (const g of report.groups) ws.addRow([g.label, ...cells(g.summary)]);
  ws.addRow(["Tổng cộng", ...cells(report.total)]).font = { bold: true };
  ws.getColumn(1).width = 48;
  FOLLOW_UP_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 2);
    col.width = 14;
    if (c.header.startsWith("Tỷ lệ")) col.numFmt = "0.0%";
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
