import { raw } from "hono/html";
import { formatDateVi } from "../core/format/vi-date.js";
import { CsrfInput, Notice } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { sanitizeArticleHtml } from "../portal/articles/sanitize.js";
import type { SessionDetail } from "../sessions/sessions.model.js";
import { SESSIONS_HREF } from "../sessions/sessions.views.js";
import type { ArticleDraft } from "./session-article.rules.js";

/** The preview of a session's article before it is saved as a draft, and the button on the session's page. */

export function draftHref(sessionId: number): string {
  return `${SESSIONS_HREF}/${sessionId}/soan-tin`;
}

/** On the session's page: the way to the draft, for those who may write it. */
export function DraftButton({ sessionId }: { sessionId: number }) {
  return (
    <p>
      <a class="button" href={draftHref(sessionId)}>
        Soạn tin bài
      </a>{" "}
      <span class="muted">Bản nháp tin bài cho cổng thông tin, soạn từ hồ sơ buổi làm việc.</span>
    </p>
  );
}

export function DraftPreviewPage({
  meta,
  session,
  draft,
  created = false,
}: {
  meta: PageMeta;
  session: SessionDetail;
  draft: ArticleDraft;
  /** A draft was just saved by someone who does not edit articles themselves. */
  created?: boolean;
}) {
  return (
    <AdminLayout meta={meta} active="/quan-tri/bai-viet">
      <p class="muted">
        <a href={`${SESSIONS_HREF}/${session.id}`}>{session.title}</a> ({formatDateVi(session.startsAt)}) ›
        Soạn tin bài
      </p>
      <h1>Soạn tin bài từ buổi làm việc</h1>
      <Notice
        message={
          created
            ? "Đã tạo bản nháp tin bài. Biên tập viên của đơn vị sẽ biên tập, xem trước và đăng trên cổng thông tin."
            : null
        }
      />
      <p>
        Bản nháp gồm tiêu đề, sapo, thành phần tham dự, số liệu của đơn vị theo báo cáo đánh giá, ý kiến, kết
        luận và kiến nghị, đề xuất; được gắn với buổi làm việc và các đơn vị. Sau khi tạo, bản nháp mở trong
        trang biên tập để sửa, xem trước và gửi duyệt hoặc đăng.
      </p>
      <form method="post" action={draftHref(session.id)}>
        <CsrfInput token={meta.auth.csrfToken} />
        <button type="submit" class="button primary">
          Tạo bản nháp tin bài
        </button>
      </form>
      <article class="article card" aria-labelledby="draft-title">
        <h2 id="draft-title">{draft.title}</h2>
        <p>
          <strong>{draft.lead}</strong>
        </p>
        <div class="article-body">
          <SanitizedBody html={draft.bodyHtml} />
        </div>
      </article>
    </AdminLayout>
  );
}

/** The draft's body as it would be saved (the sanitiser is loaded on first use). */
async function SanitizedBody({ html }: { html: string }) {
  return raw(await sanitizeArticleHtml(html));
}
