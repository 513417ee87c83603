/**
 * A chart on a page: the wide drawing for screens over 40rem, the narrow one below (CSS in
 * site.css shows one), the notes that explain its marks, and a link to the data table beside it,
 * which carries every figure as text. Async: the SVG is rendered as the page is.
 */
import { raw } from "hono/html";
import type { ChartSpec } from "./chart.model.js";
import { renderChartSvgs } from "./svg-chart.js";

/** `notes: false` when the page explains the marks once for several charts (a grid of trends). */
export async function ChartFigure(props: { id: string; spec: ChartSpec; tableId?: string; notes?: boolean }) {
  const svg = await renderChartSvgs(props.spec, props.id);
  return (
    <figure class="chart-figure" id={props.id}>
      {/* One of the two drawings is shown (site.css); each is labelled on its own. */}
      {raw(svg.wide)}
      {raw(svg.narrow)}
      <figcaption>
        {(props.notes === false ? [] : props.spec.notes).map((note) => (
          <span class="chart-note">{note} </span>
        ))}
        {props.tableId ? <a href={`#${props.tableId}`}>Xem bảng số liệu</a> : null}
      </figcaption>
    </figure>
  );
}
