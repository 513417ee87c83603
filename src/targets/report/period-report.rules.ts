/**
 * What the period's report says, before it is laid out as Word (period-report.docx.ts): its title by
 * the kind of period, the header of the State or the Party form (domain.md §8), and the figures table
 * (indicator, target, result, % đạt, the same period last year, the change). Pure: no I/O.
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import { type EntryContext, liveAchievementPct, NO_CONTEXT } from "../entry/entry-checks.rules.js";
import type { IndicatorEvaluation } from "../evaluation/evaluation-assembly.rules.js";
import { formatFigure, formatGap, formatLevel } from "../targets-format.rules.js";
import { levelWord, unitInSentence } from "../unit-wording.rules.js";

export type ReportForm = "state" | "party";

/** "6 tháng đầu năm 2019", "9 tháng đầu năm 2019", "quý III năm 2019", "tháng 7 năm 2019", "năm 2019", "nhiệm kỳ 2015–2020". */
export function reportPeriodWords(periodKey: string, fallback: string): string {
  const year = /^(\d{4})$/.exec(periodKey);
  if (year) return `năm ${year[1]}`;
  const term = /^(\d{4})-(\d{4})$/.exec(periodKey);
  if (term) return `nhiệm kỳ ${term[1]}–${term[2]}`;
  const months = /^(\d{4})-(\d{1,2})T$/i.exec(periodKey);
  if (months) return `${Number(months[2])} tháng đầu năm ${months[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(periodKey);
  if (quarter) return `quý ${["I", "II", "III", "IV"][Number(quarter[2]) - 1]} năm ${quarter[1]}`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(periodKey);
  if (month) return `tháng ${Number(month[2])} năm ${month[1]}`;
  return fallback;
}

/** The report's title line: "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2019". */
export function reportTitle(periodKey: string, fallback: string): string {
  return `Kết quả thực hiện nhiệm vụ ${reportPeriodWords(periodKey, fallback)}`;
}

/** What comes after the results: the rest of the year, the next year or the next term. */
export function nextTasksHeading(periodKey: string): string {
  const months = /^(\d{4})-(\d{1,2})T$/i.exec(periodKey);
  if (months) return `Phương hướng, nhiệm vụ ${12 - Number(months[2])} tháng cuối năm ${months[1]}`;
  const year = /^(\d{4})/.exec(periodKey);
  if (/^\d{4}-\d{4}$/.test(periodKey)) return "Phương hướng, nhiệm vụ nhiệm kỳ tới";
  return `Phương hướng, nhiệm vụ năm ${year ? Number(year[1]) + 1 : "tới"}`;
}

export interface ReportHeader {
  /** Top left, upper case: the parent body (Party form), then the issuing body. */
  left: string[];
  /** Party form: the star under the issuing body. */
  star: boolean;
  /** "Số: …/BC-UBND" or "Số …-BC/ĐU": the number is the office's to give. */
  number: string;
  /** Top right: Quốc hiệu and Tiêu ngữ, or "ĐẢNG CỘNG SẢN VIỆT NAM". */
  right: string[];
  /** Signature: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", or "T/M ĐẢNG ỦY" / "BÍ THƯ". */
  signing: [string, string];
}

type UnitLike = { name: string; level: string };

/** The header and signature of the report in the State (NĐ 30/2020) or the Party (HD 36-HD/VPTW) form. */
export function reportHeader(form: ReportForm, unit: UnitLike, parent: UnitLike | null): ReportHeader {
  const upper = (text: string) => text.toLocaleUpperCase("vi-VN");
  if (form === "party") {
    return {
      left: [
        ...(parent ? [upper(`Đảng bộ ${unitInSentence(parent)}`)] : []),
        upper(`Đảng ủy ${unitInSentence(unit)}`),
      ],
      star: true,
      number: "Số …-BC/ĐU",
      right: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
      signing: ["T/M ĐẢNG ỦY", "BÍ THƯ"],
    };
  }
  return {
    left: ["ỦY BAN NHÂN DÂN", upper(unitInSentence(unit))],
    star: false,
    number: "Số: …/BC-UBND",
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    signing: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
  };
}

/** The level word of the council whose targets the report cites ("HĐND phường"). */
export function councilOf(unit: UnitLike): string {
  return `HĐND ${levelWord(unit)}`.trim();
}

export interface ReportRow {
  name: string;
  unit: string;
  target: string;
  actual: string;
  /** "111%", "+2,42 điểm %", "—". */
  achievement: string;
  samePeriod: string;
  /** "bằng 112,1%" (ratio), "+1,4 điểm %" (a rate), "—". */
  change: string;
}

const bare = (x: number) => formatViNumber(x, { maximumFractionDigits: 3 });
const pct = (x: number) => `${formatViNumber(x, { maximumFractionDigits: 1 })}%`;

/**
 * One row per indicator of the evaluation, in its order. Part of a year reads its target as the year's
 * (from `contexts`) when the period has none of its own; the same period last year comes from there too.
 */
export function reportRows(
  indicators: readonly IndicatorEvaluation[],
  contexts: ReadonlyMap<number, EntryContext>,
): ReportRow[] {
  return indicators.map(({ indicator, evaluation, semantics, progress }) => {
    const unit = semantics.unit ?? indicator.unitOfMeasure;
    const context = contexts.get(indicator.id) ?? NO_CONTEXT;
    const actual = typeof evaluation.actual === "number" ? evaluation.actual : null;
    // A part of a year is judged as progress against the whole year's target: say so beside it.
    const yearTarget = progress?.yearTarget ?? (evaluation.target === null ? context.yearTarget : null);
    const target =
      yearTarget !== null
        ? `${bare(yearTarget)} (cả năm)`
        : evaluation.target
          ? formatLevel(evaluation.target, "").trim()
          : "—";
    const ratio =
      progress?.yearTargetPct ?? evaluation.achievementPct ?? liveAchievementPct(indicator, actual, context);
    const achievement =
      ratio !== null ? pct(ratio) : formatGap(evaluation.exceedPct, evaluation.exceedPoints, unit);
    const previous = context.samePeriod;
    let change = "—";
    if (actual !== null && previous !== null) {
      if (semantics.comparisonMode === "points") change = formatGap(null, actual - previous, unit);
      else if (previous > 0) change = `bằng ${pct((actual / previous) * 100)}`;
    }
    return {
      name: indicator.name,
      unit,
      target,
      actual: evaluation.actual === null ? "—" : formatFigure(evaluation.actual, "").trim(),
      achievement,
      samePeriod: previous === null ? "—" : bare(previous),
      change,
    };
  });
}
