/**
 * The one place charts are drawn: an ECharts option rendered to an SVG string on the server
 * (`ssr: true`, `renderToSVGString`), then made inlinable and labelled ({@link accessibleSvg}).
 * ECharts is loaded on the first chart drawn (lazy-libraries.ts), so a cold start does not pay for it.
 */
import { loadECharts } from "../lazy-libraries.js";
import type { ChartSpec, ChartVariant } from "./chart.model.js";
import { accessibleSvg } from "./svg-markup.rules.js";

/** One variant of a chart, as inlinable SVG. */
export async function renderVariantSvg(
  variant: ChartVariant,
  labels: { id: string; title: string; description: string; className: string },
): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: variant.width,
    height: variant.height,
  });
  try {
    chart.setOption(variant.option);
    return accessibleSvg(chart.renderToSVGString(), labels);
  } finally {
    chart.dispose();
  }
}

/** Both variants of a chart, ids `${id}-rong` and `${id}-hep`, for {@link ChartSpec}'s two widths. */
export async function renderChartSvgs(
  spec: ChartSpec,
  id: string,
): Promise<{ wide: string; narrow: string }> {
  const common = { title: spec.title, description: spec.description };
  const [wide, narrow] = await Promise.all([
    renderVariantSvg(spec.wide, { ...common, id: `${id}-rong`, className: "chart-wide" }),
    renderVariantSvg(spec.narrow, { ...common, id: `${id}-hep`, className: "chart-narrow" }),
  ]);
  return { wide, narrow };
}
