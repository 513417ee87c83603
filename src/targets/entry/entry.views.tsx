/** The ward's data-entry form for one period: every indicator in one form, saved all or nothing. */
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import {
  type Indicator,
  type ResultVersion,
  STATUS_LABELS,
  VERSION_LABELS,
} from "../catalogue/indicator.model.js";
import type { TargetLevel } from "../evaluation/evaluation.math.js";
import { unlistedNote } from "../exchange/import-problems.rules.js";
import { formatLevel } from "../targets-format.rules.js";
import { unitTitle } from "../unit-wording.rules.js";
import type { EntryContext } from "./entry-checks.rules.js";
import {
  ContextCells,
  ContextHeaders,
  isPartYear,
  liveBasis,
  ValueConfirmation,
} from "./entry-context.views.js";
import { MILESTONE_CHOICES } from "./entry-form.rules.js";
import type { ResultRow } from "./results.repo.js";

export interface EntryRow {
  indicator: Indicator;
  target: TargetLevel | null;
  result: ResultRow | null;
  context: EntryContext;
  /** What the field shows: the typed text after a failed save, else the stored value. */
  value: string;
  /** The officer ticked "Tôi xác nhận số liệu này đúng" (kept after a failed save). */
  confirmed: boolean;
  source: string;
  note: string;
}

export interface EntryPageProps {
  meta: PageMeta;
  unit: { id: number; name: string; level: string };
  periodKey: string;
  version: ResultVersion;
  rows: EntryRow[];
  errors?: FieldErrors;
  notice?: string | null;
  showAll: boolean;
  /** Errors of a rejected XLSX upload, "Dòng 5, cột D: …" (the first 100). */
  importErrors?: string[];
  /** How many errors the upload had in all, listed or not (default: those listed). */
  importErrorCount?: number;
  /** The dates of a period without a default window, as the fields show them; null when fixed. */
  window?: { start: string; end: string } | null;
}

const locked = (row: EntryRow) => row.result?.status === "approved" || row.result?.status === "submitted";

