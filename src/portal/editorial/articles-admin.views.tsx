import { formatDateTimeVi } from "../../core/format/vi-date.js";
import { CsrfInput, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import {
  ARTICLE_STATUSES,
  type ArticleStatus,
  isVisibleToReaders,
  STATUS_LABELS,
} from "../articles/article-workflow.rules.js";
import { articleHref } from "../public/articles-public.views.js";
import { Pagination } from "../public/public-components.views.js";
import { ADMIN_ARTICLES, editHref, historyHref, statusText } from "./article-review.views.js";
import type { EditorListItem } from "./editor.service.js";

export type { ArticleFormProps } from "./article-form.views.js";
export { ArticleFormPage } from "./article-form.views.js";
export { ADMIN_ARTICLES, editHref } from "./article-review.views.js";

/** The editor's list of articles (with a tab per status) and the delete confirmation. */

/** `?trang-thai=` values, in Vietnamese like the rest of the addresses. */
export const STATUS_PARAMS: Record<ArticleStatus, string> = {
  draft: "nhap",
  submitted: "cho-duyet",
  scheduled: "hen-gio",
  published: "da-dang",
  unpublished: "da-go",
};

export function statusFromParam(raw: string | undefined): ArticleStatus | undefined {
  return ARTICLE_STATUSES.find((s) => STATUS_PARAMS[s] === raw);
}

function listHref(status: ArticleStatus | undefined, page = 1): string {
  const query = new URLSearchParams();
  if (status) query.set("trang-thai", STATUS_PARAMS[status]);
  if (page > 1) query.set("trang", String(page));
  const qs = query.toString();
  return qs ? `${ADMIN_ARTICLES}?${qs}` : ADMIN_ARTICLES;
}

function StatusTabs(props: { current: ArticleStatus | undefined; counts: Record<ArticleStatus, number> }) {
  const all = ARTICLE_STATUSES.reduce((n, s) => n + props.counts[s], 0);
  const tabs: { status: ArticleStatus | undefined; label: string }[] = [
    { status: undefined, label: `Tất cả (${all})` },
    ...ARTICLE_STATUSES.map((s) => ({ status: s, label: `${STATUS_LABELS[s]} (${props.counts[s]})` })),
  ];
  return (
    <nav class="filters status-tabs" aria-label="Lọc theo trạng thái">
      <ul>
        {tabs.map((tab) => (
          <li>
            <a href={listHref(tab.status)} aria-current={tab.status === props.current ? "page" : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ArticleListPage(props: {
  meta: PageMeta;
  rows: EditorListItem[];
  status: ArticleStatus | undefined;
  counts: Record<ArticleStatus, number>;
  page: number;
  pageCount: number;
  total: number;
  now: Date;
  notice?: string | null;
}) {
  const { meta, rows, page, pageCount, total, now, status } = props;
  return (
    <AdminLayout meta={meta} active={ADMIN_ARTICLES}>
      <h1>Bài viết</h1>
      <Notice message={props.notice} />
      <p>
        <a href={`${ADMIN_ARTICLES}/moi`} class="button">
          Viết bài mới
        </a>
      </p>
      <StatusTabs current={status} counts={props.counts} />
      {rows.length === 0 ? (
        <p class="empty-state">
          Không có bài viết nào{status ? ` ở trạng thái "${STATUS_LABELS[status]}"` : ""}.
        </p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption>
              {total} bài viết{status ? ` ${STATUS_LABELS[status].toLowerCase()}` : ""} trong phạm vi đơn vị
              của bạn
              {pageCount > 1 ? ` (trang ${page}/${pageCount})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Tiêu đề</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Người viết</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Ngày đăng</th>
                <th scope="col">Lượt xem</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{row.canEdit ? <a href={editHref(row.id)}>{row.title}</a> : row.title}</td>
                  <td>{row.unitName}</td>
                  <td>{row.authorName ?? "—"}</td>
                  <td>
                    <span class={`status status-${row.status}`}>
                      {statusText(row.status, row.lastReview)}
                    </span>
                  </td>
                  <td>{row.publishedAt ? formatDateTimeVi(row.publishedAt) : "—"}</td>
                  <td>{row.views}</td>
                  <td class="actions">
                    {row.canEdit ? <a href={editHref(row.id)}>Sửa</a> : null}
                    {isVisibleToReaders(row, now) ? <a href={articleHref(row.slug)}>Xem</a> : null}
                    <a href={historyHref(row.id)}>Lịch sử</a>
                    {row.canDelete ? <a href={`${editHref(row.id)}/xoa`}>Xóa</a> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(p) => listHref(status, p)} arrows={false} />
    </AdminLayout>
  );
}

export function DeleteArticlePage({
  meta,
  article,
}: {
  meta: PageMeta;
  article: { id: number; title: string };
}) {
  return (
    <AdminLayout meta={meta} active={ADMIN_ARTICLES}>
      <h1>Xóa bài viết</h1>
      <p>
        Bạn có chắc muốn xóa bài viết <strong>{article.title}</strong>? Bài viết và lịch sử sửa đổi của nó sẽ
        bị xóa vĩnh viễn; ảnh vẫn còn trong thư viện ảnh.
      </p>
      <form method="post" action={`${editHref(article.id)}/xoa`} class="inline-form">
        <CsrfInput token={meta.auth.csrfToken} />
        <button type="submit" class="button danger">
          Xóa bài viết
        </button>{" "}
        <a href={ADMIN_ARTICLES}>Hủy</a>
      </form>
    </AdminLayout>
  );
}
