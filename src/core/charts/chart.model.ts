/**
 * The shapes of a server-rendered chart: an ECharts option for each width it is drawn at, its title
 * and description (read by screen readers), and the notes a reader must see beside it. Types only.
 */

/** An ECharts option as plain data (functions allowed for label formatters); kept loose on purpose. */
export type ChartOption = Record<string, unknown>;

/** One drawing of a chart at a fixed pixel size. */
export interface ChartVariant {
  option: ChartOption;
  width: number;
  height: number;
}

/**
 * A chart as a page shows it: drawn wide for a laptop and narrow for a phone (390 px), so labels stay
 * 12 px at either width instead of shrinking with a scaled viewBox.
 */
export interface ChartSpec {
  /** <title>: what the chart shows. */
  title: string;
  /** <desc>: the chart's reading in words (scale, marks, cut bars); the data table holds the figures. */
  description: string;
  wide: ChartVariant;
  narrow: ChartVariant;
  /** Sentences to print under the chart (a cut axis, a legend of marks). */
  notes: string[];
}

/** The wide and narrow drawing widths, in CSS pixels (the narrow one fits a 390 px phone's content box). */
export const WIDE_WIDTH = 720;
export const NARROW_WIDTH = 350;

/** The smallest font size used in any chart, in pixels (at either width the SVG is drawn 1:1). */
export const CHART_FONT_SIZE = 12;

/** Colours (each with a shape or words that say the same: colour is never the only sign). */
export const CHART_COLOURS = {
  good: "#2e7d32",
  bad: "#c62828",
  neutral: "#546e7a",
  highlight: "#b3261e",
  bar: "#1f5f99",
  target: "#1a1a1a",
  text: "#1a1a1a",
  muted: "#455a64",
  grid: "#d5dbe1",
} as const;