function ValueInput({ row, error, warned }: { row: EntryRow; error?: string; warned: boolean }) {
  const id = `f-v_${row.indicator.id}`;
  const common = {
    id,
    name: `v_${row.indicator.id}`,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": error ? `${id}-error` : warned ? `${id}-warning` : `${id}-unit`,
  };
  if (row.indicator.valueType === "boolean") {
    return (
      <select {...common} disabled={locked(row)}>
        {MILESTONE_CHOICES.map((c) => (
          <option value={c.value} selected={c.value === row.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  }
  const basis = liveBasis(row);
  return (
    <input
      {...common}
      type="text"
      inputmode="decimal"
      value={row.value}
      readonly={locked(row)}
      autocomplete="off"
      data-target={basis ? String(basis.target) : undefined}
      data-output={basis ? `${id}-pct` : undefined}
    />
  );
}

function Row({ row, errors, partYear }: { row: EntryRow; errors?: FieldErrors; partYear: boolean }) {
  const id = row.indicator.id;
  const error = errors?.[`v_${id}`];
  const warning = errors?.[`xn_${id}`];
  const status = row.result?.status;
  return (
    <tr class={error ? "has-error" : undefined}>
      <th scope="row">
        <label for={`f-v_${id}`}>{row.indicator.name}</label>
        <br />
        <span class="muted">{row.indicator.code}</span>
      </th>
      <td>{formatLevel(row.target, row.indicator.unitOfMeasure)}</td>
      <ContextCells row={row} partYear={partYear} />
      <td>
        <ValueInput row={row} error={error} warned={Boolean(warning)} />{" "}
        <span class="unit" id={`f-v_${id}-unit`}>
          {row.indicator.valueType === "boolean" ? "" : row.indicator.unitOfMeasure}
        </span>
        {error ? (
          <p class="field-error" id={`f-v_${id}-error`}>
            {error}
          </p>
        ) : null}
        <ValueConfirmation id={id} warning={warning} confirmed={row.confirmed} />
      </td>
      <td>
        <label class="visually-hidden" for={`f-s_${id}`}>
          Nguồn số liệu: {row.indicator.name}
        </label>
        <input id={`f-s_${id}`} name={`s_${id}`} type="text" value={row.source} readonly={locked(row)} />
      </td>
      <td>
        <label class="visually-hidden" for={`f-n_${id}`}>
          Ghi chú: {row.indicator.name}
        </label>
        <input id={`f-n_${id}`} name={`n_${id}`} type="text" value={row.note} readonly={locked(row)} />
      </td>
      <td>
        {status ? (
          <span class={`status status-${status}`}>{STATUS_LABELS[status]}</span>
        ) : (
          <span class="muted">Chưa nhập</span>
        )}
        {row.result?.returnReason && status === "draft" ? (
          <p class="hint">Bị trả lại: {row.result.returnReason}</p>
        ) : null}
        {row.result?.reopenReason && status === "reopened" ? (
          <p class="hint">Mở lại: {row.result.reopenReason}</p>
        ) : null}
      </td>
    </tr>
  );
}

export function EntryPage(props: EntryPageProps) {
  const base = `/quan-tri/so-lieu/${props.unit.id}/${encodeURIComponent(props.periodKey)}`;
  const version = `phien-ban=${props.version}`;
  const labels = Object.fromEntries(
    [
      ["periodStart", "Từ ngày"],
      ["periodEnd", "Đến ngày"],
    ].concat(
      props.rows.flatMap((r) => [
        [`v_${r.indicator.id}`, r.indicator.name],
        [`xn_${r.indicator.id}`, `${r.indicator.name} (cần xác nhận)`],
      ]),
    ),
  );
  const partYear = isPartYear(props.periodKey);
  return (
    <AdminLayout meta={props.meta} active="/quan-tri/so-lieu">
      <h1>
        Nhập số liệu: {unitTitle(props.unit)}, kỳ {props.periodKey}
      </h1>
      <Notice message={props.notice} />
      <p class="actions">
        Loại số liệu:{" "}
        {(["final", "estimate"] as const).map((v) =>
          v === props.version ? (
            <strong>{VERSION_LABELS[v]}</strong>
          ) : (
            <a href={`${base}?phien-ban=${v}`}>{VERSION_LABELS[v]}</a>
          ),
        )}
        <a href={`/don-vi/${props.unit.id}/danh-gia?ky=${encodeURIComponent(props.periodKey)}`}>
          Xem kết quả đánh giá
        </a>
      </p>
      <ErrorSummary errors={props.errors} labels={labels} />
      <form method="post" action={`${base}?${version}`} novalidate>
        <CsrfInput token={props.meta.auth.csrfToken} />
        <input type="hidden" name="phien-ban" value={props.version} />
        <input type="hidden" name="rows" value={props.rows.map((r) => r.indicator.id).join(",")} />
        {props.window ? (
          <fieldset class="inline-fields">
            <legend>Thời gian của kỳ {props.periodKey}</legend>
            <Field
              name="periodStart"
              label="Từ ngày"
              type="date"
              value={props.window.start}
              error={props.errors?.periodStart}
            />
            <Field
              name="periodEnd"
              label="Đến ngày"
              type="date"
              value={props.window.end}
              error={props.errors?.periodEnd}
            />
          </fieldset>
        ) : null}
        <p class="hint">
          Nhập số theo kiểu Việt Nam: dấu phẩy thập phân, dấu chấm tách nghìn (ví dụ 1.234,5). Để trống nếu
          chưa có số liệu. Số liệu chờ duyệt hoặc đã duyệt không sửa được ở đây.
        </p>
        <div class="table-scroll">
          <table class="entry-table">
            <caption class="visually-hidden">Số liệu từng chỉ tiêu</caption>
            <thead>
              <tr>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">Kế hoạch</th>
                <ContextHeaders partYear={partYear} />
                <th scope="col">{VERSION_LABELS[props.version]}</th>
                <th scope="col">Nguồn số liệu</th>
                <th scope="col">Ghi chú</th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <Row row={row} errors={props.errors} partYear={partYear} />
              ))}
            </tbody>
          </table>
        </div>
        <p class="actions">
          <button type="submit" name="hanh-dong" value="luu" class="button">
            Lưu nháp
          </button>
          <button type="submit" name="hanh-dong" value="gui-duyet" class="button primary">
            Lưu và gửi duyệt
          </button>
          {props.showAll ? (
            <a href={`${base}?${version}`}>Chỉ hiện chỉ tiêu được giao</a>
          ) : (
            <a href={`${base}?${version}&tat-ca=1`}>Hiện mọi chỉ tiêu trong danh mục</a>
          )}
        </p>
      </form>
      <section class="card" aria-labelledby="xlsx-title">
        <h2 id="xlsx-title">Nhập bằng tệp Excel</h2>
        <p>
          <a href={`${base}/mau.xlsx?${version}`}>Tải tệp mẫu Excel</a> cho kỳ này, điền cột “Giá trị” rồi tải
          lên. Tệp chỉ được nhận khi mọi dòng đều hợp lệ.
        </p>
        {props.importErrors && props.importErrors.length > 0 ? (
          <div class="error-summary" role="alert">
            <h2>Tệp chưa được nhận: {props.importErrorCount ?? props.importErrors.length} lỗi</h2>
            <ul class="import-errors">
              {props.importErrors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
            {(props.importErrorCount ?? 0) > props.importErrors.length ? (
              <p class="import-errors-more">
                {unlistedNote((props.importErrorCount ?? 0) - props.importErrors.length)}
              </p>
            ) : null}
          </div>
        ) : null}
        <form method="post" action={`${base}/nhap-xlsx`} enctype="multipart/form-data" class="inline-fields">
          <CsrfInput token={props.meta.auth.csrfToken} />
          <div class="field">
            <label for="f-file">Tệp Excel (.xlsx)</label>
            <input id="f-file" name="file" type="file" accept=".xlsx" required />
          </div>
          <button type="submit" class="button">
            Tải lên
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
