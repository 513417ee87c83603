/** Setting targets for a unit and period: the targets in force, their revisions, and the form to add one. */
import { formatDateVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerSelect } from "../../core/views/picker.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { AGGREGATION_LABELS, type Indicator } from "../catalogue/indicator.model.js";
import { WINDOW_RULE_LABELS } from "../period.rules.js";
import { formatLevel } from "../targets-format.rules.js";
import { unitTitle } from "../unit-wording.rules.js";
import { ASSIGNER_LABELS, ASSIGNERS, TARGET_KIND_LABELS, TARGET_KINDS } from "./target.model.js";
import type { TargetRow } from "./targets.repo.js";

type UnitOption = UnitName;

export interface TargetAdminProps {
  meta: PageMeta;
  units: UnitOption[];
  indicators: Indicator[];
  unitId: number | null;
  periodKey: string;
  /** Rows set on the unit (for itself or its children) and inherited from its parent. */
  rows: { row: TargetRow; scope: "own" | "children" | "inherited" }[];
  values: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}

const SCOPE_LABELS = {
  own: "Giao cho đơn vị",
  children: "Chung cho các đơn vị trực thuộc",
  inherited: "Cấp trên giao chung",
};

/** Which unit and period to show: a plain GET form, so the page works without script. */
function UnitPeriodChooser(
  props: Pick<TargetAdminProps, "units" | "unitId" | "periodKey"> & { today: string },
) {
  return (
    <form method="get" action="/quan-tri/chi-tieu/giao" class="inline-fields">
      <div class="field">
        <label for="f-don-vi">Đơn vị</label>
        <PickerSelect
          id="f-don-vi"
          name="don-vi"
          groups={unitPickerGroups(props.units, props.today, unitTitle)}
          value={props.unitId === null ? null : String(props.unitId)}
        />
      </div>
      <div class="field">
        <label for="f-ky">Kỳ</label>
        <input id="f-ky" name="ky" value={props.periodKey} />
      </div>
      <button type="submit" class="button">
        Xem
      </button>
    </form>
  );
}

