/** Pages of conclusions: paste the text, review the proposed items, and the saved notice. */
import type { Child } from "hono/jsx";
import { formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { PickerField, ungrouped } from "../core/views/picker.js";
import { AREA_CODES, AREA_LABELS } from "../directives/areas.js";
import { DEADLINE_KINDS } from "../directives/deadline.js";
import { DirectiveTable } from "../directives/directive-tables.views.js";
import { DEADLINE_KIND_LABELS } from "../directives/directives.model.js";
import type { DirectiveOut } from "../directives/directives-present.js";
import { SESSIONS_HREF } from "../sessions/sessions.views.js";
import type { PartyOption, PersonOption } from "../units/parties.repo.js";
import { PartySelect } from "../units/party-select.views.js";
import type { ReviewRow, ReviewValues } from "./conclusion-form.rules.js";
import type { NoticeRecord } from "./conclusions.repo.js";
import { noticeFormat } from "./document-format.rules.js";
import type { NoticeSource } from "./import/notice-import.service.js";
import { fileHref, NoticeSourcePanel } from "./import/notice-source.views.js";

const areaOptions = AREA_CODES.map((c) => ({ value: c, label: AREA_LABELS[c] }));

/** An item's number, area and text: the part of a conclusion item that reading and correcting share. */
export function ItemTextFields({
  name,
  row,
  errors,
  hint,
}: {
  /** The form name of one of the item's fields ("number" → "item-3-number"). */
  name: (field: string) => string;
  row: { number: string; area: string; text: string };
  errors: FieldErrors;
  hint?: string;
}) {
  return (
    <>
      <div class="inline-fields">
        <Field name={name("number")} label="Số" value={row.number} error={errors[name("number")]} />
        <SelectField
          name={name("area")}
          label="Lĩnh vực"
          options={areaOptions}
          value={row.area}
          error={errors[name("area")]}
        />
      </div>
      <Field
        name={name("text")}
        label="Nội dung"
        multiline
        rows={4}
        value={row.text}
        error={errors[name("text")]}
        hint={hint}
      />
    </>
  );
}

const kindOptions = DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }));

function RowFields({
  row,
  i,
  parties,
  errors,
}: {
  row: ReviewRow;
  i: number;
  parties: PartyOption[];
  errors: FieldErrors;
}) {
  const n = (k: string) => `item-${i}-${k}`;
  const legend =
    row.parent === ""
      ? `Nội dung ${row.number || i + 1}`
      : `Ý ${row.number} (thuộc nội dung ${Number(row.parent) + 1})`;
  return (
    <fieldset class="card" id={`row-${i}`}>
      <legend>{legend}</legend>
      <input type="hidden" name={n("parent")} value={row.parent} />
      <input type="hidden" name={n("phrase")} value={row.phrase} />
      <input type="hidden" name={n("hint")} value={row.hint} />
      <ItemTextFields name={n} row={row} errors={errors} hint="Để trống để bỏ nội dung này." />
      <div class="field">
        <label>
          <input type="checkbox" name={n("directive")} value="1" checked={row.directive} /> Giao thành nhiệm
          vụ
        </label>
      </div>
      {row.hint ? <p class="hint">{row.hint}</p> : null}
      <div class="inline-fields">
        <PartySelect
          name={n("lead")}
          label="Đơn vị chủ trì"
          options={parties}
          value={row.lead}
          empty="— Chọn —"
          error={errors[n("lead")]}
        />
        <PartySelect
          name={n("coordinators")}
          label="Đơn vị phối hợp"
          options={parties}
          value={row.coordinators}
          multiple
        />
      </div>
      <div class="inline-fields">
        <SelectField
          name={n("deadlineKind")}
          label="Thời hạn"
          options={kindOptions}
          value={row.deadlineKind}
          error={errors[n("deadlineKind")]}
        />
        <Field
          name={n("deadlineDate")}
          label="Hạn cuối"
          type="date"
          value={row.deadlineDate}
          error={errors[n("deadlineDate")]}
          hint={row.phrase ? `Trong văn bản: "${row.phrase}"` : undefined}
        />
      </div>
    </fieldset>
  );
}

/** The header fields of a notice (review and correction); `issuingUnit` is what stands for the issuing unit. */
export function NoticeHeaderFields({
  h,
  errors,
  people,
  issuingUnit,
}: {
  h: Record<string, string>;
  errors: FieldErrors;
  people: PersonOption[];
  issuingUnit?: Child;
}) {
  const signers = people.map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <section class="card" aria-labelledby="notice-head">
      <h2 id="notice-head">Thông báo</h2>
      <div class="inline-fields">
        <Field
          name="number"
          label="Số"
          value={h.number}
          error={errors.number}
          required
          hint="Ví dụ 136-TB/QU"
        />
        <Field
          name="issuedOn"
          label="Ngày ban hành"
          type="date"
          value={h.issuedOn}
          error={errors.issuedOn}
          required
        />
      </div>
      {issuingUnit}
      <div class="inline-fields">
        <Field name="parentBody" label="Cơ quan cấp trên (nếu có)" value={h.parentBody} />
        <Field
          name="issuingBody"
          label="Cơ quan ban hành"
          value={h.issuingBody}
          error={errors.issuingBody}
          required
        />
        <Field name="placeName" label="Địa danh" value={h.placeName} error={errors.placeName} required />
      </div>
      <Field name="title" label="Trích yếu" value={h.title} error={errors.title} required />
      <Field name="preamble" label="Phần mở đầu" multiline rows={3} value={h.preamble} />
      <div class="inline-fields">
        <PickerField
          name="signer"
          label="Người ký"
          empty="— Chọn —"
          groups={ungrouped(signers)}
          value={h.signer}
        />
        <Field
          name="signerName"
          label="Họ tên người ký"
          value={h.signerName}
          error={errors.signerName}
          required
        />
        <Field name="signerTitle" label="Chức vụ" value={h.signerTitle} error={errors.signerTitle} required />
        <Field
          name="signingAuthority"
          label="Thẩm quyền ký"
          value={h.signingAuthority}
          hint="Ví dụ T/M BAN THƯỜNG VỤ"
        />
      </div>
      <Field
        name="recipients"
        label="Nơi nhận"
        multiline
        rows={3}
        value={h.recipients}
        hint="Mỗi dòng một nơi nhận."
      />
    </section>
  );
}

