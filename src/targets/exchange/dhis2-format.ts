/**
 * DHIS2 `dataValueSets` in JSON and CSV, the exchange format of the most widely used public-sector
 * statistics platform: `{ dataValues: [{ dataElement, period, orgUnit, value, … }] }`, and CSV with
 * the columns dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo, value, storedby,
 * lastupdated, comment, followup. Pure: no I/O. Values travel as DHIS2 writes them: a dot decimal
 * ("44.4") and "true"/"false".
 */

/** One data value as read from either format, with where it came from for messages. */
export interface RawDataValue {
  /** "dataValues[2]" (JSON) or "dòng 4" (CSV). */
  where: string;
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  comment: string | null;
}

export interface ExportedDataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  lastUpdated: string;
  comment: string | null;
}

export const CSV_COLUMNS = [
  "dataelement",
  "period",
  "orgunit",
  "categoryoptioncombo",
  "attributeoptioncombo",
  "value",
  "storedby",
  "lastupdated",
  "comment",
  "followup",
] as const;

const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * The values of a set, read afresh on each call and given one at a time: an import goes over them
 * twice (the units they name, then each value's checks) without an array of all of them, which for
 * a body of 4 million `{}` would have taken 670 MB beside the parsed document.
 */
export type DataValueSource = () => Iterable<RawDataValue>;

/**
 * Reads a JSON data value set. Top-level `period` and `orgUnit` apply to values that omit them, as in
 * DHIS2. Throws Error with a Vietnamese message when the document has no `dataValues` array.
 */
export function dataValuesOfJson(body: unknown): DataValueSource {
  if (
    typeof body !== "object" ||
    body === null ||
    !Array.isArray((body as { dataValues?: unknown }).dataValues)
  ) {
    throw new Error("Tài liệu không có mảng dataValues.");
  }
  const set = body as { period?: unknown; orgUnit?: unknown; dataValues: unknown[] };
  return function* () {
    for (let i = 0; i < set.dataValues.length; i++) {
      const raw = set.dataValues[i];
      const v = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
      yield {
        where: `dataValues[${i}]`,
        dataElement: str(v.dataElement),
        period: str(v.period ?? set.period),
        orgUnit: str(v.orgUnit ?? set.orgUnit),
        value: str(v.value),
        comment: str(v.comment) || null,
      };
    }
  };
}

/** dataValuesOfJson's values as an array. */
export function readDataValueSetJson(body: unknown): RawDataValue[] {
  return [...dataValuesOfJson(body)()];
}

/**
 * The records of CSV text one at a time (RFC 4180: quoted fields, doubled quotes, CRLF or LF), blank
 * records skipped: a large file is read without a second copy of it as arrays.
 */
export function* csvRecords(text: string): Generator<string[], void, undefined> {
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  const blank = (r: string[]) => !r.some((f) => f.trim() !== "");
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      record.push(field);
      if (!blank(record)) yield record;
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    if (!blank(record)) yield record;
  }
}

/** Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)];
}

/**
 * Reads a CSV data value set, record by record on each call. The first row must name the columns
 * (in any order, any case); at least dataelement, period, orgunit and value. Throws Error with a
 * Vietnamese message otherwise.
 */
export function dataValuesOfCsv(text: string): DataValueSource {
  const first = csvRecords(text).next();
  if (first.done) throw new Error("Tệp CSV trống.");
  const header = first.value;
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = ["dataelement", "period", "orgunit", "value"].filter((c) => !index.has(c));
  if (missing.length > 0) throw new Error(`Dòng 1: thiếu cột ${missing.join(", ")}.`);
  const get = (row: string[], column: string) => str(row[index.get(column) ?? -1]);
  return function* () {
    const records = csvRecords(text);
    records.next();
    let line = 1;
    for (const row of records) {
      line++;
      yield {
        where: `dòng ${line}`,
        dataElement: get(row, "dataelement"),
        period: get(row, "period"),
        orgUnit: get(row, "orgunit"),
        value: get(row, "value"),
        comment: get(row, "comment") || null,
      };
    }
  };
}

/** dataValuesOfCsv's values as an array. */
export function readDataValueSetCsv(text: string): RawDataValue[] {
  return [...dataValuesOfCsv(text)()];
}

const DHIS2_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A DHIS2 value string as a number or boolean; null with a reason when it is neither. */
export function readDhis2Value(
  value: string,
  boolean: boolean,
): { ok: true; value: number | boolean } | { ok: false; message: string } {
  if (boolean) {
    if (value === "true" || value === "1") return { ok: true, value: true };
    if (value === "false" || value === "0") return { ok: true, value: false };
    return { ok: false, message: `giá trị “${value}” phải là true hoặc false.` };
  }
  if (!DHIS2_NUMBER.test(value)) {
    return {
      ok: false,
      message: `giá trị “${value}” không phải số theo định dạng DHIS2 (dấu chấm thập phân, ví dụ 44.4).`,
    };
  }
  return { ok: true, value: Number(value) };
}

/** A stored figure as DHIS2 writes it: shortest round-trip decimal, "true"/"false" for milestones. */
export function writeDhis2Value(value: number, boolean: boolean): string {
  return boolean ? String(value !== 0) : String(value);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV form of exported values, with the header row, CRLF line ends as DHIS2 writes them. */
export function writeDataValueSetCsv(values: readonly ExportedDataValue[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const v of values) {
    lines.push(
      [v.dataElement, v.period, v.orgUnit, "", "", v.value, "", v.lastUpdated, v.comment ?? "", "false"]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
