import { raw } from "hono/html";
import { formatDateVi } from "../../core/format/vi-date.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { PickerSelect } from "../../core/views/picker.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { articleHref, categoryHref, Pagination } from "../public/public-components.views.js";
import type { SearchFacets } from "./search.repo.js";
import { SEARCH_PAGE_SIZE, type SearchOutcome } from "./search.service.js";

/** The search page: a labelled form (keywords, category, unit, dates) and highlighted results. */

export interface SearchForm {
  q: string;
  category: string;
  unit: string;
  from: string;
  to: string;
}

export type SearchFormErrors = Partial<Record<keyof SearchForm, string>>;

/** The page's address with the same filters, on another page of results. */
export function searchHref(form: SearchForm, page = 1): string {
  const params = new URLSearchParams();
  params.set("q", form.q);
  if (form.category) params.set("chuyen-muc", form.category);
  if (form.unit) params.set("don-vi", form.unit);
  if (form.from) params.set("tu-ngay", form.from);
  if (form.to) params.set("den-ngay", form.to);
  if (page > 1) params.set("trang", String(page));
  return `/tim-kiem?${params.toString()}`;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p class="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

function Form({
  form,
  facets,
  errors,
  today,
}: {
  form: SearchForm;
  facets: SearchFacets;
  errors: SearchFormErrors;
  today: string;
}) {
  const filtered = Boolean(form.category || form.unit || form.from || form.to);
  const invalid = (key: keyof SearchForm) =>
    errors[key] ? { "aria-invalid": "true", "aria-describedby": `tk-${key}-error` } : {};
  return (
    <form method="get" action="/tim-kiem" role="search" aria-label="Tìm kiếm bài viết" class="search-form">
      <div class="field">
        <label for="tk-q">Từ khóa</label>
        <p class="hint" id="tk-q-hint">
          Gõ có dấu hoặc không dấu. Đặt cụm từ trong dấu ngoặc kép để tìm đúng cụm: "hộ nghèo".
        </p>
        <input id="tk-q" name="q" type="search" value={form.q} aria-describedby="tk-q-hint" maxlength={200} />
      </div>
      {/* Folded on every screen unless a filter is in use, so a phone shows the results first. */}
      <details class="search-filters" open={filtered || Object.keys(errors).length > 0}>
        <summary>Lọc theo chuyên mục, đơn vị, ngày đăng</summary>
        <div class="search-filter-fields">
          <div class="field">
            <label for="tk-category">Chuyên mục</label>
            <select id="tk-category" name="chuyen-muc" {...invalid("category")}>
              <option value="">Tất cả chuyên mục</option>
              {facets.categories.map((c) => (
                <option value={c.slug} selected={c.slug === form.category}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id="tk-category-error" message={errors.category} />
          </div>
          <div class="field">
            <label for="tk-unit">Đơn vị</label>
            <PickerSelect
              id="tk-unit"
              name="don-vi"
              empty="Tất cả đơn vị"
              groups={unitPickerGroups(facets.units, today)}
              value={form.unit}
              error={errors.unit}
            />
            <FieldError id="tk-unit-error" message={errors.unit} />
          </div>
          <div class="field">
            <label for="tk-from">Từ ngày</label>
            <input id="tk-from" name="tu-ngay" type="date" value={form.from} {...invalid("from")} />
            <FieldError id="tk-from-error" message={errors.from} />
          </div>
          <div class="field">
            <label for="tk-to">Đến ngày</label>
            <input id="tk-to" name="den-ngay" type="date" value={form.to} {...invalid("to")} />
            <FieldError id="tk-to-error" message={errors.to} />
          </div>
        </div>
      </details>
      <div class="search-submit">
        <button type="submit" class="button primary">
          Tìm kiếm
        </button>
      </div>
    </form>
  );
}

function Summary({ form, outcome }: { form: SearchForm; outcome: SearchOutcome | null }) {
  if (!outcome) return null;
  const text =
    outcome.parsed.terms.length === 0
      ? "Vui lòng nhập từ khóa có chữ cái hoặc chữ số."
      : outcome.total === 0
        ? `Không tìm thấy bài viết nào cho “${form.q.trim()}”. Hãy thử từ khóa khác, bỏ bớt bộ lọc hoặc gõ không dấu.`
        : `Tìm thấy ${outcome.more ? "hơn " : ""}${formatViNumber(outcome.total)} bài viết cho “${form.q.trim()}”.`;
  return (
    <p class="search-summary" role="status">
      {text}
    </p>
  );
}

export function SearchPage({
  meta,
  form,
  facets,
  errors,
  outcome,
}: {
  meta: PageMeta;
  form: SearchForm;
  facets: SearchFacets;
  errors: SearchFormErrors;
  /** null before anything was asked. */
  outcome: SearchOutcome | null;
}) {
  return (
    <PublicLayout meta={meta}>
      <h1>Tìm kiếm</h1>
      <Form form={form} facets={facets} errors={errors} today={meta.today} />
      <section aria-labelledby="ket-qua" class="search-results">
        <h2 id="ket-qua" class="visually-hidden">
          Kết quả tìm kiếm
        </h2>
        <Summary form={form} outcome={outcome} />
        {outcome && outcome.items.length > 0 ? (
          <ol class="search-hits" start={(outcome.page - 1) * SEARCH_PAGE_SIZE + 1}>
            {outcome.items.map((item) => (
              <li class="search-hit">
                <h3 class="search-hit-title">
                  <a href={articleHref(item.slug)}>{raw(item.titleHtml)}</a>
                </h3>
                <p class="search-hit-meta muted">
                  <time datetime={item.publishedAt}>{formatDateVi(item.publishedAt)}</time> · {item.unitName}
                  {item.categorySlug && item.categoryName ? (
                    <>
                      {" · "}
                      <a href={categoryHref(item.categorySlug)}>{item.categoryName}</a>
                    </>
                  ) : null}
                </p>
                <p class="search-hit-snippet">{raw(item.snippet)}</p>
              </li>
            ))}
          </ol>
        ) : null}
        {outcome ? (
          <Pagination
            page={outcome.page}
            pageCount={outcome.pageCount}
            hrefOf={(page) => searchHref(form, page)}
          />
        ) : null}
      </section>
    </PublicLayout>
  );
}
