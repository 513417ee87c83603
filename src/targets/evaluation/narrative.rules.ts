/**
 * A Vietnamese results paragraph in the style of the reference article ("Năm 2019, phường Thượng Thanh
 * đã hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu; nhiều chỉ tiêu vượt cao so với kế hoạch
 * giao như thu ngân sách đạt 111%, …"), built only from computed evaluations. Pure: no I/O.
 *
 * Honesty rules: every figure comes from an evaluation (never from a reported percentage); indicators
 * not met are all listed with their figures; indicators without data or target are named; estimates
 * are named as estimates.
 */
import { formatViPercent, roundHalfAwayFromZero } from "../../core/format/vi-number.js";
import { ESTIMATE_NOTE, type Evaluation } from "./evaluation.math.js";
import { summarizeEvaluations } from "./summary.math.js";

export interface NarrativeIndicator {
  /** As it should read inside a sentence, in lower case: "thu ngân sách", "tỷ lệ hộ nghèo". */
  name: string;
  evaluation: Evaluation;
}

export interface NarrativeInput {
  /** "phường Thượng Thanh". */
  unitName: string;
  /** "Năm 2019", "Nhiệm kỳ 2015–2020", "6 tháng đầu năm 2020"; the first letter is capitalized. */
  periodLabel: string;
  indicators: readonly NarrativeIndicator[];
}

export interface NarrativeOptions {
  /** How many exceeded indicators to cite as "nổi bật" (default 5). */
  highlightCount?: number;
  /** Wording style of the figures (default "precise": "vượt 2,42 điểm phần trăm"). */
  style?: "precise" | "customary";
  /** Zero-pad N/M ("06/08"); default false. */
  padCounts?: boolean;
}

/**
 * The exceeded indicators worth citing, most remarkable first. Ranked by achievement over target
 * (actual ÷ target − 1), which compares an amount's ratio and a rate's relative rise on one scale.
 * Exceeded indicators without such a ratio (ceilings, zero targets) come after, in input order: their
 * gaps are in points or units and cannot be ranked against percentages. Ties keep input order.
 */
export function selectHighlights(indicators: readonly NarrativeIndicator[], count = 5): NarrativeIndicator[] {
  const exceeded = indicators.filter((i) => i.evaluation.status === "exceeded");
  const withRatio = exceeded.filter((i) => i.evaluation.achievementPct !== null);
  const withoutRatio = exceeded.filter((i) => i.evaluation.achievementPct === null);
  // Array.prototype.sort is stable, so equal achievements keep the caller's order.
  withRatio.sort((a, b) => (b.evaluation.achievementPct ?? 0) - (a.evaluation.achievementPct ?? 0));
  return [...withRatio, ...withoutRatio].slice(0, Math.max(0, count));
}

/**
 * Writes the paragraph. Sentences, each present only when it has something to say:
 * 1. "{Kỳ}, {đơn vị} đã hoàn thành N/M chỉ tiêu, trong đó vượt mức K chỉ tiêu; nhiều chỉ tiêu vượt cao so
 *    với kế hoạch giao như …" (M counts indicators with data, see summary.math).
 * 2. "Còn X chỉ tiêu chưa đạt: …" with every such indicator and its figures.
 * 3. "Chưa có số liệu: …" and "Chưa giao mức kế hoạch: …".
 * 4. "Số liệu của … là số ước thực hiện." (the per-figure estimate note moves here, said once).
 */
export function composeNarrative(input: NarrativeInput, options: NarrativeOptions = {}): string {
  const style = options.style ?? "precise";
  const { indicators } = input;
  const summary = summarizeEvaluations(
    indicators.map((i) => i.evaluation),
    { padCounts: options.padCounts ?? false },
  );
  const sentences: string[] = [];

  const subject = `${capitalize(input.periodLabel.trim())}, ${input.unitName}`;
  if (summary.withData === 0) {
    sentences.push(`${subject} chưa có chỉ tiêu nào đủ số liệu để đánh giá.`);
  } else {
    const pad = (x: number) => (options.padCounts ? String(x).padStart(2, "0") : String(x));
    let first = `${subject} đã hoàn thành ${pad(summary.met)}/${pad(summary.withData)} chỉ tiêu`;
    if (summary.exceeded > 0) first += `, trong đó vượt mức ${summary.exceeded} chỉ tiêu`;
    const highlights = selectHighlights(indicators, options.highlightCount ?? 5);
    if (highlights.length > 0) {
      const phrases = highlights.map((i) => highlightPhrase(i, style));
      const intro =
        highlights.length === 1 ? "nổi bật là" : "nhiều chỉ tiêu vượt cao so với kế hoạch giao như";
      first += `; ${intro} ${joinList(phrases)}`;
    }
    sentences.push(`${first}.`);
  }

  const notMet = indicators.filter((i) => i.evaluation.status === "not_met");
  if (notMet.length > 0) {
    const phrases = notMet.map((i) => `${i.name} ${figureWording(i.evaluation, style)}`);
    sentences.push(`Còn ${notMet.length} chỉ tiêu chưa đạt: ${phrases.join("; ")}.`);
  }
  const named = (status: Evaluation["status"]) =>
    indicators.filter((i) => i.evaluation.status === status).map((i) => i.name);
  const noData = named("no_data");
  if (noData.length > 0) sentences.push(`Chưa có số liệu: ${noData.join(", ")}.`);
  const noTarget = named("no_target");
  if (noTarget.length > 0) sentences.push(`Chưa giao mức kế hoạch: ${noTarget.join(", ")}.`);

  const estimated = indicators.filter((i) => i.evaluation.basis === "estimate" && i.evaluation.met !== null);
  if (estimated.length > 0) {
    sentences.push(
      estimated.length === summary.withData
        ? "Các số liệu trên là số ước thực hiện."
        : `Số liệu của ${joinList(
            estimated.map((i) => i.name),
            " và ",
          )} là số ước thực hiện.`,
    );
  }
  return sentences.join(" ");
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi-VN") + text.slice(1);
}

/** The evaluation's wording without the estimate note, which the paragraph states once at the end. */
function figureWording(evaluation: Evaluation, style: "precise" | "customary"): string {
  const text = evaluation.wording[style];
  return text.endsWith(ESTIMATE_NOTE) ? text.slice(0, -ESTIMATE_NOTE.length) : text;
}

/**
 * "thu ngân sách đạt 111%": the article's short form for ratio indicators ("kế hoạch" is already in
 * "vượt cao so với kế hoạch giao như"); other indicators keep their full wording, since a rate's
 * "đạt 104%" would be the misleading ratio of two percentages.
 */
function highlightPhrase(indicator: NarrativeIndicator, style: "precise" | "customary"): string {
  const { evaluation } = indicator;
  if (evaluation.exceedPct !== null && evaluation.achievementPct !== null) {
    let digits = style === "precise" ? 2 : 0;
    // An exceeded figure must not print as "đạt 100%".
    while (digits < 9 && roundHalfAwayFromZero(evaluation.achievementPct, digits) <= 100) digits++;
    return `${indicator.name} đạt ${formatViPercent(evaluation.achievementPct, { maximumFractionDigits: digits })}`;
  }
  return `${indicator.name} ${figureWording(evaluation, style)}`;
}

/**
 * Joins list items with ", " — or "; " when an item already contains a comma, so "đạt 90,42%, vượt …"
 * does not run into the next item — and the last pair with `last` when given ("A, B và C").
 */
function joinList(items: readonly string[], last?: string): string {
  const separator = items.some((item) => /,\s/.test(item)) ? "; " : ", ";
  if (!last || items.length < 2) return items.join(separator);
  return `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`;
}
