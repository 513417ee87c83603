/**
 * Reads a filled-in XLSX template (xlsx.template.ts) back. Every row is checked and each problem is
 * reported with its row and column ("Dòng 5, cột D: …"), the first 100 listed and all counted
 * (import-problems.rules.ts); the caller saves nothing unless there is none.
 */
import { PassThrough } from "node:stream";
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
 * The upload as exceljs's streaming reader takes it. The reader unzips with unzipper 0.10, whose
 * Parse emits "end" by hand as soon as its input is all written ("finish"), while entries it has
 * read may still wait in its buffer: the reader then stops before the last parts of the file (about
 * one read in a hundred of a template lost xl/workbook.xml and failed). That early "end" is dropped;
 * the stream's own "end" comes once the last entry has been taken. Truncated or foreign files still
 * fail, with unzipper's error.
 */
class UploadStream extends PassThrough {
  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    const target = destination as unknown as {
      emit: (event: string | symbol, ...args: unknown[]) => boolean;
      _readableState?: { endEmitted?: boolean };
    };
    const emit = target.emit.bind(target);
    target.emit = (event, ...args) =>
      event === "end" && target._readableState?.endEmitted === false ? false : emit(event, ...args);
    return super.pipe(destination, options);
  }
}

/** The sheet reader's name: exceljs sets it from workbook.xml but leaves it out of its types. */
const sheetName = (sheet: ExcelJS.stream.xlsx.WorksheetReader) =>
  (sheet as unknown as { name?: string }).name;

/**
 * Checks the data sheet's rows one at a time, as the streaming reader gives them: only the first
 * problems, the rows to save (at most one per indicator and version, and only while there is no
 * problem) and the rows already seen per indicator are kept, never the sheet.
 */
class DataRows {
  readonly problems = new ImportProblems();
  readonly rows: ImportedRow[] = [];
  /** Whether the header row was found unchanged; rows are checked only after it. */
  header: "pending" | "ok" | "changed" = "pending";
  private readonly byCode: Map<string, Indicator>;
  private readonly seen = new Map<string, number>();

  constructor(indicators: Indicator[]) {
    this.byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i]));
  }

  private fail(line: string) {
    this.problems.add("", line);
  }

  check(row: ExcelJS.Row): void {
    const r = row.number;
    if (r < HEADER_ROW || this.header === "changed") return;
    if (this.header === "pending") {
      const header = HEADERS.map((_, i) => (r === HEADER_ROW ? text(row.getCell(i + 1)) : ""));
      this.header = header.slice(0, 7).join("|") === HEADERS.slice(0, 7).join("|") ? "ok" : "changed";
      if (r === HEADER_ROW || this.header === "changed") return;
    }
    const code = text(row.getCell(COLUMNS.code));
    const valueCell = row.getCell(COLUMNS.value);
    if (code === "" && plain(valueCell) === null) return;
    const indicator = this.byCode.get(code.toLowerCase());
    if (!indicator) {
      this.fail(
        at(r, COLUMNS.code, code ? `Không có chỉ tiêu mã “${code}” trong danh mục.` : "Thiếu mã chỉ tiêu."),
      );
      return;
    }
    const version = readVersion(text(row.getCell(COLUMNS.version)));
    if (!version) this.fail(at(r, COLUMNS.version, "Loại số liệu là “Chính thức” hoặc “Ước thực hiện”."));
    const value = readValue(valueCell, indicator);
    if ("error" in value) this.fail(at(r, COLUMNS.value, value.error));
    const source = text(row.getCell(COLUMNS.source));
    const note = text(row.getCell(COLUMNS.note));
    if (source.length > 300) this.fail(at(r, COLUMNS.source, "Tối đa 300 ký tự."));
    if (note.length > 2000) this.fail(at(r, COLUMNS.note, "Tối đa 2000 ký tự."));
    if (!version || "error" in value || value.value === null) return;
    const key = `${indicator.id}|${version}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.fail(
        at(
          r,
          COLUMNS.code,
          `Chỉ tiêu ${indicator.code} (${version === "final" ? "chính thức" : "ước thực hiện"}) đã có ở dòng ${first}.`,
        ),
      );
      return;
    }
    this.seen.set(key, r);
    // Once a problem is found nothing will be saved: the rest are only checked.
    if (this.problems.total === 0)
      this.rows.push({
        row: r,
        indicator,
        version,
        value: value.value,
        source: source || null,
        note: note || null,
      });
  }
}

/**
 * Parses the workbook for `expected` unit and period. Rows with an empty value are skipped (nothing
 * entered). Throws ImportRejected listing the first problems and counting all.
 *
 * The workbook is streamed (exceljs's WorkbookReader), never built whole: the data sheet's rows are
 * checked as they are unzipped and parsed, so beside the upload itself (kept under the body limit)
 * memory holds one row, the shared strings and styles, and what DataRows keeps. A sheet stored in
 * the file before the shared strings (as Excel writes them) is spooled by exceljs to a temporary
 * file and read after them. The meta sheet may come after the data sheet, so the data rows are
 * checked first and their problems reported only once the file is known to be this unit and
 * period's template, in the same order of messages as before.
 */
export async function readEntryWorkbook(
  buffer: Buffer,
  expected: { unitId: number; periodKey: string },
  indicators: Indicator[],
): Promise<ImportedRow[]> {
  const ExcelJS = await loadExcelJs();
  // A byte stream (not Readable.from, whose object mode makes unzipper wait forever on an empty file).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(new UploadStream().end(buffer), {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell a date from a number, as the whole-workbook reader did.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const data = new DataRows(indicators);
  let dataSheet = false;
  let metaSheet = false;
  let unitId: unknown = null;
  let periodKey = "";
  try {
    for await (const sheet of reader) {
      const name = sheetName(sheet);
      if (name === DATA_SHEET) {
        dataSheet = true;
        for await (const row of sheet) data.check(row);
      } else if (name === META_SHEET) {
        metaSheet = true;
        for await (const row of sheet) {
          if (row.number === 1) unitId = plain(row.getCell("B"));
          if (row.number === 2) periodKey = text(row.getCell("B"));
        }
      } else {
        // Read through, so that a sheet spooled to a temporary file is closed.
        for await (const _ of sheet);
      }
    }
  } catch {
    throw new ImportRejected(["Tệp không phải là tệp Excel (.xlsx) đọc được."]);
  }
  // No workbook part at all: not a spreadsheet (a zip of something else, or not a zip).
  if ((reader as unknown as { model?: unknown }).model === undefined)
    throw new ImportRejected(["Tệp không phải là tệp Excel (.xlsx) đọc được."]);
  if (!dataSheet || !metaSheet)
    throw new ImportRejected([
      `Tệp không theo mẫu: thiếu trang “${DATA_SHEET}”. Hãy tải tệp mẫu của kỳ này.`,
    ]);
  if (Number(unitId) !== expected.unitId || periodKey !== expected.periodKey) {
    throw new ImportRejected([
      "Tệp mẫu này dành cho đơn vị hoặc kỳ khác. Hãy tải tệp mẫu của đúng đơn vị và kỳ.",
    ]);
  }
  if (data.header !== "ok") {
    throw new ImportRejected([`Dòng ${HEADER_ROW}: tiêu đề các cột đã bị thay đổi; hãy dùng tệp mẫu.`]);
  }
  if (data.problems.total > 0) throw new ImportRejected(data.problems);
  if (data.rows.length === 0) throw new ImportRejected(["Tệp chưa có số liệu nào ở cột Giá trị."]);
  return data.rows;
}
