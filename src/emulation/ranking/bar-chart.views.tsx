import { formatViNumber } from "../../core/format/vi-number.js";

export interface ChartBar {
  label: string;
  value: number;
  /** Printed after the value, e.g. "(đồng hạng)". */
  note?: string;
  /** Drawn in the accent colour (the unit the reader came for). */
  highlight?: boolean;
}

const ROW = 30;
const LABEL_WIDTH = 210;
const BAR_AREA = 360;
const VALUE_WIDTH = 170;
const WIDTH = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;

/**
 * A horizontal bar chart as inline SVG, rendered on the server: no script, printable, readable without
 * CSS. Colours are presentation attributes (the CSP forbids inline styles). The chart is labelled for
 * screen readers but points to the table beside it, which carries the same figures as text.
 */
export function HorizontalBarChart({
  id,
  title,
  bars,
  max,
  tableId,
}: {
  id: string;
  title: string;
  bars: ChartBar[];
  max: number;
  tableId: string;
}) {
  const height = Math.max(1, bars.length) * ROW + 24;
  const scale = max > 0 ? BAR_AREA / max : 0;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        xmlns="http://www.w3.org/2000/svg"
        font-family="system-ui, sans-serif"
        font-size="13"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>Số liệu chi tiết nằm trong bảng bên dưới.</desc>
        {ticks.map((t) => (
          <g>
            <line
              x1={LABEL_WIDTH + t * scale}
              x2={LABEL_WIDTH + t * scale}
              y1={0}
              y2={height - 20}
              stroke="#d5dbe1"
            />
            <text
              x={LABEL_WIDTH + t * scale}
              y={height - 6}
              text-anchor="middle"
              fill="#4f5b66"
              font-size="11"
            >
              {formatViNumber(t, { maximumFractionDigits: 0 })}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          const width = Math.max(0, Math.min(bar.value, max) * scale);
          return (
            <g>
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW / 2}
                text-anchor="end"
                dominant-baseline="middle"
                fill="#1b2733"
              >
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={width}
                height={ROW - 10}
                rx={3}
                fill={bar.highlight ? "#b3261e" : "#1f5f99"}
              />
              <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2} dominant-baseline="middle" fill="#1b2733">
                {formatViNumber(bar.value)}
                {bar.note ? ` ${bar.note}` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {title}. <a href={`#${tableId}`}>Xem bảng số liệu</a>.
      </figcaption>
    </figure>
  );
}
