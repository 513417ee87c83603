/** The office's approval queue: submitted figures by unit and period; approve, return or reopen with a reason. */
import { formatDateTimeVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerSelect } from "../../core/views/picker.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { type Indicator, VERSION_LABELS } from "../catalogue/indicator.model.js";
import { type EntryContext, NO_CONTEXT } from "../entry/entry-checks.rules.js";
import { ContextCells, ContextHeaders, isPartYear } from "../entry/entry-context.views.js";
import type { ResultRow } from "../entry/results.repo.js";
import { formatFigure } from "../targets-format.rules.js";
import { unitTitle } from "../unit-wording.rules.js";

export interface QueueGroup {
  unit: { id: number; name: string; level: string };
  periodKey: string;
  rows: ResultRow[];
  /** What each figure is judged against, by indicator id (entry-context.service). */
  contexts: ReadonlyMap<number, EntryContext>;
}

export interface ApprovalPageProps {
  meta: PageMeta;
  groups: QueueGroup[];
  indicators: ReadonlyMap<number, Indicator>;
  units: UnitName[];
  /** Approved figures found for the reopen search, with the search itself. */
  reopen: {
    unitId: number | null;
    periodKey: string;
    rows: ResultRow[];
    contexts: ReadonlyMap<number, EntryContext>;
  };
  errors?: FieldErrors;
  notice?: string | null;
}

function figure(row: ResultRow, indicators: ReadonlyMap<number, Indicator>) {
  const indicator = indicators.get(row.indicatorId);
  if (!indicator) return String(row.value);
  return formatFigure(
    indicator.valueType === "boolean" ? row.value !== 0 : row.value,
    indicator.unitOfMeasure,
  );
}

function RowsTable({
  rows,
  indicators,
  caption,
  contexts,
  periodKey,
}: {
  rows: ResultRow[];
  indicators: ReadonlyMap<number, Indicator>;
  caption: string;
  contexts: ReadonlyMap<number, EntryContext>;
  periodKey: string;
}) {
  const partYear = isPartYear(periodKey);
  return (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Chọn</th>
          <th scope="col">Chỉ tiêu</th>
          <th scope="col">Loại</th>
          <th scope="col">Giá trị</th>
          <th scope="col">Kế hoạch</th>
          <ContextHeaders partYear={partYear} />
          <th scope="col">Nguồn, ghi chú</th>
          <th scope="col">Gửi lúc</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const name = indicators.get(r.indicatorId)?.name ?? `#${r.indicatorId}`;
          return (
            <tr>
              <td>
                <input type="checkbox" name="id" value={String(r.id)} checked id={`r-${r.id}`} />
                <label for={`r-${r.id}`} class="visually-hidden">
                  Chọn {name}
                </label>
              </td>
              <th scope="row">{name}</th>
              <td>{VERSION_LABELS[r.version]}</td>
              <td class="num">
                {figure(r, indicators)}
                {r.confirmedWarning ? (
                  <span class="context-note">Đơn vị đã xác nhận: {r.confirmedWarning}</span>
                ) : null}
              </td>
              <ContextFor row={r} indicators={indicators} contexts={contexts} partYear={partYear} />
              <td>{[r.source, r.note].filter(Boolean).join(" · ")}</td>
              <td>{r.submittedAt ? formatDateTimeVi(r.submittedAt) : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The target and the context cells of one figure (none for an indicator no longer in the catalogue). */
function ContextFor({
  row,
  indicators,
  contexts,
  partYear,
}: {
  row: ResultRow;
  indicators: ReadonlyMap<number, Indicator>;
  contexts: ReadonlyMap<number, EntryContext>;
  partYear: boolean;
}) {
  const indicator = indicators.get(row.indicatorId);
  const context = contexts.get(row.indicatorId) ?? NO_CONTEXT;
  if (!indicator) return <td colSpan={partYear ? 5 : 3}>—</td>;
  return (
    <>
      <td class="num">
        {context.target === null ? "—" : formatFigure(context.target, indicator.unitOfMeasure)}
      </td>
      <ContextCells row={{ indicator, context, value: row.value }} partYear={partYear} />
    </>
  );
}

export function ApprovalPage(props: ApprovalPageProps) {
  const token = props.meta.auth.csrfToken;
  return (
    <AdminLayout meta={props.meta} active="/quan-tri/phe-duyet">
      <h1>Phê duyệt số liệu</h1>
      <Notice message={props.notice} />
      <ErrorSummary errors={props.errors} labels={{ reason: "Lý do" }} />
      {props.groups.length === 0 ? <p>Không có số liệu nào đang chờ phê duyệt.</p> : null}
      {props.groups.map((g, i) => (
        <section class="card" aria-labelledby={`g-${i}`}>
          <h2 id={`g-${i}`}>
            {unitTitle(g.unit)}, kỳ {g.periodKey}: {g.rows.length} số liệu chờ duyệt
          </h2>
          <form method="post" action="/quan-tri/phe-duyet">
            <CsrfInput token={token} />
            <RowsTable
              rows={g.rows}
              indicators={props.indicators}
              caption={`Số liệu chờ duyệt của ${unitTitle(g.unit)}`}
              contexts={g.contexts}
              periodKey={g.periodKey}
            />
            <p class="actions">
              <button type="submit" name="hanh-dong" value="duyet" class="button primary">
                Phê duyệt các số liệu đã chọn
              </button>
            </p>
            <div class="field">
              <label for={`reason-${i}`}>Lý do trả lại (bắt buộc khi trả lại)</label>
              <textarea id={`reason-${i}`} name="reason" rows={2} />
            </div>
            <button type="submit" name="hanh-dong" value="tra-lai" class="button">
              Trả lại để sửa
            </button>
          </form>
        </section>
      ))}
      <section class="card" aria-labelledby="reopen-title">
        <h2 id="reopen-title">Mở lại số liệu đã phê duyệt</h2>
        <form method="get" action="/quan-tri/phe-duyet" class="inline-fields">
          <div class="field">
            <label for="f-don-vi">Đơn vị</label>
            <PickerSelect
              id="f-don-vi"
              name="don-vi"
              groups={unitPickerGroups(props.units, props.meta.today, unitTitle)}
              value={props.reopen.unitId === null ? null : String(props.reopen.unitId)}
            />
          </div>
          <div class="field">
            <label for="f-ky">Kỳ</label>
            <input id="f-ky" name="ky" value={props.reopen.periodKey} />
          </div>
          <button type="submit" class="button">
            Tìm số liệu đã duyệt
          </button>
        </form>
        {props.reopen.unitId !== null && props.reopen.rows.length === 0 ? (
          <p>Không có số liệu đã duyệt nào.</p>
        ) : null}
        {props.reopen.rows.length > 0 ? (
          <form method="post" action="/quan-tri/phe-duyet">
            <CsrfInput token={token} />
            <RowsTable
              rows={props.reopen.rows}
              indicators={props.indicators}
              caption="Số liệu đã phê duyệt"
              contexts={props.reopen.contexts}
              periodKey={props.reopen.periodKey}
            />
            <div class={props.errors?.reason ? "field has-error" : "field"}>
              <label for="f-reason">Lý do mở lại (bắt buộc)</label>
              <textarea id="f-reason" name="reason" rows={2} required />
            </div>
            <button type="submit" name="hanh-dong" value="mo-lai" class="button">
              Mở lại để sửa
            </button>
          </form>
        ) : null}
      </section>
    </AdminLayout>
  );
}
