import { formatDateTimeVi } from "../../core/format/vi-date.js";
import { CsrfInput, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { isArticleStatus, STATUS_LABELS } from "../articles/article-workflow.rules.js";
import { ADMIN_ARTICLES, editHref, historyHref } from "./article-review.views.js";
import type { RevisionComparison } from "./revision-compare.rules.js";
import type { Segment } from "./revision-diff.rules.js";
import type { RevisionRow } from "./revisions.repo.js";

/** The revision history of an article and the comparison of one revision with the one before. */

export function revisionHref(articleId: number, number: number): string {
  return `${historyHref(articleId)}/${number}`;
}

function statusWord(status: string): string {
  return isArticleStatus(status) ? STATUS_LABELS[status] : status;
}

function RestoreButton(props: { articleId: number; number: number; csrfToken: string }) {
  return (
    <form
      method="post"
      action={`${revisionHref(props.articleId, props.number)}/khoi-phuc`}
      class="inline-form"
    >
      <CsrfInput token={props.csrfToken} />
      <button type="submit" class="button secondary">
        Khôi phục phiên bản này
      </button>
    </form>
  );
}

export function RevisionListPage(props: {
  meta: PageMeta;
  article: { id: number; title: string };
  revisions: RevisionRow[];
  canRestore: boolean;
  canEdit: boolean;
  notice?: string | null;
}) {
  const { meta, article, revisions } = props;
  const newest = revisions[0]?.number;
  return (
    <AdminLayout meta={meta} active={ADMIN_ARTICLES}>
      <p class="breadcrumb">
        <a href={ADMIN_ARTICLES}>← Danh sách bài viết</a>
        {props.canEdit ? (
          <>
            {" · "}
            <a href={editHref(article.id)}>Sửa bài</a>
          </>
        ) : null}
      </p>
      <h1>Lịch sử sửa đổi: {article.title}</h1>
      <Notice message={props.notice} />
      <p class="hint">
        Mỗi lần lưu có thay đổi tạo một phiên bản. Khôi phục một phiên bản cũ tạo thêm một phiên bản mới giống
        hệt nó; không phiên bản nào bị xóa.
      </p>
      {revisions.length === 0 ? (
        <p class="empty-state">Bài viết chưa có phiên bản nào được lưu.</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption>{revisions.length} phiên bản, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Phiên bản</th>
                <th scope="col">Thời điểm</th>
                <th scope="col">Người lưu</th>
                <th scope="col">Trạng thái sau khi lưu</th>
                <th scope="col">Ghi chú</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <td>
                    <a href={revisionHref(article.id, r.number)}>Phiên bản {r.number}</a>
                    {r.number === newest ? " (hiện tại)" : ""}
                  </td>
                  <td>{formatDateTimeVi(r.createdAt)}</td>
                  <td>{r.authorName}</td>
                  <td>{statusWord(r.status)}</td>
                  <td>{r.note ?? ""}</td>
                  <td class="actions">
                    <a href={revisionHref(article.id, r.number)}>Xem thay đổi</a>
                    {props.canRestore && r.number !== newest ? (
                      <RestoreButton
                        articleId={article.id}
                        number={r.number}
                        csrfToken={meta.auth.csrfToken}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** Kept text plain, removed text struck through in `<del>`, added text in `<ins>`. */
function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s) =>
        s.kind === "same" ? s.text : s.kind === "del" ? <del>{s.text}</del> : <ins>{s.text}</ins>,
      )}
    </>
  );
}

export function RevisionPage(props: {
  meta: PageMeta;
  article: { id: number; title: string };
  revision: RevisionRow;
  previousNumber: number | null;
  isNewest: boolean;
  comparison: RevisionComparison;
  canRestore: boolean;
}) {
  const { meta, article, revision, comparison } = props;
  return (
    <AdminLayout meta={meta} active={ADMIN_ARTICLES}>
      <p class="breadcrumb">
        <a href={historyHref(article.id)}>← Lịch sử sửa đổi</a>
      </p>
      <h1>
        Phiên bản {revision.number}: {revision.title}
      </h1>
      <p>
        Lưu lúc {formatDateTimeVi(revision.createdAt)} bởi {revision.authorName} · trạng thái{" "}
        {statusWord(revision.status)}
        {revision.note ? ` · ${revision.note}` : ""}
      </p>
      <p class="hint">
        {props.previousNumber === null
          ? "Phiên bản đầu tiên: toàn bộ nội dung được tô là phần thêm mới."
          : `So với phiên bản ${props.previousNumber}: phần bị xóa gạch ngang, phần thêm mới được tô.`}
      </p>
      {props.canRestore && !props.isNewest ? (
        <RestoreButton articleId={article.id} number={revision.number} csrfToken={meta.auth.csrfToken} />
      ) : null}
      {comparison.changed ? null : <p class="notice">Phiên bản này giống hệt phiên bản trước.</p>}
      <section class="diff" aria-labelledby="noi-dung-thay-doi">
        <h2 id="noi-dung-thay-doi">Nội dung</h2>
        <h3>Tiêu đề</h3>
        <p>
          <Segments segments={comparison.title} />
        </p>
        <h3>Tóm tắt</h3>
        <p>{comparison.lead.length === 0 ? "—" : <Segments segments={comparison.lead} />}</p>
        <h3>Nội dung bài</h3>
        <div class="diff-body">
          {comparison.body.map((paragraph) => (
            <p>
              <Segments segments={paragraph} />
            </p>
          ))}
        </div>
      </section>
      {comparison.fields.length > 0 ? (
        <section aria-labelledby="thong-tin-khac">
          <h2 id="thong-tin-khac">Thông tin khác đã đổi</h2>
          <dl class="changes">
            {comparison.fields.map((f) => (
              <>
                <dt>{f.label}</dt>
                <dd>
                  {props.previousNumber === null ? (
                    f.after
                  ) : (
                    <>
                      <del>{f.before}</del> → <ins>{f.after}</ins>
                    </>
                  )}
                </dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}
    </AdminLayout>
  );
}
