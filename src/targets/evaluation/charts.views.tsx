/**
 * Small hand-written SVG charts, rendered on the server: no client script, printable, and readable
 * without colour (each chart sits beside a data table; colours only repeat what the table says).
 * Only presentation attributes are used, never `style`, so the strict Content-Security-Policy holds.
 */
import { formatViNumber } from "../../core/format/vi-number.js";

const GOOD = "#2e7d32";
const BAD = "#c62828";
const NEUTRAL = "#607d8b";
const TARGET = "#1a1a1a";

export interface BulletRow {
  label: string;
  unit: string;
  actual: number | null;
  target: { kind: "value"; value: number } | { kind: "range"; min: number; max: number } | null;
  /** true: met or exceeded; false: not met; null: no verdict. */
  good: boolean | null;
  estimate: boolean;
}

const withUnit = (x: number, unit: string) =>
  `${formatViNumber(x, { maximumFractionDigits: 3 })}${unit === "%" || unit === "‰" ? unit : ` ${unit}`}`;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * One bar per indicator (the actual) with a black tick at its target (or a band for a range). Each
 * row has its own scale, from 0 to 115% of the larger of actual and target, because indicators are in
 * different units: compare a bar with its own tick, never with another row.
 */
export function BulletChart({ rows, titleId, title }: { rows: BulletRow[]; titleId: string; title: string }) {
  const width = 640;
  const left = 8;
  const track = width - left - 170;
  const rowHeight = 46;
  const height = rows.length * rowHeight + 8;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      class="chart"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{title}</title>
      {rows.map((row, i) => {
        const y = i * rowHeight + 4;
        const top = row.target?.kind === "range" ? row.target.max : (row.target?.value ?? 0);
        const max = Math.max(row.actual ?? 0, top, 1e-9) * 1.15;
        const x = (v: number) => left + (Math.max(0, v) / max) * track;
        const colour = row.good === null ? NEUTRAL : row.good ? GOOD : BAD;
        return (
          <g>
            <text x={left} y={y + 12} font-size="12" fill="#1a1a1a">
              {shorten(row.label, 80)}
            </text>
            <rect x={left} y={y + 18} width={track} height="16" fill="#eceff1" />
            {row.target?.kind === "range" ? (
              <rect
                x={x(row.target.min)}
                y={y + 16}
                width={x(row.target.max) - x(row.target.min)}
                height="20"
                fill="#b0bec5"
              />
            ) : null}
            {row.actual !== null ? (
              <rect
                x={left}
                y={y + 21}
                width={Math.max(1, x(row.actual) - left)}
                height="10"
                fill={colour}
                fill-opacity={row.estimate ? "0.55" : "1"}
              />
            ) : null}
            {row.target?.kind === "value" ? (
              <line
                x1={x(row.target.value)}
                x2={x(row.target.value)}
                y1={y + 15}
                y2={y + 37}
                stroke={TARGET}
                stroke-width="2"
              />
            ) : null}
            <text x={left + track + 8} y={y + 31} font-size="12" fill="#1a1a1a">
              {row.actual === null ? "chưa có số liệu" : withUnit(row.actual, row.unit)}
              {row.estimate ? " (ước)" : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface TrendPoint {
  year: number;
  value: number | null;
  estimate: boolean;
  target: number | null;
}

/**
 * A line of annual figures over a term, hollow squares for each year's own target, and a dashed line
 * for a term target that compares with annual figures (an annual mean or an end-of-term level).
 * A missing year breaks the line rather than being drawn through.
 */
export function TrendChart(props: {
  points: TrendPoint[];
  unit: string;
  termTarget: number | null;
  titleId: string;
  title: string;
}) {
  const width = 320;
  const height = 170;
  const pad = { left: 44, right: 18, top: 12, bottom: 26 };
  const values = props.points.flatMap((p) => [p.value, p.target]).concat(props.termTarget);
  const known = values.filter((v): v is number => v !== null);
  const lo = Math.min(0, ...known);
  const hi = Math.max(...known, lo + 1e-9) * 1.1;
  const n = props.points.length;
  const x = (i: number) => pad.left + (n <= 1 ? 0 : (i / (n - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => height - pad.bottom - ((v - lo) / (hi - lo)) * (height - pad.top - pad.bottom);
  const segments: string[] = [];
  let current: string[] = [];
  props.points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 1) segments.push(current.join(" "));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length > 1) segments.push(current.join(" "));
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={props.titleId}
      class="chart"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={props.titleId}>{props.title}</title>
      <line x1={pad.left} x2={width - pad.right} y1={y(lo)} y2={y(lo)} stroke="#90a4ae" />
      <text x={pad.left - 4} y={y(hi / 1.1) + 4} font-size="10" text-anchor="end" fill="#455a64">
        {formatViNumber(hi / 1.1, { maximumFractionDigits: 2 })}
      </text>
      <text x={pad.left - 4} y={y(lo) + 4} font-size="10" text-anchor="end" fill="#455a64">
        {formatViNumber(lo)}
      </text>
      {props.termTarget !== null ? (
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(props.termTarget)}
          y2={y(props.termTarget)}
          stroke={TARGET}
          stroke-dasharray="5 4"
        />
      ) : null}
      {segments.map((points) => (
        <polyline points={points} fill="none" stroke={GOOD} stroke-width="2" />
      ))}
      {props.points.map((p, i) => (
        <g>
          {p.target !== null ? (
            <rect x={x(i) - 4} y={y(p.target) - 4} width="8" height="8" fill="none" stroke={TARGET} />
          ) : null}
          {p.value !== null ? (
            <circle
              cx={x(i)}
              cy={y(p.value)}
              r="3.5"
              fill={p.estimate ? "#ffffff" : GOOD}
              stroke={GOOD}
              stroke-width="2"
            />
          ) : null}
          <text x={x(i)} y={height - 8} font-size="10" text-anchor="middle" fill="#455a64">
            {p.year}
          </text>
        </g>
      ))}
    </svg>
  );
}
