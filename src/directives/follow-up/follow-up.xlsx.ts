/**
 * The follow-up Excel file: the summary sheet (the page's table, organisations under their unit, each
 * row with a link to the list it counts) and a sheet listing every directive the summary counts.
 */
import type ExcelJS from "exceljs";
import { loadExcelJs } from "../../core/lazy-libraries.js";
import { deadlineText } from "../deadline-text.js";
import { TIMELINESS_LABELS } from "../directives.model.js";
import type { DirectiveOut } from "../directives-present.js";
import { workflowStateLabel } from "../workflow.rules.js";
import type { FollowUpGroupView, FollowUpReport } from "./follow-up.service.js";
import { DIMENSION_LABELS, FOLLOW_UP_COLUMNS, listHref } from "./follow-up.views.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const SUMMARY_SHEET = "Theo dõi nhiệm vụ";
export const LIST_SHEET = "Danh sách nhiệm vụ";

function groupHeader(report: FollowUpReport): string {
  return report.by === "period"
    ? "Kỳ"
    : report.by === "notice"
      ? "Thông báo"
      : report.by === "assigner"
        ? "Người giao"
        : "Đơn vị";
}

function titleRows(ws: ExcelJS.Worksheet, report: FollowUpReport, siteName: string, title: string): void {
  const [y, m, d] = report.today.split("-");
  ws.addRow([siteName]);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([`Tính đến hết ngày ${d}/${m}/${y}`]);
  ws.addRow([]);
}

// Percentages are written as numbers with a percent format, so the sheet can compute with them.
function cells(s: FollowUpReport["total"]) {
  return FOLLOW_UP_COLUMNS.map((c) => {
    if (c.header === "Tỷ lệ hoàn thành")
      return s.completionPercent === null ? null : s.completionPercent / 100;
    if (c.header.startsWith("Tỷ lệ quá hạn"))
      return s.overduePercentOfCompleted === null ? null : s.overduePercentOfCompleted / 100;
    if (c.header.startsWith("Quá hạn lâu nhất")) return s.longestOverdueDays;
    return c.value(s);
  });
}

function summarySheet(ws: ExcelJS.Worksheet, report: FollowUpReport, baseUrl: URL): void {
  const header = ws.addRow([groupHeader(report), ...FOLLOW_UP_COLUMNS.map((c) => c.header), "Danh sách"]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  const linkColumn = FOLLOW_UP_COLUMNS.length + 2;
  const add = (g: Pick<FollowUpGroupView, "label" | "summary" | "drill">, level: 0 | 1, bold = false) => {
    const row = ws.addRow([g.label, ...cells(g.summary)]);
    row.getCell(linkColumn).value = { text: "Xem", hyperlink: new URL(listHref(g.drill), baseUrl).href };
    if (level === 1) {
      row.outlineLevel = 1;
      row.getCell(1).alignment = { indent: 2 };
    }
    if (bold) row.font = { bold: true };
  };
  for (const g of report.groups) {
    add(g, 0, g.parts !== undefined);
    for (const part of g.parts ?? []) add(part, 1);
  }
  add({ label: "Tổng cộng", summary: report.total, drill: report.drill }, 0, true);
  ws.getColumn(1).width = 48;
  FOLLOW_UP_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 2);
    col.width = 14;
    if (c.header.startsWith("Tỷ lệ")) col.numFmt = "0.0%";
  });
}

export const LIST_COLUMNS = [
  "STT",
  "Nhiệm vụ",
  "Đơn vị chủ trì",
  "Người giao",
  "Thông báo",
  "Thời hạn",
  "Trạng thái",
  "Tiến độ",
  "Số ngày quá hạn",
  "Tỷ lệ thực hiện",
] as const;

function listSheet(ws: ExcelJS.Worksheet, directives: readonly DirectiveOut[], baseUrl: URL): void {
  const header = ws.addRow([...LIST_COLUMNS]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  directives.forEach((d, i) => {
    const row = ws.addRow([
      i + 1,
      d.title,
      d.lead.name,
      d.assignerName,
      d.noticeNumber,
      deadlineText(d.deadline),
      workflowStateLabel(d.state),
      TIMELINESS_LABELS[d.timeliness],
      d.daysOverdue > 0 ? d.daysOverdue : null,
      d.progressPercent / 100,
    ]);
    row.getCell(2).value = { text: d.title, hyperlink: new URL(`/quan-tri/nhiem-vu/${d.id}`, baseUrl).href };
    row.alignment = { wrapText: true, vertical: "top" };
  });
  const widths = [6, 60, 30, 22, 16, 18, 18, 16, 10, 10];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(10).numFmt = "0%";
}

/**
 * The workbook: the report's summary and, on a second sheet, `directives`: every directive the
 * summary's total counts (the same filter, see follow-up-links.rules.ts).
 */
export async function followUpToXlsx(
  report: FollowUpReport,
  directives: readonly DirectiveOut[],
  options: { siteName: string; baseUrl: URL },
): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = "giaoban";
  const summary = wb.addWorksheet(SUMMARY_SHEET);
  titleRows(
    summary,
    report,
    options.siteName,
    `Tình hình thực hiện nhiệm vụ – ${DIMENSION_LABELS[report.by].toLowerCase()}`,
  );
  summarySheet(summary, report, options.baseUrl);
  const list = wb.addWorksheet(LIST_SHEET);
  titleRows(list, report, options.siteName, `Danh sách ${directives.length} nhiệm vụ được tổng hợp`);
  listSheet(list, directives, options.baseUrl);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
