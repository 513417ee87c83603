/** The unit's evaluation page: summary, narrative, table, actual-vs-target chart and term trends. */
import type { Child } from "hono/jsx";
import { NARROW_WIDTH } from "../../core/charts/chart.model.js";
import { ChartFigure } from "../../core/charts/chart.views.js";
import { trendChart } from "../../core/charts/trend-line.rules.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { AGGREGATION_LABELS } from "../catalogue/indicator.model.js";
import type { EvaluationBase } from "../comparable/comparable-base.service.js";
import { BaseSwitch, ComparableBaseNote } from "../comparable/comparable-base.views.js";
import { toDhis2Period } from "../exchange/dhis2-period.rules.js";
import {
  formatFigure,
  formatGap,
  formatLevel,
  formatPct,
  STATUS_LABELS,
  sentenceCase,
} from "../targets-format.rules.js";
import { unitTitle } from "../unit-wording.rules.js";
import type { IndicatorEvaluation } from "./evaluation.model.js";
import type { UnitEvaluation } from "./evaluation.service.js";
import { AchievementCell, SamePeriodCell, TargetsCell } from "./evaluation-cells.views.js";
import { achievementRowOf, chartable, evaluationChart } from "./evaluation-chart.rules.js";

export interface EvaluationPageProps {
  meta: PageMeta;
  evaluation: UnitEvaluation;
  /** The visitor sees open-data indicators only. */
  publicOnly: boolean;
  style: "precise" | "customary";
  narrative: string | null;
  /** Periods offered in the picker. */
  periods: string[];
  /** The base shown (comparable-base.service); absent: the unit's own figures, no switch asked. */
  base?: EvaluationBase;
  /** The visitor asked for the comparable base (`co-so=quy-doi`). */
  comparableAsked?: boolean;
  /** The period's report as a Word draft, for those who may read every figure; null otherwise. */
  reportHref?: string | null;
  /** The trend across years of a chosen indicator (compare room's section). */
  trend?: Child;
}

/** The unit an indicator's figures are in: the one its semantics name, else the catalogue's. */
export const unitOf = (e: IndicatorEvaluation) => e.semantics.unit ?? e.indicator.unitOfMeasure;

/** An indicator's row header in the evaluation tables (the unit's page and open data): name, code, field. */
export function IndicatorRowHeader({ e }: { e: IndicatorEvaluation }) {
  return (
    <th scope="row">
      {e.indicator.name}
      <br />
      <span class="muted">
        {e.indicator.code} · {e.indicator.field}
      </span>
    </th>
  );
}

/** The figure achieved, marked when it is an estimate. */
export function ActualCell({ e }: { e: IndicatorEvaluation }) {
  return (
    <td data-label="Thực hiện">
      {formatFigure(e.evaluation.actual, unitOf(e))}
      {e.evaluation.basis === "estimate" ? " (ước thực hiện)" : ""}
    </td>
  );
}

function targetCell(e: IndicatorEvaluation) {
  const level = formatLevel(e.evaluation.target, unitOf(e));
  if (!e.term || !e.evaluation.target) return level;
  return `${AGGREGATION_LABELS[e.term.aggregation]}: ${level}`;
}

function notesOf(e: IndicatorEvaluation): string[] {
  const notes: string[] = [];
  if (e.problem) notes.push(e.problem);
  if (e.target?.source === "inherited") notes.push("Chỉ tiêu chung của cấp trên.");
  if (e.evaluation.targetRevised) notes.push(`Chỉ tiêu đã điều chỉnh (lần ${e.evaluation.targetRevision}).`);
  if (e.term) {
    const figure = e.term.figure;
    if (figure.ok && figure.note) notes.push(figure.note);
    if (!figure.ok) notes.push(figure.message);
  }
  return [...notes, ...e.notes];
}

/** The documents that set the targets, each with the codes of the indicators it set. */
function TargetDocuments({ evaluation }: { evaluation: UnitEvaluation }) {
  const documents = new Map<string, string[]>();
  for (const e of evaluation.indicators) {
    const document = e.target?.latest.document;
    if (document) documents.set(document, [...(documents.get(document) ?? []), e.indicator.code]);
  }
  if (documents.size === 0) return null;
  return (
    <>
      <h2>Căn cứ giao chỉ tiêu</h2>
      <ul>
        {[...documents].map(([document, codes]) => (
          <li>
            {document}: {codes.join(", ")}.
          </li>
        ))}
      </ul>
    </>
  );
}

