/** Pages of proposals: the list, the form to record one, and one proposal with its answer. */
import { formatDateTimeVi, formatDateVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import type { PartyOption } from "../../units/parties.repo.js";
import { PartySelect } from "../../units/party-select.views.js";
import { ProposalStatusBadge, ProposalTable } from "../directive-tables.views.js";
import { LeadAndDeadlineFields } from "../directives.views.js";
import type { ProposalOut } from "../directives-present.js";
import { PROPOSAL_STATUS_LABELS, PROPOSAL_STATUSES } from "./proposals.repo.js";

export const PROPOSALS_HREF = "/quan-tri/kien-nghi";

export function ProposalListPage({
  meta,
  rows,
  status,
  toAnswer = false,
}: {
  meta: PageMeta;
  rows: ProposalOut[];
  status: string;
  /** Only those the viewer may answer (`phai_tra_loi=1`). */
  toAnswer?: boolean;
}) {
  return (
    <AdminLayout meta={meta} active={PROPOSALS_HREF}>
      <h1>Kiến nghị, đề xuất</h1>
      <form method="get" action={PROPOSALS_HREF} class="filters">
        <label for="f-tinh-trang">
          Tình trạng
          <select id="f-tinh-trang" name="tinh_trang">
            <option value="">Tất cả</option>
            {PROPOSAL_STATUSES.map((s) => (
              <option value={s} selected={s === status}>
                {PROPOSAL_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label for="f-phai-tra-loi">
          <input type="checkbox" id="f-phai-tra-loi" name="phai_tra_loi" value="1" checked={toAnswer} /> Chỉ
          kiến nghị tôi phải trả lời
        </label>
        <button type="submit" class="button">
          Lọc
        </button>
        <a class="button" href={`${PROPOSALS_HREF}/moi`}>
          Ghi kiến nghị
        </a>
      </form>
      <ProposalTable rows={rows} caption="Danh sách kiến nghị" />
    </AdminLayout>
  );
}

export function ProposalFormPage(p: {
  meta: PageMeta;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  parties: PartyOption[];
  /** Where the form posts: a new proposal unless given (correcting one). */
  action?: string;
}) {
  const v = (k: string) => (typeof p.values[k] === "string" ? (p.values[k] as string) : "");
  const e = p.errors ?? {};
  return (
    <AdminLayout meta={p.meta} active={PROPOSALS_HREF}>
      <h1>{p.action ? "Sửa kiến nghị, đề xuất" : "Ghi kiến nghị, đề xuất"}</h1>
      <ErrorSummary errors={p.errors} />
      <form method="post" action={p.action ?? `${PROPOSALS_HREF}/moi`} novalidate>
        <CsrfInput token={p.meta.auth.csrfToken} />
        <input type="hidden" name="buoi" value={v("buoi")} />
        <PartySelect
          name="from"
          label="Đơn vị kiến nghị"
          options={p.parties}
          value={v("from")}
          empty="— Chọn —"
          error={e.from}
        />
        <Field
          name="topic"
          label="Nội dung kiến nghị"
          multiline
          rows={3}
          value={v("topic")}
          error={e.topic}
          required
        />
        <Field name="text" label="Chi tiết" multiline rows={4} value={v("text")} />
        <PartySelect
          name="addressees"
          label="Gửi đến (phòng, ban, cơ quan)"
          options={p.parties}
          value={(p.values.addressees as string[]) ?? []}
          multiple
          error={e.addressees}
        />
        <Field name="answerDue" label="Hạn trả lời" type="date" value={v("answerDue")} error={e.answerDue} />
        <button type="submit" class="button primary">
          Lưu kiến nghị
        </button>
        {p.action ? (
          <>
            {" "}
            <a href={p.action.replace(/\/sua$/, "")}>Hủy</a>
          </>
        ) : null}
      </form>
    </AdminLayout>
  );
}

export interface ProposalPageProps {
  meta: PageMeta;
  p: ProposalOut;
  canAnswer: boolean;
  canEdit?: boolean;
  assigningUnits: PartyOption[];
  parties: PartyOption[];
  errors?: FieldErrors;
  notice?: string | null;
}

export function ProposalPage({
  meta,
  p,
  canAnswer,
  canEdit = false,
  assigningUnits,
  parties,
  errors = {},
  notice,
}: ProposalPageProps) {
  const statuses = PROPOSAL_STATUSES.filter((s) => s !== "unanswered").map((s) => ({
    value: s,
    label: PROPOSAL_STATUS_LABELS[s],
  }));
  return (
    <AdminLayout meta={meta} active={PROPOSALS_HREF}>
      <p class="muted">Kiến nghị, đề xuất</p>
      <h1>{p.topic}</h1>
      <Notice message={notice} />
      {canEdit ? (
        <p>
          <a class="button" href={`${PROPOSALS_HREF}/${p.id}/sua`}>
            Sửa kiến nghị
          </a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl class="changes">
        <dt>Đơn vị kiến nghị</dt>
        <dd>{p.from.name}</dd>
        <dt>Gửi đến</dt>
        <dd>{p.addressees.map((a) => a.name).join("; ")}</dd>
        <dt>Hạn trả lời</dt>
        <dd>{p.answerDue ? formatDateVi(p.answerDue) : "—"}</dd>
        <dt>Tình trạng</dt>
        <dd>
          <ProposalStatusBadge value={p.status} />
        </dd>
        {p.sessionId ? (
          <>
            <dt>Tại buổi làm việc</dt>
            <dd>
              <a href={`/quan-tri/buoi-lam-viec/${p.sessionId}`}>Xem buổi làm việc</a>
            </dd>
          </>
        ) : null}
        {p.directiveId ? (
          <>
            <dt>Nhiệm vụ</dt>
            <dd>
              <a href={`/quan-tri/nhiem-vu/${p.directiveId}`}>Xem nhiệm vụ được giao từ kiến nghị này</a>
            </dd>
          </>
        ) : null}
      </dl>
      {p.text ? <p>{p.text}</p> : null}
      {p.answer ? (
        <section class="card">
          <h2>Trả lời</h2>
          <p>{p.answer}</p>
          {p.answeredAt ? <p class="muted">{formatDateTimeVi(p.answeredAt)}</p> : null}
        </section>
      ) : null}
      {canAnswer ? (
        <form method="post" action={`${PROPOSALS_HREF}/${p.id}/tra-loi`} class="card" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <h2>Trả lời kiến nghị</h2>
          <Field
            name="answer"
            label="Nội dung trả lời"
            multiline
            rows={4}
            value={p.answer}
            error={errors.answer}
            required
          />
          <SelectField
            name="status"
            label="Tình trạng"
            options={statuses}
            value={p.status === "unanswered" ? "answered" : p.status}
          />
          <button type="submit" class="button primary">
            Gửi trả lời
          </button>
        </form>
      ) : null}
      {assigningUnits.length > 0 && p.directiveId === null ? (
        <form method="post" action={`${PROPOSALS_HREF}/${p.id}/giao`} class="card" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <h2>Giao thành nhiệm vụ</h2>
          <Field
            name="title"
            label="Nội dung nhiệm vụ"
            multiline
            rows={2}
            value={p.topic}
            error={errors.title}
            required
          />
          <PartySelect name="assigning" label="Đơn vị giao" options={assigningUnits} />
          <LeadAndDeadlineFields parties={parties} errors={errors} />
          <button type="submit" class="button">
            Giao nhiệm vụ
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
