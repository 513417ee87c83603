import { loadExcelJs } from "../../core/lazy-libraries.js";
import { VERSION_LABELS } from "../catalogue/indicator.model.js";
import type { EntrySheet } from "../entry/entry.service.js";
import { formatLevel } from "../targets-format.rules.js";
import { unitTitle } from "../unit-wording.rules.js";

export const DATA_SHEET = "So lieu";
export const META_SHEET = "_giaoban";
/** The header row; data rows start on the next one, so the first error reads "Dòng 5, cột D". */
export const HEADER_ROW = 4;
export const COLUMNS = {
  code: "A",
  name: "B",
  unit: "C",
  value: "D",
  version: "E",
  source: "F",
  note: "G",
  target: "H",
} as const;
export const HEADERS = [
  "Mã chỉ tiêu",
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Giá trị",
  "Loại số liệu",
  "Nguồn số liệu",
  "Ghi chú",
  "Kế hoạch (để tham khảo)",
];
export const MILESTONE_WORDS = { yes: "Đã hoàn thành", no: "Chưa hoàn thành" };

/** Builds the template, pre-filled with the figures already entered for the sheet's version. */
export async function buildEntryTemplate(sheet: EntrySheet): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = "giaoban";
  const ws = workbook.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  ws.getCell("A1").value = "BIỂU NHẬP SỐ LIỆU KẾT QUẢ THỰC HIỆN CHỈ TIÊU";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Đơn vị: ${unitTitle(sheet.unit)}`;
  ws.getCell("A3").value =
    `Kỳ: ${sheet.periodKey}. Chỉ sửa các cột Giá trị, Loại số liệu, Nguồn số liệu, Ghi chú.`;
  const header = ws.getRow(HEADER_ROW);
  header.values = HEADERS;
  header.font = { bold: true };
  ws.columns = [
    { width: 16 },
    { width: 60 },
    { width: 12 },
    { width: 16 },
    { width: 16 },
    { width: 30 },
    { width: 30 },
    { width: 22 },
  ];

  sheet.lines.forEach((line, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const stored = line.result;
    const boolean = line.indicator.valueType === "boolean";
    row.getCell(COLUMNS.code).value = line.indicator.code;
    row.getCell(COLUMNS.name).value = line.indicator.name;
    row.getCell(COLUMNS.unit).value = line.indicator.unitOfMeasure;
    const value = row.getCell(COLUMNS.value);
    if (stored)
      value.value = boolean ? (stored.value ? MILESTONE_WORDS.yes : MILESTONE_WORDS.no) : stored.value;
    value.numFmt = "#,##0.###";
    value.dataValidation = boolean
      ? { type: "list", allowBlank: true, formulae: [`"${MILESTONE_WORDS.yes},${MILESTONE_WORDS.no}"`] }
      : {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          formulae: [-1e12, 1e12],
          showErrorMessage: true,
          error: "Nhập một số.",
        };
    const version = row.getCell(COLUMNS.version);
    version.value = VERSION_LABELS[sheet.version];
    version.dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${VERSION_LABELS.final},${VERSION_LABELS.estimate}"`],
    };
    row.getCell(COLUMNS.source).value = stored?.source ?? null;
    row.getCell(COLUMNS.note).value = stored?.note ?? null;
    row.getCell(COLUMNS.target).value = formatLevel(line.target, line.indicator.unitOfMeasure);
  });

  const meta = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  meta.getCell("A1").value = "unitId";
  meta.getCell("B1").value = sheet.unit.id;
  meta.getCell("A2").value = "periodKey";
  meta.getCell("B2").value = sheet.periodKey;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
