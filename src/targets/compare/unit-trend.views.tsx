/** A unit's trend across years for a chosen indicator: a line, the figures as a table, a way to the comparison. */
import { ChartFigure } from "../../core/charts/chart.views.js";
import { trendChart } from "../../core/charts/trend-line.rules.js";
import { precisionOf } from "../catalogue/indicator.model.js";
import { cellText } from "./compare-text.rules.js";
import type { UnitTrend } from "./unit-trend.service.js";

export function UnitTrendSection(props: {
  trend: UnitTrend;
  /** The evaluation page's own path and query to keep (`ky`, `co-so`). */
  action: string;
  periodKey: string;
  /** Link to the comparison with the unit's siblings (readers who may use it). */
  compareHref: string | null;
}) {
  const { indicator, table } = props.trend;
  const row = table.rows[0];
  if (!row) return null;
  const unit = indicator.unitOfMeasure;
  const spec = trendChart({
    title: `${indicator.name}, ${row.name}, ${table.columns[0]?.label}–${table.columns.at(-1)?.label} (${unit})`,
    unit,
    digits: precisionOf(indicator),
    points: table.columns.map((c, i) => ({
      label: c.label,
      value: row.cells[i]?.value ?? null,
      estimate: row.cells[i]?.estimate ?? false,
      target: null,
    })),
  });
  return (
    <section aria-labelledby="xu-huong-tieu-de" id="xu-huong">
      <h2 id="xu-huong-tieu-de">Xu hướng qua các năm</h2>
      <form method="get" action={props.action} class="inline-fields no-print">
        <input type="hidden" name="ky" value={props.periodKey} />
        <div class="field">
          <label for="f-xu-huong">Chỉ tiêu</label>
          <select id="f-xu-huong" name="xu-huong">
            {props.trend.choices.map((i) => (
              <option value={i.code} selected={i.id === indicator.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          Xem xu hướng
        </button>
      </form>
      <div class="chart-block">
        <ChartFigure id="bieu-do-xu-huong-don-vi" spec={spec} tableId="bang-xu-huong" />
        <table id="bang-xu-huong">
          <caption>
            {indicator.name} ({unit}), số liệu đã phê duyệt
          </caption>
          <thead>
            <tr>
              <th scope="col">Năm</th>
              <th scope="col" class="num">
                Thực hiện
              </th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c, i) => (
              <tr>
                <th scope="row">{c.label}</th>
                <td class="num">{cellText(row.cells[i] ?? { value: null, estimate: false }, indicator)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.compareHref ? (
        <p class="no-print">
          <a href={props.compareHref}>So sánh với các đơn vị khác (bảng, biểu đồ, Excel)</a>
        </p>
      ) : null}
    </section>
  );
}
