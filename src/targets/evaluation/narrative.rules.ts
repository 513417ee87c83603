/**
 * A Vietnamese results paragraph an office would sign, in the style of the reference article ("Năm 2019,
 * phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu, trong đó có nhiều chỉ tiêu vượt cao so với kế
 * hoạch giao như thu ngân sách đạt 111%, … Với những kết quả đã đạt được, phường Thượng Thanh được quận
 * đánh giá thi đua xếp thứ 1/14 phường."), built only from computed evaluations. Pure: no I/O.
 *
 * Rules: indicators are cited in the catalogue's order of importance, never by ratio (a 2 → 10
 * households "500%" must not lead); a quantifier agrees with its count ("nhiều" needs three or more);
 * every figure comes from an evaluation, never from a reported percentage; indicators not met are all
 * listed with their figures; indicators without data or target are named; estimates are named once.
 * A part-year period (6 tháng, 9 tháng) is progress against the year's target: never "chưa đạt".
 */

import {
  type NarrativeIndicator,
  partYearPhrase,
  progressText,
  ratioDigits,
  type Style,
  termPhrase,
  wordingOf,
  yearPhrase,
} from "./narrative-phrases.rules.js";
import { summarizeEvaluations, type TargetsSummary } from "./summary.math.js";

export type { NarrativeIndicator } from "./narrative-phrases.rules.js";

/** Rank, quality level and award proposals of the unit, when the emulation room has them. */
export interface NarrativeStanding {
  /** "xếp thứ 1/14 phường": the place, among how many, tied or not; who ranked ("quận") and the peers' noun. */
  rank?: { position: number; of: number; tied?: boolean; rater?: string; peers?: string } | null;
  /** The quality level as its label ("Hoàn thành xuất sắc nhiệm vụ"), and whose it is ("Đảng bộ phường"). */
  quality?: { level: string; subject?: string } | null;
  /** Titles proposed ("Cờ thi đua của Chính phủ"), and the body proposing them. */
  awards?: { titles: readonly string[]; proposer?: string } | null;
}

export interface NarrativeInput {
  /** "phường Thượng Thanh". */
  unitName: string;
  /** "Năm 2019", "Nhiệm kỳ 2015–2020", "6 tháng đầu năm 2019"; the first letter is capitalized. */
  periodLabel: string;
  indicators: readonly NarrativeIndicator[];
  /**
   * year: judged against the year's targets; part: a part of the year, judged as progress; term: a term,
   * with "bình quân hàng năm". Default: part when an indicator carries progress, term when one carries
   * an aggregation, else year.
   */
  kind?: "year" | "part" | "term";
  standing?: NarrativeStanding | null;
  /** The council that sets the local targets, for "đạt y% dự toán HĐND phường giao" (default "HĐND"). */
  council?: string;
}

export interface NarrativeOptions {
  /** How many indicators to cite as highlights (default 5). */
  highlightCount?: number;
  /** Wording style of the figures (default "precise": "vượt 2,42 điểm phần trăm"). */
  style?: Style;
  /** Zero-pad N/M ("06/08"); default false. */
  padCounts?: boolean;
  /** Percent digits for every indicator without its own choice: 0 (whole numbers) or 1. */
  digits?: number;
}

