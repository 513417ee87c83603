/** The session form page: new (with what is still open with the chosen unit) and edit. */

import type { Child } from "hono/jsx";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { PickerField, ungrouped } from "../core/views/picker.js";
import type { PartyOption, PersonOption } from "../units/parties.repo.js";
import { PartySelect } from "../units/party-select.views.js";
import type { FormValues } from "./session-form.rules.js";
import { SESSION_KIND_LABELS } from "./sessions.model.js";
import { SESSIONS_HREF } from "./sessions.views.js";

export interface SessionFormProps {
  meta: PageMeta;
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  parties: PartyOption[];
  people: PersonOption[];
  /** What the rooms above show about the chosen host unit (session.extension.ts). */
  hostSections?: Child[];
  /** New sessions: a small form first, to see what is still open with the chosen unit. */
  preview?: boolean;
  /** The programme entry the session is held under, if any. */
  programme?: { id: number; title: string; when: string } | null;
  programmeError?: string;
}

export function SessionFormPage(p: SessionFormProps) {
  const v = p.values;
  const e = p.errors ?? {};
  const kinds = Object.entries(SESSION_KIND_LABELS).map(([value, label]) => ({ value, label }));
  // The first position only: a select is as wide as its longest choice, and some people hold four.
  const people = p.people.map((x) => {
    const first = x.titles.split(", ")[0];
    return { value: String(x.id), label: first ? `${x.name} (${first})` : x.name };
  });
  return (
    <AdminLayout meta={p.meta} active={SESSIONS_HREF}>
      <h1>{p.meta.title}</h1>
      <ErrorSummary errors={p.errors} />
      {p.preview ? (
        <form method="get" action={p.action} class="filters">
          <PartySelect
            name="host"
            label="Làm việc với đơn vị"
            options={p.parties.filter((o) => o.organisationId === null)}
            value={v.host}
            empty="— Chọn đơn vị —"
            id="f-host-preview"
          />
          {p.programme ? <input type="hidden" name="chuong_trinh" value={String(p.programme.id)} /> : null}
          <button type="submit" class="button">
            Xem việc còn mở
          </button>
        </form>
      ) : null}
      {p.hostSections}
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <CsrfInput token={p.meta.auth.csrfToken} />
        {p.programme || p.programmeError ? (
          <div class={p.programmeError ? "field has-error" : "field"} id="f-programItemId">
            {p.programme ? (
              <p>
                <input type="hidden" name="programItem" value={String(p.programme.id)} />
                Theo chương trình công tác: <strong>{p.programme.title}</strong> ({p.programme.when}){" "}
                <a href={`/quan-tri/chuong-trinh-cong-tac/${p.programme.id}/sua`}>Xem</a>
              </p>
            ) : null}
            {p.programmeError ? <p class="field-error">{p.programmeError}</p> : null}
          </div>
        ) : null}
        <SelectField name="kind" label="Loại" options={kinds} value={v.kind} error={e.kind} required />
        <Field name="title" label="Tên buổi làm việc" value={v.title} error={e.title} required />
        <PartySelect
          name="host"
          label="Đơn vị làm việc (nơi tổ chức)"
          options={p.parties}
          value={v.host}
          empty="— Chọn —"
          error={e.host}
        />
        <PartySelect
          name="visiting"
          label="Đoàn công tác (cấp trên đến làm việc)"
          options={p.parties}
          value={v.visiting}
          empty="— Không có —"
          error={e.visiting}
        />
        <div class="inline-fields">
          <Field name="date" label="Ngày" type="date" value={v.date} error={e.date} required />
          <Field name="time" label="Giờ bắt đầu" type="time" value={v.time} error={e.time} required />
          <Field name="endTime" label="Giờ kết thúc" type="time" value={v.endTime} error={e.endTime} />
        </div>
        <Field name="place" label="Địa điểm" value={v.place} error={e.place} required />
        <PickerField
          name="chair"
          label="Người chủ trì"
          empty="— Chọn người chủ trì —"
          groups={ungrouped(people)}
          value={v.chair}
        />
        <div class="inline-fields">
          <Field
            name="chairName"
            label="Họ tên người chủ trì"
            value={v.chairName}
            error={e.chairName}
            hint="Để trống nếu đã chọn ở trên."
          />
          <Field name="chairTitle" label="Chức vụ tại thời điểm đó" value={v.chairTitle} />
        </div>
        <Field
          name="attendeesVisiting"
          label="Thành phần đoàn công tác"
          multiline
          rows={4}
          value={v.attendeesVisiting}
          hint="Mỗi dòng một người: Họ tên - chức vụ."
        />
        <Field
          name="attendeesHost"
          label="Đại biểu đơn vị"
          multiline
          rows={4}
          value={v.attendeesHost}
          hint="Mỗi dòng một người hoặc một thành phần."
        />
        <Field
          name="agenda"
          label="Chương trình, nội dung"
          multiline
          rows={4}
          value={v.agenda}
          hint="Mỗi dòng một nội dung; người trình bày sau dấu |."
        />
        <Field
          name="evaluationPeriod"
          label="Kỳ đánh giá kết quả của đơn vị được trình bày"
          value={v.evaluationPeriod}
          error={e.evaluationPeriod}
          hint="Ví dụ 2019 hoặc 2015-2020."
        />
        <Field
          name="documents"
          label="Tài liệu khác"
          multiline
          rows={3}
          value={v.documents}
          hint="Mỗi dòng một tài liệu."
        />
        <Field
          name="opinions"
          label="Ý kiến phát biểu"
          multiline
          rows={4}
          value={v.opinions}
          hint="Mỗi dòng: Họ tên - chức vụ: tóm tắt ý kiến."
        />
        <div class="inline-fields">
          <Field name="documentTitle" label="Tên tài liệu tải lên" value={v.documentTitle} />
          <Field name="documentFile" label="Tệp tài liệu (tối đa 10 MB)" type="file" error={e.documentFile} />
        </div>
        <Field name="minutes" label="Biên bản" multiline rows={8} value={v.minutes} />
        <button type="submit" class="button primary">
          Lưu buổi làm việc
        </button>
      </form>
    </AdminLayout>
  );
}
