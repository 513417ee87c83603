/** The indicator catalogue: list, and the create/edit form. */
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { COMPARABLE_RULE_LABELS } from "../comparable/comparable-base.math.js";
import {
  AGGREGATION_LABELS,
  COMPARISON_LABELS,
  DIRECTION_LABELS,
  FIGURE_KIND_LABELS,
  type Indicator,
  VALUE_TYPE_LABELS,
} from "./indicator.model.js";

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function CataloguePage(props: {
  meta: PageMeta;
  indicators: Indicator[];
  canManage: boolean;
  notice?: string | null;
}) {
  return (
    <AdminLayout meta={props.meta} active="/quan-tri/chi-tieu">
      <h1>Danh mục chỉ tiêu</h1>
      <Notice message={props.notice} />
      {props.canManage ? (
        <p>
          <a class="button primary" href="/quan-tri/chi-tieu/moi">
            Thêm chỉ tiêu
          </a>
        </p>
      ) : (
        <p class="muted">Danh mục dùng chung cho mọi đơn vị; chỉ văn phòng cấp trên sửa được.</p>
      )}
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Các chỉ tiêu</caption>
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Tên chỉ tiêu</th>
              <th scope="col">Lĩnh vực</th>
              <th scope="col">Đơn vị tính</th>
              <th scope="col">Chiều đánh giá</th>
              <th scope="col">Cả nhiệm kỳ</th>
              <th scope="col">Công khai</th>
            </tr>
          </thead>
          <tbody>
            {props.indicators.map((i) => (
              <tr>
                <td>{props.canManage ? <a href={`/quan-tri/chi-tieu/${i.id}`}>{i.code}</a> : i.code}</td>
                <th scope="row">{i.name}</th>
                <td>{i.field}</td>
                <td>{i.unitOfMeasure}</td>
                <td>{DIRECTION_LABELS[i.direction]}</td>
                <td>{AGGREGATION_LABELS[i.termAggregation]}</td>
                <td>{i.isPublic ? "Có" : "Không"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function IndicatorFormPage(props: {
  meta: PageMeta;
  /** null: a new indicator. */
  id: number | null;
  values: Record<string, string>;
  organisations: { id: number; name: string; unitName: string }[];
  /** Indicators that may weight a comparable-base mean. */
  weights: { id: number; name: string }[];
  errors?: FieldErrors;
}) {
  const v = props.values;
  const e = props.errors ?? {};
  const labels = {
    code: "Mã",
    name: "Tên chỉ tiêu",
    field: "Lĩnh vực",
    unitOfMeasure: "Đơn vị tính",
    valueType: "Loại giá trị",
    direction: "Chiều đánh giá",
    termAggregation: "Cách tính cả nhiệm kỳ",
  };
  return (
    <AdminLayout meta={props.meta} active="/quan-tri/chi-tieu">
      <h1>{props.id === null ? "Thêm chỉ tiêu" : `Sửa chỉ tiêu ${v.code ?? ""}`}</h1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <form
        method="post"
        action={props.id === null ? "/quan-tri/chi-tieu/moi" : `/quan-tri/chi-tieu/${props.id}`}
        novalidate
      >
        <CsrfInput token={props.meta.auth.csrfToken} />
        <Field
          name="code"
          label="Mã chỉ tiêu"
          value={v.code}
          error={e.code}
          required
          hint="Dùng khi nhập, xuất dữ liệu (ví dụ THU_NS)."
        />
        <Field name="name" label="Tên chỉ tiêu" value={v.name} error={e.name} required />
        <Field
          name="field"
          label="Lĩnh vực"
          value={v.field}
          error={e.field}
          required
          hint="Kinh tế, Văn hóa – xã hội, Xây dựng Đảng…"
        />
        <Field
          name="unitOfMeasure"
          label="Đơn vị tính"
          value={v.unitOfMeasure}
          error={e.unitOfMeasure}
          required
          hint="%, ‰, tỷ đồng, hộ, người…"
        />
        <SelectField
          name="valueType"
          label="Loại giá trị"
          options={options(VALUE_TYPE_LABELS)}
          value={v.valueType}
          error={e.valueType}
        />
        <SelectField
          name="direction"
          label="Chiều đánh giá"
          options={options(DIRECTION_LABELS)}
          value={v.direction}
          error={e.direction}
        />
        <SelectField
          name="comparisonMode"
          label="Cách so sánh với kế hoạch"
          options={options(COMPARISON_LABELS)}
          value={v.comparisonMode}
          error={e.comparisonMode}
        />
        <SelectField
          name="termAggregation"
          label="Cách tính cả nhiệm kỳ từ số liệu hằng năm"
          options={options(AGGREGATION_LABELS)}
          value={v.termAggregation}
          error={e.termAggregation}
        />
        <SelectField
          name="responsibleOrganisationId"
          label="Cơ quan chịu trách nhiệm"
          options={[
            { value: "", label: "— chưa xác định —" },
            ...props.organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.unitName})` })),
          ]}
          value={v.responsibleOrganisationId}
          error={e.responsibleOrganisationId}
        />
        <Field
          name="definition"
          label="Định nghĩa, cách tính"
          value={v.definition}
          error={e.definition}
          multiline
          rows={4}
        />
        {props.id !== null ? (
          <Field
            name="wordingFrom"
            label="Tên, định nghĩa mới áp dụng từ ngày"
            type="date"
            value={v.wordingFrom}
            error={e.wordingFrom}
            hint="Các kỳ trước ngày này vẫn giữ tên và định nghĩa cũ."
          />
        ) : null}
        <SelectField
          name="comparableRule"
          label="Quy đổi theo địa bàn mới (đơn vị sau sắp xếp, kỳ trước khi có đơn vị)"
          options={[
            { value: "", label: "Theo loại giá trị (số lượng: cộng theo tỷ lệ; tỷ lệ: bình quân gia quyền)" },
            ...options(COMPARABLE_RULE_LABELS),
          ]}
          value={v.comparableRule}
          error={e.comparableRule}
        />
        <SelectField
          name="comparableWeightId"
          label="Quyền số của bình quân gia quyền"
          options={[
            { value: "", label: "Dân số (chỉ tiêu mã DAN_SO)" },
            ...props.weights.map((w) => ({ value: String(w.id), label: w.name })),
          ]}
          value={v.comparableWeightId}
          error={e.comparableWeightId}
        />
        <Field
          name="precision"
          label="Số chữ số thập phân của số liệu"
          value={v.precision}
          error={e.precision}
          hint="Để trống: 2 chữ số với tỷ lệ, 3 chữ số với số liệu khác."
        />
        <SelectField
          name="percentDigits"
          label="Cách viết tỷ lệ % đạt, vượt, tăng giảm"
          value={v.percentDigits}
          error={e.percentDigits}
          options={[
            { value: "", label: "Theo thói quen của cơ quan" },
            { value: "0", label: "Số nguyên (đạt 101%)" },
            { value: "1", label: "Một chữ số thập phân (đạt 101,3%)" },
          ]}
        />
        <Field
          name="sortOrder"
          label="Thứ tự hiển thị"
          value={v.sortOrder}
          error={e.sortOrder}
          hint="Cũng là thứ tự quan trọng khi viết báo cáo: chỉ tiêu đứng trước được nêu trước."
        />
        <fieldset>
          <legend>Kiểm tra khi nhập số liệu</legend>
          <SelectField
            name="figureKind"
            label="Loại số liệu"
            options={[{ value: "", label: "— theo đơn vị tính —" }, ...options(FIGURE_KIND_LABELS)]}
            value={v.figureKind}
            error={e.figureKind}
          />
          <Field name="minValue" label="Giá trị nhỏ nhất" value={v.minValue} error={e.minValue} />
          <Field name="maxValue" label="Giá trị lớn nhất" value={v.maxValue} error={e.maxValue} />
          <Field
            name="warnFactor"
            label="Hệ số cảnh báo"
            value={v.warnFactor}
            error={e.warnFactor}
            hint="Số liệu gấp (hoặc chỉ bằng một phần) số năm trước, số cùng kỳ hoặc kế hoạch quá hệ số này phải được xác nhận. Để trống: 3."
          />
        </fieldset>
        <div class="field">
          <label>
            <input type="checkbox" name="isPublic" value="1" checked={v.isPublic === "1"} /> Công khai số liệu
            đã phê duyệt (dữ liệu mở)
          </label>
        </div>
        <button type="submit" class="button primary">
          Lưu
        </button>
      </form>
    </AdminLayout>
  );
}