/** Sorts by the catalogue's order of importance; equal or missing orders keep input order. */
export function inCatalogueOrder(indicators: readonly NarrativeIndicator[]): NarrativeIndicator[] {
  return indicators
    .map((indicator, index) => ({ indicator, index }))
    .sort(
      (a, b) =>
        (a.indicator.order ?? Number.MAX_SAFE_INTEGER) - (b.indicator.order ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    )
    .map((x) => x.indicator);
}

/** The exceeded indicators worth citing, in the catalogue's order of importance, at most `count`. */
export function selectHighlights(indicators: readonly NarrativeIndicator[], count = 5): NarrativeIndicator[] {
  return inCatalogueOrder(indicators)
    .filter((i) => i.evaluation.status === "exceeded")
    .slice(0, Math.max(0, count));
}

/**
 * Writes the paragraph. Sentences, each present only when it has something to say:
 * 1. the count ("đã hoàn thành vượt mức 16 chỉ tiêu", "đã hoàn thành 14/16 chỉ tiêu, trong đó 9 chỉ tiêu
 *    vượt mức"; for part of a year "có 5/6 chỉ tiêu đạt tiến độ") with the highlights;
 * 2. what was not met (behind schedule for part of a year), every one with its figures;
 * 3. what has no data, no target; which figures are estimates;
 * 4. the rank, the quality level and the award proposals, when given.
 */
export function composeNarrative(input: NarrativeInput, options: NarrativeOptions = {}): string {
  const style = options.style ?? "precise";
  const indicators = inCatalogueOrder(
    options.digits === undefined
      ? input.indicators
      : input.indicators.map((i) => ({ ...i, digits: i.digits ?? options.digits })),
  );
  const kind = input.kind ?? kindOf(indicators);
  const council = input.council ?? "HĐND";
  const summary = summarizeEvaluations(indicators.map((i) => i.evaluation));
  const pad = (x: number) => (options.padCounts ? String(x).padStart(2, "0") : String(x));
  const subject = `${capitalize(input.periodLabel.trim())}, ${input.unitName}`;
  const count = options.highlightCount ?? 5;
  const sentences: string[] =
    kind === "part"
      ? partYearSentences(subject, indicators, { style, council, pad, count })
      : fullSentences(subject, indicators, summary, { kind, style, council, pad, count });

  // Part of a year: a figure without a year target was cited with its change from the same period.
  const cited = (i: NarrativeIndicator) =>
    i.progress || (kind === "part" && typeof i.evaluation.actual === "number");
  const named = (status: string) =>
    indicators.filter((i) => i.evaluation.status === status && !cited(i)).map((i) => i.name);
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
  sentences.push(...standingSentences(input.unitName, input.standing ?? null));
  return sentences.join(" ");
}

function kindOf(indicators: readonly NarrativeIndicator[]): "year" | "part" | "term" {
  if (indicators.some((i) => i.progress)) return "part";
  if (indicators.some((i) => i.aggregation)) return "term";
  return "year";
}

interface Wording {
  style: Style;
  council: string;
  pad: (x: number) => string;
  count: number;
}

/** "nổi bật là A", "nổi bật là A và B", "trong đó có nhiều chỉ tiêu vượt cao … như A, B, C". */
function highlightClause(phrases: string[], many: string): string {
  if (phrases.length === 1) return `nổi bật là ${phrases[0]}`;
  if (phrases.length === 2) return `nổi bật là ${joinList(phrases, " và ")}`;
  return `${many} ${joinList(phrases)}`;
}

/** A year or a term: "đã hoàn thành vượt mức N chỉ tiêu" and the highlights; then what was not met. */
function fullSentences(
  subject: string,
  indicators: readonly NarrativeIndicator[],
  summary: TargetsSummary,
  w: Wording & { kind: "year" | "term" },
): string[] {
  const sentences: string[] = [];
  if (summary.withData === 0) {
    sentences.push(`${subject} chưa có chỉ tiêu nào đủ số liệu để đánh giá.`);
  } else {
    let first: string;
    if (summary.exceeded === summary.withData) {
      first = `${subject} đã hoàn thành vượt mức ${w.pad(summary.exceeded)} chỉ tiêu`;
    } else {
      first = `${subject} đã hoàn thành ${w.pad(summary.met)}/${w.pad(summary.withData)} chỉ tiêu`;
      if (summary.exceeded > 0) first += `, trong đó ${summary.exceeded} chỉ tiêu vượt mức`;
    }
    const highlights = selectHighlights(indicators, w.count);
    if (highlights.length > 0) {
      if (w.kind === "term") {
        sentences.push(`${first}: ${highlights.map((i) => termPhrase(i, w.style)).join("; ")}.`);
      } else {
        const phrases = highlights.map((i) => yearPhrase(i, w.style, w.council));
        const many = "trong đó có nhiều chỉ tiêu vượt cao so với kế hoạch giao như";
        sentences.push(`${first}${highlights.length > 2 ? ", " : "; "}${highlightClause(phrases, many)}.`);
      }
    } else sentences.push(`${first}.`);
  }
  const notMet = indicators.filter((i) => i.evaluation.status === "not_met");
  if (notMet.length > 0) {
    const phrases = notMet.map((i) =>
      w.kind === "term" ? termPhrase(i, w.style) : `${i.name} ${wordingOf(i.evaluation, w.style)}`,
    );
    sentences.push(`Còn ${notMet.length} chỉ tiêu chưa đạt: ${phrases.join("; ")}.`);
  }
  return sentences;
}

/**
 * Part of a year: "6 tháng đầu năm 2019, phường … có 5/6 chỉ tiêu đạt tiến độ đề ra, nổi bật là thu ngân
 * sách đạt 52% dự toán năm, đúng tiến độ, tăng 8% so với cùng kỳ"; then those behind schedule. Indicators
 * without progress (no year target) are cited with their figure and the change from the same period.
 */
function partYearSentences(subject: string, indicators: readonly NarrativeIndicator[], w: Wording): string[] {
  const judged = indicators.filter((i) => i.progress && i.progress.onTrack !== null);
  const onTrack = judged.filter((i) => i.progress?.onTrack);
  const behind = judged.filter((i) => !i.progress?.onTrack);
  const cited = inCatalogueOrder([
    ...onTrack,
    ...indicators.filter((i) => !i.progress && typeof i.evaluation.actual === "number"),
  ]).slice(0, Math.max(0, w.count));
  const sentences: string[] = [];
  let first =
    judged.length > 0
      ? `${subject} có ${w.pad(onTrack.length)}/${w.pad(judged.length)} chỉ tiêu đạt tiến độ đề ra`
      : `${subject} chưa có chỉ tiêu nào đủ số liệu để đánh giá tiến độ`;
  if (cited.length > 0) {
    const phrases = cited.map((i) => partYearPhrase(i, w.style, w.council));
    first += phrases.length === 1 ? `; nổi bật là ${phrases[0]}` : `; cụ thể: ${phrases.join("; ")}`;
  }
  sentences.push(`${first}.`);
  if (behind.length > 0) {
    const phrases = behind.map(
      (i) =>
        `${i.name} ${progressText(i, ratioDigits(i, w.style), w.council) ?? wordingOf(i.evaluation, w.style)}`,
    );
    sentences.push(`Còn ${behind.length} chỉ tiêu chậm so với tiến độ: ${phrases.join("; ")}.`);
  }
  return sentences;
}

/** "Với những kết quả đã đạt được, … xếp thứ 1/14 phường.", the quality level, the award proposals. */
function standingSentences(unitName: string, standing: NarrativeStanding | null): string[] {
  if (!standing) return [];
  const sentences: string[] = [];
  const unit = capitalize(unitName);
  const { rank, quality, awards } = standing;
  if (rank && rank.position > 0 && rank.of > 0) {
    const by = rank.rater ? ` được ${rank.rater} đánh giá thi đua` : " được đánh giá thi đua";
    const place = `${rank.tied ? "đồng hạng " : ""}thứ ${rank.position}/${rank.of}${rank.peers ? ` ${rank.peers}` : ""}`;
    sentences.push(`Với những kết quả đã đạt được, ${unitName}${by} xếp ${place}.`);
  }
  if (quality?.level) {
    const level = quality.level.charAt(0).toLocaleLowerCase("vi-VN") + quality.level.slice(1);
    sentences.push(`${capitalize(quality.subject ?? unitName)} được công nhận “${level}”.`);
  }
  const titles = (awards?.titles ?? []).map((t) => t.charAt(0).toLocaleLowerCase("vi-VN") + t.slice(1));
  if (titles.length > 0) {
    const by = awards?.proposer ? ` được ${awards.proposer}` : " được";
    sentences.push(`${unit}${by} đề xuất tặng ${joinList(titles, " và ")}.`);
  }
  return sentences;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi-VN") + text.slice(1);
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
