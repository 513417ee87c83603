import { formatDateTimeVi } from "../../core/format/vi-date.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField } from "../../core/views/picker.js";
import { currentFirstGroups } from "../../units/unit-picker.rules.js";
import type { ArticleImageRow } from "../articles/article-images.repo.js";
import type { SessionChoice } from "../articles/article-links.repo.js";
import type { ArticleStatus } from "../articles/article-workflow.rules.js";
import type { UnitChoice } from "../articles/articles.service.js";
import type { LibraryItem } from "../media/media-library.repo.js";
import { type ArticleFormValues, FIELD_LABELS } from "./article-form.js";
import {
  BodyField,
  ExistingImages,
  imageLabels,
  LinkFields,
  NewPhotoFields,
} from "./article-form-parts.views.js";
import { ADMIN_ARTICLES, editHref, ReviewActions, ReviewTrail, StatusPanel } from "./article-review.views.js";
import type { ReviewRow } from "./article-reviews.repo.js";

/** The editor's create/edit page: the form, where the article stands in review, and the trail. */

export interface ArticleFormProps {
  meta: PageMeta;
  /** null for a new article. */
  article: { id: number; slug: string; status: ArticleStatus; publishedAt: string | null } | null;
  values: ArticleFormValues;
  errors?: FieldErrors;
  categories: { id: number; name: string }[];
  units: UnitChoice[];
  sessions: SessionChoice[];
  library: LibraryItem[];
  /** The upload kept from a form that came back with errors. */
  pending?: LibraryItem | null;
  /** The caller's autosave the article does not hold yet; `opened` when the form shows it. */
  autosave?: { at: string; opened: boolean } | null;
  images: ArticleImageRow[];
  reviews: ReviewRow[];
  revisionCount: number;
  /** May publish (and return, unpublish) this article. */
  canPublish: boolean;
  /** Readers can see the article now. */
  visible: boolean;
  notice?: string | null;
  /** The return form's comment and error, when it was refused. */
  review?: { comment: string; errors: FieldErrors };
}

/**
 * The submit buttons. The first one is what Enter in a text field presses, so it never changes the
 * status: "Lưu nháp" on a draft, "Lưu thay đổi" elsewhere (a published article stays published).
 */
function FormActions({ status, canPublish }: { status: ArticleStatus | null; canPublish: boolean }) {
  const draft = status === null || status === "draft";
  return (
    <div class="form-actions">
      <button type="submit" name="intent" value="save" class={draft ? "button secondary" : "button primary"}>
        {draft ? "Lưu nháp" : "Lưu thay đổi"}
      </button>
      {draft ? (
        <button type="submit" name="intent" value="submit" class="button secondary">
          Gửi duyệt
        </button>
      ) : null}
      {canPublish && status !== "published" && status !== "scheduled" ? (
        <button type="submit" name="intent" value="publish" class="button primary">
          {status === "unpublished" ? "Đăng lại" : "Đăng bài"}
        </button>
      ) : null}
    </div>
  );
}

function PublishTime(props: {
  values: ArticleFormValues;
  errors: FieldErrors;
  status: ArticleStatus | null;
}) {
  const { values, errors } = props;
  return (
    <fieldset class="publish-time">
      <legend>Thời điểm đăng (giờ Việt Nam)</legend>
      <p class="hint">
        Để trống để đăng ngay khi bài được duyệt. Chọn một thời điểm trong tương lai để hẹn giờ: bài tự hiện
        trên cổng thông tin đúng lúc đó.
      </p>
      <div class="inline-fields">
        <Field
          name="publishedDate"
          label="Ngày đăng"
          type="date"
          value={values.publishedDate}
          error={errors.publishedDate}
        />
        <Field
          name="publishedTime"
          label="Giờ đăng"
          type="time"
          value={values.publishedTime}
          error={errors.publishedTime}
        />
      </div>
    </fieldset>
  );
}

/** The text kept by the autosave that the article does not hold yet. */
function AutosaveNotice({ id, autosave }: { id: number; autosave: { at: string; opened: boolean } }) {
  return (
    <div class="notice notice-warning" role="note">
      {autosave.opened ? (
        <p>
          Biểu mẫu đang hiện bản tự động lưu lúc {formatDateTimeVi(autosave.at)}. Bấm "Lưu" để giữ, hoặc{" "}
          <a href={editHref(id)}>mở lại bản đã lưu</a>.
        </p>
      ) : (
        <p>
          Có bản tự động lưu lúc {formatDateTimeVi(autosave.at)} chưa được lưu vào bài.{" "}
          <a href={`${editHref(id)}?ban-tu-dong=1`}>Mở bản tự động lưu</a>
        </p>
      )}
    </div>
  );
}

export function ArticleFormPage(props: ArticleFormProps) {
  const { meta, article, values, categories, units, images } = props;
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
        <StatusPanel
          article={article}
          reviews={props.reviews}
          revisionCount={props.revisionCount}
          visible={props.visible}
        />
      ) : null}
      {article && props.autosave ? <AutosaveNotice id={article.id} autosave={props.autosave} /> : null}
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
        <BodyField
          values={values}
          errors={errors}
          articleId={article?.id ?? null}
          userId={meta.auth.actor?.userId ?? 0}
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
        <PickerField
          name="unitId"
          label="Đơn vị sở hữu"
          value={values.unitId}
          error={errors.unitId}
          required
          empty={units.length === 1 ? undefined : "— Chọn đơn vị —"}
          groups={currentFirstGroups(units)}
        />
        <Field
          name="tags"
          label="Từ khóa"
          value={values.tags}
          error={errors.tags}
          hint="Cách nhau bằng dấu phẩy, ví dụ: hộ nghèo, chuyển đổi số. Tối đa 10 từ khóa."
        />
        <PublishTime values={values} errors={errors} status={article?.status ?? null} />
        <LinkFields
          values={values}
          errors={errors}
          sessions={props.sessions}
          units={units.filter((u) => u.current || values.linkedUnitIds.includes(String(u.id)))}
        />
        <ExistingImages images={images} values={values} errors={errors} />
        <NewPhotoFields values={values} errors={errors} library={props.library} pending={props.pending} />
        <FormActions status={article?.status ?? null} canPublish={props.canPublish} />
      </form>
      {article ? (
        <>
          <ReviewActions
            articleId={article.id}
            status={article.status}
            canReview={props.canPublish}
            csrfToken={meta.auth.csrfToken}
            comment={props.review?.comment}
            errors={props.review?.errors}
          />
          <ReviewTrail reviews={props.reviews} />
        </>
      ) : null}
    </AdminLayout>
  );
}
