/**
 * One CSV field as the app's CSV files write it (open data, comparisons): numbers with a dot and no
 * grouping, text quoted when it holds a comma, quote or line break, spreadsheet formulas neutralised.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  // Twelve significant digits drop binary noise (44.4 / 40 × 100 is 110.99999999999999) and keep
  // every figure an office types (8102.16, 0.17).
  let text = typeof value === "number" ? String(Number(value.toPrecision(12))) : value;
  // A cell starting with = + - @ would run as a formula in Excel (CSV injection).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: UTF-8 with a byte-order mark (Excel reads Vietnamese right only with it), CRLF lines. */
export function csvFile(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
