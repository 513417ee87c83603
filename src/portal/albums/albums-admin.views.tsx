import { formatDateVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField } from "../../core/views/picker.js";
import { currentFirstGroups } from "../../units/unit-picker.rules.js";
import type { UnitChoice } from "../articles/article-access.js";
import { mediaPath } from "../articles/reader-visibility.rules.js";
import type { LibraryItem } from "../media/media-library.repo.js";
import { ALBUM_LABELS, type AlbumFormValues } from "./album-form.js";
import type { AlbumRow } from "./albums.repo.js";

/** The editor's album pages: the list and the form (photos chosen from the library, in order). */

export const ADMIN_ALBUMS = "/quan-tri/album-anh";
export const PUBLIC_ALBUMS = "/thu-vien-anh";

export function albumHref(slug: string): string {
  return `${PUBLIC_ALBUMS}/${encodeURIComponent(slug)}`;
}

export function AlbumListPage(props: { meta: PageMeta; albums: AlbumRow[]; notice: string | null }) {
  return (
    <AdminLayout meta={props.meta} active={ADMIN_ALBUMS}>
      <h1>Album ảnh</h1>
      <Notice message={props.notice} />
      <p>
        <a class="button primary" href={`${ADMIN_ALBUMS}/moi`}>
          Tạo album mới
        </a>
      </p>
      {props.albums.length === 0 ? (
        <p class="empty-state">Chưa có album nào.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Các album ảnh</caption>
            <thead>
              <tr>
                <th scope="col">Tên album</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Cập nhật</th>
              </tr>
            </thead>
            <tbody>
              {props.albums.map((a) => (
                <tr>
                  <td>
                    <a href={`${ADMIN_ALBUMS}/${a.id}`}>{a.title}</a>
                  </td>
                  <td>
                    {a.published ? (
                      <>
                        Đã đăng · <a href={albumHref(a.slug)}>Xem trên cổng</a>
                      </>
                    ) : (
                      "Chưa đăng"
                    )}
                  </td>
                  <td>{formatDateVi(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

function PhotoRow(props: { item: LibraryItem; values: AlbumFormValues; errors: FieldErrors; index: number }) {
  const { item, errors } = props;
  const name = (part: string) => `photo-${item.id}-${part}`;
  const v = props.values.photos[String(item.id)] ?? { include: false, order: "", caption: "", alt: "" };
  return (
    <li class="album-photo-row">
      <img src={mediaPath(item.previewKey)} alt="" loading="lazy" />
      <div>
        <div class="field checkbox-field">
          <input
            type="checkbox"
            id={`f-${name("include")}`}
            name={name("include")}
            value="1"
            checked={v.include}
          />
          <label for={`f-${name("include")}`}>
            Đưa ảnh số {item.id} vào album ({item.originalName})
          </label>
        </div>
        <Field
          name={name("order")}
          label="Thứ tự trong album"
          type="number"
          value={v.order}
          error={errors[name("order")]}
        />
        <Field name={name("caption")} label="Chú thích" value={v.caption} error={errors[name("caption")]} />
        <Field name={name("alt")} label="Văn bản thay thế" value={v.alt} error={errors[name("alt")]} />
      </div>
    </li>
  );
}

export function AlbumFormPage(props: {
  meta: PageMeta;
  album: AlbumRow | null;
  values: AlbumFormValues;
  errors?: FieldErrors;
  units: UnitChoice[];
  photos: LibraryItem[];
  notice?: string | null;
}) {
  const { album, values } = props;
  const errors = props.errors ?? {};
  const action = album ? `${ADMIN_ALBUMS}/${album.id}` : `${ADMIN_ALBUMS}/moi`;
  const labels: Record<string, string> = { ...ALBUM_LABELS };
  for (const item of props.photos) {
    labels[`photo-${item.id}-caption`] = `Chú thích ảnh số ${item.id}`;
    labels[`photo-${item.id}-alt`] = `Văn bản thay thế ảnh số ${item.id}`;
  }
  return (
    <AdminLayout meta={props.meta} active={ADMIN_ALBUMS}>
      <p class="breadcrumb">
        <a href={ADMIN_ALBUMS}>← Danh sách album</a>
      </p>
      <h1>{album ? "Sửa album" : "Tạo album mới"}</h1>
      <Notice message={props.notice} />
      {album?.published ? (
        <p>
          Album đã đăng tại <a href={albumHref(album.slug)}>{albumHref(album.slug)}</a>. Dán đường dẫn này vào
          bài viết (nút Liên kết) để bạn đọc mở album từ bài.
        </p>
      ) : null}
      <ErrorSummary errors={props.errors} labels={labels} />
      <form method="post" action={action} class="album-form" novalidate>
        <CsrfInput token={props.meta.auth.csrfToken} />
        <Field name="title" label="Tên album" value={values.title} error={errors.title} required />
        <Field
          name="slug"
          label="Đường dẫn"
          value={values.slug}
          error={errors.slug}
          hint="Địa chỉ của album: /thu-vien-anh/<đường dẫn>. Để trống để tạo từ tên album."
        />
        <Field
          name="description"
          label="Mô tả"
          value={values.description}
          error={errors.description}
          multiline
          rows={3}
        />
        <PickerField
          name="unitId"
          label="Đơn vị"
          value={values.unitId}
          error={errors.unitId}
          required
          empty={props.units.length === 1 ? undefined : "— Chọn đơn vị —"}
          groups={currentFirstGroups(props.units)}
        />
        <fieldset class={errors.photos ? "album-photos has-error" : "album-photos"} id="f-photos">
          <legend>Ảnh của album (chọn từ thư viện ảnh)</legend>
          <p class="hint">
            Đánh dấu các ảnh đưa vào album, ghi thứ tự (1, 2, 3…) và chú thích. Ảnh mới: tải lên ở{" "}
            <a href="/quan-tri/thu-vien-anh">Thư viện ảnh</a> trước.
          </p>
          {errors.photos ? <p class="field-error">{errors.photos}</p> : null}
          {props.photos.length === 0 ? (
            <p class="empty-state">Thư viện chưa có ảnh nào của đơn vị bạn.</p>
          ) : (
            <ol class="album-photo-list">
              {props.photos.map((item, index) => (
                <PhotoRow item={item} values={values} errors={errors} index={index} />
              ))}
            </ol>
          )}
        </fieldset>
        <div class="field checkbox-field">
          <input type="checkbox" id="f-published" name="published" value="1" checked={values.published} />
          <label for="f-published">Đăng album trên cổng thông tin (mục Thư viện ảnh)</label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary">
            Lưu album
          </button>
        </div>
      </form>
      {album ? (
        <form method="post" action={`${ADMIN_ALBUMS}/${album.id}/xoa`} class="danger-zone">
          <CsrfInput token={props.meta.auth.csrfToken} />
          <button type="submit" class="button danger">
            Xóa album (ảnh vẫn còn trong thư viện)
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
