import { loadExcelJs } from "../../core/lazy-libraries.js";
import { ASSIGNER_LABELS } from "../assignment/target.model.js";
import { AGGREGATION_LABELS, VERSION_LABELS } from "../catalogue/indicator.model.js";
import type { UnitEvaluation } from "../evaluation/evaluation.service.js";
import { formatLevel, formatPct, STATUS_LABELS, sentenceCase } from "../targets-format.rules.js";
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
  "Đạt (% kế hoạch năm)",
  "Tiến độ dự kiến (%)",
  "Cùng kỳ năm trước",
  "Tăng (+) / giảm (−) so với cùng kỳ",
  "Tăng / giảm so với cùng kỳ (%)",
  "Các chỉ tiêu giao (cấp giao: mức, % đạt)",
];

/** "Cấp trên giao: 40 (53,25%); HĐND giao: 42 (50,71%)": every target with its own %. */
function targetsText(e: UnitEvaluation["indicators"][number], unit: string): string {
  return e.targets
    .map((t) => {
      const pct = t.progress ? t.progress.yearTargetPct : t.evaluation.achievementPct;
      const level = formatLevel(t.evaluation.target, unit);
      return `${ASSIGNER_LABELS[t.assignedBy]}: ${level}${pct === null ? "" : ` (${formatPct(pct)})`}`;
    })
    .join("; ");
}

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
      e.progress?.yearTargetPct == null ? null : e.progress.yearTargetPct / 100,
      e.progress?.expectedPct == null ? null : e.progress.expectedPct / 100,
      e.samePeriod?.previous ?? null,
      e.samePeriod?.change ?? null,
      e.samePeriod?.changePct == null ? null : e.samePeriod.changePct / 100,
      targetsText(e, unit),
    ];
    row.getCell(5).numFmt = "#,##0.###";
    row.getCell(7).numFmt = "#,##0.###";
    row.getCell(9).numFmt = "0.00%";
    row.getCell(10).numFmt = "0.00%";
    row.getCell(11).numFmt = "#,##0.##";
    row.getCell(16).numFmt = "0.00%";
    row.getCell(17).numFmt = "0.00%";
    row.getCell(18).numFmt = "#,##0.###";
    row.getCell(19).numFmt = "+#,##0.###;-#,##0.###;0";
    row.getCell(20).numFmt = "0.00%";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