function EvaluationTable({
  evaluation,
  style,
}: {
  evaluation: UnitEvaluation;
  style: "precise" | "customary";
}) {
  const other = style === "precise" ? "customary" : "precise";
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label="Bảng kết quả (cuộn ngang được)">
      <table class="eval-table">
        <caption>Kết quả thực hiện chỉ tiêu {evaluation.period.label} (số liệu đã phê duyệt)</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Kế hoạch</th>
            <th scope="col">Thực hiện</th>
            <th scope="col" class="num">
              Đạt (% kế hoạch)
            </th>
            <th scope="col" class="num">
              Vượt (+) / thiếu (−)
            </th>
            <th scope="col">Đánh giá</th>
            <th scope="col">Cùng kỳ năm trước</th>
            <th scope="col">Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.indicators.map((e) => (
            <tr>
              <IndicatorRowHeader e={e} />
              <TargetsCell e={e} fallback={targetCell(e)} />
              <ActualCell e={e} />
              <AchievementCell e={e} />
              <td class="num">
                {formatGap(
                  e.evaluation.exceedPct,
                  e.evaluation.exceedPoints,
                  unitOf(e),
                  e.indicator.percentDigits,
                )}
              </td>
              <td>
                <span class={`status status-${e.evaluation.status}`}>
                  {STATUS_LABELS[e.evaluation.status]}
                </span>
                <p class="wording">{e.evaluation.wording[style]}</p>
                {e.evaluation.wording[other] !== e.evaluation.wording[style] ? (
                  <p class="customary">
                    {other === "customary" ? "Cách viết thông dụng: " : "Cách viết chính xác: "}
                    {e.evaluation.wording[other]}
                  </p>
                ) : null}
              </td>
              <SamePeriodCell e={e} />
              <td>
                <ul class="plain-list">
                  {notesOf(e).map((n) => (
                    <li>{n}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActualVersusTarget({ evaluation }: { evaluation: UnitEvaluation }) {
  const items = evaluation.indicators.filter(chartable);
  const spec = evaluationChart(`Thực hiện so với kế hoạch, ${evaluation.period.label}`, items);
  if (!spec) return null;
  return (
    <section aria-labelledby="chart-title">
      <h2 id="chart-title">Thực hiện so với kế hoạch</h2>
      <div class="chart-block">
        <ChartFigure id="bieu-do-ke-hoach" spec={spec} tableId="bang-bieu-do" />
        <table id="bang-bieu-do">
          <caption>Số liệu của biểu đồ</caption>
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col">Kế hoạch</th>
              <th scope="col">Thực hiện</th>
              <th scope="col">Đánh giá</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => {
              const row = achievementRowOf(e);
              return (
                <tr>
                  <th scope="row">{e.indicator.name}</th>
                  <td>{formatLevel(e.evaluation.target, unitOf(e))}</td>
                  <td>
                    {row.valueText}
                    {row.estimate ? " (ước)" : ""}
                  </td>
                  <td>
                    {row.verdictText}
                    {row.endText ? ` (${row.endText})` : ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TermTrends({ evaluation }: { evaluation: UnitEvaluation }) {
  const items = evaluation.indicators.filter((e) => e.term && e.indicator.valueType !== "boolean");
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">Diễn biến qua các năm của nhiệm kỳ</h2>
      <p class="hint">
        Đường: số liệu từng năm (chấm rỗng: số ước). Ô vuông: kế hoạch của năm. Nét đứt: chỉ tiêu nhiệm kỳ,
        khi so được với số từng năm (bình quân hàng năm, năm cuối nhiệm kỳ).
      </p>
      <div class="trend-grid">
        {items.map((e, index) => {
          const term = e.term as NonNullable<IndicatorEvaluation["term"]>;
          const level = e.evaluation.target;
          const comparable = term.aggregation === "mean" || term.aggregation === "end";
          const unit = e.indicator.unitOfMeasure;
          return (
            <figure>
              <figcaption>
                <strong>{e.indicator.name}</strong> ({unit})
              </figcaption>
              <ChartFigure
                id={`xu-huong-${index}`}
                spec={trendChart(
                  {
                    title: `${e.indicator.name}: số liệu các năm ${term.years[0]}–${term.years.at(-1)}`,
                    unit,
                    digits: 3,
                    points: term.annual.map((a) => ({
                      label: String(a.year),
                      value: a.value,
                      estimate: a.basis === "estimate",
                      target: a.target,
                    })),
                    reference:
                      comparable && level?.kind === "value"
                        ? { value: level.value, label: "chỉ tiêu nhiệm kỳ" }
                        : null,
                  },
                  NARROW_WIDTH,
                )}
                notes={false}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">Năm</th>
                    <th scope="col">Thực hiện</th>
                    <th scope="col">Kế hoạch năm</th>
                  </tr>
                </thead>
                <tbody>
                  {term.annual.map((a) => (
                    <tr>
                      <th scope="row">{a.year}</th>
                      <td>
                        {formatFigure(a.value, unit)}
                        {a.basis === "estimate" ? " (ước)" : ""}
                      </td>
                      <td>{formatFigure(a.target, unit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          );
        })}
      </div>
    </section>
  );
}

export function EvaluationPage(props: EvaluationPageProps) {
  const { evaluation, style } = props;
  const unitName = unitTitle(evaluation.unit);
  const base = `/don-vi/${evaluation.unit.id}/danh-gia`;
  const query = `ky=${encodeURIComponent(evaluation.period.key)}${props.comparableAsked ? "&co-so=quy-doi" : ""}`;
  return (
    <PublicLayout meta={props.meta}>
      <h1>
        Kết quả thực hiện chỉ tiêu: {unitName}, {evaluation.period.label}
      </h1>
      <form method="get" action={base} class="inline-fields no-print">
        <div class="field">
          <label for="f-ky">Kỳ đánh giá</label>
          <input id="f-ky" name="ky" value={evaluation.period.key} list="ky-goi-y" />
          <datalist id="ky-goi-y">
            {props.periods.map((p) => (
              <option value={p} />
            ))}
          </datalist>
        </div>
        <BaseSwitch checked={props.comparableAsked ?? false} />
        <button type="submit" class="button">
          Xem
        </button>
      </form>
      <ComparableBaseNote base={props.base} asked={props.comparableAsked ?? false} />
      {props.publicOnly ? (
        <p class="muted">Trang công khai: chỉ gồm số liệu đã phê duyệt của các chỉ tiêu công khai.</p>
      ) : null}
      {evaluation.indicators.length === 0 ? (
        <p>Chưa có chỉ tiêu hoặc số liệu đã phê duyệt nào cho kỳ này.</p>
      ) : (
        <>
          <p class="lead">
            <strong>{sentenceCase(evaluation.summary.sentence)}.</strong>
          </p>
          {props.narrative ? (
            <section class="narrative" aria-labelledby="narrative-title">
              <h2 id="narrative-title">Đoạn văn tổng hợp</h2>
              <p>{props.narrative}</p>
              <details>
                <summary>Sao chép đoạn văn</summary>
                <label for="narrative-copy" class="visually-hidden">
                  Đoạn văn để sao chép
                </label>
                <textarea id="narrative-copy" readonly>
                  {props.narrative}
                </textarea>
              </details>
              <p class="muted no-print">
                {style === "precise" ? (
                  <a href={`${base}?${query}&cach-viet=thong-dung`}>
                    Xem cách viết thông dụng (“vượt 2,42%”)
                  </a>
                ) : (
                  <a href={`${base}?${query}`}>Xem cách viết chính xác (“vượt 2,42 điểm phần trăm”)</a>
                )}
              </p>
              {props.reportHref ? (
                <p class="actions no-print">
                  <a class="button" href={props.reportHref} download>
                    Tải dự thảo báo cáo (Word)
                  </a>
                  <a class="button" href={`${props.reportHref}&form=party`} download>
                    Dự thảo theo mẫu văn bản của Đảng
                  </a>
                </p>
              ) : null}
            </section>
          ) : null}
          <EvaluationTable evaluation={evaluation} style={style} />
          <TargetDocuments evaluation={evaluation} />
          <ActualVersusTarget evaluation={evaluation} />
          <TermTrends evaluation={evaluation} />
          {props.trend}
        </>
      )}
      <p class="actions no-print">
        <a class="button" href={`${base}.xlsx?${query}`}>
          Tải bảng đánh giá (Excel)
        </a>
        <a
          href={`/api/v1/units/${evaluation.unit.id}/evaluation?period=${encodeURIComponent(evaluation.period.key)}${props.comparableAsked ? "&base=comparable" : ""}`}
        >
          Dữ liệu JSON
        </a>
        {evaluation.period.kind === "term" || toDhis2Period(evaluation.period.key) !== null ? (
          // DHIS2 has no id for nine months or a custom period.
          <a
            href={`/api/v1/dataValueSets?orgUnit=${evaluation.unit.id}&period=${encodeURIComponent(evaluation.period.key)}&format=csv`}
          >
            Dữ liệu DHIS2 (CSV)
          </a>
        ) : null}
      </p>
    </PublicLayout>
  );
}
