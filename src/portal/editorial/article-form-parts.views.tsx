import { formatDateVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { Field } from "../../core/views/forms.js";
import type { ArticleImageRow } from "../articles/article-images.repo.js";
import type { SessionChoice } from "../articles/article-links.repo.js";
import { mediaPath } from "../articles/reader-visibility.rules.js";
import type { LibraryItem } from "../media/media-library.repo.js";
import { PICKER_JSON } from "../media/media-library.views.js";
import type { ArticleFormValues } from "./article-form.js";
import { autosaveHref } from "./article-review.views.js";

/** Parts of the editor's form: the body, photos already in the article, the new photo, and the links. */

/**
 * The body: a plain textarea that /static/editor.js turns into the rich-text editor (toolbar, photo
 * dialog, autosave). The textarea stays the form field, so the form works without the script.
 */
export function BodyField(props: {
  values: ArticleFormValues;
  errors: FieldErrors;
  articleId: number | null;
  userId: number;
}) {
  const { values, errors, articleId } = props;
  return (
    <div
      class="rich-editor"
      data-rich-editor=""
      data-library-url={PICKER_JSON}
      data-upload-url={PICKER_JSON}
      data-autosave-url={articleId === null ? undefined : autosaveHref(articleId)}
      data-draft-key={`giaoban:bai-viet:${props.userId}:${articleId ?? "moi"}`}
    >
      <Field
        name="bodyHtml"
        label="Nội dung"
        value={values.bodyHtml}
        error={errors.bodyHtml}
        multiline
        rows={18}
        required
        hint="Định dạng bằng thanh công cụ (Đậm, Nghiêng, Tiêu đề, Danh sách, Liên kết, Ảnh, Trích dẫn, Hoàn tác) hoặc phím tắt Ctrl+B, Ctrl+I, Ctrl+K. Có thể dán từ Word, văn bản thường (dòng trống tách đoạn) hoặc HTML: giữ đoạn văn, chữ đậm/nghiêng, danh sách, tiêu đề, liên kết, bảng; định dạng của Word, mã script, style và liên kết javascript: bị loại bỏ khi lưu."
      />
    </div>
  );
}

export function imageLabels(images: ArticleImageRow[]): Record<string, string> {
  const labels: Record<string, string> = {};
  images.forEach((image, index) => {
    labels[`image-${image.id}-caption`] = `Chú thích ảnh ${index + 1}`;
    labels[`image-${image.id}-alt`] = `Văn bản thay thế ảnh ${index + 1}`;
    labels[`image-${image.id}-position`] = `Vị trí ảnh ${index + 1}`;
  });
  return labels;
}

export function ExistingImages(props: {
  images: ArticleImageRow[];
  values: ArticleFormValues;
  errors: FieldErrors;
}) {
  const { images, values, errors } = props;
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
                  <label for={`f-${name("remove")}`}>
                    Gỡ ảnh này khỏi bài viết (ảnh vẫn còn trong thư viện)
                  </label>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

/** Recent library photos as choices; "no photo" first so nothing is chosen by accident. */
function LibraryChoices({
  library,
  value,
  error,
}: {
  library: LibraryItem[];
  value: string;
  error?: string;
}) {
  if (library.length === 0) return null;
  return (
    <fieldset class={error ? "library-choices has-error" : "library-choices"} id="f-mediaId">
      <legend>Hoặc dùng ảnh có sẵn trong thư viện</legend>
      {error ? <p class="field-error">{error}</p> : null}
      <ul class="library-grid">
        <li class="library-choice">
          <input type="radio" id="f-mediaId-none" name="mediaId" value="" checked={value === ""} />
          <label for="f-mediaId-none">Không dùng ảnh thư viện</label>
        </li>
        {library.map((item) => (
          <li class="library-choice">
            <input
              type="radio"
              id={`f-mediaId-${item.id}`}
              name="mediaId"
              value={String(item.id)}
              checked={value === String(item.id)}
              aria-describedby={`f-mediaId-${item.id}-caption`}
            />
            {/* A short name for the choice; the caption (free text) is its description, so that a
                caption never reads like the label of another field. */}
            <label for={`f-mediaId-${item.id}`}>
              <img src={mediaPath(item.previewKey)} alt="" loading="lazy" />
              <span>
                Ảnh số {item.id} ({formatDateVi(item.createdAt)})
              </span>
            </label>
            <p class="hint" id={`f-mediaId-${item.id}-caption`}>
              {item.caption ?? item.originalName}
            </p>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * The photo chosen before the form came back with errors: already stored (as a library photo without
 * caption yet), so it is not chosen again; its id rides in a hidden field.
 */
function PendingPhoto({ values, pending }: { values: ArticleFormValues; pending?: LibraryItem | null }) {
  if (!pending || values.pendingMediaId === "") return null;
  return (
    <div class="pending-photo">
      <input type="hidden" name="pendingMediaId" value={values.pendingMediaId} />
      <img src={mediaPath(pending.previewKey)} alt="" />
      <p>
        Ảnh đã chọn <strong>{pending.originalName}</strong> đã được giữ lại: không cần chọn lại tệp. Chọn tệp
        khác nếu muốn thay.
      </p>
    </div>
  );
}

export function NewPhotoFields(props: {
  values: ArticleFormValues;
  errors: FieldErrors;
  library: LibraryItem[];
  pending?: LibraryItem | null;
}) {
  const { values, errors, library } = props;
  return (
    <fieldset class="photo-upload">
      <legend>Thêm ảnh</legend>
      <PendingPhoto values={values} pending={props.pending} />
      <Field
        name="photo"
        label="Tệp ảnh"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        error={errors.photo}
        hint="JPEG, PNG hoặc WebP, tối đa 10 MB. Ảnh được lưu vào thư viện ở các cỡ 480, 960 và tối đa 1600 px; thông tin máy ảnh và vị trí bị xóa. Nếu biểu mẫu báo lỗi, ảnh đã chọn vẫn được giữ."
      />
      <LibraryChoices library={library} value={values.mediaId} error={errors.mediaId} />
      <Field
        name="caption"
        label="Chú thích ảnh"
        value={values.caption}
        error={errors.caption}
        hint="Bắt buộc với ảnh mới, ví dụ: Đ/c Phạm Thị Minh Hồng báo cáo trước hội nghị. Với ảnh thư viện, để trống để dùng chú thích sẵn có."
      />
      <Field
        name="alt"
        label="Văn bản thay thế"
        value={values.alt}
        error={errors.alt}
        hint="Bắt buộc với ảnh mới: mô tả nội dung ảnh cho người không xem được ảnh."
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
  );
}

function CheckboxList(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
  empty: string;
}) {
  return (
    <fieldset class={props.error ? "checkbox-list has-error" : "checkbox-list"} id={`f-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {props.options.length === 0 ? (
        <p class="hint">{props.empty}</p>
      ) : (
        <ul class="plain-list">
          {props.options.map((o) => (
            <li class="checkbox-field">
              <input
                type="checkbox"
                id={`f-${props.name}-${o.value}`}
                name={props.name}
                value={o.value}
                checked={props.checked.includes(o.value)}
              />
              <label for={`f-${props.name}-${o.value}`}>{o.label}</label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** Working sessions the article reports on, and units it is about (besides the owner). */
export function LinkFields(props: {
  values: ArticleFormValues;
  errors: FieldErrors;
  sessions: SessionChoice[];
  units: { id: number; label: string }[];
}) {
  const { values, errors } = props;
  return (
    <fieldset class="article-links">
      <legend>Liên kết</legend>
      <CheckboxList
        name="sessionIds"
        legend="Buổi làm việc liên quan"
        options={props.sessions.map((s) => ({
          value: String(s.id),
          label: `${s.title} (${formatDateVi(s.startsAt)})`,
        }))}
        checked={values.sessionIds}
        error={errors.sessionIds}
        empty="Chưa có buổi làm việc nào của đơn vị trong phạm vi của bạn."
      />
      <CheckboxList
        name="linkedUnitIds"
        legend="Đơn vị liên quan"
        options={props.units.map((u) => ({ value: String(u.id), label: u.label }))}
        checked={values.linkedUnitIds}
        error={errors.linkedUnitIds}
        empty="Không có đơn vị nào để chọn."
      />
    </fieldset>
  );
}
