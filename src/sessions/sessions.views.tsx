/** Pages of working sessions: the list, the form (new and edit), and one session. */

import type { Child } from "hono/jsx";
import { formatDateVi, formatTimeVi } from "../core/format/vi-date.js";
import { Notice } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { plannedLabel } from "./programme.rules.js";
import {
  ATTENDEE_SIDE_LABELS,
  evaluationLink,
  type SessionDetail,
  type SessionSummary,
  sessionKindLabel,
} from "./sessions.model.js";

export const SESSIONS_HREF = "/quan-tri/buoi-lam-viec";

function when(s: Pick<SessionSummary, "startsAt" | "endsAt">): string {
  const end = s.endsAt ? `–${formatTimeVi(s.endsAt)}` : "";
  return `${formatTimeVi(s.startsAt)}${end}, ${formatDateVi(s.startsAt)}`;
}

export function SessionListPage({
  meta,
  sessions,
  canCreate,
}: {
  meta: PageMeta;
  sessions: SessionSummary[];
  canCreate: boolean;
}) {
  return (
    <AdminLayout meta={meta} active={SESSIONS_HREF}>
      <h1>Buổi làm việc, hội nghị</h1>
      <p>
        {canCreate ? (
          <a class="button primary" href={`${SESSIONS_HREF}/moi`}>
            Tạo buổi làm việc
          </a>
        ) : null}{" "}
        <a class="button" href="/quan-tri/lich-lam-viec">
          Lịch làm việc
        </a>{" "}
        <a class="button" href="/quan-tri/chuong-trinh-cong-tac">
          Chương trình công tác
        </a>{" "}
        <a href="/lich-lam-viec.ics">Tải lịch (ICS)</a>
      </p>
      {sessions.length === 0 ? (
        <p class="muted">Chưa có buổi làm việc nào.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Các buổi làm việc, mới nhất trước</caption>
          <thead>
            <tr>
              <th scope="col">Thời gian</th>
              <th scope="col">Loại</th>
              <th scope="col">Nội dung</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Địa điểm</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td>{when(s)}</td>
                <td>{sessionKindLabel(s.kind)}</td>
                <td>
                  <a href={`${SESSIONS_HREF}/${s.id}`}>{s.title}</a>
                </td>
                <td>{unitDisplayName(s.host)}</td>
                <td>{s.place}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export interface SessionPageProps {
  meta: PageMeta;
  session: SessionDetail;
  /** What the rooms above add about the session (session.extension.ts), in order. */
  sections: Child[];
  canManage: boolean;
  notice?: string | null;
}

export function SessionPage({ meta, session: s, sections, canManage, notice }: SessionPageProps) {
  const base = `${SESSIONS_HREF}/${s.id}`;
  return (
    <AdminLayout meta={meta} active={SESSIONS_HREF}>
      <p class="muted">{sessionKindLabel(s.kind)}</p>
      <h1>{s.title}</h1>
      <Notice message={notice} />
      <dl class="changes">
        <dt>Thời gian</dt>
        <dd>{when(s)}</dd>
        <dt>Địa điểm</dt>
        <dd>{s.place}</dd>
        <dt>Đơn vị</dt>
        <dd>{unitDisplayName(s.host)}</dd>
        {s.visiting ? (
          <>
            <dt>Đoàn công tác</dt>
            <dd>{s.visiting.organisation ?? unitDisplayName(s.visiting)}</dd>
          </>
        ) : null}
        <dt>Chủ trì</dt>
        <dd>{s.chairTitle ? `${s.chairName} - ${s.chairTitle}` : s.chairName}</dd>
        {s.programItem ? (
          <>
            <dt>Chương trình công tác</dt>
            <dd>
              <a href={`/quan-tri/chuong-trinh-cong-tac?nam=${s.programItem.year}`}>{s.programItem.title}</a>{" "}
              ({plannedLabel(s.programItem)})
            </dd>
          </>
        ) : null}
      </dl>
      {canManage ? (
        <p>
          <a class="button" href={`${base}/sua`}>
            Sửa
          </a>{" "}
          <a class="button primary" href={`${base}/ket-luan`}>
            Nhập kết luận
          </a>
        </p>
      ) : null}
      <h2>Thành phần tham dự</h2>
      <ul>
        {s.attendees.map((a) => (
          <li>
            {a.title ? `${a.name} - ${a.title}` : a.name}{" "}
            <span class="muted">({ATTENDEE_SIDE_LABELS[a.side]})</span>
          </li>
        ))}
      </ul>
      <h2>Chương trình</h2>
      <ol>
        {s.agenda.map((a) => (
          <li>{a.presenter ? `${a.title} (${a.presenter})` : a.title}</li>
        ))}
      </ol>
      <h2>Tài liệu</h2>
      <ul>
        {s.documents.map((d) => (
          <li>
            {d.kind === "evaluation" && d.unitId && d.periodKey ? (
              <a href={evaluationLink(d.unitId, d.periodKey)}>{d.title}</a>
            ) : d.fileId ? (
              <a href={`/quan-tri/tep/${d.fileId}`}>{d.title}</a>
            ) : (
              d.title
            )}
          </li>
        ))}
      </ul>
      {s.opinions.length > 0 ? (
        <>
          <h2>Ý kiến phát biểu</h2>
          <ul>
            {s.opinions.map((o) => (
              <li>
                <strong>{o.speakerTitle ? `${o.speakerName} - ${o.speakerTitle}` : o.speakerName}:</strong>{" "}
                {o.summary}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {s.minutes ? (
        <>
          <h2>Biên bản</h2>
          {s.minutes.split(/\n\s*\n/).map((para) => (
            <p>{para}</p>
          ))}
        </>
      ) : null}
      {sections}
    </AdminLayout>
  );
}
