import { formatViNumber } from "../../core/format/vi-number.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { periodLabel } from "../emulation-period.rules.js";
import type { ScoreUsage } from "./criteria-edit.rules.js";
import { CRITERION_KIND_LABELS, type Criterion } from "./criteria-tree.rules.js";
import { CriterionFields } from "./scheme-forms.views.js";
import type { SchemeRow } from "./schemes.repo.js";

export interface CriterionEditData {
  scheme: SchemeRow;
  criterion: Criterion;
  groups: { id: number; code: string; name: string }[];
  departments: { id: number; name: string }[];
  usage: ScoreUsage | null;
  /** Why it cannot be deleted (scores, children), or null. */
  refusal: string | null;
}

/** One criterion of a scheme: its fields to change, and deleting it when nothing depends on it. */
export function CriterionEditPage({
  meta,
  data,
  values,
  errors,
  problem,
}: {
  meta: PageMeta;
  data: CriterionEditData;
  values: Record<string, string>;
  errors?: FieldErrors;
  /** A refused deletion, shown at the top. */
  problem?: string | null;
}) {
  const { scheme, criterion } = data;
  const base = `/quan-tri/thi-dua/${scheme.id}/tieu-chi/${criterion.id}`;
  return (
    <AdminLayout meta={meta} active="/quan-tri/thi-dua">
      <p>
        <a href={`/quan-tri/thi-dua/${scheme.id}`}>← {scheme.name}</a>
      </p>
      <h1>
        Sửa tiêu chí {criterion.code} {criterion.name}
      </h1>
      <p>
        {CRITERION_KIND_LABELS[criterion.kind]}, tối đa {formatViNumber(criterion.maxPoints)} điểm; các đơn vị
        thuộc {scheme.ownerUnitName}, {periodLabel(scheme.periodKey)}.{" "}
        {data.usage
          ? `Đã có điểm chấm của ${data.usage.units} đơn vị (cao nhất ${formatViNumber(data.usage.maxPoints)} điểm): không đổi được loại, điểm tối đa không thấp hơn mức đã chấm.`
          : "Chưa có điểm chấm."}
      </p>
      {problem ? (
        <p class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <section class="card" aria-labelledby="sua-tieu-chi">
        <h2 id="sua-tieu-chi">Nội dung tiêu chí</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action={base} novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <CriterionFields
            values={values}
            errors={errors}
            groups={data.groups}
            departments={data.departments}
          />
          <button type="submit" class="button primary">
            Lưu tiêu chí
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="xoa-tieu-chi">
        <h2 id="xoa-tieu-chi">Xóa tiêu chí</h2>
        {data.refusal ? (
          <p>{data.refusal}</p>
        ) : (
          <form method="post" action={`${base}/xoa`}>
            <CsrfInput token={meta.auth.csrfToken} />
            <p>
              Tiêu chí chưa có điểm chấm và không có tiêu chí con. Việc xóa được ghi vào nhật ký thay đổi.
            </p>
            <button type="submit" class="button danger">
              Xóa tiêu chí {criterion.code}
            </button>
          </form>
        )}
      </section>
    </AdminLayout>
  );
}

/** A stored criterion as the form's text values (vi-VN numbers). */
export function criterionValues(c: Criterion): Record<string, string> {
  return {
    parentId: c.parentId === null ? "" : String(c.parentId),
    code: c.code,
    name: c.name,
    maxPoints: formatViNumber(c.maxPoints),
    fixedPoints: c.fixedPoints === null ? "" : formatViNumber(c.fixedPoints),
    kind: c.kind,
    indicatorCode: c.indicatorCode ?? "",
    organisationId: c.organisationId === null ? "" : String(c.organisationId),
    rule: c.rule ?? "",
  };
}
