/**
 * Numbers in the vi-VN format used by Vietnamese government reports: decimal comma, thousands dot
 * ("8.102,16", "90,42%", "15,2‰").
 *
 * Rounding rule (the whole app follows it): computations keep full double precision; a value is
 * rounded only when it is shown, half away from zero at the display precision (2,425 → "2,43",
 * −2,425 → "−2,43" printed as "-2,43"). Binary noise from earlier arithmetic (0,1 + 0,2 =
 * 0,30000000000000004) is removed first by reading the value at 15 significant digits, so a value
 * that is "really" 2,675 never prints as "2,67".
 */

/** How to print a number. Defaults: at most 2 fraction digits, trailing zeros trimmed, thousands grouped. */
export interface ViNumberFormatOptions {
  /** Most digits after the comma (default 2). */
  maximumFractionDigits?: number;
  /** Fewest digits after the comma (default 0, so 37,60 prints as "37,6" and 111,00 as "111"). */
  minimumFractionDigits?: number;
  /** Group thousands with "." (default true). */
  useGrouping?: boolean;
  /** "negative" (default) prints a sign only for negatives; "exceptZero" also prints "+" (for changes). */
  signDisplay?: "negative" | "exceptZero";
}

/** The outcome of {@link parseViNumber}: a value, or a Vietnamese message to show next to the field. */
export type ParseViNumberResult =
  | { ok: true; value: number; unit: "none" | "percent" | "permille" }
  | { ok: false; message: string };

const MAX_SIGNIFICANT_DIGITS = 15;

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(options: Required<ViNumberFormatOptions>): Intl.NumberFormat {
  // A plain string key: this runs for every number on a page.
  const key = `${options.maximumFractionDigits}|${options.minimumFractionDigits}|${options.useGrouping}|${options.signDisplay}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat("vi-VN", {
      maximumFractionDigits: options.maximumFractionDigits,
      minimumFractionDigits: options.minimumFractionDigits,
      useGrouping: options.useGrouping,
      signDisplay: options.signDisplay,
      // halfExpand is ICU's "half away from zero"; stated so the rule does not depend on a default.
      roundingMode: "halfExpand",
    } as Intl.NumberFormatOptions);
    formatters.set(key, formatter);
  }
  return formatter;
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what}: expected a finite number, got ${value}`);
}

/** Drops binary noise: 2.6749999999999998 (from arithmetic) reads back as 2.675. */
function clean(value: number): number {
  return Number(value.toPrecision(MAX_SIGNIFICANT_DIGITS));
}

/**
 * Rounds half away from zero at `digits` fraction digits (0–20), after removing binary noise.
 * roundHalfAwayFromZero(1.005, 2) === 1.01; roundHalfAwayFromZero(-2.5, 0) === -3. Never returns -0.
 * Throws RangeError for a non-finite value.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  assertFinite(value, "roundHalfAwayFromZero");
  const cleaned = clean(value);
  // Shift through the decimal exponent in text form: 1.005 * 100 is 100.49999999999999 in binary.
  const shifted = Math.round(Number(`${Math.abs(cleaned)}e${digits}`));
  const rounded = Math.sign(cleaned) * Number(`${shifted}e-${digits}`);
  return rounded === 0 ? 0 : rounded;
}

/**
 * Prints a number in vi-VN format: formatViNumber(8102.16) === "8.102,16",
 * formatViNumber(37.6) === "37,6", formatViNumber(111) === "111", formatViNumber(-1234.5) === "-1.234,5".
 * Rounds half away from zero at `maximumFractionDigits` (default 2). A value that rounds to zero prints
 * "0", never "-0". Throws RangeError for NaN or ±Infinity (a bug upstream, not something to print).
 */
export function formatViNumber(value: number, options: ViNumberFormatOptions = {}): string {
  assertFinite(value, "formatViNumber");
  const maximumFractionDigits = options.maximumFractionDigits ?? 2;
  const resolved: Required<ViNumberFormatOptions> = {
    maximumFractionDigits,
    minimumFractionDigits: Math.min(options.minimumFractionDigits ?? 0, maximumFractionDigits),
    useGrouping: options.useGrouping ?? true,
    signDisplay: options.signDisplay ?? "negative",
  };
  // An integer of up to 15 digits carries no binary noise to clean (most numbers printed are counts).
  const exact = Number.isInteger(value) && Math.abs(value) < 1e15;
  return formatterFor(resolved).format(exact ? value : clean(value));
}

