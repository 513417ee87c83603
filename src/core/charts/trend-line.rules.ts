/**
 * A figure across periods (a ward's revenue 2015–2019) as an ECharts line, with each period's own
 * target as hollow squares and an optional reference level (a term target, a parent's mean) as a
 * dashed line. Pure: no I/O. Values are printed at their points; an estimate is a hollow circle; a
 * missing period breaks the line. A legend names each mark by its shape.
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

export interface TrendPoint {
  /** The period's short label on the axis ("2019", "Q3/2019"). */
  label: string;
  value: number | null;
  estimate: boolean;
  target: number | null;
}

export interface TrendInput {
  title: string;
  unit: string;
  points: TrendPoint[];
  reference?: { value: number; label: string } | null;
  /** Fraction digits of printed values (the indicator's precision). */
  digits?: number;
}

const VALUE_NAME = "Thực hiện";
const TARGET_NAME = "Kế hoạch";

function variant(input: TrendInput, width: number, height: number): ChartSpec["wide"] {
  const digits = input.digits ?? 2;
  const print = (v: number) => formatViNumber(v, { maximumFractionDigits: digits });
  const narrow = width < 500;
  const hasTargets = input.points.some((p) => p.target !== null);
  const series: ChartOption[] = [
    {
      name: VALUE_NAME,
      type: "line",
      connectNulls: false,
      symbolSize: 8,
      lineStyle: { color: CHART_COLOURS.good, width: 2 },
      itemStyle: { color: CHART_COLOURS.good },
      label: {
        show: true,
        position: "top",
        fontSize: CHART_FONT_SIZE,
        color: CHART_COLOURS.text,
        formatter: (p: { value: number | null }) => (p.value === null ? "" : print(p.value)),
      },
      data: input.points.map((p) => ({
        value: p.value,
        symbol: p.estimate ? "emptyCircle" : "circle",
      })),
    },
  ];
  if (hasTargets)
    series.push({
      name: TARGET_NAME,
      type: "line",
      symbol: "rect",
      symbolSize: 9,
      lineStyle: { opacity: 0 },
      itemStyle: { color: "#ffffff", borderColor: CHART_COLOURS.target, borderWidth: 2 },
      data: input.points.map((p) => p.target),
    });
  if (input.reference)
    (series[0] as ChartOption).markLine = {
      silent: true,
      symbol: "none",
      lineStyle: { color: CHART_COLOURS.target, type: "dashed", width: 1.5 },
      label: { show: false },
      data: [{ yAxis: input.reference.value }],
    };
  const option: ChartOption = {
    animation: false,
    textStyle: { fontSize: CHART_FONT_SIZE, fontFamily: "system-ui, sans-serif", color: CHART_COLOURS.text },
    legend: {
      show: hasTargets,
      top: 0,
      left: 0,
      textStyle: { fontSize: CHART_FONT_SIZE, color: CHART_COLOURS.text },
      data: [VALUE_NAME, TARGET_NAME],
    },
    grid: { left: narrow ? 48 : 64, right: 16, top: hasTargets ? 40 : 24, bottom: 28 },
    xAxis: {
      type: "category",
      data: input.points.map((p) => p.label),
      axisLabel: { fontSize: CHART_FONT_SIZE, color: CHART_COLOURS.muted, hideOverlap: true },
    },
    yAxis: {
      type: "value",
      scale: false,
      splitNumber: 3,
      axisLabel: {
        fontSize: CHART_FONT_SIZE,
        color: CHART_COLOURS.muted,
        formatter: (v: number) => formatViNumber(v, { maximumFractionDigits: 2 }),
      },
      splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
    },
    series,
  };
  return { option, width, height };
}

/** The trend chart (see the file's comment), drawn wide (`wideWidth`, default 720 px) and narrow. */
export function trendChart(given: TrendInput, wideWidth = WIDE_WIDTH): ChartSpec {
  // A figure too large to draw (stored before entry checks caught it) is left out, as if missing.
  const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);
  const input = {
    ...given,
    points: given.points.map((p) => ({ ...p, value: finite(p.value), target: finite(p.target) })),
  };
  const digits = input.digits ?? 2;
  const print = (v: number | null) =>
    v === null ? "chưa có số liệu" : `${formatViNumber(v, { maximumFractionDigits: digits })} ${input.unit}`;
  const notes = [
    "Chấm tròn: số liệu chính thức; chấm rỗng: số ước thực hiện; đường đứt đoạn ở kỳ chưa có số liệu.",
  ];
  if (input.points.some((p) => p.target !== null)) notes.push("Ô vuông rỗng: kế hoạch của kỳ.");
  if (input.reference)
    notes.push(`Nét đứt ngang: ${input.reference.label} (${print(input.reference.value)}).`);
  const description = [
    ...input.points.map(
      (p) =>
        `${p.label}: ${print(p.value)}${p.estimate ? " (ước)" : ""}${p.target === null ? "" : `, kế hoạch ${print(p.target)}`}.`,
    ),
    ...notes.slice(1),
  ].join(" ");
  return {
    title: input.title,
    description,
    wide: variant(input, wideWidth, Math.round(wideWidth * 0.42)),
    narrow: variant(input, NARROW_WIDTH, 220),
    notes,
  };
}