export interface ReviewPageProps {
  meta: PageMeta;
  sessionId: number;
  values: ReviewValues;
  parties: PartyOption[];
  people: PersonOption[];
  errors?: FieldErrors;
  /** The imported Word or PDF original, shown beside the form. */
  source?: NoticeSource | null;
  /** Said above the form (the reader found nothing in an imported file). */
  warning?: string | null;
}

export function ReviewPage(props: ReviewPageProps) {
  const form = <ReviewForm {...props} />;
  return (
    <AdminLayout meta={props.meta} active={SESSIONS_HREF}>
      {props.source ? (
        <div class="review-split">
          <NoticeSourcePanel source={props.source} />
          <div>{form}</div>
        </div>
      ) : (
        form
      )}
    </AdminLayout>
  );
}

function ReviewForm({
  meta,
  sessionId,
  values,
  parties,
  people,
  errors = {},
  source,
  warning,
}: ReviewPageProps) {
  const h = values.header;
  const units = parties.filter((p) => p.organisationId === null);
  return (
    <>
      <h1>Kiểm tra các nội dung kết luận</h1>
      <p>
        Hệ thống đã đọc được <strong>{values.rows.filter((r) => r.parent === "").length}</strong> nội dung.
        Sửa những chỗ chưa đúng rồi bấm “Lưu thông báo”.
      </p>
      {warning ? <p class="form-error">{warning}</p> : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={`${SESSIONS_HREF}/${sessionId}/ket-luan`} novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <input type="hidden" name="rowCount" value={String(values.rows.length)} />
        {source ? <input type="hidden" name="sourceFileId" value={String(source.fileId)} /> : null}
        <NoticeHeaderFields
          h={h}
          errors={errors}
          people={people}
          issuingUnit={
            <PartySelect
              name="issuingUnit"
              label="Đơn vị ban hành (giao nhiệm vụ)"
              options={units}
              value={h.issuingUnit}
              empty="— Chọn —"
              error={errors.issuingUnit}
            />
          }
        />
        {errors.rows ? <p class="form-error">{errors.rows}</p> : null}
        {values.rows.map((row, i) => (
          <RowFields row={row} i={i} parties={parties} errors={errors} />
        ))}
        <p>
          <button type="submit" name="_action" value="add-row" class="button">
            Thêm nội dung
          </button>{" "}
          <button type="submit" name="_action" value="save" class="button primary">
            Lưu thông báo
          </button>
        </p>
      </form>
    </>
  );
}

export function NoticePage({
  meta,
  notice,
  directives,
  itemsDirectives,
  canEdit = false,
  message,
  source = null,
  library,
}: {
  meta: PageMeta;
  notice: NoticeRecord;
  /** The document library's part: published, or the button to publish. */
  library?: Child;
  /** The Word or PDF file the notice was imported from. */
  source?: { id: number; name: string } | null;
  directives: DirectiveOut[];
  itemsDirectives: Map<number, DirectiveOut[]>;
  canEdit?: boolean;
  message?: string | null;
}) {
  const format = noticeFormat(notice);
  return (
    <AdminLayout meta={meta} active={SESSIONS_HREF}>
      <p class="muted">{`${notice.issuingBody} · Số ${notice.number} · ${notice.placeName}, ngày ${formatDateVi(notice.issuedOn)}`}</p>
      <h1>{notice.title}</h1>
      <Notice message={message} />
      <p>
        <a
          class="button primary"
          href={`/api/v1/conclusions/${notice.id}/docx`}
          title={`Thể thức ${format.system === "party" ? "văn bản của Đảng" : "văn bản hành chính"} theo ${format.basis}`}
        >
          {`Tải bản Word (${format.short})`}
        </a>{" "}
        {canEdit ? (
          <>
            <a class="button" href={`/quan-tri/thong-bao-ket-luan/${notice.id}/sua`}>
              Sửa thông báo
            </a>{" "}
            <a class="button" href={`/quan-tri/thong-bao-ket-luan/${notice.id}/cong-khai`}>
              Công khai trên cổng thông tin
            </a>{" "}
          </>
        ) : null}
        {notice.sessionId ? <a href={`${SESSIONS_HREF}/${notice.sessionId}`}>Về buổi làm việc</a> : null}
      </p>
      {library}
      {source ? (
        <p>
          Bản gốc: <a href={fileHref(source.id)}>{source.name}</a>
        </p>
      ) : null}
      {notice.items.map((item) => (
        <section>
          <h2>{`${item.number}. ${AREA_LABELS[item.area as keyof typeof AREA_LABELS] ?? ""}`}</h2>
          <p>{item.text}</p>
          <DirectiveTable
            rows={itemsDirectives.get(item.id) ?? []}
            caption={`Nhiệm vụ của nội dung ${item.number}`}
          />
        </section>
      ))}
      <p class="muted">{`${directives.length} nhiệm vụ · người ký: ${notice.signerName}`}</p>
    </AdminLayout>
  );
}
