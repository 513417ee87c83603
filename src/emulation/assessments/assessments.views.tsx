import { formatViNumber } from "../../core/format/vi-number.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField, PickerSelect, ungrouped } from "../../core/views/picker.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { periodLabel } from "../emulation-period.rules.js";
import type { AssessmentRow, DepartmentRow } from "./assessments.repo.js";

export interface AssessmentFormData {
  departments: DepartmentRow[];
  department: DepartmentRow | null;
  periodKey: string;
  units: { id: number; name: string; level: string }[];
  rows: AssessmentRow[];
  /** Typed values to show again after an error, by field name (`score-<unitId>`…). */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
  /** Departments the actor may link users to (user.manage on their unit); empty hides that form. */
  staffDepartments: DepartmentRow[];
}

function shownValue(
  data: AssessmentFormData,
  name: string,
  stored: number | string | null | undefined,
): string {
  if (data.values && name in data.values) return data.values[name] ?? "";
  if (stored === null || stored === undefined) return "";
  return typeof stored === "number" ? formatViNumber(stored) : stored;
}

function StaffForm({ meta, data }: { meta: PageMeta; data: AssessmentFormData }) {
  return (
    <section class="card" aria-labelledby="gan-can-bo">
      <h2 id="gan-can-bo">Gắn cán bộ với phòng, ban</h2>
      <p class="hint">Cán bộ phòng, ban chỉ đánh giá và thẩm định thi đua cho phòng, ban mình được gắn.</p>
      <form method="post" action="/quan-tri/danh-gia-phong-ban/can-bo" class="inline-fields">
        <CsrfInput token={meta.auth.csrfToken} />
        <Field name="username" label="Tên đăng nhập" error={data.errors?.username} required />
        <PickerField
          name="organisationId"
          label="Phòng, ban"
          error={data.errors?.organisationId}
          groups={ungrouped(data.staffDepartments.map((d) => ({ value: String(d.id), label: d.name })))}
        />
        <button type="submit" class="button">
          Gắn cán bộ
        </button>
      </form>
    </section>
  );
}

/**
 * A department rates the units in its field for a period: a score (0–100, vi-VN input), a rank, a
 * comment. One form for all units, saved all or nothing.
 */
export function AssessmentFormPage({ meta, data }: { meta: PageMeta; data: AssessmentFormData }) {
  const byUnit = new Map(data.rows.map((r) => [r.unitId, r]));
  const labels = Object.fromEntries(
    data.units.flatMap((u) => [
      [`score-${u.id}`, `Điểm của ${u.name}`],
      [`rank-${u.id}`, `Thứ hạng của ${u.name}`],
      [`comment-${u.id}`, `Nhận xét về ${u.name}`],
    ]),
  );
  return (
    <AdminLayout meta={meta} active="/quan-tri/danh-gia-phong-ban">
      <h1>Đánh giá của phòng, ban</h1>
      <Notice message={data.notice} />
      <form method="get" action="/quan-tri/danh-gia-phong-ban" class="filters">
        <label for="f-phong">
          Phòng, ban
          <PickerSelect
            id="f-phong"
            name="phong"
            groups={ungrouped(data.departments.map((d) => ({ value: String(d.id), label: d.name })))}
            value={data.department ? String(data.department.id) : null}
          />
        </label>
        <label>
          Kỳ
          <input name="ky" value={data.periodKey} size={10} />
        </label>
        <button type="submit" class="button">
          Xem
        </button>
      </form>
      {data.department === null ? (
        <p>
          Tài khoản của bạn chưa được gắn với phòng, ban nào. Đề nghị quản trị đơn vị gắn bạn với phòng, ban
          của mình.
        </p>
      ) : (
        <section aria-labelledby="bang-danh-gia">
          <h2 id="bang-danh-gia">
            {data.department.name} đánh giá các đơn vị, {periodLabel(data.periodKey)}
          </h2>
          <ErrorSummary errors={data.errors} labels={labels} />
          <form method="post" action="/quan-tri/danh-gia-phong-ban" novalidate>
            <CsrfInput token={meta.auth.csrfToken} />
            <input type="hidden" name="phong" value={String(data.department.id)} />
            <input type="hidden" name="ky" value={data.periodKey} />
            <p class="hint">
              Nhập điểm (thang 100, dấu phẩy thập phân, ví dụ 95,5), thứ hạng (1 là vị trí thứ nhất), hoặc cả
              hai. Để trống cả ba ô để xóa đánh giá của đơn vị.
            </p>
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Đơn vị</th>
                    <th scope="col">Điểm (thang 100)</th>
                    <th scope="col">Thứ hạng</th>
                    <th scope="col">Nhận xét</th>
                  </tr>
                </thead>
                <tbody>
                  {data.units.map((u) => {
                    const row = byUnit.get(u.id);
                    const cell = (
                      name: string,
                      label: string,
                      value: string,
                      inputmode: "decimal" | "numeric" | undefined,
                    ) => (
                      <td class={data.errors?.[name] ? "has-error" : undefined}>
                        <label for={`f-${name}`} class="visually-hidden">
                          {label}
                        </label>
                        <input
                          id={`f-${name}`}
                          name={name}
                          value={value}
                          inputmode={inputmode}
                          size={inputmode ? 6 : 30}
                          aria-invalid={data.errors?.[name] ? "true" : undefined}
                          aria-describedby={data.errors?.[name] ? `f-${name}-error` : undefined}
                        />
                        {data.errors?.[name] ? (
                          <p class="field-error" id={`f-${name}-error`}>
                            {data.errors[name]}
                          </p>
                        ) : null}
                      </td>
                    );
                    return (
                      <tr>
                        <th scope="row">{unitDisplayName(u)}</th>
                        {cell(
                          `score-${u.id}`,
                          labels[`score-${u.id}`] ?? "",
                          shownValue(data, `score-${u.id}`, row?.score),
                          "decimal",
                        )}
                        {cell(
                          `rank-${u.id}`,
                          labels[`rank-${u.id}`] ?? "",
                          shownValue(data, `rank-${u.id}`, row?.rank),
                          "numeric",
                        )}
                        {cell(
                          `comment-${u.id}`,
                          labels[`comment-${u.id}`] ?? "",
                          shownValue(data, `comment-${u.id}`, row?.comment),
                          undefined,
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <button type="submit" class="button primary">
              Lưu đánh giá
            </button>
          </form>
        </section>
      )}
      {data.staffDepartments.length > 0 ? <StaffForm meta={meta} data={data} /> : null}
    </AdminLayout>
  );
}
