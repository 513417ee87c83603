import { formatDateTimeVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { type ArticleFormValues, FIELD_LABELS } from "./article-form.js";
import { articleHref } from "./articles.public.js";
import { mediaPath } from "./articles.reading.js";
import type { ArticleImageRow, ArticleStatus } from "./articles.repo.js";
import type { EditorListItem, UnitChoice } from "./articles.service.js";

/** The editor's pages: the list of articles, the create/edit form, and the delete confirmation. */

export const ADMIN_ARTICLES = "/quan-tri/bai-viet";

export function editHref(id: number): string {
  return `${ADMIN_ARTICLES}/${id}`;
}

function statusLabel(status: ArticleStatus, publishedAt: string | null, now: Date): string {
  if (status === "draft") return "Bản nháp";
  if (publishedAt !== null && publishedAt > now.toISOString()) return "Chờ đăng (hẹn giờ)";
  return "Đã đăng";
}

function listPageHref(page: number): string {
  return page <= 1 ? ADMIN_ARTICLES : `${ADMIN_ARTICLES}?trang=${page}`;
}

export function ArticleListPage(props: {
  meta: PageMeta;
  rows: EditorListItem[];
  page: number;
  pageCount: number;
  total: number;
  now: Date;
  notice?: string | null;
}) {
  const { meta, rows, page, pageCount, total, now } = props;
  return (
    <AdminLayout meta={meta} active={ADMIN_ARTICLES}>
      <h1>Bài viết</h1>
      <Notice message={props.notice} />
      <p>
        <a href={`${ADMIN_ARTICLES}/moi`} class="button">
          Viết bài mới
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="empty-state">Chưa có bài viết nào trong phạm vi của bạn.</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption>
              {total} bài viết trong phạm vi đơn vị của bạn
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
                      {statusLabel(row.status, row.publishedAt, now)}
                    </span>
                  </td>
                  <td>{row.publishedAt ? formatDateTimeVi(row.publishedAt) : "—"}</td>
                  <td>{row.views}</td>
                  <td class="actions">
                    {row.canEdit ? <a href={editHref(row.id)}>Sửa</a> : null}
                    {row.status === "published" ? <a href={articleHref(row.slug)}>Xem</a> : null}
                    {row.canDelete ? <a href={`${editHref(row.id)}/xoa`}>Xóa</a> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav class="pagination" aria-label="Phân trang">
          <ul>
            {page > 1 ? (
              <li>
                <a href={listPageHref(page - 1)} rel="prev">
                  Trang trước
                </a>
              </li>
            ) : null}
            <li aria-current="page">
              Trang {page} / {pageCount}
            </li>
            {page < pageCount ? (
              <li>
                <a href={listPageHref(page + 1)} rel="next">
                  Trang sau
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </AdminLayout>
  );
}

export interface ArticleFormProps {
  meta: PageMeta;
  /** null for a new article. */
  article: { id: number; slug: string; status: ArticleStatus; publishedAt: string | null } | null;
  values: ArticleFormValues;
  errors?: FieldErrors;
  categories: { id: number; name: string }[];
  units: UnitChoice[];
  images: ArticleImageRow[];
  canPublish: boolean;
  now: Date;
  notice?: string | null;
}

function imageLabels(images: ArticleImageRow[]): Record<string, string> {
  const labels: Record<string, string> = {};
  images.forEach((image, index) => {
    labels[`image-${image.id}-caption`] = `Chú thích ảnh ${index + 1}`;
    labels[`image-${image.id}-alt`] = `Văn bản thay thế ảnh ${index + 1}`;
    labels[`image-${image.id}-position`] = `Vị trí ảnh ${index + 1}`;
  });
  return labels;
}

function ExistingImages({
  images,
  values,
  errors,
}: {
  images: ArticleImageRow[];
  values: ArticleFormValues;
  errors: FieldErrors;
}) {
  if (images.length === 0) return null;
  return (
    <fieldset class="article-images">
      <legend>Ảnh của bài viết</legend>
      <ol class="image-list">
        {images.map((image, index) => {
          const name = (part: string) => `image-${image.id}-${part}`;
          return (
            <li class="image-item">
              <img class="image-item-thumb" src={mediaPath(image.storageKey)} alt="" loading="lazy" />
              <div class="image-item-fields">
                <p class="image-item-caption">
                  Ảnh {index + 1}: {image.caption}
                </p>
                <Field
                  name={name("caption")}
                  label="Chú thích"
                  value={values.images[name("caption")]}
                  error={errors[name("caption")]}
                  required
                />
                <Field
                  name={name("alt")}
                  label="Văn bản thay thế"
                  value={values.images[name("alt")]}
                  error={errors[name("alt")]}
                  required
                />
                <Field
                  name={name("position")}
                  label="Đặt sau đoạn thứ"
                  type="number"
                  value={values.images[name("position")]}
                  error={errors[name("position")]}
                  hint="Để trống: ảnh nằm cuối bài."
                />
                <div class="field checkbox-field">
                  <input type="checkbox" id={`f-${name("remove")}`} name={name("remove")} value="1" />
                  <label for={`f-${name("remove")}`}>Gỡ ảnh này khỏi bài viết</label>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

/**
 * The submit buttons. The first one is what Enter in a text field presses, so it must never change
 * what readers see: "Lưu nháp" for a new article or a draft, "Lưu thay đổi" (staying published) for a
 * published one, whose unpublish button comes second.
 */
function FormActions({ published, canPublish }: { published: boolean; canPublish: boolean }) {
  if (published && canPublish) {
    return (
      <div class="form-actions">
        <button type="submit" name="intent" value="publish" class="button primary">
          Lưu thay đổi
        </button>
        <button type="submit" name="intent" value="draft" class="button secondary">
          Gỡ bài, chuyển về nháp
        </button>
      </div>
    );
  }
  return (
    <div class="form-actions">
      <button type="submit" name="intent" value="draft" class="button secondary">
        Lưu nháp
      </button>
      {canPublish ? (
        <button type="submit" name="intent" value="publish" class="button primary">
          Đăng bài
        </button>
      ) : null}
    </div>
  );
}

export function ArticleFormPage(props: ArticleFormProps) {
  const { meta, article, values, categories, units, images, canPublish, now } = props;
  const errors = props.errors ?? {};
  const action = article ? editHref(article.id) : `${ADMIN_ARTICLES}/moi`;
  return (
    <AdminLayout meta={meta} active={ADMIN_ARTICLES}>
      <p class="breadcrumb">
        <a href={ADMIN_ARTICLES}>← Danh sách bài viết</a>
      </p>
      <h1>{article ? "Sửa bài viết" : "Viết bài mới"}</h1>
      <Notice message={props.notice} />
      {article ? (
        <p class="article-status">
          Trạng thái: <strong>{statusLabel(article.status, article.publishedAt, now)}</strong>
          {article.status === "published" ? (
            <>
              {" · "}
              <a href={articleHref(article.slug)}>Xem trên cổng thông tin</a>
            </>
          ) : null}
        </p>
      ) : null}
      <ErrorSummary errors={props.errors} labels={{ ...FIELD_LABELS, ...imageLabels(images) }} />
      <form method="post" action={action} enctype="multipart/form-data" class="article-form" novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <Field name="title" label="Tiêu đề" value={values.title} error={errors.title} required />
        <Field
          name="slug"
          label="Đường dẫn"
          value={values.slug}
          error={errors.slug}
          hint={
            article
              ? "Địa chỉ của bài: /tin-tuc/<đường dẫn>. Đổi đường dẫn của bài đã đăng sẽ làm hỏng các liên kết cũ."
              : "Để trống để tạo tự động từ tiêu đề (chữ không dấu, nối bằng dấu gạch ngang)."
          }
        />
        <Field name="lead" label="Tóm tắt" value={values.lead} error={errors.lead} multiline rows={3} />
        <Field
          name="bodyHtml"
          label="Nội dung"
          value={values.bodyHtml}
          error={errors.bodyHtml}
          multiline
          rows={18}
          required
          hint="Có thể dán văn bản thường (dòng trống tách đoạn) hoặc HTML: đoạn văn, chữ đậm/nghiêng, danh sách, tiêu đề, liên kết, bảng. Mã khác (script, style, định dạng của Word) bị loại bỏ khi lưu."
        />
        <SelectField
          name="categoryId"
          label="Chuyên mục"
          value={values.categoryId}
          error={errors.categoryId}
          options={[
            { value: "", label: "— Không có chuyên mục —" },
            ...categories.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
        />
        <SelectField
          name="unitId"
          label="Đơn vị sở hữu"
          value={values.unitId}
          error={errors.unitId}
          required
          options={[
            ...(units.length === 1 ? [] : [{ value: "", label: "— Chọn đơn vị —" }]),
            ...units.map((u) => ({ value: String(u.id), label: u.label })),
          ]}
        />
        <fieldset class="publish-time">
          <legend>Thời điểm đăng (giờ Việt Nam)</legend>
          <Field
            name="publishedDate"
            label="Ngày đăng"
            type="date"
            value={values.publishedDate}
            error={errors.publishedDate}
            hint={
              article?.status === "draft"
                ? "Đây là thời điểm đã lưu cùng bản nháp: sửa lại trước khi đăng nếu bài cần mang ngày hôm nay."
                : undefined
            }
          />
          <Field
            name="publishedTime"
            label="Giờ đăng"
            type="time"
            value={values.publishedTime}
            error={errors.publishedTime}
          />
        </fieldset>
        <ExistingImages images={images} values={values} errors={errors} />
        <fieldset class="photo-upload">
          <legend>Thêm ảnh</legend>
          <Field
            name="photo"
            label="Tệp ảnh"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            error={errors.photo}
            hint="JPEG, PNG hoặc WebP, tối đa 10 MB. Ảnh rộng hơn 1600 px được thu nhỏ; thông tin máy ảnh và vị trí bị xóa. Nếu biểu mẫu báo lỗi, vui lòng chọn lại ảnh."
          />
          <Field
            name="caption"
            label="Chú thích ảnh"
            value={values.caption}
            error={errors.caption}
            hint="Bắt buộc khi tải ảnh lên, ví dụ: Đ/c Phạm Thị Minh Hồng báo cáo trước hội nghị."
          />
          <Field
            name="alt"
            label="Văn bản thay thế"
            value={values.alt}
            error={errors.alt}
            hint="Bắt buộc khi tải ảnh lên: mô tả nội dung ảnh cho người không xem được ảnh."
          />
          <Field
            name="photoPosition"
            label="Đặt ảnh sau đoạn thứ"
            type="number"
            value={values.photoPosition}
            error={errors.photoPosition}
            hint="Để trống: ảnh nằm cuối bài; 0: ảnh nằm đầu bài."
          />
        </fieldset>
        <FormActions published={article?.status === "published"} canPublish={canPublish} />
      </form>
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
        Bạn có chắc muốn xóa bài viết <strong>{article.title}</strong>? Bài viết và các ảnh chỉ dùng trong bài
        sẽ bị xóa vĩnh viễn.
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
