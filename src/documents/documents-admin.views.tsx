/** Admin pages of the document library: the documents of my units, and the form to file or correct one. */
import { formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import type { PartyOption } from "../units/parties.repo.js";
import { PartySelect } from "../units/party-select.views.js";
import type { DocumentFormValues } from "./document-form.rules.js";
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type DocumentRecord,
  documentTypeLabel,
} from "./documents.model.js";
import { documentFileHref, documentHref } from "./documents.rules.js";

export const ADMIN_LIBRARY_HREF = "/quan-tri/van-ban";

const typeOptions = DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }));

const LABELS: Record<string, string> = {
  type: "Loại văn bản",
  number: "Số, ký hiệu",
  title: "Trích yếu",
  issuer: "Cơ quan ban hành",
  issuingBody: "Cơ quan bên ngoài",
  unit: "Đơn vị lưu",
  unitId: "Đơn vị lưu",
  "issuer.unitId": "Cơ quan ban hành",
  "issuer.organisationId": "Cơ quan ban hành",
  issuedOn: "Ngày ban hành",
  effectiveOn: "Ngày có hiệu lực",
  files: "Tệp",
};

/** Service field paths as the form names them. */
export function formErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    const key = k.startsWith("issuer.") ? "issuer" : k === "unitId" ? "unit" : k;
    out[key] ??= v;
  }
  return out;
}

export function AdminLibraryPage({
  meta,
  rows,
  message,
}: {
  meta: PageMeta;
  rows: DocumentRecord[];
  message?: string | null;
}) {
  return (
    <AdminLayout meta={meta} active={ADMIN_LIBRARY_HREF}>
      <h1>Thư viện văn bản</h1>
      <Notice message={message} />
      <p>
        <a class="button primary" href={`${ADMIN_LIBRARY_HREF}/moi`}>
          Thêm văn bản
        </a>{" "}
        <a href="/van-ban">Xem trang công khai</a>
      </p>
      <div class="table-scroll">
        <table>
          <caption>Văn bản của các đơn vị bạn quản lý, mới nhất trước</caption>
          <thead>
            <tr>
              <th scope="col">Số, ký hiệu</th>
              <th scope="col">Loại</th>
              <th scope="col">Trích yếu</th>
              <th scope="col">Ngày ban hành</th>
              <th scope="col">Công khai</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr>
                <td>
                  <a href={documentHref(d.id)}>{d.number}</a>
                </td>
                <td>{documentTypeLabel(d.type)}</td>
                <td>{d.title}</td>
                <td>{formatDateVi(d.issuedOn)}</td>
                <td>{d.isPublic ? "Có" : "Chưa"}</td>
                <td>
                  <a href={`${ADMIN_LIBRARY_HREF}/${d.id}/sua`}>Sửa</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function DocumentFormPage({
  meta,
  values,
  parties,
  document,
  errors = {},
}: {
  meta: PageMeta;
  values: DocumentFormValues;
  parties: PartyOption[];
  /** The document being corrected; absent for a new one. */
  document?: DocumentRecord;
  errors?: FieldErrors;
}) {
  const action = document ? `${ADMIN_LIBRARY_HREF}/${document.id}/sua` : `${ADMIN_LIBRARY_HREF}/moi`;
  return (
    <AdminLayout meta={meta} active={ADMIN_LIBRARY_HREF}>
      <h1>{document ? `Sửa văn bản ${document.number}` : "Thêm văn bản"}</h1>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <div class="inline-fields">
          <SelectField
            name="type"
            label="Loại văn bản"
            options={typeOptions}
            value={values.type}
            error={errors.type}
          />
          <Field
            name="number"
            label="Số, ký hiệu"
            value={values.number}
            error={errors.number}
            required
            hint="Như trên văn bản: 136-TB/QU, 112/TB-VP."
          />
        </div>
        <Field
          name="title"
          label="Trích yếu"
          multiline
          rows={3}
          value={values.title}
          error={errors.title}
          required
        />
        <PartySelect
          name="issuer"
          label="Cơ quan ban hành"
          options={parties}
          value={values.issuer}
          empty="— Cơ quan bên ngoài (nhập tên bên dưới) —"
          error={errors.issuer}
        />
        <Field
          name="issuingBody"
          label="Tên cơ quan bên ngoài"
          value={values.issuingBody}
          error={errors.issuingBody}
          hint="Chỉ khi cơ quan ban hành không có trong danh mục, ví dụ “UBND Thành phố Hà Nội”."
        />
        <PartySelect
          name="unit"
          label="Đơn vị lưu văn bản"
          options={parties.filter((p) => p.organisationId === null)}
          value={values.unit}
          empty="— Đơn vị của cơ quan ban hành —"
          error={errors.unit}
        />
        <div class="inline-fields">
          <Field name="signerName" label="Người ký" value={values.signerName} error={errors.signerName} />
          <Field
            name="signerTitle"
            label="Chức vụ người ký"
            value={values.signerTitle}
            error={errors.signerTitle}
          />
        </div>
        <div class="inline-fields">
          <Field
            name="issuedOn"
            label="Ngày ban hành"
            type="date"
            value={values.issuedOn}
            error={errors.issuedOn}
            required
          />
          <Field
            name="effectiveOn"
            label="Ngày có hiệu lực"
            type="date"
            value={values.effectiveOn}
            error={errors.effectiveOn}
          />
        </div>
        {document && document.files.length > 0 ? (
          <fieldset class="card">
            <legend>Tệp hiện có</legend>
            {document.files.map((f) => (
              <div class="field">
                <label>
                  <input
                    type="checkbox"
                    name="removeFiles"
                    value={String(f.id)}
                    checked={values.removeFiles.includes(String(f.id))}
                  />{" "}
                  Gỡ{" "}
                </label>
                <a href={documentFileHref(document.id, f.id)}>{f.name}</a>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div class={errors.files ? "field has-error" : "field"}>
          <label for="f-files">Tệp PDF hoặc Word (.docx)</label>
          <p class="hint" id="f-files-hint">
            Chọn được nhiều tệp, mỗi tệp tối đa 10 MB.{errors.files ? " Vui lòng chọn lại tệp." : ""}
          </p>
          <input
            id="f-files"
            type="file"
            name="files"
            multiple
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={errors.files ? "f-files-hint f-files-error" : "f-files-hint"}
            aria-invalid={errors.files ? "true" : undefined}
          />
          {errors.files ? (
            <p class="field-error" id="f-files-error">
              {errors.files}
            </p>
          ) : null}
        </div>
        <div class="field">
          <label>
            <input type="checkbox" name="isPublic" value="1" checked={values.isPublic} /> Công khai trên cổng
            thông tin
          </label>
        </div>
        <p>
          <button type="submit" class="button primary">
            Lưu văn bản
          </button>{" "}
          <a href={ADMIN_LIBRARY_HREF}>Hủy</a>
        </p>
      </form>
    </AdminLayout>
  );
}
