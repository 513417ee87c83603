/** The deadline extension part of a directive's page: the requests, the lead unit's form, the assigner's decision. */
import { formatDateTimeVi, formatDateVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, errorAria, FieldFrame } from "../../core/views/forms.js";
import type { Deadline } from "../deadline.js";
import { deadlineText } from "../deadline-text.js";
import type { ExtensionRecord } from "./extensions.repo.js";
import { EXTENSION_STATUS_LABELS } from "./extensions.rules.js";

export interface ExtensionSectionProps {
  directiveId: number;
  deadline: Deadline;
  originalDeadline: Deadline;
  extensions: ExtensionRecord[];
  mayRequest: boolean;
  mayDecide: boolean;
  csrf: string;
  /** Messages of the extension form that failed, by field. */
  errors: FieldErrors;
}

function sameDeadline(a: Deadline, b: Deadline): boolean {
  return a.kind === b.kind && a.date === b.date;
}

function RequestForm(p: { directiveId: number; csrf: string; errors: FieldErrors }) {
  return (
    <form method="post" action={`/quan-tri/nhiem-vu/${p.directiveId}/gia-han`} class="card" novalidate>
      <CsrfInput token={p.csrf} />
      <h3>Đề nghị gia hạn</h3>
      <FieldFrame id="f-requestedDate" label="Gia hạn đến ngày" error={p.errors.requestedDate} required>
        <input
          id="f-requestedDate"
          name="requestedDate"
          type="date"
          required
          {...errorAria("f-requestedDate", p.errors.requestedDate)}
        />
      </FieldFrame>
      <FieldFrame id="f-reason" label="Lý do xin gia hạn" error={p.errors.reason} required>
        <textarea id="f-reason" name="reason" rows={3} required {...errorAria("f-reason", p.errors.reason)} />
      </FieldFrame>
      <button type="submit" class="button">
        Gửi đề nghị gia hạn
      </button>
    </form>
  );
}

function DecisionForm(p: {
  directiveId: number;
  request: ExtensionRecord;
  csrf: string;
  errors: FieldErrors;
}) {
  return (
    <form
      method="post"
      action={`/quan-tri/nhiem-vu/${p.directiveId}/gia-han/${p.request.id}`}
      class="card"
      novalidate
    >
      <CsrfInput token={p.csrf} />
      <h3>{`Duyệt đề nghị gia hạn đến ngày ${formatDateVi(p.request.requestedDate)}`}</h3>
      <p>{`${p.request.requesterName}: ${p.request.reason}`}</p>
      <FieldFrame
        id="f-decisionReason"
        label="Ý kiến, lý do của người duyệt"
        error={p.errors.decisionReason}
        required
      >
        <textarea
          id="f-decisionReason"
          name="reason"
          rows={3}
          required
          {...errorAria("f-decisionReason", p.errors.decisionReason)}
        />
      </FieldFrame>
      <button type="submit" name="decision" value="granted" class="button primary">
        Đồng ý gia hạn
      </button>{" "}
      <button type="submit" name="decision" value="refused" class="button">
        Không đồng ý
      </button>
    </form>
  );
}

export function ExtensionSection(p: ExtensionSectionProps) {
  const pending = p.extensions.find((e) => e.status === "pending");
  const extended = !sameDeadline(p.deadline, p.originalDeadline);
  if (p.extensions.length === 0 && !p.mayRequest) return null;
  return (
    <section aria-labelledby="gia-han">
      <h2 id="gia-han">Gia hạn</h2>
      {extended ? (
        <p>{`Hạn ban đầu: ${deadlineText(p.originalDeadline)}; hạn đã gia hạn: ${deadlineText(p.deadline)}. Tiến độ được đánh giá theo hạn đã gia hạn.`}</p>
      ) : null}
      {p.extensions.length > 0 ? (
        <table>
          <caption>Đề nghị gia hạn</caption>
          <thead>
            <tr>
              <th scope="col">Gia hạn đến</th>
              <th scope="col">Đề nghị</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Ý kiến người duyệt</th>
            </tr>
          </thead>
          <tbody>
            {p.extensions.map((e) => (
              <tr>
                <td>{formatDateVi(e.requestedDate)}</td>
                <td>{`${e.requesterName}, ${formatDateTimeVi(e.requestedAt)}: ${e.reason}`}</td>
                <td>{EXTENSION_STATUS_LABELS[e.status]}</td>
                <td>
                  {e.decidedAt
                    ? `${e.deciderName ?? ""}, ${formatDateTimeVi(e.decidedAt)}: ${e.decisionReason ?? ""}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pending && p.mayDecide ? (
        <DecisionForm directiveId={p.directiveId} request={pending} csrf={p.csrf} errors={p.errors} />
      ) : null}
      {!pending && p.mayRequest ? (
        <RequestForm directiveId={p.directiveId} csrf={p.csrf} errors={p.errors} />
      ) : null}
    </section>
  );
}
