/**
 * "hoàn thành N/M chỉ tiêu, trong đó vượt mức K chỉ tiêu" over a list of evaluations (domain.md §2).
 * Pure: no I/O.
 */
import type { Evaluation } from "./evaluation.math.js";

/** Counts behind the sentence. met + notMet = withData; withData + noData + noTarget = total. */
export interface TargetsSummary {
  /** Evaluations given. */
  total: number;
  /** M: indicators with a target and a figure (final or estimate). */
  withData: number;
  /** N: met or exceeded. */
  met: number;
  /** K: exceeded (a subset of met). */
  exceeded: number;
  notMet: number;
  /** Indicators with a target but no figure yet: not counted in M, and said so in the sentence. */
  noData: number;
  /** Indicators without a target: not counted in M either. */
  noTarget: number;
  /** Of the M, how many rest on an estimate (ước thực hiện) rather than a final figure. */
  estimated: number;
  /** Part of a year (or a term not over): indicators on track towards the whole's target. */
  onTrack: number;
  /** Part of a year (or a term not over): indicators behind the expected progress. */
  behind: number;
  /** Vietnamese clause starting in lower case, to embed in a report sentence. */
  sentence: string;
}

export interface SummaryOptions {
  /** Zero-pad N and M to two digits as many reports do: "06/08" (default false: "6/8"). */
  padCounts?: boolean;
}

/**
 * Summarizes evaluations. M counts only indicators that have both a target and a figure, so an
 * indicator without data can neither raise nor lower the ratio; the sentence then says how many have
 * no data, how many are not met and how many rest on estimates, so nothing is hidden behind "N/M".
 * Example: "hoàn thành 6/8 chỉ tiêu, trong đó vượt mức 3 chỉ tiêu; 2 chỉ tiêu chưa đạt; 1 chỉ tiêu chưa có
 * số liệu".
 */
export function summarizeEvaluations(
  evaluations: readonly Pick<Evaluation, "status" | "basis">[],
  options: SummaryOptions = {},
): TargetsSummary {
  const counts = {
    exceeded: 0,
    met: 0,
    notMet: 0,
    noData: 0,
    noTarget: 0,
    estimated: 0,
    onTrack: 0,
    behind: 0,
  };
  for (const { status, basis } of evaluations) {
    if (status === "exceeded") counts.exceeded++;
    else if (status === "met") counts.met++;
    else if (status === "not_met") counts.notMet++;
    else if (status === "no_data") counts.noData++;
    else if (status === "on_track") counts.onTrack++;
    else if (status === "behind") counts.behind++;
    else counts.noTarget++;
    if (basis === "estimate" && (status === "exceeded" || status === "met" || status === "not_met")) {
      counts.estimated++;
    }
  }
  const met = counts.met + counts.exceeded;
  const withData = met + counts.notMet;
  const summary = {
    total: evaluations.length,
    withData,
    met,
    exceeded: counts.exceeded,
    notMet: counts.notMet,
    noData: counts.noData,
    noTarget: counts.noTarget,
    estimated: counts.estimated,
    onTrack: counts.onTrack,
    behind: counts.behind,
  };
  return { ...summary, sentence: composeSentence(summary, options.padCounts ?? false) };
}

function composeSentence(s: Omit<TargetsSummary, "sentence">, pad: boolean): string {
  const n = (x: number) => (pad ? String(x).padStart(2, "0") : String(x));
  const parts: string[] = [];
  const progress = s.onTrack + s.behind;
  if (progress > 0) {
    // Part of a year: progress towards the year's targets, never "hoàn thành" or "chưa đạt" yet.
    const head = `${n(s.onTrack)}/${n(progress)} chỉ tiêu bảo đảm tiến độ kế hoạch`;
    parts.push(s.behind > 0 ? `${head}, ${s.behind} chỉ tiêu chậm tiến độ` : head);
  }
  if (s.withData === 0 && progress > 0) {
    // Nothing judged as met or not: the progress clause says it all.
  } else if (s.withData === 0) {
    parts.push("chưa có chỉ tiêu nào đủ số liệu để đánh giá");
  } else {
    const head = `hoàn thành ${n(s.met)}/${n(s.withData)} chỉ tiêu`;
    parts.push(s.exceeded > 0 ? `${head}, trong đó vượt mức ${s.exceeded} chỉ tiêu` : head);
    if (s.notMet > 0) parts.push(`${s.notMet} chỉ tiêu chưa đạt`);
  }
  if (s.noData > 0) parts.push(`${s.noData} chỉ tiêu chưa có số liệu`);
  if (s.noTarget > 0) parts.push(`${s.noTarget} chỉ tiêu chưa giao mức kế hoạch`);
  if (s.estimated > 0) {
    parts.push(
      s.estimated === s.withData
        ? "số liệu là số ước thực hiện"
        : `${s.estimated} chỉ tiêu tính theo số ước thực hiện`,
    );
  }
  return parts.join("; ");
}
