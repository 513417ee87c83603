/** The ward's pages of citizens' feedback: the queue with its filters, and one feedback with its handling form. */

import { formatDateTimeVi, formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { ANSWER_DEADLINE_RULE } from "./answer-deadline.rules.js";
import {
  FEEDBACK_STATE_LABELS,
  FEEDBACK_STATES,
  FEEDBACK_TOPIC_LABELS,
  FEEDBACK_TOPICS,
  FEEDBACK_VISIBILITIES,
  FEEDBACK_VISIBILITY_LABELS,
} from "./feedback.model.js";
import type { FeedbackRecord } from "./feedback.repo.js";
import { isOverdue } from "./feedback-present.js";

export const QUEUE_HREF = "/quan-tri/phan-anh";

export interface QueueFilterValues {
  unit: string;
  state: string;
  topic: string;
  visibility: string;
  overdue: boolean;
  waiting: boolean;
}

export function QueuePage(p: {
  meta: PageMeta;
  rows: FeedbackRecord[];
  units: { id: number; label: string }[];
  filter: QueueFilterValues;
}) {
  const today = p.meta.today;
  return (
    <AdminLayout meta={p.meta} active={QUEUE_HREF}>
      <h1>Phản ánh, kiến nghị của người dân</h1>
      <p class="muted">{ANSWER_DEADLINE_RULE}.</p>
      <form method="get" action={QUEUE_HREF} class="filters card" aria-label="Lọc phản ánh">
        <SelectField
          name="don_vi"
          label="Phường, xã"
          options={[
            { value: "", label: "Tất cả" },
            ...p.units.map((u) => ({ value: String(u.id), label: u.label })),
          ]}
          value={p.filter.unit}
        />
        <SelectField
          name="trang_thai"
          label="Tình trạng"
          options={[
            { value: "", label: "Tất cả" },
            ...FEEDBACK_STATES.map((s) => ({ value: s, label: FEEDBACK_STATE_LABELS[s] })),
          ]}
          value={p.filter.state}
        />
        <SelectField
          name="linh_vuc"
          label="Lĩnh vực"
          options={[
            { value: "", label: "Tất cả" },
            ...FEEDBACK_TOPICS.map((t) => ({ value: t, label: FEEDBACK_TOPIC_LABELS[t] })),
          ]}
          value={p.filter.topic}
        />
        <SelectField
          name="hien_thi"
          label="Kiểm duyệt"
          options={[
            { value: "", label: "Tất cả" },
            ...FEEDBACK_VISIBILITIES.map((v) => ({ value: v, label: FEEDBACK_VISIBILITY_LABELS[v] })),
          ]}
          value={p.filter.visibility}
        />
        <div class="checkbox-field">
          <input id="f-qua_han" type="checkbox" name="qua_han" value="1" checked={p.filter.overdue} />
          <label for="f-qua_han">Chỉ phản ánh quá hạn trả lời</label>
        </div>
        <div class="checkbox-field">
          <input id="f-cho_tra_loi" type="checkbox" name="cho_tra_loi" value="1" checked={p.filter.waiting} />
          <label for="f-cho_tra_loi">Chỉ phản ánh chờ trả lời</label>
        </div>
        <button type="submit" class="button">
          Lọc
        </button>
      </form>
      <p>
        {p.rows.length === 0
          ? "Không có phản ánh nào."
          : `${p.rows.length.toLocaleString("vi-VN")} phản ánh.`}
      </p>
      {p.rows.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Danh sách phản ánh</caption>
            <thead>
              <tr>
                <th scope="col">Mã</th>
                <th scope="col">Ngày nhận</th>
                <th scope="col">Phường, xã</th>
                <th scope="col">Lĩnh vực, địa điểm</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Hạn trả lời</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((f) => (
                <tr>
                  <td>
                    <a href={`${QUEUE_HREF}/${f.code}`}>{f.code}</a>
                  </td>
                  <td>{formatDateVi(f.createdAt)}</td>
                  <td>{f.unitName}</td>
                  <td>
                    {FEEDBACK_TOPIC_LABELS[f.topic]}: {f.place}
                  </td>
                  <td>
                    {FEEDBACK_STATE_LABELS[f.state]}
                    {f.visibility !== "visible" ? ` (${FEEDBACK_VISIBILITY_LABELS[f.visibility]})` : ""}
                  </td>
                  <td class={isOverdue(f, today) ? "overdue" : undefined}>
                    {formatDateVi(f.answerDue)}
                    {isOverdue(f, today) ? " (quá hạn)" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </AdminLayout>
  );
}

export interface HandlingValues {
  state: string;
  organisationId: string;
  answer: string;
  answerPublic: boolean;
}

export function FeedbackPage(p: {
  meta: PageMeta;
  f: FeedbackRecord;
  organisations: { id: number; name: string }[];
  values: HandlingValues;
  errors?: FieldErrors;
  mayModerate: boolean;
  ok?: string | null;
}) {
  const f = p.f;
  const e = p.errors ?? {};
  return (
    <AdminLayout meta={p.meta} active={QUEUE_HREF}>
      <p class="breadcrumb">
        <a href={QUEUE_HREF}>Phản ánh, kiến nghị</a>
      </p>
      <h1>Phản ánh {f.code}</h1>
      <Notice message={p.ok} />
      <dl class="facts card">
        <dt>Tình trạng</dt>
        <dd>
          {FEEDBACK_STATE_LABELS[f.state]}
          {f.visibility !== "visible" ? ` · ${FEEDBACK_VISIBILITY_LABELS[f.visibility]}` : ""}
        </dd>
        <dt>Phường, xã</dt>
        <dd>{f.unitName}</dd>
        <dt>Lĩnh vực</dt>
        <dd>{FEEDBACK_TOPIC_LABELS[f.topic]}</dd>
        <dt>Địa điểm</dt>
        <dd>{f.place}</dd>
        <dt>Ngày nhận</dt>
        <dd>{formatDateTimeVi(f.createdAt)}</dd>
        <dt>Hạn trả lời</dt>
        <dd class={isOverdue(f, p.meta.today) ? "overdue" : undefined}>
          {formatDateVi(f.answerDue)}
          {isOverdue(f, p.meta.today) ? " (quá hạn)" : ""}
        </dd>
        <dt>Người gửi</dt>
        <dd>
          {f.senderName ?? "Không nêu tên"}
          {f.senderContact ? ` · ${f.senderContact}` : ""}
          {f.wantsReply ? " · muốn nhận trả lời qua thư" : ""}
        </dd>
        <dt>Đồng ý xử lý dữ liệu</dt>
        <dd>{formatDateTimeVi(f.consentAt)}</dd>
      </dl>
      <h2>Nội dung</h2>
      <p class="card qa-question">{f.text}</p>
      {f.photoFileIds.length > 0 ? (
        <>
          <h2>Ảnh kèm theo</h2>
          <div class="feedback-photos">
            {f.photoFileIds.map((_, i) => (
              <a href={`${QUEUE_HREF}/${f.code}/anh/${i + 1}`}>
                <img
                  src={`${QUEUE_HREF}/${f.code}/anh/${i + 1}`}
                  alt={`Ảnh ${i + 1} của phản ánh ${f.code}`}
                />
              </a>
            ))}
          </div>
        </>
      ) : null}
      <h2>Xử lý và trả lời</h2>
      <ErrorSummary errors={e} />
      <form method="post" action={`${QUEUE_HREF}/${f.code}`} class="card">
        <CsrfInput token={p.meta.auth.csrfToken} />
        <SelectField
          name="state"
          label="Tình trạng"
          options={FEEDBACK_STATES.map((s) => ({ value: s, label: FEEDBACK_STATE_LABELS[s] }))}
          value={p.values.state}
          error={e.state}
        />
        <SelectField
          name="organisationId"
          label="Giao cho cơ quan, bộ phận"
          options={[
            { value: "", label: "— Chưa giao —" },
            ...p.organisations.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
          value={p.values.organisationId}
          error={e.organisationId}
        />
        <Field
          name="answer"
          label="Nội dung trả lời"
          hint="Với “Từ chối / Không thuộc thẩm quyền” hay “Chuyển đơn vị khác”, nêu lý do hoặc nơi chuyển đến."
          value={p.values.answer}
          multiline
          rows={6}
          error={e.answer}
        />
        <div class={e.answerPublic ? "checkbox-field has-error" : "checkbox-field"}>
          <input
            id="f-answerPublic"
            type="checkbox"
            name="answerPublic"
            value="1"
            checked={p.values.answerPublic}
          />
          <label for="f-answerPublic">
            Công khai câu trả lời trên cổng thông tin (không kèm thông tin người gửi)
          </label>
          {e.answerPublic ? (
            <p class="field-error" id="f-answerPublic-error">
              {e.answerPublic}
            </p>
          ) : null}
        </div>
        <button type="submit" class="button primary">
          Lưu
        </button>
      </form>
      {p.mayModerate ? (
        <form method="post" action={`${QUEUE_HREF}/${f.code}/kiem-duyet`} class="card">
          <CsrfInput token={p.meta.auth.csrfToken} />
          <SelectField
            name="visibility"
            label="Kiểm duyệt"
            options={FEEDBACK_VISIBILITIES.map((v) => ({ value: v, label: FEEDBACK_VISIBILITY_LABELS[v] }))}
            value={f.visibility}
          />
          <button type="submit" class="button">
            Cập nhật kiểm duyệt
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
