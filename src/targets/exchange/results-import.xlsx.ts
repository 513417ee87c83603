/**
 * Reads a filled-in XLSX template (xlsx.template.ts) back. Every row is checked and each problem is
 * reported with its row and column ("Dòng 5, cột D: …"), the first 100 listed and all counted
 * (import-problems.rules.ts); the caller saves nothing unless there is none.
 */
import type ExcelJS from "exceljs";
import { parseViNumber } from "../../core/format/vi-number.js";
import { AppError } from "../../core/http/errors.js";
import { loadExcelJs } from "../../core/lazy-libraries.js";
import { foldVietnamese } from "../../core/text/fold.js";
import type { Indicator, ResultVersion } from "../catalogue/indicator.model.js";
import {
  COLUMNS,
  DATA_SHEET,
  HEADER_ROW,
  HEADERS,
  META_SHEET,
  MILESTONE_WORDS,
} from "./entry-template.xlsx.js";
import { ImportProblems } from "./import-problems.rules.js";

export interface ImportedRow {
  /** The spreadsheet row number, for messages. */
  row: number;
  indicator: Indicator;
  version: ResultVersion;
  value: number | boolean;
  source: string | null;
  note: string | null;
}

/**
 * A rejected file: 422 with its first problems, one line each (the same as field errors), and the
 * count of all of them (`total`; `lines` holds at most 100).
 */
export class ImportRejected extends AppError {
  readonly lines: string[];
  readonly total: number;
  constructor(problems: string[] | ImportProblems) {
    const lines = Array.isArray(problems) ? problems : problems.listed.map((p) => p.message);
    const total = Array.isArray(problems) ? problems.length : problems.total;
    super(
      422,
      "import_rejected",
      `Tệp chưa được nhận: ${total} lỗi${total > lines.length ? ` (liệt kê ${lines.length} lỗi đầu)` : ""}. Không có số liệu nào được lưu.`,
      Object.fromEntries(lines.map((line, i) => [`line${i + 1}`, line])),
    );
    this.lines = lines;
    this.total = total;
  }
}

export const at = (row: number, column: string, message: string) => `Dòng ${row}, cột ${column}: ${message}`;

/** A cell's plain value: formulas give their result, rich text its text. */
function plain(cell: ExcelJS.Cell): string | number | boolean | Date | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    if ("result" in value) return (value.result as string | number | boolean | Date | undefined) ?? null;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    return null;
  }
  return value;
}

const text = (cell: ExcelJS.Cell) => {
  const v = plain(cell);
  return v === null ? "" : String(v).trim();
};
const folded = (s: string) => foldVietnamese(s).toLowerCase().replace(/\s+/g, " ").trim();

function readVersion(raw: string): ResultVersion | null {
  const f = folded(raw);
  if (f === "" || f === "chinh thuc" || f === "final") return "final";
  if (f === "uoc thuc hien" || f === "uoc" || f === "estimate") return "estimate";
  return null;
}

function readValue(
  cell: ExcelJS.Cell,
  indicator: Indicator,
): { value: number | boolean | null } | { error: string } {
  const v = plain(cell);
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: null };
  if (indicator.valueType === "boolean") {
    const f = folded(String(v));
    if (f === folded(MILESTONE_WORDS.yes) || f === "co" || f === "dat") return { value: true };
    if (f === folded(MILESTONE_WORDS.no) || f === "khong" || f === "chua dat") return { value: false };
    return { error: `Chọn “${MILESTONE_WORDS.yes}” hoặc “${MILESTONE_WORDS.no}”.` };
  }
  if (typeof v === "number") return Number.isFinite(v) ? { value: v } : { error: "Không phải là số hợp lệ." };
  if (typeof v !== "string") return { error: "Không phải là số hợp lệ (ví dụ: 1.234,5)." };
  const parsed = parseViNumber(v);
  if (!parsed.ok) return { error: parsed.message };
  const typed = parsed.unit === "percent" ? "%" : parsed.unit === "permille" ? "‰" : null;
  if (typed && typed !== indicator.unitOfMeasure) {
    return { error: `Chỉ tiêu này tính bằng ${indicator.unitOfMeasure}, không phải ${typed}.` };
  }
  return { value: parsed.value };
}

