/**
 * Bars of achievement against target (issue 15 §4), as ECharts options. Pure: no I/O.
 *
 * Every bar is a share of its own target, so indicators in different units sit on one axis: 100% is
 * the target (a black line), 111% is drawn 111% long. Better is always longer: a ceiling (lower is
 * better) is drawn as target ÷ result, so a poverty rate under its ceiling passes the line; a range
 * is 100% inside it and falls short on either side. The axis stops at a sensible cap (at most 150%):
 * a bar beyond it is cut, marked "▸" and named in the chart's notes, and its true figure is printed.
 * Status is told in words and a sign (✓ Vượt, ✓ Đạt, ✗ Chưa đạt), not by colour alone.
 */
import { formatViNumber } from "../format/vi-number.js";
import {
  CHART_COLOURS,
  CHART_FONT_SIZE,
  type ChartOption,
  type ChartSpec,
  NARROW_WIDTH,
  WIDE_WIDTH,
} from "./chart.model.js";

export type Verdict = "good" | "bad" | "neutral";

export type BarTarget = { kind: "value"; value: number } | { kind: "range"; min: number; max: number };

/** One indicator's bar. Texts come from the caller's room, already in Vietnamese and vi-VN numbers. */
export interface AchievementRow {
  label: string;
  /** The result as printed: "44,4 tỷ đồng"; "chưa có số liệu" when none. */
  valueText: string;
  /** The bar's length in % of target (see {@link barPercent}); null: no bar (no target or no figure). */
  percent: number | null;
  /** Printed at the bar's end ("111%"); null: nothing (a ceiling, where "đạt x%" would mislead). */
  endText: string | null;
  verdict: Verdict;
  /** "Vượt", "Đạt", "Chưa đạt", "Chậm tiến độ"… */
  verdictText: string;
  estimate: boolean;
}

/** The highest the axis goes, in % of target: beyond it bars are cut (and said to be). */
export const AXIS_CAP = 150;

/**
 * A result's bar length in % of its target, better always longer: higher is better → result ÷ target;
 * lower is better (a ceiling) → target ÷ result; a range → 100 inside it, else the near end ÷ result
 * (above) or result ÷ the near end (below). Infinity when a ceiling's result is 0 under a positive
 * ceiling (as good as it gets: the bar is cut at the cap); null when no bar can be drawn (no figure,
 * a zero target, a negative figure).
 */
export function barPercent(
  actual: number | null,
  target: BarTarget | null,
  lowerIsBetter: boolean,
): number | null {
  if (actual === null || target === null || !Number.isFinite(actual) || actual < 0) return null;
  if (target.kind === "range") {
    if (actual >= target.min && actual <= target.max) return 100;
    if (actual < target.min) return target.min > 0 ? (actual / target.min) * 100 : null;
    return actual > 0 ? (target.max / actual) * 100 : null;
  }
  const t = target.value;
  if (lowerIsBetter) {
    if (t < 0) return null;
    if (actual === 0) return t === 0 ? 100 : Number.POSITIVE_INFINITY;
    return (t / actual) * 100;
  }
  return t > 0 ? (actual / t) * 100 : null;
}

/** The axis end for these bars: the largest bar rounded up to 10%, at least 110% (room past the line), at most {@link AXIS_CAP}. */
export function axisMaxFor(percents: readonly (number | null)[]): number {
  const largest = Math.max(0, ...percents.filter((p): p is number => p !== null));
  const rounded = Number.isFinite(largest) ? Math.ceil((largest + 1e-9) / 10) * 10 : AXIS_CAP;
  return Math.min(AXIS_CAP, Math.max(110, rounded));
}

export const VERDICT_SIGNS: Record<Verdict, string> = { good: "✓", bad: "✗", neutral: "–" };

/** The line above a bar: the indicator, its result and its verdict in a sign and words. */
export function rowCaption(row: AchievementRow): string {
  const estimate = row.estimate ? " (ước)" : "";
  // No-break spaces keep the sign with its word when a caption wraps on a phone.
  return `${row.label}: ${row.valueText}${estimate} ·\u00a0${VERDICT_SIGNS[row.verdict]}\u00a0${row.verdictText}`;
}

const pct = (x: number) => `${formatViNumber(x, { maximumFractionDigits: 0 })}%`;

