/**
 * An evaluation's indicators as achievement bars (core/charts): each bar a share of its own target,
 * better longer (a ceiling drawn as target ÷ result), the status in a sign and words. Pure: no I/O.
 * Used by the unit's evaluation page and its open-data page.
 */
import {
  type AchievementRow,
  achievementChart,
  barPercent,
  type Verdict,
} from "../../core/charts/achievement-bars.rules.js";
import type { ChartSpec } from "../../core/charts/chart.model.js";
import { formatFigure, formatPct, STATUS_LABELS } from "../targets-format.rules.js";
import type { EvaluationStatus } from "./evaluation.math.js";
import type { IndicatorEvaluation } from "./evaluation.model.js";

const VERDICTS: Record<EvaluationStatus, Verdict> = {
  exceeded: "good",
  met: "good",
  on_track: "good",
  not_met: "bad",
  behind: "bad",
  no_data: "neutral",
  no_target: "neutral",
};

/** "111%", "102,8%"; null for none or a figure too large to print (stored before entry checks). */
function percentText(pct: number | null): string | null {
  const rounded = pct === null ? Number.NaN : Math.round(pct * 10) / 10;
  return Number.isFinite(rounded) ? formatPct(rounded) : null;
}

/** Indicators a bar can show: a number against a value or a range (not a milestone). */
export function chartable(e: IndicatorEvaluation): boolean {
  return typeof e.evaluation.actual !== "boolean" && e.evaluation.target?.kind !== "milestone";
}

/** One indicator's bar; its unit is the one its semantics name (a term's growth is in %). */
export function achievementRowOf(e: IndicatorEvaluation): AchievementRow {
  const ev = e.evaluation;
  const unit = e.semantics.unit ?? e.indicator.unitOfMeasure;
  const actual = typeof ev.actual === "number" ? ev.actual : null;
  const target = ev.target && ev.target.kind !== "milestone" ? ev.target : null;
  const lower = e.semantics.direction === "lower_is_better";
  return {
    label: e.indicator.name,
    valueText: actual === null ? "chưa có số liệu" : formatFigure(actual, unit),
    percent: barPercent(actual, target, lower),
    // "đạt x%" only where the evaluation computes it (never for a ceiling or a range).
    endText: percentText(ev.achievementPct),
    verdict: VERDICTS[ev.status],
    verdictText: STATUS_LABELS[ev.status],
    estimate: ev.basis === "estimate",
  };
}

/** The chart of an evaluation's chartable indicators, or null when none is. */
export function evaluationChart(title: string, indicators: readonly IndicatorEvaluation[]): ChartSpec | null {
  const rows = indicators.filter(chartable).map(achievementRowOf);
  return rows.length === 0 ? null : achievementChart(title, rows);
}