/**
 * Prints a value that is already in percent units: formatViPercent(111) === "111%",
 * formatViPercent(2.42) === "2,42%". No space before "%", as in Vietnamese reports and Intl's vi-VN.
 */
export function formatViPercent(value: number, options: ViNumberFormatOptions = {}): string {
  return `${formatViNumber(value, options)}%`;
}

/** Prints a value already in per-mille units: formatViPerMille(15.2) === "15,2‰". */
export function formatViPerMille(value: number, options: ViNumberFormatOptions = {}): string {
  return `${formatViNumber(value, options)}‰`;
}

const GENERIC_MESSAGE = "Không phải là số hợp lệ (ví dụ: 1.234,5).";
const DOT_DECIMAL_MESSAGE =
  "Dấu chấm chỉ dùng để tách nhóm ba chữ số (1.234); phần thập phân dùng dấu phẩy (ví dụ: 1.234,5).";
const LEADING_ZERO_GROUP_MESSAGE =
  "Số bắt đầu bằng 0 không được có dấu chấm tách nghìn; phần thập phân dùng dấu phẩy (ví dụ: 0,123).";

// Integer part: plain digits ("1234", "01") or groups of three after a first group of 1–3 digits.
const NUMBER_PATTERN = /^(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;

/**
 * Reads a number typed the vi-VN way. Strict on purpose, because one misread separator changes
 * a figure a thousandfold in an official report:
 * - "," is the only decimal mark; "." is the only thousands mark and must separate groups of exactly
 *   three digits: "1.234,5" = 1234,5; "1234,5" = 1234,5; "1.234" = 1234; "1.234.567" = 1234567.
 * - A dot used as a decimal point ("1234.5", "12.34", "1,234.5") is rejected with a message saying
 *   to use the comma, never guessed: accepting "1234.5" as English would make "1.234" mean 1234 here
 *   but 1,234 in the same pasted column.
 * - "0.123" is rejected too: it is an English decimal far more often than the number 123.
 * - Leading zeros in plain digits are fine ("06" = 6, as in "06/08 chỉ tiêu"); ",5" and "5," are not.
 * - Optional sign "-", "−" (U+2212) or "+"; optional trailing "%" or "‰" (a space before it is allowed);
 *   the value stays in the unit written (12,5% → value 12.5, unit "percent").
 * - Surrounding spaces (including no-break spaces) are ignored; spaces inside the number are not.
 * - At most 15 significant digits, so every accepted value prints back exactly as typed.
 */
export function parseViNumber(text: string): ParseViNumberResult {
  let rest = text.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "");
  if (rest === "") return { ok: false, message: "Chưa nhập số." };

  let unit: "none" | "percent" | "permille" = "none";
  const suffix = /[\s\u00a0]*([%‰])$/.exec(rest);
  if (suffix) {
    unit = suffix[1] === "%" ? "percent" : "permille";
    rest = rest.slice(0, suffix.index);
  }

  let sign = 1;
  const first = rest[0];
  if (first === "-" || first === "−" || first === "+") {
    sign = first === "+" ? 1 : -1;
    rest = rest.slice(1);
  }

  const match = NUMBER_PATTERN.exec(rest);
  if (!match) {
    // Only digits and separators, with a dot somewhere: the dot was meant as a decimal point or misplaced.
    const dotMisused = /^[\d.,]+$/.test(rest) && rest.includes(".");
    return { ok: false, message: dotMisused ? DOT_DECIMAL_MESSAGE : GENERIC_MESSAGE };
  }
  const integerPart = match[1] ?? "";
  const fractionPart = match[2] ?? "";
  if (integerPart.includes(".") && integerPart.startsWith("0")) {
    return { ok: false, message: LEADING_ZERO_GROUP_MESSAGE };
  }

  const integerDigits = integerPart.replaceAll(".", "");
  const significant = `${integerDigits}${fractionPart.replace(/0+$/, "")}`.replace(/^0+/, "");
  if (significant.length > MAX_SIGNIFICANT_DIGITS) {
    return { ok: false, message: `Số có quá nhiều chữ số (tối đa ${MAX_SIGNIFICANT_DIGITS} chữ số).` };
  }

  const magnitude = Number(`${integerDigits}.${fractionPart || "0"}`);
  const value = sign * magnitude;
  // -0 would print as "0" anyway, but comparisons like Object.is would trip on it.
  return { ok: true, value: value === 0 ? 0 : value, unit };
}
