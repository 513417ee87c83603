import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, errorAria, Field, FieldFrame, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import type { TagRow } from "../articles/tags.repo.js";
import type { CategoryWithCount } from "./categories.repo.js";

/** The page where editors manage categories (chuyên mục) and tags (từ khóa). */

export const CATEGORIES = "/quan-tri/chuyen-muc";
export const TAGS = "/quan-tri/tu-khoa";

export interface CategoryValues {
  name: string;
  slug: string;
  sortOrder: string;
}

const LABELS = { name: "Tên chuyên mục", slug: "Đường dẫn", sortOrder: "Thứ tự" };

/** The id suffix of a row's field (`cat-3-name`); a row-wide refusal points at the name. */
function rowField(id: number, key: string): string {
  return `cat-${id}-${key === "sortOrder" ? "order" : key === "slug" ? "slug" : "name"}`;
}

/** One labelled input with a row-unique id (several rows share the field names). */
function RowInput(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string;
  size?: number;
}) {
  return (
    <FieldFrame id={props.id} label={props.label} error={props.error}>
      <input
        id={props.id}
        name={props.name}
        value={props.value}
        size={props.size}
        {...errorAria(props.id, props.error)}
      />
    </FieldFrame>
  );
}

export function CategoriesPage(props: {
  meta: PageMeta;
  categories: CategoryWithCount[];
  tags: (TagRow & { articleCount: number })[];
  /** The form that was refused: "new" or a category id, with what was typed. */
  editing?: { id: number | "new"; values: CategoryValues; errors: FieldErrors };
  notice?: string | null;
}) {
  const { meta, categories, tags, editing } = props;
  const errorsOf = (id: number | "new") => (editing?.id === id ? editing.errors : {});
  const valuesOf = (id: number | "new", fallback: CategoryValues) =>
    editing?.id === id ? editing.values : fallback;
  const fresh = valuesOf("new", { name: "", slug: "", sortOrder: "" });
  // The summary links to the fields of the form that was refused: the new one, or a row.
  const summary =
    editing && editing.id !== "new"
      ? Object.fromEntries(
          Object.entries(editing.errors).map(([key, message]) => [
            rowField(editing.id as number, key),
            message,
          ]),
        )
      : editing?.errors;
  return (
    <AdminLayout meta={meta} active={CATEGORIES}>
      <h1>Chuyên mục và từ khóa</h1>
      <Notice message={props.notice} />
      <ErrorSummary errors={summary} labels={LABELS} />
      <section class="card" aria-labelledby="them-chuyen-muc">
        <h2 id="them-chuyen-muc">Thêm chuyên mục</h2>
        <form method="post" action={CATEGORIES} class="inline-fields" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <Field
            name="name"
            label="Tên chuyên mục"
            value={fresh.name}
            error={errorsOf("new").name}
            required
          />
          <Field
            name="slug"
            label="Đường dẫn"
            value={fresh.slug}
            error={errorsOf("new").slug}
            hint="Để trống để tạo từ tên."
          />
          <Field
            name="sortOrder"
            label="Thứ tự"
            type="number"
            value={fresh.sortOrder}
            error={errorsOf("new").sortOrder}
          />
          <button type="submit" class="button primary">
            Thêm chuyên mục
          </button>
        </form>
      </section>
      <h2>Các chuyên mục ({categories.length})</h2>
      {categories.length === 0 ? <p class="empty-state">Chưa có chuyên mục nào.</p> : null}
      <ul class="plain-list category-list">
        {categories.map((cat) => {
          const values = valuesOf(cat.id, {
            name: cat.name,
            slug: cat.slug,
            sortOrder: String(cat.sortOrder),
          });
          const errors = errorsOf(cat.id);
          return (
            <li class="card">
              <form method="post" action={`${CATEGORIES}/${cat.id}`} class="inline-fields" novalidate>
                <CsrfInput token={meta.auth.csrfToken} />
                <RowInput
                  id={`f-cat-${cat.id}-name`}
                  name="name"
                  label="Tên chuyên mục"
                  value={values.name}
                  error={errors.name}
                />
                <RowInput
                  id={`f-cat-${cat.id}-slug`}
                  name="slug"
                  label="Đường dẫn"
                  value={values.slug}
                  error={errors.slug}
                />
                <RowInput
                  id={`f-cat-${cat.id}-order`}
                  name="sortOrder"
                  label="Thứ tự"
                  value={values.sortOrder}
                  error={errors.sortOrder}
                  size={4}
                />
                <button type="submit" class="button secondary">
                  Lưu<span class="visually-hidden"> chuyên mục {cat.name}</span>
                </button>
              </form>
              <p class="hint">
                {cat.articleCount} bài viết
                {cat.articleCount === 0 ? "" : " — chuyển các bài sang chuyên mục khác để có thể xóa"}
              </p>
              {errors.intent ? <p class="field-error">{errors.intent}</p> : null}
              {cat.articleCount === 0 ? (
                <form method="post" action={`${CATEGORIES}/${cat.id}/xoa`} class="inline-form">
                  <CsrfInput token={meta.auth.csrfToken} />
                  <button type="submit" class="button danger">
                    Xóa<span class="visually-hidden"> chuyên mục {cat.name}</span>
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="tu-khoa">
        <h2 id="tu-khoa">Từ khóa ({tags.length})</h2>
        <p class="hint">
          Từ khóa được tạo khi người viết gắn vào bài. Xóa một từ khóa sẽ gỡ nó khỏi mọi bài viết.
        </p>
        {tags.length === 0 ? (
          <p class="empty-state">Chưa có từ khóa nào.</p>
        ) : (
          <ul class="plain-list tag-list">
            {tags.map((tag) => (
              <li>
                {tag.name} <span class="muted">({tag.articleCount} bài)</span>{" "}
                <form method="post" action={`${TAGS}/${tag.id}/xoa`} class="inline-form">
                  <CsrfInput token={meta.auth.csrfToken} />
                  <button type="submit" class="link-button">
                    Xóa<span class="visually-hidden"> từ khóa {tag.name}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminLayout>
  );
}