/**
 * Parses the workbook for `expected` unit and period. Rows with an empty value are skipped (nothing
 * entered). Throws ImportRejected listing every problem found.
 */
export async function readEntryWorkbook(
  buffer: Buffer,
  expected: { unitId: number; periodKey: string },
  indicators: Indicator[],
): Promise<ImportedRow[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportRejected(["Tệp không phải là tệp Excel (.xlsx) đọc được."]);
  }
  const sheet = workbook.getWorksheet(DATA_SHEET);
  const meta = workbook.getWorksheet(META_SHEET);
  if (!sheet || !meta)
    throw new ImportRejected([
      `Tệp không theo mẫu: thiếu trang “${DATA_SHEET}”. Hãy tải tệp mẫu của kỳ này.`,
    ]);
  if (
    Number(plain(meta.getCell("B1"))) !== expected.unitId ||
    text(meta.getCell("B2")) !== expected.periodKey
  ) {
    throw new ImportRejected([
      "Tệp mẫu này dành cho đơn vị hoặc kỳ khác. Hãy tải tệp mẫu của đúng đơn vị và kỳ.",
    ]);
  }
  const header = HEADERS.map((_, i) => text(sheet.getRow(HEADER_ROW).getCell(i + 1)));
  if (header.slice(0, 7).join("|") !== HEADERS.slice(0, 7).join("|")) {
    throw new ImportRejected([`Dòng ${HEADER_ROW}: tiêu đề các cột đã bị thay đổi; hãy dùng tệp mẫu.`]);
  }
  const byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i]));
  const problems = new ImportProblems();
  const fail = (line: string) => problems.add("", line);
  const rows: ImportedRow[] = [];
  const seen = new Map<string, number>();
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const code = text(row.getCell(COLUMNS.code));
    const valueCell = row.getCell(COLUMNS.value);
    if (code === "" && plain(valueCell) === null) continue;
    const indicator = byCode.get(code.toLowerCase());
    if (!indicator) {
      fail(
        at(r, COLUMNS.code, code ? `Không có chỉ tiêu mã “${code}” trong danh mục.` : "Thiếu mã chỉ tiêu."),
      );
      continue;
    }
    const version = readVersion(text(row.getCell(COLUMNS.version)));
    if (!version) fail(at(r, COLUMNS.version, "Loại số liệu là “Chính thức” hoặc “Ước thực hiện”."));
    const value = readValue(valueCell, indicator);
    if ("error" in value) fail(at(r, COLUMNS.value, value.error));
    const source = text(row.getCell(COLUMNS.source));
    const note = text(row.getCell(COLUMNS.note));
    if (source.length > 300) fail(at(r, COLUMNS.source, "Tối đa 300 ký tự."));
    if (note.length > 2000) fail(at(r, COLUMNS.note, "Tối đa 2000 ký tự."));
    if (!version || "error" in value || value.value === null) continue;
    const key = `${indicator.id}|${version}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(
        at(
          r,
          COLUMNS.code,
          `Chỉ tiêu ${indicator.code} (${version === "final" ? "chính thức" : "ước thực hiện"}) đã có ở dòng ${first}.`,
        ),
      );
      continue;
    }
    seen.set(key, r);
    // Once a problem is found nothing will be saved: the rest are only checked.
    if (problems.total === 0)
      rows.push({
        row: r,
        indicator,
        version,
        value: value.value,
        source: source || null,
        note: note || null,
      });
  }
  if (problems.total > 0) throw new ImportRejected(problems);
  if (rows.length === 0) throw new ImportRejected(["Tệp chưa có số liệu nào ở cột Giá trị."]);
  return rows;
}
