import { formatDateTimeVi } from "../../core/format/vi-date.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { STATUS_LABELS } from "../articles/article-workflow.rules.js";
import type { PublishedArticle } from "../articles/reader-visibility.rules.js";
import { ArticleContent } from "../public/articles-public.views.js";
import { editHref } from "./article-review.views.js";

/**
 * "Bản xem trước": an article that readers cannot see yet (a draft, a scheduled post) or the text
 * being typed (the newest autosave), in the public article template, marked as a preview.
 */

export const NOINDEX = <meta name="robots" content="noindex, nofollow" />;

export function ArticlePreviewPage(props: {
  meta: PageMeta;
  article: PublishedArticle;
  /** When the article has no publish time yet: readers would see "now". */
  timeAssumed: boolean;
  /** The autosave's moment when its text is shown instead of the saved one. */
  autosavedAt: string | null;
}) {
  const { article } = props;
  const status = article.status as keyof typeof STATUS_LABELS;
  return (
    <PublicLayout meta={props.meta}>
      <div class="preview-banner" role="note" aria-label="Bản xem trước">
        <p>
          <strong>Bản xem trước</strong> · Trạng thái: {STATUS_LABELS[status] ?? article.status}
          {article.status === "scheduled"
            ? `, tự động đăng lúc ${formatDateTimeVi(article.publishedAt)}`
            : ""}
          .{" "}
          {article.status === "published" && !props.autosavedAt
            ? "Bạn đọc đang thấy đúng nội dung này."
            : "Bạn đọc chưa thấy nội dung này."}
        </p>
        {props.autosavedAt ? (
          <p>
            Có cả phần đang soạn, tự động lưu lúc {formatDateTimeVi(props.autosavedAt)}, chưa lưu vào bài.
          </p>
        ) : null}
        {props.timeAssumed ? <p>Ngày đăng hiển thị là lúc xem trước; bài sẽ mang ngày được đăng.</p> : null}
        <p>
          <a href={editHref(article.id)}>← Quay lại sửa bài</a>
        </p>
      </div>
      <article class="article" aria-labelledby="article-title">
        <ArticleContent article={article} views={0} eagerImages />
        <footer class="article-footer">
          <dl class="article-facts">
            {article.categoryName ? (
              <>
                <dt>Chuyên mục</dt>
                <dd>{article.categoryName}</dd>
              </>
            ) : null}
            <dt>Đơn vị</dt>
            <dd>{article.unitName}</dd>
          </dl>
        </footer>
      </article>
    </PublicLayout>
  );
}
