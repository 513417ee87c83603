/** The tables and badges of directives and proposals, shown on their own pages and by the rooms above. */
import { formatDateVi } from "../core/format/vi-date.js";
import { deadlineText } from "./deadline-text.js";
import { TIMELINESS_LABELS, timelinessBadge } from "./directives.model.js";
import type { DirectiveOut, ProposalOut } from "./directives-present.js";
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from "./proposals/proposals.repo.js";
import type { Timeliness } from "./timeliness.rules.js";
import { workflowStateLabel } from "./workflow.rules.js";

export function TimelinessBadge({ value, days }: { value: Timeliness; days?: number }) {
  const late = value === "overdue" && days ? ` ${days} ngày` : "";
  return <span class={timelinessBadge(value)}>{`${TIMELINESS_LABELS[value]}${late}`}</span>;
}

export function ProposalStatusBadge({ value }: { value: ProposalStatus }) {
  return (
    <span class={value === "resolved" ? "badge published" : value === "unanswered" ? "badge draft" : "badge"}>
      {PROPOSAL_STATUS_LABELS[value]}
    </span>
  );
}

/** A deadline in words, with the date for month/quarter/year kinds. */
export function DeadlineCell({ deadline }: { deadline: DirectiveOut["deadline"] }) {
  return <>{deadlineText(deadline)}</>;
}

/** One row per directive: what, who leads, with whom, until when, where it stands. */
export function DirectiveTable({
  rows,
  caption,
  showNotice = false,
}: {
  rows: DirectiveOut[];
  caption: string;
  showNotice?: boolean;
}) {
  if (rows.length === 0) return <p class="muted">Không có nhiệm vụ nào.</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nhiệm vụ</th>
            <th scope="col">Chủ trì</th>
            <th scope="col">Phối hợp</th>
            <th scope="col">Thời hạn</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Tiến độ</th>
            {showNotice ? <th scope="col">Thông báo</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr>
              <td>
                <a href={`/quan-tri/nhiem-vu/${d.id}`}>
                  {d.title.length > 160 ? `${d.title.slice(0, 159)}…` : d.title}
                </a>
              </td>
              <td>{d.lead.name}</td>
              <td>{d.coordinators.map((c) => c.name).join("; ") || "—"}</td>
              <td>
                <DeadlineCell deadline={d.deadline} />
              </td>
              <td>{workflowStateLabel(d.state)}</td>
              <td>
                <TimelinessBadge value={d.timeliness} days={d.daysOverdue} /> {d.progressPercent}%
              </td>
              {showNotice ? <td>{d.noticeNumber ?? "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProposalTable({ rows, caption }: { rows: ProposalOut[]; caption: string }) {
  if (rows.length === 0) return <p class="muted">Không có kiến nghị nào.</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kiến nghị</th>
            <th scope="col">Của</th>
            <th scope="col">Gửi</th>
            <th scope="col">Hạn trả lời</th>
            <th scope="col">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr>
              <td>
                <a href={`/quan-tri/kien-nghi/${p.id}`}>{p.topic}</a>
              </td>
              <td>{p.from.name}</td>
              <td>{p.addressees.map((a) => a.name).join("; ")}</td>
              <td>{p.answerDue ? formatDateVi(p.answerDue) : "—"}</td>
              <td>
                <ProposalStatusBadge value={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
