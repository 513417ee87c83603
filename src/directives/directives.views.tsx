/** Pages of directives: the filtered list and one directive with the actions the viewer may take. */
import { formatDateTimeVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, FieldFrame, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { PickerSelect } from "../core/views/picker.js";
import type { PartyOption } from "../units/parties.repo.js";
import { PartySelect, partyPickerGroups } from "../units/party-select.views.js";
import { DEADLINE_KINDS } from "./deadline.js";
import type { ReportRow } from "./directive-reports.repo.js";
import { DeadlineCell, DirectiveTable, TimelinessBadge } from "./directive-tables.views.js";
import { DEADLINE_KIND_LABELS, TIMELINESS_LABELS } from "./directives.model.js";
import type { DirectiveOut } from "./directives-present.js";
import { ExtensionSection, type ExtensionSectionProps } from "./extensions/extensions.views.js";
import { ACTION_LABELS, actionLabel } from "./history-labels.model.js";
import { TIMELINESS } from "./timeliness.rules.js";
import { WORKFLOW_STATES, type WorkflowAction, workflowStateLabel } from "./workflow.rules.js";

export const DIRECTIVES_HREF = "/quan-tri/nhiem-vu";

export interface ListFilters {
  unit: string;
  state: string;
  timeliness: string;
  /** Only directives the viewer assigned or leads (`cua_toi=1`). */
  mine: boolean;
  /** Only directives with an extension request the viewer must decide (`gia_han=cho_duyet`). */
  extensionsToDecide: boolean;
  page: number;
  /** Further filters a follow-up figure opens the list with (lead party, assigner, notice, period): name, value. */
  extra?: [string, string][];
  /** Those filters in words ("Chủ trì: UBND phường X"). */
  extraLabels?: string[];
}

export function DirectiveListPage(p: {
  meta: PageMeta;
  rows: DirectiveOut[];
  total: number;
  pageSize: number;
  filters: ListFilters;
  units: PartyOption[];
}) {
  const f = p.filters;
  const extra = f.extra ?? [];
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const link = (page: number) =>
    `${DIRECTIVES_HREF}?${new URLSearchParams({ don_vi: f.unit, trang_thai: f.state, tien_do: f.timeliness, ...(f.mine ? { cua_toi: "1" } : {}), ...(f.extensionsToDecide ? { gia_han: "cho_duyet" } : {}), ...Object.fromEntries(extra), trang: String(page) })}`;
  return (
    <AdminLayout meta={p.meta} active={DIRECTIVES_HREF}>
      <h1>Nhiệm vụ</h1>
      <p>
        <a href="/quan-tri/theo-doi">Theo dõi, tổng hợp</a> ·{" "}
        <a href="/quan-tri/kien-nghi">Kiến nghị, đề xuất</a>
      </p>
      <form method="get" action={DIRECTIVES_HREF} class="filters">
        {extra.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label for="f-don-vi">
          Đơn vị chủ trì
          <PickerSelect
            id="f-don-vi"
            name="don_vi"
            empty="Tất cả"
            groups={partyPickerGroups(p.units, (u) => String(u.unitId))}
            value={f.unit}
          />
        </label>
        <label for="f-trang-thai">
          Trạng thái
          <select id="f-trang-thai" name="trang_thai">
            <option value="">Tất cả</option>
            {WORKFLOW_STATES.map((s) => (
              <option value={s} selected={s === f.state}>
                {workflowStateLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label for="f-tien-do">
          Tiến độ
          <select id="f-tien-do" name="tien_do">
            <option value="">Tất cả</option>
            {TIMELINESS.map((t) => (
              <option value={t} selected={t === f.timeliness}>
                {TIMELINESS_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label for="f-cua-toi">
          <input type="checkbox" id="f-cua-toi" name="cua_toi" value="1" checked={f.mine} /> Chỉ nhiệm vụ tôi
          giao hoặc chủ trì
        </label>
        <label for="f-gia-han">
          <input
            type="checkbox"
            id="f-gia-han"
            name="gia_han"
            value="cho_duyet"
            checked={f.extensionsToDecide}
          />{" "}
          Chỉ nhiệm vụ có đề nghị gia hạn chờ tôi duyệt
        </label>
        <button type="submit" class="button">
          Lọc
        </button>
      </form>
      <p role="status">
        {`${p.total} nhiệm vụ`}
        {extra.length > 0 ? (
          <>
            {` theo số liệu của trang theo dõi${f.extraLabels?.length ? ` (${f.extraLabels.join("; ")})` : ""} · `}
            <a href={DIRECTIVES_HREF}>Bỏ lọc</a>
          </>
        ) : null}
      </p>
      <DirectiveTable rows={p.rows} caption="Danh sách nhiệm vụ" showNotice />
      {pages > 1 ? (
        <nav class="pager" aria-label="Trang">
          {f.page > 1 ? <a href={link(f.page - 1)}>← Trang trước</a> : null}{" "}
          <span>{`Trang ${f.page}/${pages}`}</span>{" "}
          {f.page < pages ? <a href={link(f.page + 1)}>Trang sau →</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}

const DEADLINE_KIND_OPTIONS = DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }));

/** Who leads a new directive and by when: what giving a sub-directive and answering a proposal share. */
export function LeadAndDeadlineFields({ parties, errors }: { parties: PartyOption[]; errors: FieldErrors }) {
  return (
    <>
      <PartySelect
        name="lead"
        label="Đơn vị chủ trì"
        options={parties}
        empty="— Chọn —"
        error={errors.lead}
      />
      <div class="inline-fields">
        <SelectField name="deadlineKind" label="Thời hạn" options={DEADLINE_KIND_OPTIONS} value="date" />
        <Field name="deadlineDate" label="Hạn cuối" type="date" error={errors.deadlineDate} />
      </div>
    </>
  );
}

function textLabel(action: WorkflowAction): string {
  if (action === "return") return "Lý do trả lại";
  if (action === "report_progress") return "Kết quả đã thực hiện";
  return "Ghi chú";
}

function ActionForm(props: {
  id: number;
  action: WorkflowAction;
  csrf: string;
  errors: FieldErrors;
  parties: PartyOption[];
}) {
  const { id, action, errors } = props;
  const withFile = action === "report_progress" || action === "submit";
  const fid = (name: string) => `f-${action}-${name}`;
  const invalid = (name: string) => (errors[name] ? "true" : undefined);
  return (
    <form
      method="post"
      action={`${DIRECTIVES_HREF}/${id}/thao-tac`}
      enctype={withFile ? "multipart/form-data" : undefined}
      class="card"
      novalidate
    >
      <CsrfInput token={props.csrf} />
      <input type="hidden" name="action" value={action} />
      <h3>{ACTION_LABELS[action]}</h3>
      {action === "report_progress" ? (
        <FieldFrame id={fid("percent")} label="Tỷ lệ hoàn thành (%)" error={errors.percent} required>
          <input
            id={fid("percent")}
            name="percent"
            type="number"
            min="0"
            max="100"
            step="1"
            aria-invalid={invalid("percent")}
          />
        </FieldFrame>
      ) : null}
      {action === "reassign" ? (
        <PartySelect
          id={fid("newLead")}
          name="newLead"
          label="Đơn vị chủ trì mới"
          options={props.parties}
          empty="— Chọn —"
          error={errors.lead}
        />
      ) : null}
      {action !== "receive" && action !== "resume" ? (
        <FieldFrame
          id={fid("text")}
          label={textLabel(action)}
          error={errors.text}
          required={action === "return" || action === "report_progress"}
        >
          <textarea id={fid("text")} name="text" rows={3} aria-invalid={invalid("text")} />
        </FieldFrame>
      ) : null}
      {withFile ? (
        <p class="checkbox-field">
          <input type="checkbox" id={fid("public")} name="public" value="1" />
          <label for={fid("public")}>
            Công khai nội dung này trên trang theo dõi kết luận (khi thông báo được công khai)
          </label>
        </p>
      ) : null}
      {withFile ? (
        <FieldFrame id={fid("file")} label="Tệp đính kèm (tối đa 10 MB)" error={errors.file}>
          <input id={fid("file")} name="file" type="file" />
        </FieldFrame>
      ) : null}
      <button type="submit" class={action === "confirm" || action === "submit" ? "button primary" : "button"}>
        {ACTION_LABELS[action]}
      </button>
    </form>
  );
}

export interface DirectivePageProps {
  meta: PageMeta;
  d: DirectiveOut;
  reports: ReportRow[];
  /**
   * The child tasks. Not called `children`: hono/jsx turns a one-element `children` prop into the
   * element itself, so a directive with exactly one sub-task would reach the table as no array.
   */
  subtasks: DirectiveOut[];
  allowed: WorkflowAction[];
  canAddChild: boolean;
  canEdit: boolean;
  parties: PartyOption[];
  /** The deadline extension requests and what the viewer may do with them. */
  extension?: Omit<ExtensionSectionProps, "directiveId" | "deadline" | "csrf" | "errors">;
  errors?: FieldErrors;
  /** The action whose form failed: its fields show the messages. */
  failedAction?: string;
  notice?: string | null;
}

export function DirectivePage({
  meta,
  d,
  reports,
  subtasks,
  allowed,
  canAddChild,
  canEdit,
  parties,
  extension,
  errors = {},
  failedAction,
  notice,
}: DirectivePageProps) {
  return (
    <AdminLayout meta={meta} active={DIRECTIVES_HREF}>
      <p class="muted">
        {d.noticeNumber ? (
          <a href={`/quan-tri/thong-bao-ket-luan/${d.noticeId}`}>{`Thông báo ${d.noticeNumber}`}</a>
        ) : d.parentId ? (
          <a href={`${DIRECTIVES_HREF}/${d.parentId}`}>Nhiệm vụ cha</a>
        ) : (
          "Nhiệm vụ"
        )}
      </p>
      <h1>{d.title}</h1>
      <Notice message={notice} />
      <ErrorSummary errors={errors} />
      <dl class="changes">
        <dt>Chủ trì</dt>
        <dd>{d.lead.name}</dd>
        <dt>Phối hợp</dt>
        <dd>{d.coordinators.map((c) => c.name).join("; ") || "—"}</dd>
        <dt>Người giao</dt>
        <dd>{d.assignerName ?? "—"}</dd>
        <dt>Thời hạn</dt>
        <dd>
          <DeadlineCell deadline={d.deadline} />
          {d.deadline.phrase ? <span class="muted">{` (“${d.deadline.phrase}”)`}</span> : null}
        </dd>
        <dt>Trạng thái</dt>
        <dd>{workflowStateLabel(d.state)}</dd>
        <dt>Tiến độ</dt>
        <dd>
          <TimelinessBadge value={d.timeliness} days={d.daysOverdue} /> {`${d.progressPercent}%`}
        </dd>
      </dl>
      {allowed.map((action) => (
        <ActionForm
          id={d.id}
          action={action}
          csrf={meta.auth.csrfToken}
          errors={action === failedAction ? errors : {}}
          parties={parties}
        />
      ))}
      {extension ? (
        <ExtensionSection
          directiveId={d.id}
          deadline={d.deadline}
          {...extension}
          csrf={meta.auth.csrfToken}
          errors={failedAction === "extension" ? errors : {}}
        />
      ) : null}
      <h2>Quá trình thực hiện</h2>
      {reports.length === 0 ? (
        <p class="muted">Chưa có báo cáo nào.</p>
      ) : (
        <ol>
          {reports.map((r) => (
            <li>
              <strong>{actionLabel(r.action)}</strong> · {formatDateTimeVi(r.at)} · {r.reporterName}
              {r.percent !== null ? ` · ${r.percent}%` : ""}
              {r.isPublic ? <span class="badge published">Công khai</span> : null}
              {r.text ? <p>{r.text}</p> : null}
              {r.files.map((f) => (
                <p>
                  <a href={`/quan-tri/tep/${f.id}`}>{f.name}</a>
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      <h2>Nhiệm vụ con</h2>
      <DirectiveTable rows={subtasks} caption="Nhiệm vụ con" />
      {canAddChild ? (
        <form method="post" action={`${DIRECTIVES_HREF}/${d.id}/nhiem-vu-con`} class="card" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <h3>Thêm nhiệm vụ con</h3>
          <Field name="title" label="Nội dung" multiline rows={2} error={errors.title} required />
          <LeadAndDeadlineFields parties={parties} errors={errors} />
          <button type="submit" class="button">
            Giao nhiệm vụ con
          </button>
        </form>
      ) : null}
      {canEdit ? (
        <form method="post" action={`${DIRECTIVES_HREF}/${d.id}/sua`} class="card" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <h3>Điều chỉnh thời hạn, đơn vị phối hợp</h3>
          <div class="inline-fields">
            <SelectField
              name="deadlineKind"
              label="Thời hạn"
              options={DEADLINE_KIND_OPTIONS}
              value={d.deadline.kind}
            />
            <Field
              name="deadlineDate"
              label="Hạn cuối"
              type="date"
              value={d.deadline.date}
              error={errors.deadlineDate}
            />
          </div>
          <PartySelect
            name="coordinators"
            label="Đơn vị phối hợp"
            options={parties}
            value={d.coordinators.map((c) => (c.organisationId ? `o${c.organisationId}` : `u${c.unitId}`))}
            multiple
          />
          <button type="submit" class="button">
            Lưu điều chỉnh
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