/** Row geometry shared by the horizontal bar charts: a caption line (or two, on a phone) above each bar. */
export function rowLayout(width: number, rows: number) {
  const narrow = width < 500;
  const rowHeight = narrow ? 62 : 44;
  const top = 8;
  const bottom = 30;
  return {
    narrow,
    rowHeight,
    barWidth: narrow ? 14 : 12,
    grid: { left: 8, right: narrow ? 56 : 64, top, bottom },
    height: top + bottom + Math.max(1, rows) * rowHeight,
    /** Caption lines break at this width (the grid's). */
    labelWidth: width - 8 - (narrow ? 56 : 64),
  };
}

/** A category axis whose labels sit above each bar, left-aligned, wrapping to the grid's width. */
export function captionAxis(captions: string[], layout: ReturnType<typeof rowLayout>): ChartOption {
  return {
    type: "category",
    inverse: true,
    data: captions,
    axisLine: { show: false },
    axisTick: { show: false },
    axisLabel: {
      inside: true,
      align: "left",
      verticalAlign: "bottom",
      padding: [0, 0, layout.barWidth / 2 + 3, 0],
      width: layout.labelWidth,
      overflow: "break",
      lineHeight: CHART_FONT_SIZE + 3,
      fontSize: CHART_FONT_SIZE,
      color: CHART_COLOURS.text,
    },
  };
}

function variant(rows: AchievementRow[], axisMax: number, width: number): ChartSpec["wide"] {
  const layout = rowLayout(width, rows.length);
  const data = rows.map((row) => {
    const cut = row.percent !== null && row.percent > axisMax;
    const length = row.percent === null ? 0 : Math.min(row.percent, axisMax);
    const end = row.percent === null ? "" : cut ? `▸ ${row.endText ?? "(cắt)"}` : (row.endText ?? "");
    return {
      value: length,
      itemStyle: {
        color: CHART_COLOURS[row.verdict],
        opacity: row.estimate ? 0.55 : 1,
        borderColor: CHART_COLOURS[row.verdict],
        borderWidth: row.estimate ? 1 : 0,
      },
      label: { show: end !== "", formatter: end },
    };
  });
  const option: ChartOption = {
    animation: false,
    textStyle: { fontSize: CHART_FONT_SIZE, fontFamily: "system-ui, sans-serif", color: CHART_COLOURS.text },
    grid: layout.grid,
    xAxis: {
      type: "value",
      min: 0,
      max: axisMax,
      interval: layout.narrow ? 50 : 25,
      axisLabel: { formatter: (v: number) => pct(v), fontSize: CHART_FONT_SIZE, color: CHART_COLOURS.muted },
      splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
    },
    yAxis: captionAxis(rows.map(rowCaption), layout),
    series: [
      {
        type: "bar",
        barWidth: layout.barWidth,
        data,
        label: { show: true, position: "right", fontSize: CHART_FONT_SIZE, color: CHART_COLOURS.text },
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { color: CHART_COLOURS.target, width: 2, type: "solid" },
          label: { show: false },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
  return { option, width, height: layout.height };
}

/**
 * The chart of achievement bars for these rows (see the file's comment), drawn wide and narrow.
 * `title` names what is charted ("Thực hiện so với kế hoạch, năm 2019").
 */
export function achievementChart(title: string, rows: AchievementRow[]): ChartSpec {
  const axisMax = axisMaxFor(rows.map((r) => r.percent));
  const cut = rows.filter((r) => r.percent !== null && r.percent > axisMax);
  const notes = [
    `Mỗi thanh là tỷ lệ so với kế hoạch của chính chỉ tiêu đó; vạch đen là 100% kế hoạch. Chỉ tiêu càng thấp càng tốt (mức trần) vẽ theo kế hoạch ÷ thực hiện, nên tốt hơn thì thanh dài hơn.`,
  ];
  if (cut.length > 0)
    notes.push(
      `Trục dừng ở ${pct(axisMax)}; thanh có dấu ▸ dài hơn thế và bị cắt: ${cut.map((r) => r.label).join("; ")}.`,
    );
  if (rows.some((r) => r.estimate)) notes.push("Thanh nhạt: số ước thực hiện.");
  const description = [
    `${rows.length} chỉ tiêu, trục từ 0 đến ${pct(axisMax)} kế hoạch.`,
    ...rows.map((r) => `${rowCaption(r)}${r.endText ? ` (${r.endText})` : ""}.`),
    ...notes.slice(1),
  ].join(" ");
  return {
    title,
    description,
    wide: variant(rows, axisMax, WIDE_WIDTH),
    narrow: variant(rows, axisMax, NARROW_WIDTH),
    notes,
  };
}