/** Every target of the unit for the period, each revision on its own row. */
function TargetRevisionsTable(
  props: Pick<TargetAdminProps, "rows" | "periodKey"> & { indicators: Map<number, Indicator> },
) {
  const { indicators } = props;
  return (
    <div class="table-scroll">
      <table>
        <caption>Chỉ tiêu kỳ {props.periodKey} (mọi lần điều chỉnh)</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Phạm vi</th>
            <th scope="col">Cấp giao</th>
            <th scope="col">Mức giao</th>
            <th scope="col">Lần điều chỉnh</th>
            <th scope="col">Thời gian kỳ</th>
            <th scope="col">Căn cứ, ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ row, scope }) => {
            const indicator = indicators.get(row.indicatorId);
            return (
              <tr>
                <th scope="row">{indicator?.name ?? `#${row.indicatorId}`}</th>
                <td>{SCOPE_LABELS[scope]}</td>
                <td>{ASSIGNER_LABELS[row.assignedBy]}</td>
                <td>
                  {row.kind !== "level" ? `${TARGET_KIND_LABELS[row.kind]}: ` : ""}
                  {row.aggregation ? `${AGGREGATION_LABELS[row.aggregation]}: ` : ""}
                  {formatLevel(
                    row.level,
                    row.aggregation === "growth" ? "%" : (indicator?.unitOfMeasure ?? ""),
                  )}
                  {row.baseline !== null
                    ? ` (mức gốc ${formatLevel({ kind: "value", value: row.baseline }, indicator?.unitOfMeasure ?? "")})`
                    : ""}
                  {row.subTotal !== null ? ` / ${row.subTotal} chỉ tiêu thành phần` : ""}
                </td>
                <td>{row.revision === 0 ? "Giao lần đầu" : `Điều chỉnh lần ${row.revision}`}</td>
                <td>
                  {formatDateVi(row.periodStart)} – {formatDateVi(row.periodEnd)}
                </td>
                <td>{[row.document, row.note].filter(Boolean).join(" · ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Setting a target, or revising one, with the document it rests on. */
function NewTargetForm(props: TargetAdminProps) {
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <section class="card" aria-labelledby="new-target">
      <h2 id="new-target">Giao hoặc điều chỉnh một chỉ tiêu</h2>
      <p class="hint">Giao lại một chỉ tiêu đã có là một lần điều chỉnh: mức cũ vẫn được lưu.</p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/quan-tri/chi-tieu/giao" novalidate>
        <CsrfInput token={props.meta.auth.csrfToken} />
        <input type="hidden" name="unitId" value={String(props.unitId)} />
        <input type="hidden" name="periodKey" value={props.periodKey} />
        <SelectField
          name="indicatorId"
          label="Chỉ tiêu"
          options={props.indicators.map((i) => ({
            value: String(i.id),
            label: `${i.code} – ${i.name} (${i.unitOfMeasure})`,
          }))}
          value={v.indicatorId}
          error={e.indicatorId}
        />
        <SelectField
          name="appliesTo"
          label="Phạm vi"
          options={[
            { value: "unit", label: SCOPE_LABELS.own },
            { value: "children", label: SCOPE_LABELS.children },
          ]}
          value={v.appliesTo}
          error={e.appliesTo}
        />
        <SelectField
          name="assignedBy"
          label="Cấp giao"
          options={ASSIGNERS.map((a) => ({ value: a, label: ASSIGNER_LABELS[a] }))}
          value={v.assignedBy}
          error={e.assignedBy}
        />
        <SelectField
          name="kind"
          label="Loại chỉ tiêu"
          options={TARGET_KINDS.map((k) => ({ value: k, label: TARGET_KIND_LABELS[k] }))}
          value={v.kind}
          error={e.kind}
        />
        <Field
          name="baseline"
          label="Mức gốc (chỉ tiêu giảm)"
          value={v.baseline}
          error={e.baseline}
          hint="Số liệu mà mức giảm được tính từ đó, ví dụ số hộ nghèo đầu năm."
        />
        <Field
          name="subTotal"
          label="Tổng số chỉ tiêu thành phần (dạng n/m)"
          value={v.subTotal}
          error={e.subTotal}
        />
        <SelectField
          name="levelKind"
          label="Dạng mức giao"
          options={[
            { value: "value", label: "Một mức (kế hoạch, trần hoặc sàn)" },
            { value: "range", label: "Một khoảng" },
            { value: "milestone", label: "Mốc hoàn thành" },
          ]}
          value={v.levelKind}
          error={e.levelKind}
        />
        <Field
          name="value"
          label="Mức giao"
          value={v.value}
          error={e.value}
          hint="Số kiểu Việt Nam, ví dụ 34,8."
        />
        <Field name="minValue" label="Cận dưới (dạng khoảng)" value={v.minValue} error={e.minValue} />
        <Field name="maxValue" label="Cận trên (dạng khoảng)" value={v.maxValue} error={e.maxValue} />
        <SelectField
          name="aggregation"
          label="Cách tính cả nhiệm kỳ (chỉ tiêu nhiệm kỳ)"
          options={[
            { value: "", label: "Theo danh mục chỉ tiêu" },
            ...Object.entries(AGGREGATION_LABELS).map(([value, label]) => ({ value, label })),
          ]}
          value={v.aggregation}
          error={e.aggregation}
        />
        <SelectField
          name="windowRule"
          label="Thời gian kỳ báo cáo"
          options={Object.entries(WINDOW_RULE_LABELS).map(([value, label]) => ({ value, label }))}
          value={v.windowRule}
          error={e.windowRule}
        />
        <Field
          name="periodStart"
          label="Từ ngày (kỳ riêng, hoặc để thay thời gian trên)"
          type="date"
          value={v.periodStart}
          error={e.periodStart}
        />
        <Field name="periodEnd" label="Đến ngày" type="date" value={v.periodEnd} error={e.periodEnd} />
        <Field
          name="document"
          label="Văn bản giao chỉ tiêu"
          value={v.document}
          error={e.document}
          hint="Ví dụ: Nghị quyết số 12/NQ-HĐND ngày 20/12/2018."
        />
        <Field name="note" label="Ghi chú" value={v.note} error={e.note} />
        <button type="submit" class="button primary">
          Giao chỉ tiêu
        </button>
      </form>
    </section>
  );
}

export function TargetAdminPage(props: TargetAdminProps) {
  const indicators = new Map(props.indicators.map((i) => [i.id, i]));
  return (
    <AdminLayout meta={props.meta} active="/quan-tri/chi-tieu/giao">
      <h1>Giao chỉ tiêu</h1>
      <Notice message={props.notice} />
      <UnitPeriodChooser
        units={props.units}
        unitId={props.unitId}
        periodKey={props.periodKey}
        today={props.meta.today}
      />
      {props.unitId !== null ? (
        <>
          <TargetRevisionsTable rows={props.rows} periodKey={props.periodKey} indicators={indicators} />
          <NewTargetForm {...props} />
        </>
      ) : null}
    </AdminLayout>
  );
}
