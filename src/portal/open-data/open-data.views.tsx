import { ChartFigure } from "../../core/charts/chart.views.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { BaseSwitch, ComparableBaseNote } from "../../targets/comparable/comparable-base.views.js";
import { ActualCell, IndicatorRowHeader, unitOf } from "../../targets/evaluation/evaluation.views.js";
import { evaluationChart } from "../../targets/evaluation/evaluation-chart.rules.js";
import { formatLevel, formatPct, STATUS_LABELS } from "../../targets/targets-format.rules.js";
import { unitTitle } from "../../targets/unit-wording.rules.js";
import type { OpenData } from "./open-data.service.js";

/** The open data page of a unit and period: chart, data table, downloads; or a plain "not yet". */

export function openDataHref(unitId: number, periodKey?: string): string {
  return periodKey ? `/du-lieu-mo/${unitId}?ky=${encodeURIComponent(periodKey)}` : `/du-lieu-mo/${unitId}`;
}

function DataTable({ data }: { data: OpenData }) {
  return (
    <div class="table-scroll">
      {/* On a phone each row becomes a card of "label: value" lines (data-label, site.css). */}
      <table class="cards-on-phone">
        <caption>Số liệu đã phê duyệt, {data.evaluation.period.label} (cũng là số liệu của biểu đồ)</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Kế hoạch</th>
            <th scope="col">Thực hiện</th>
            <th scope="col" class="num">
              Đạt (% kế hoạch)
            </th>
            <th scope="col">Đánh giá</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((e) => (
            <tr>
              <IndicatorRowHeader e={e} />
              <td data-label="Kế hoạch">{formatLevel(e.evaluation.target, unitOf(e))}</td>
              <ActualCell e={e} />
              <td class="num" data-label="Đạt (% kế hoạch)">
                {formatPct(e.evaluation.achievementPct)}
              </td>
              <td data-label="Đánh giá">
                {STATUS_LABELS[e.evaluation.status]}
                <br />
                <span class="muted">{e.evaluation.wording.precise}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OpenDataPage({ meta, data }: { meta: PageMeta; data: OpenData }) {
  const { evaluation } = data;
  const unitId = evaluation.unit.id;
  const key = evaluation.period.key;
  const files = `/du-lieu-mo/${unitId}/du-lieu`;
  const comparable = data.asked === "comparable";
  const baseQuery = comparable ? "&co-so=quy-doi" : "";
  const chart = evaluationChart(
    `Thực hiện so với kế hoạch, ${evaluation.period.label}`,
    data.rows.filter((e) => typeof e.evaluation.actual === "number"),
  );
  return (
    <PublicLayout meta={meta}>
      <nav aria-label="Vị trí" class="breadcrumb">
        <p class="muted">
          <a href={`/don-vi/${unitId}`}>{unitTitle(evaluation.unit)}</a> ›{" "}
          <span aria-current="page">Dữ liệu mở</span>
        </p>
      </nav>
      <h1>
        Dữ liệu mở: {unitTitle(evaluation.unit)}, {evaluation.period.label}
      </h1>
      <form method="get" action={openDataHref(unitId)} class="inline-fields">
        <div class="field">
          <label for="ky">Kỳ số liệu</label>
          <input id="ky" name="ky" value={key} list="ky-co-du-lieu" aria-describedby="ky-hint" />
          <p class="hint" id="ky-hint">
            Năm (2019) hoặc nhiệm kỳ (2015-2020).
          </p>
          <datalist id="ky-co-du-lieu">
            {data.periods.map((p) => (
              <option value={p} />
            ))}
          </datalist>
        </div>
        <BaseSwitch checked={comparable} />
        <button type="submit" class="button">
          Xem
        </button>
      </form>
      <ComparableBaseNote base={evaluation.base} asked={comparable} />
      {data.periods.length > 0 ? (
        <p>
          Các kỳ đã có dữ liệu:{" "}
          {data.periods.map((p, i) => (
            <>
              {i > 0 ? ", " : ""}
              <a href={openDataHref(unitId, p)} aria-current={p === key ? "page" : undefined}>
                {p}
              </a>
            </>
          ))}
          .
        </p>
      ) : null}
      {data.rows.length === 0 ? (
        <p class="empty-state" role="status">
          Chưa có số liệu được phê duyệt để công khai cho {evaluation.period.label}. Dữ liệu sẽ xuất hiện ở
          đây khi đơn vị báo cáo và cấp trên phê duyệt.
        </p>
      ) : (
        <>
          <p>
            Chỉ gồm các chỉ tiêu công khai và số liệu đã được phê duyệt. Số liệu được tính và trình bày bằng
            cùng một cách với trang đánh giá của đơn vị.
          </p>
          {chart ? (
            <section aria-labelledby="bieu-do">
              <h2 id="bieu-do">Thực hiện so với kế hoạch</h2>
              <ChartFigure id="bieu-do-ke-hoach" spec={chart} tableId="bang-so-lieu" />
            </section>
          ) : null}
          <section aria-labelledby="bang-so-lieu">
            <h2 id="bang-so-lieu">Bảng số liệu</h2>
            <DataTable data={data} />
          </section>
          <section aria-labelledby="tai-ve">
            <h2 id="tai-ve">Tải về</h2>
            <ul>
              <li>
                <a href={`${files}.csv?ky=${encodeURIComponent(key)}${baseQuery}`}>
                  CSV (UTF-8, dấu chấm thập phân)
                </a>
              </li>
              <li>
                <a href={`${files}.xlsx?ky=${encodeURIComponent(key)}${baseQuery}`}>Excel (XLSX)</a>
              </li>
              <li>
                <a
                  href={`/api/v1/units/${unitId}/evaluation?period=${encodeURIComponent(key)}${comparable ? "&base=comparable" : ""}`}
                >
                  JSON (API)
                </a>
              </li>
            </ul>
          </section>
        </>
      )}
    </PublicLayout>
  );
}
