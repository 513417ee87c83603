import { formatDateTimeVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField } from "../../core/views/picker.js";
import { currentFirstGroups } from "../../units/unit-picker.rules.js";
import type { UnitChoice } from "../articles/article-access.js";
import { mediaPath } from "../articles/reader-visibility.rules.js";
import { Pagination } from "../public/public-components.views.js";
import type { PhotoSource } from "./media.repo.js";
import type { LibraryItem } from "./media-library.repo.js";

/** The media library's pages: the grid with the upload form, and one photo with its sizes. */

export const LIBRARY = "/quan-tri/thu-vien-anh";
/** The library as JSON for the editor's photo dialog, and its upload (media-picker.routes.ts). */
export const PICKER_JSON = `${LIBRARY}/chon.json`;

export function libraryItemHref(id: number): string {
  return `${LIBRARY}/${id}`;
}

const LABELS = { photo: "Tệp ảnh", caption: "Chú thích ảnh", alt: "Văn bản thay thế", unitId: "Đơn vị" };

export interface UploadValues {
  caption: string;
  alt: string;
  unitId: string;
}

/** `srcset` of a photo's stored sizes: "/media/a-t.jpg 480w, /media/a.jpg 1600w". */
export function srcsetOf(sources: PhotoSource[]): string {
  return sources.map((s) => `${mediaPath(s.storageKey)} ${s.width}w`).join(", ");
}

export function LibraryPage(props: {
  meta: PageMeta;
  items: LibraryItem[];
  total: number;
  page: number;
  pageCount: number;
  units: UnitChoice[];
  values: UploadValues;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const { meta, items, values, page, pageCount } = props;
  const errors = props.errors ?? {};
  return (
    <AdminLayout meta={meta} active={LIBRARY}>
      <h1>Thư viện ảnh</h1>
      <Notice message={props.notice} />
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <section class="card" aria-labelledby="tai-anh-len">
        <h2 id="tai-anh-len">Tải ảnh lên thư viện</h2>
        <form method="post" action={LIBRARY} enctype="multipart/form-data" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <Field
            name="photo"
            label="Tệp ảnh"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            error={errors.photo}
            required
            hint="JPEG, PNG hoặc WebP, tối đa 10 MB. Ảnh được lưu ở các cỡ 480, 960 và tối đa 1600 px; thông tin máy ảnh và vị trí bị xóa."
          />
          <Field
            name="caption"
            label="Chú thích ảnh"
            value={values.caption}
            error={errors.caption}
            required
          />
          <Field
            name="alt"
            label="Văn bản thay thế"
            value={values.alt}
            error={errors.alt}
            required
            hint="Mô tả nội dung ảnh cho người không xem được ảnh."
          />
          <PickerField
            name="unitId"
            label="Đơn vị"
            value={values.unitId}
            error={errors.unitId}
            required
            groups={currentFirstGroups(props.units)}
          />
          <button type="submit" class="button primary">
            Tải lên thư viện
          </button>
        </form>
      </section>
      <h2>Ảnh đã có ({props.total})</h2>
      {items.length === 0 ? (
        <p class="empty-state">Thư viện chưa có ảnh nào.</p>
      ) : (
        <ul class="library-grid">
          {items.map((item) => (
            <li class="library-item">
              <img src={mediaPath(item.previewKey)} alt={item.altText ?? ""} loading="lazy" />
              <p>{item.caption ?? <span class="muted">Chưa có chú thích</span>}</p>
              <p class="hint">
                {item.width && item.height ? `${item.width}×${item.height} px · ` : ""}
                {item.useCount > 0 ? `dùng trong ${item.useCount} bài` : "chưa dùng"}
              </p>
              <a href={libraryItemHref(item.id)}>
                Chi tiết<span class="visually-hidden"> ảnh: {item.caption ?? item.originalName}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(p) => `${LIBRARY}?trang=${p}`} arrows={false} />
    </AdminLayout>
  );
}

export function LibraryItemPage(props: {
  meta: PageMeta;
  item: LibraryItem;
  sources: PhotoSource[];
  values: { caption: string; alt: string };
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const { meta, item, sources, values } = props;
  const errors = props.errors ?? {};
  return (
    <AdminLayout meta={meta} active={LIBRARY}>
      <p class="breadcrumb">
        <a href={LIBRARY}>← Thư viện ảnh</a>
      </p>
      <h1>Ảnh: {item.caption ?? item.originalName}</h1>
      <Notice message={props.notice} />
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <figure class="article-figure">
        <img
          src={mediaPath(item.storageKey)}
          srcset={sources.length > 0 ? srcsetOf(sources) : undefined}
          sizes="(max-width: 48rem) 100vw, 48rem"
          alt={item.altText ?? ""}
        />
        <figcaption>{item.caption}</figcaption>
      </figure>
      <dl class="changes">
        <dt>Tệp gốc</dt>
        <dd>{item.originalName}</dd>
        <dt>Tải lên</dt>
        <dd>
          {formatDateTimeVi(item.createdAt)}
          {item.uploadedByName ? ` bởi ${item.uploadedByName}` : ""}
        </dd>
        <dt>Các cỡ đã lưu</dt>
        <dd>
          {sources.length === 0
            ? "Chỉ có tệp chính"
            : sources.map((s, i) => (
                <>
                  {i > 0 ? ", " : ""}
                  <a href={mediaPath(s.storageKey)}>{s.width} px</a>
                </>
              ))}
        </dd>
        <dt>Đang dùng</dt>
        <dd>{item.useCount > 0 ? `trong ${item.useCount} bài viết` : "chưa bài nào dùng"}</dd>
      </dl>
      <form method="post" action={libraryItemHref(item.id)} novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <Field
          name="caption"
          label="Chú thích ảnh"
          value={values.caption}
          error={errors.caption}
          required
          hint="Chú thích mặc định khi dùng ảnh; các bài đã dùng ảnh giữ chú thích riêng của bài."
        />
        <Field name="alt" label="Văn bản thay thế" value={values.alt} error={errors.alt} required />
        <button type="submit" class="button primary">
          Lưu chú thích
        </button>
      </form>
      {item.useCount === 0 ? (
        <form method="post" action={`${libraryItemHref(item.id)}/xoa`} class="inline-form">
          <CsrfInput token={meta.auth.csrfToken} />
          <button type="submit" class="button danger">
            Xóa ảnh khỏi thư viện
          </button>
        </form>
      ) : (
        <p class="hint">Ảnh đang được dùng nên không thể xóa; gỡ ảnh khỏi các bài viết trước.</p>
      )}
    </AdminLayout>
  );
}
