/** The comparison page: indicator, units and years to choose; the table (sortable), two charts, downloads. */
import type { ChartSpec } from "../../core/charts/chart.model.js";
import { ChartFigure } from "../../core/charts/chart.views.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerSelect } from "../../core/views/picker.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { DIRECTION_LABELS } from "../catalogue/indicator.model.js";
import { COLUMN_KIND_LABELS, COLUMN_KIND_PARAMS, COLUMN_KINDS, type CompareTable } from "./compare.rules.js";
import type { Comparison } from "./compare.service.js";
import { COMPARE_PATH, type CompareState, compareHref, sortHref } from "./compare-href.rules.js";
import { cellText, wholeHeading, wholeNote, wholeText } from "./compare-text.rules.js";

export interface ComparePageProps {
  meta: PageMeta;
  comparison: Comparison;
  state: CompareState;
  rows: CompareTable["rows"];
  barChart: ChartSpec | null;
  trendChart: ChartSpec | null;
}

function SortHeader(props: { state: CompareState; by: string; label: string; numeric?: boolean }) {
  const active = props.state.sort === props.by;
  const direction = props.state.direction === "asc" ? "ascending" : "descending";
  return (
    <th scope="col" class={props.numeric ? "num" : undefined} aria-sort={active ? direction : undefined}>
      <a href={sortHref(props.state, props.by)}>
        {props.label}
        {active ? (props.state.direction === "asc" ? " ▲" : " ▼") : ""}
        <span class="visually-hidden">
          {active
            ? `, đang sắp xếp ${props.state.direction === "asc" ? "tăng dần" : "giảm dần"}`
            : ", bấm để sắp xếp"}
        </span>
      </a>
    </th>
  );
}

function Filters({
  comparison,
  state,
  today,
}: {
  comparison: Comparison;
  state: CompareState;
  today: string;
}) {
  const units = comparison.table.rows.map((r) => String(r.unitId));
  return (
    <form
      method="get"
      action={COMPARE_PATH}
      class="filters compare-filters"
      aria-label="Chọn chỉ tiêu, đơn vị và kỳ"
    >
      <label>
        Chỉ tiêu
        <select name="chi-tieu">
          {comparison.indicators.map((i) => (
            <option value={i.code} selected={i.id === comparison.indicator.id}>
              {i.name} ({i.unitOfMeasure})
            </option>
          ))}
        </select>
      </label>
      <label for="f-don-vi">
        Đơn vị so sánh
        <PickerSelect
          id="f-don-vi"
          name="don-vi"
          multiple
          groups={unitPickerGroups(comparison.choices, today)}
          value={units}
        />
      </label>
      <label>
        Từ năm
        <input name="tu" value={String(state.from)} inputmode="numeric" size={5} />
      </label>
      <label>
        Đến năm
        <input name="den" value={String(state.to)} inputmode="numeric" size={5} />
      </label>
      <label>
        Cột
        <select name="cot">
          {COLUMN_KINDS.filter((k) => comparison.kinds.includes(k) || k === state.kind).map((k) => (
            <option value={COLUMN_KIND_PARAMS[k]} selected={k === state.kind}>
              {COLUMN_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button">
        Xem
      </button>
    </form>
  );
}

function CompareTableView(props: ComparePageProps) {
  const { comparison, state } = props;
  const { indicator, table } = comparison;
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone.
    <div class="table-scroll" tabindex={0} role="region" aria-label="Bảng so sánh (cuộn ngang được)">
      <table id="bang-so-sanh" class="compare-table">
        <caption>
          {indicator.name} ({indicator.unitOfMeasure}), số liệu đã phê duyệt
        </caption>
        <thead>
          <tr>
            <SortHeader state={state} by="ten" label="Đơn vị" />
            {table.columns.map((c) => (
              <SortHeader state={state} by={c.key} label={c.label} numeric />
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr data-unit-id={String(row.unitId)}>
              <th scope="row">
                <a
                  href={`/don-vi/${row.unitId}/danh-gia?ky=${encodeURIComponent(state.to)}&xu-huong=${encodeURIComponent(indicator.code)}`}
                >
                  {row.name}
                </a>
              </th>
              {row.cells.map((cell) => (
                <td class="num">{cellText(cell, indicator)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="compare-whole">
            <th scope="row">{wholeHeading(comparison)}</th>
            {table.whole.map((cell) => (
              <td class="num">{wholeText(cell, indicator, table.rows.length)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
      <p class="hint">{wholeNote(comparison)}</p>
    </div>
  );
}

export function ComparePage(props: ComparePageProps) {
  const { comparison, state } = props;
  const { indicator } = comparison;
  return (
    <AdminLayout meta={props.meta} active={COMPARE_PATH}>
      <h1>So sánh chỉ tiêu giữa các đơn vị</h1>
      <Filters comparison={comparison} state={state} today={props.meta.today} />
      <p>
        <strong>{indicator.name}</strong> ({indicator.code}, {indicator.unitOfMeasure}):{" "}
        {DIRECTION_LABELS[indicator.direction].toLocaleLowerCase("vi-VN")}.
      </p>
      {comparison.table.rows.length === 0 ? (
        <p>Chưa chọn đơn vị nào để so sánh.</p>
      ) : (
        <>
          <CompareTableView {...props} />
          {props.barChart ? (
            <section aria-labelledby="bieu-do-don-vi-tieu-de">
              <h2 id="bieu-do-don-vi-tieu-de">So sánh các đơn vị</h2>
              <ChartFigure id="bieu-do-don-vi" spec={props.barChart} tableId="bang-so-sanh" />
            </section>
          ) : null}
          {props.trendChart ? (
            <section aria-labelledby="bieu-do-xu-huong-tieu-de">
              <h2 id="bieu-do-xu-huong-tieu-de">Xu hướng qua các kỳ</h2>
              <ChartFigure id="bieu-do-xu-huong" spec={props.trendChart} tableId="bang-so-sanh" />
            </section>
          ) : null}
        </>
      )}
      <p class="actions no-print">
        <a class="button" href={compareHref(state, ".xlsx")}>
          Tải bảng (Excel)
        </a>
        <a class="button" href={compareHref(state, ".csv")}>
          Tải bảng (CSV)
        </a>
        <a href={`/api/v1/indicators/${encodeURIComponent(indicator.code)}/comparison?${apiQuery(state)}`}>
          Dữ liệu JSON
        </a>
      </p>
    </AdminLayout>
  );
}

function apiQuery(state: CompareState): string {
  const q = new URLSearchParams();
  if (state.unitIds) q.set("units", state.unitIds.join(","));
  q.set("from", String(state.from));
  q.set("to", String(state.to));
  q.set("columns", state.kind);
  return q.toString();
}
