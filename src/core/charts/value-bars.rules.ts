/**
 * Horizontal bars of plain values on one scale (ranking scores, one period's figures of several
 * units), as ECharts options. Pure: no I/O. Each bar's caption and value are printed; a highlighted
 * bar is also named in words ("◆", and the caller's note), and a reference value (a parent's mean)
 * is a dashed line named in the notes.
 */
import { formatViNumber } from "../format/vi-number.js";
import { captionAxis, rowLayout } from "./achievement-bars.rules.js";
import {
  CHART_COLOURS,
  CHART_FONT_SIZE,
  type ChartOption,
  type ChartSpec,
  NARROW_WIDTH,
  WIDE_WIDTH,
} from "./chart.model.js";

export interface ValueBar {
  label: string;
  /** null: no figure (no bar, "chưa có số liệu"). */
  value: number | null;
  /** The value as printed, with its unit ("44,4 tỷ đồng"). */
  valueText: string;
  /** Printed after the value ("(đồng hạng)", "(ước)"). */
  note?: string;
  /** The unit the reader came for: another colour and a "◆" before its name. */
  highlight?: boolean;
}

export interface ValueBarsInput {
  title: string;
  /** What the values are, for the description ("điểm xếp hạng", "tỷ đồng"). */
  unit: string;
  bars: ValueBar[];
  /** A value drawn as a dashed line across the bars (the parent's mean), with its words. */
  reference?: { value: number; label: string } | null;
  /** Axis end; default: the largest value (or reference) rounded up to a nice number. */
  max?: number;
}

/** A round axis end at or above `x`, close to it: 1; 1,2; 1,5; 2; 2,5; 3; 4; 5; 6 or 8 times a power of ten. */
export function niceMax(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
    if (step * power >= x - 1e-9) return Math.round(step * power * 1e9) / 1e9;
  return 10 * power;
}

const caption = (b: ValueBar) =>
  `${b.highlight ? "◆ " : ""}${b.label}: ${b.value === null ? "chưa có số liệu" : b.valueText}${b.note ? ` ${b.note}` : ""}`;

function variant(input: ValueBarsInput, max: number, width: number): ChartSpec["wide"] {
  const layout = rowLayout(width, input.bars.length);
  const series: ChartOption = {
    type: "bar",
    barWidth: layout.barWidth,
    data: input.bars.map((b) => ({
      value: b.value === null ? 0 : Math.max(0, Math.min(b.value, max)),
      itemStyle: { color: b.highlight ? CHART_COLOURS.highlight : CHART_COLOURS.bar },
    })),
  };
  if (input.reference)
    series.markLine = {
      silent: true,
      symbol: "none",
      lineStyle: { color: CHART_COLOURS.target, width: 2, type: "dashed" },
      label: { show: false },
      data: [{ xAxis: input.reference.value }],
    };
  const option: ChartOption = {
    animation: false,
    textStyle: { fontSize: CHART_FONT_SIZE, fontFamily: "system-ui, sans-serif", color: CHART_COLOURS.text },
    grid: layout.grid,
    xAxis: {
      type: "value",
      min: 0,
      max,
      interval: max / (layout.narrow ? 2 : 4),
      axisLabel: {
        formatter: (v: number) => formatViNumber(v, { maximumFractionDigits: 2 }),
        fontSize: CHART_FONT_SIZE,
        color: CHART_COLOURS.muted,
        hideOverlap: true,
      },
      splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
    },
    yAxis: captionAxis(input.bars.map(caption), layout),
    series: [series],
  };
  return { option, width, height: layout.height };
}

/** The chart of value bars (see the file's comment), drawn wide and narrow. */
export function valueBarsChart(given: ValueBarsInput): ChartSpec {
  const input = {
    ...given,
    bars: given.bars.map((b) => ({
      ...b,
      value: b.value !== null && Number.isFinite(b.value) ? b.value : null,
    })),
  };
  const values = input.bars.map((b) => b.value ?? 0).concat(input.reference?.value ?? 0);
  const max = input.max ?? niceMax(Math.max(...values));
  const notes: string[] = [];
  if (input.reference)
    notes.push(
      `Nét đứt: ${input.reference.label} (${formatViNumber(input.reference.value, { maximumFractionDigits: 3 })}).`,
    );
  if (input.bars.some((b) => b.highlight)) notes.push("Dấu ◆ và màu đỏ: đơn vị đang xem.");
  const description = [
    `${input.bars.length} thanh, trục từ 0 đến ${formatViNumber(max)} ${input.unit}.`,
    ...input.bars.map((b) => `${caption(b)}.`),
    ...notes,
  ].join(" ");
  return {
    title: input.title,
    description,
    wide: variant(input, max, WIDE_WIDTH),
    narrow: variant(input, max, NARROW_WIDTH),
    notes,
  };
}
