import { formatDateTimeVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, Field } from "../../core/views/forms.js";
import { type ArticleStatus, STATUS_LABELS } from "../articles/article-workflow.rules.js";
import { articleHref } from "../public/articles-public.views.js";
import type { ReviewRow } from "./article-reviews.repo.js";

/** The workflow around the editor's form: where the article stands, the editor's decisions, the trail. */

export const ADMIN_ARTICLES = "/quan-tri/bai-viet";

export function editHref(id: number): string {
  return `${ADMIN_ARTICLES}/${id}`;
}

/** The article in the public template before readers see it (article-editor.routes.tsx). */
export function previewHref(id: number): string {
  return `${ADMIN_ARTICLES}/${id}/xem-truoc`;
}

/** Where the editor's script keeps the text being typed (article-editor.routes.tsx). */
export function autosaveHref(id: number): string {
  return `${ADMIN_ARTICLES}/${id}/tu-dong-luu`;
}

export function historyHref(id: number): string {
  return `${editHref(id)}/lich-su`;
}

const REVIEW_LABELS: Record<string, string> = {
  submit: "Gửi duyệt",
  return: "Trả lại để sửa",
  publish: "Đăng bài",
  schedule: "Hẹn giờ đăng",
  unpublish: "Gỡ bài",
  auto_publish: "Tự động đăng theo lịch",
};

/** A draft whose last review event is a return: the writer must see why. */
export function isReturned(status: ArticleStatus, lastReview: ReviewRow | null | undefined): boolean {
  return status === "draft" && lastReview?.action === "return";
}

/** The list's and form's status words: "Bị trả lại" for a returned draft. */
export function statusText(status: ArticleStatus, lastReview: ReviewRow | null | undefined): string {
  return isReturned(status, lastReview) ? "Bị trả lại" : STATUS_LABELS[status];
}

/** Where the article stands, with the editor's comment when it was sent back. */
export function StatusPanel(props: {
  article: { id: number; slug: string; status: ArticleStatus; publishedAt: string | null };
  reviews: ReviewRow[];
  revisionCount: number;
  visible: boolean;
}) {
  const { article, reviews, visible } = props;
  const last = reviews[0];
  return (
    <div class="article-status">
      <p>
        Trạng thái:{" "}
        <strong class={`status status-${article.status}`}>{statusText(article.status, last)}</strong>
        {visible ? (
          <>
            {" · "}
            <a href={articleHref(article.slug)}>Xem trên cổng thông tin</a>
          </>
        ) : null}
        {" · "}
        <a href={previewHref(article.id)}>Xem trước</a>
        {" · "}
        <a href={historyHref(article.id)}>Lịch sử sửa đổi ({props.revisionCount} phiên bản)</a>
      </p>
      {article.status === "scheduled" && article.publishedAt ? (
        <p class="notice">Bài sẽ tự động đăng lúc {formatDateTimeVi(article.publishedAt)} (giờ Việt Nam).</p>
      ) : null}
      {last && isReturned(article.status, last) ? (
        <div class="notice notice-warning" role="note">
          <p>
            <strong>Biên tập viên đã trả lại bài</strong> ({last.actorName},{" "}
            {formatDateTimeVi(last.createdAt)}):
          </p>
          <p class="review-comment">{last.comment}</p>
          <p>Sửa theo nhận xét rồi bấm "Gửi duyệt" để gửi lại.</p>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The editor's decisions that do not go through the form: return a submitted article with a
 * required comment, unpublish a published or scheduled one.
 */
export function ReviewActions(props: {
  articleId: number;
  status: ArticleStatus;
  canReview: boolean;
  csrfToken: string;
  comment?: string;
  errors?: FieldErrors;
}) {
  const { articleId, status, canReview } = props;
  if (!canReview) return null;
  if (status === "submitted") {
    return (
      <section class="card review-actions" aria-labelledby="duyet-bai">
        <h2 id="duyet-bai">Duyệt bài</h2>
        <p>
          Bài đang chờ duyệt. Để đăng, sửa nếu cần rồi bấm "Đăng bài" ở trên (chọn ngày giờ trong tương lai để
          hẹn giờ đăng). Nếu cần người viết sửa, ghi rõ nội dung và trả lại:
        </p>
        <form method="post" action={`${editHref(articleId)}/tra-lai`}>
          <CsrfInput token={props.csrfToken} />
          <Field
            name="comment"
            label="Nhận xét gửi người viết"
            value={props.comment ?? ""}
            error={props.errors?.comment}
            multiline
            rows={4}
            required
          />
          <button type="submit" class="button secondary">
            Trả lại cho người viết
          </button>
        </form>
      </section>
    );
  }
  if (status === "published" || status === "scheduled") {
    return (
      <section class="card review-actions" aria-labelledby="go-bai">
        <h2 id="go-bai">Gỡ bài</h2>
        <p>Bài gỡ xuống không còn hiện trên cổng thông tin; có thể đăng lại sau.</p>
        <form method="post" action={`${editHref(articleId)}/go-bai`}>
          <CsrfInput token={props.csrfToken} />
          <button type="submit" class="button danger">
            {status === "scheduled" ? "Hủy hẹn giờ và gỡ bài" : "Gỡ bài khỏi cổng thông tin"}
          </button>
        </form>
      </section>
    );
  }
  return null;
}

/** Who submitted, returned (with what comment), published: newest first. */
export function ReviewTrail({ reviews }: { reviews: ReviewRow[] }) {
  if (reviews.length === 0) return null;
  return (
    <section class="review-trail" aria-labelledby="qua-trinh-duyet">
      <h2 id="qua-trinh-duyet">Quá trình duyệt</h2>
      <ol class="plain-list">
        {reviews.map((r) => (
          <li>
            <time datetime={r.createdAt}>{formatDateTimeVi(r.createdAt)}</time> · {r.actorName}:{" "}
            <strong>{REVIEW_LABELS[r.action] ?? r.action}</strong>
            {r.comment ? <span class="review-comment"> — {r.comment}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
