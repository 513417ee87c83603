/**
 * Which figures can be true, by what the indicator measures: refused at entry (form, API, spreadsheet
 * import, DHIS2) and when a target is set, with a Vietnamese message for the field. Pure: no I/O.
 *
 * Figures come from ward reports, where a slip of the keyboard is likely (an extra zero, a percent of
 * 1000) and absurd values (1e308, 1e-320) would make every ratio built on them meaningless or
 * infinite. The indicator model says what a figure is: `valueType` "rate" is a share of a whole
 * (at most 100% or 1000‰; a growth rate, which may exceed 100 or fall below 0, is a "number" in %),
 * and the unit of measure says whether it counts things (whole and not negative) or money.
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import type { Indicator } from "../catalogue/indicator.model.js";
import type { TermAggregation } from "../evaluation/term.math.js";

/** Fifteen significant digits: the most the entry form reads back exactly (parseViNumber). */
export const MAX_FIGURE = 1e15;
/** The smallest non-zero magnitude: below it a ratio against the figure is noise or overflows. */
export const MIN_NONZERO_FIGURE = 1e-6;
/** 10 triệu tỷ đồng: several times Việt Nam's yearly state budget, far beyond any unit's figure. */
const MAX_MONEY_DONG = 1e16;

/** Words that, first in a unit of measure, mean it counts whole things ("hộ", "người", "vụ", "lượt người"). */
const COUNT_WORDS = new Set([
  "hộ",
  "người",
  "đảng viên",
  "vụ",
  "lượt",
  "trường hợp",
  "cái",
  "chiếc",
  "con",
  "công trình",
  "dự án",
  "doanh nghiệp",
  "cơ sở",
  "hồ sơ",
  "chỉ tiêu",
  "tổ",
  "khu dân cư",
  "chi bộ",
  "gia đình",
  "hội viên",
  "học sinh",
  "lớp",
  "trường",
  "buổi",
  "cuộc",
  "lần",
  "tin",
  "bài",
  "căn",
  "xã",
  "phường",
]);

const MONEY_SCALE: Record<string, number> = { "": 1, nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9 };

type Measured = Pick<Indicator, "valueType" | "unitOfMeasure">;

/** True when the unit of measure counts whole things. */
export function isCountUnit(unit: string): boolean {
  const u = unit.trim().toLocaleLowerCase("vi-VN");
  for (const word of COUNT_WORDS) if (u === word || u.startsWith(`${word} `)) return true;
  return false;
}

/** The largest amount in the unit, when it is money ("tỷ đồng" → 10.000.000), else null. */
function moneyLimit(unit: string): number | null {
  const match = /^(?:(nghìn|ngàn|triệu|tỷ)\s+)?(?:đồng|vnđ|vnd)$/.exec(
    unit.trim().toLocaleLowerCase("vi-VN"),
  );
  if (!match) return null;
  return MAX_MONEY_DONG / (MONEY_SCALE[match[1] ?? ""] ?? 1);
}

/** Any figure: finite, at most {@link MAX_FIGURE}, and 0 or at least {@link MIN_NONZERO_FIGURE} in size. */
function magnitudeProblem(value: number): string | null {
  if (!Number.isFinite(value)) return "Giá trị phải là một số hữu hạn.";
  if (Math.abs(value) > MAX_FIGURE) return `Số quá lớn: tối đa ${formatViNumber(MAX_FIGURE)}.`;
  if (value !== 0 && Math.abs(value) < MIN_NONZERO_FIGURE) {
    return "Số quá nhỏ: nhập 0, hoặc một số có giá trị tuyệt đối từ 0,000001 trở lên.";
  }
  return null;
}

/**
 * What is wrong with a figure (a result, or a target level) of the indicator, or null when it can be
 * true. `wholeCounts: false` for targets (see {@link targetFigureProblem}).
 */
export function figureProblem(
  indicator: Measured,
  value: number,
  options: { wholeCounts?: boolean } = {},
): string | null {
  if (!Number.isFinite(value)) return "Giá trị phải là một số hữu hạn.";
  if (indicator.valueType === "boolean") return null;
  const unit = indicator.unitOfMeasure.trim();
  if (indicator.valueType === "rate" && (unit === "%" || unit === "‰")) {
    const max = unit === "%" ? 100 : 1000;
    if (value < 0 || value > max) return `Tỷ lệ phải từ 0 đến ${formatViNumber(max)}${unit}.`;
  }
  if (isCountUnit(unit)) {
    if (value < 0) return `Số ${unit} không được âm.`;
    if ((options.wholeCounts ?? true) && !Number.isInteger(value)) return `Số ${unit} phải là số nguyên.`;
  }
  const money = moneyLimit(unit);
  if (money !== null && Math.abs(value) > money) {
    return `Số tiền quá lớn: tối đa ${formatViNumber(money)} ${unit}.`;
  }
  return magnitudeProblem(value);
}

/**
 * The same for a target level, which for a term is in the unit of its aggregation: a growth target is
 * a percent per year that may exceed 100 or be negative, a count target a number of years. A target
 * is a plan, not a tally: a count of things may be planned as a fraction (a mean, a share handed down
 * from above), but never below zero.
 */
export function targetFigureProblem(
  indicator: Measured,
  aggregation: TermAggregation | null,
  value: number,
): string | null {
  if (aggregation === "growth") return magnitudeProblem(value);
  if (aggregation === "count") {
    if (!Number.isInteger(value) || value < 0) return "Số năm phải là số nguyên không âm.";
    return magnitudeProblem(value);
  }
  return figureProblem(indicator, value, { wholeCounts: false });
}
