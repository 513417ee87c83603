import { loadExcelJs } from "../../core/lazy-libraries.js";
import { AGGREGATION_LABELS, VERSION_LABELS } from "../catalogue/indicator.model.js";
import type { UnitEvaluation } from "../evaluation/evaluation.service.js";
import { formatLevel, STATUS_LABELS, sentenceCase } from "../targets-format.rules.js";
import { unitTitle } from "../unit-wording.rules.js";

const HEADERS = [
  "Mã chỉ tiêu",
  "Chỉ tiêu",
  "Đơn vị tính",
  "Cách tính",
  "Kế hoạch",
  "Mức kế hoạch",
  "Thực hiện",
  "Loại số liệu",
  "Đạt (% kế hoạch)",
  "Vượt (%)",
  "Vượt (điểm)",
  "Đánh giá",
  "Diễn đạt chính xác",
  "Cách viết thông dụng",
  "Ghi chú",
];

export async function buildEvaluationWorkbook(evaluation: UnitEvaluation): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = "giaoban";
  const ws = workbook.addWorksheet("Danh gia");
  ws.getCell("A1").value = `KẾT QUẢ THỰC HIỆN CHỈ TIÊU ${evaluation.period.label.toLocaleUpperCase("vi-VN")}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = unitTitle(evaluation.unit);
  ws.getCell("A3").value = `${sentenceCase(evaluation.summary.sentence)}.`;
  ws.getCell("A4").value = evaluation.narrative ?? "";
  ws.getCell("A4").alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells("A4:O4");
  ws.getRow(4).height = 90;
  const header = ws.getRow(6);
  header.values = HEADERS;
  header.font = { bold: true };
  ws.columns = HEADERS.map((h, i) => ({ width: i === 1 || i >= 12 ? 40 : Math.max(12, h.length + 2) }));
  evaluation.indicators.forEach((e, i) => {
    const row = ws.getRow(7 + i);
    const unit = e.semantics.unit ?? e.indicator.unitOfMeasure;
    const target = e.evaluation.target;
    const actual = e.evaluation.actual;
    row.values = [
      e.indicator.code,
      e.indicator.name,
      unit,
      e.term ? AGGREGATION_LABELS[e.term.aggregation] : "",
      target?.kind === "value" ? target.value : null,
      formatLevel(target, unit),
      typeof actual === "boolean" ? (actual ? "Đã hoàn thành" : "Chưa hoàn thành") : actual,
      e.evaluation.basis === "none" ? "" : VERSION_LABELS[e.evaluation.basis],
      e.evaluation.achievementPct === null ? null : e.evaluation.achievementPct / 100,
      e.evaluation.exceedPct === null ? null : e.evaluation.exceedPct / 100,
      e.evaluation.exceedPoints,
      STATUS_LABELS[e.evaluation.status],
      e.evaluation.wording.precise,
      e.evaluation.wording.customary,
      [e.problem, ...e.notes].filter(Boolean).join("; "),
    ];
    row.getCell(5).numFmt = "#,##0.###";
    row.getCell(7).numFmt = "#,##0.###";
    row.getCell(9).numFmt = "0.00%";
    row.getCell(10).numFmt = "0.00%";
    row.getCell(11).numFmt = "#,##0.##";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
