import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, SelectField } from "../../core/views/forms.js";
import { ASSESSMENT_RULES, INDICATOR_RULES } from "../scoring/scoring.rules.js";
import { CRITERION_KIND_LABELS, CRITERION_KINDS } from "./criteria-tree.rules.js";
import type { SchemePageProps } from "./schemes.views.js";

/** The forms of a scheme's manager: add a criterion under a group, add a cluster of competing units. */
export function SchemeManageForms({ meta, data, state }: SchemePageProps) {
  const { scheme } = data;
  const v = state.values ?? {};
  return (
    <>
      <section class="card" aria-labelledby="them-tieu-chi">
        <h2 id="them-tieu-chi">Thêm tiêu chí</h2>
        <ErrorSummary errors={state.errors} />
        <form method="post" action={`/quan-tri/thi-dua/${scheme.id}/tieu-chi`} novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <CriterionFields
            values={v}
            errors={state.errors}
            groups={data.rows.filter((n) => n.kind === "group")}
            departments={data.departments}
          />
          <button type="submit" class="button primary">
            Thêm tiêu chí
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="them-cum">
        <h2 id="them-cum">Cụm thi đua</h2>
        <ul>
          {data.clusters.map((c) => (
            <li>
              <a href={`/xep-hang?don-vi=${scheme.ownerUnitId}&ky=${scheme.periodKey}&cum=${c.id}`}>
                {c.name}
              </a>{" "}
              ({c.unitIds.length} đơn vị)
            </li>
          ))}
        </ul>
        <form method="post" action={`/quan-tri/thi-dua/${scheme.id}/cum`} novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <Field
            name="clusterName"
            label="Tên cụm"
            value={v.clusterName}
            error={state.errors?.name}
            required
          />
          <fieldset>
            <legend>Các đơn vị của cụm</legend>
            {state.errors?.unitIds ? <p class="field-error">{state.errors.unitIds}</p> : null}
            {data.units.map((u) => (
              <label>
                <input type="checkbox" name="unitIds" value={String(u.id)} /> {u.name}{" "}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="button">
            Thêm cụm
          </button>
        </form>
      </section>
    </>
  );
}

/** The fields of one criterion, shared by the add form and the edit page. */
export function CriterionFields({
  values,
  errors,
  groups,
  departments,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
  /** The groups it may sit in (for an edit: not itself nor one below it). */
  groups: { id: number; code: string; name: string }[];
  departments: { id: number; name: string }[];
}) {
  return (
    <>
      <SelectField
        name="parentId"
        label="Thuộc nhóm"
        value={values.parentId}
        error={errors?.parentId}
        options={[
          { value: "", label: "(Cấp cao nhất)" },
          ...groups.map((n) => ({ value: String(n.id), label: `${n.code} ${n.name}` })),
        ]}
      />
      <div class="inline-fields">
        <Field name="code" label="Mã" value={values.code} error={errors?.code} required />
        <Field
          name="maxPoints"
          label="Điểm tối đa"
          value={values.maxPoints}
          error={errors?.maxPoints}
          required
        />
        <Field
          name="fixedPoints"
          label="Điểm mỗi lần (thưởng, trừ)"
          value={values.fixedPoints}
          error={errors?.fixedPoints}
        />
      </div>
      <Field name="name" label="Tên tiêu chí" value={values.name} error={errors?.name} required />
      <SelectField
        name="kind"
        label="Loại"
        value={values.kind}
        error={errors?.kind}
        options={CRITERION_KINDS.map((k) => ({ value: k, label: CRITERION_KIND_LABELS[k] }))}
      />
      <Field
        name="indicatorCode"
        label="Mã chỉ tiêu (loại theo kết quả chỉ tiêu)"
        value={values.indicatorCode}
        error={errors?.indicatorCode}
      />
      <SelectField
        name="organisationId"
        label="Phòng, ban (đánh giá hoặc thẩm định)"
        value={values.organisationId}
        error={errors?.organisationId}
        options={[
          { value: "", label: "(Không)" },
          ...departments.map((d) => ({ value: String(d.id), label: d.name })),
        ]}
      />
      <SelectField
        name="rule"
        label="Cách tính điểm (loại tự động)"
        value={values.rule}
        error={errors?.rule}
        options={[
          { value: "", label: "(Không)" },
          ...Object.entries({ ...INDICATOR_RULES, ...ASSESSMENT_RULES }).map(([value, label]) => ({
            value,
            label,
          })),
        ]}
      />
    </>
  );
}
