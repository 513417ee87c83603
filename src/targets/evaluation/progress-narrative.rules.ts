/**
 * The paragraph of a part of a year (sơ kết 6 tháng, 9 tháng, a quarter, a month) or of a term not
 * yet over: progress towards the whole's targets and the change on the same period last year, never
 * "hoàn thành" or "chưa đạt" before the end. Pure: built only from computed evaluations.
 *
 * "6 tháng đầu năm 2019, phường Thượng Thanh có 5/6 chỉ tiêu bảo đảm tiến độ kế hoạch năm: thu ngân
 * sách đạt 52,3% kế hoạch năm (tiến độ dự kiến 50%), bảo đảm tiến độ, tăng 2,1 tỷ đồng (tăng 9,1%) so
 * với cùng kỳ; … Còn 1 chỉ tiêu chậm tiến độ: … Chưa có số liệu: …"
 *
 * The narrative of whole periods (narrative.rules) is the office's report sentence; this one covers
 * the periods it does not judge, until it does.
 */

import { nameInSentence } from "../catalogue/indicator.model.js";
import { ESTIMATE_NOTE, type Evaluation } from "./evaluation.math.js";
import type { IndicatorEvaluation } from "./evaluation.model.js";

/** Whether an evaluation judges progress (a part of a year, a term not over) rather than an outcome. */
export function isProgressEvaluation(evaluation: Pick<Evaluation, "status">): boolean {
  return evaluation.status === "on_track" || evaluation.status === "behind";
}

export interface ProgressNarrativeInput {
  /** "phường Thượng Thanh". */
  unitName: string;
  /** "6 tháng đầu năm 2019"; the first letter is capitalised. */
  periodLabel: string;
  indicators: readonly IndicatorEvaluation[];
}

function phrase(e: IndicatorEvaluation, style: "precise" | "customary"): string {
  let text = e.evaluation.wording[style];
  if (text.endsWith(ESTIMATE_NOTE)) text = text.slice(0, -ESTIMATE_NOTE.length);
  const same = e.samePeriod && e.samePeriod.previous !== null ? `, ${e.samePeriod.wording}` : "";
  const estimate = e.evaluation.basis === "estimate" ? " (số ước thực hiện)" : "";
  return `${nameInSentence(e.indicator.name)} ${text}${same}${estimate}`;
}

/** Writes the paragraph; `style` picks the figures' wording ("2,42 điểm phần trăm" or "2,42%"). */
export function composeProgressNarrative(
  input: ProgressNarrativeInput,
  style: "precise" | "customary" = "precise",
): string {
  const subject = `${capitalize(input.periodLabel.trim())}, ${input.unitName}`;
  const of = (status: Evaluation["status"]) => input.indicators.filter((e) => e.evaluation.status === status);
  const onTrack = of("on_track");
  const behind = of("behind");
  const judged = onTrack.length + behind.length;
  const whole = input.indicators.some((e) => e.term) ? "chỉ tiêu nhiệm kỳ" : "kế hoạch năm";
  const sentences: string[] = [];
  const head = `${subject} có ${onTrack.length}/${judged} chỉ tiêu bảo đảm tiến độ ${whole}`;
  sentences.push(
    onTrack.length > 0 ? `${head}: ${onTrack.map((e) => phrase(e, style)).join("; ")}.` : `${head}.`,
  );
  if (behind.length > 0) {
    sentences.push(
      `Còn ${behind.length} chỉ tiêu chậm tiến độ: ${behind.map((e) => phrase(e, style)).join("; ")}.`,
    );
  }
  const own = input.indicators.filter(
    (e) =>
      ["exceeded", "met", "not_met"].includes(e.evaluation.status) && !isProgressEvaluation(e.evaluation),
  );
  if (own.length > 0) {
    sentences.push(`Chỉ tiêu giao riêng cho kỳ: ${own.map((e) => phrase(e, style)).join("; ")}.`);
  }
  const noData = of("no_data").map((e) => nameInSentence(e.indicator.name));
  if (noData.length > 0) sentences.push(`Chưa có số liệu: ${noData.join(", ")}.`);
  return sentences.join(" ");
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi-VN") + text.slice(1);
}
