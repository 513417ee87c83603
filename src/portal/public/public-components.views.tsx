import { formatDateVi } from "../../core/format/vi-date.js";
import type { ArticleCard } from "../articles/reader-visibility.rules.js";

/** Pieces the public portal pages share: article links, lists of article cards, pagination. */

export function articleHref(slug: string): string {
  return `/tin-tuc/${encodeURIComponent(slug)}`;
}

export function categoryHref(slug: string, page = 1): string {
  const base = `/chuyen-muc/${encodeURIComponent(slug)}`;
  return page <= 1 ? base : `${base}?trang=${page}`;
}

/**
 * "Trang trước · Trang 2 / 5 · Trang sau". `hrefOf(page)` builds each link, so every list (home,
 * category, search with its filters, the admin lists) keeps its own address. The admin lists show
 * the words without the arrows (`arrows={false}`).
 */
export function Pagination({
  page,
  pageCount,
  hrefOf,
  arrows = true,
}: {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
  arrows?: boolean;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Phân trang">
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefOf(page - 1)} rel="prev">
              {arrows ? <span aria-hidden="true">← </span> : null}Trang trước
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          Trang {page} / {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <a href={hrefOf(page + 1)} rel="next">
              Trang sau{arrows ? <span aria-hidden="true"> →</span> : null}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/**
 * Article cards with photo, title, date and lead. `headingLevel` keeps the outline right: cards
 * under a page's h1 are h2, cards inside an h2 section are h3. Featured cards (the home page's top
 * news) carry their own classes and load their photos at once, being the first thing a reader sees.
 */
export function ArticleCards({
  items,
  headingLevel = 2,
  featured = false,
}: {
  items: ArticleCard[];
  headingLevel?: 2 | 3;
  featured?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const cardClass = featured ? "article-card featured-card" : "article-card";
  return (
    <ul class={featured ? "article-list featured-list" : "article-list"}>
      {items.map((item) => (
        <li class={item.thumbnail ? cardClass : `${cardClass} article-card-text-only`}>
          <article>
            {item.thumbnail ? (
              <img
                class="article-card-thumb"
                src={item.thumbnail.src}
                alt={item.thumbnail.alt}
                loading={featured ? undefined : "lazy"}
                decoding="async"
              />
            ) : null}
            <div class="article-card-text">
              <Heading class={featured ? "featured-title" : "article-card-title"}>
                <a href={articleHref(item.slug)}>{item.title}</a>
              </Heading>
              <p class="article-card-date">
                <time datetime={item.publishedAt}>{formatDateVi(item.publishedAt)}</time>
              </p>
              {item.lead ? <p class="article-card-lead">{item.lead}</p> : null}
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}

/** A short list of links (related news, most read): title and date only. */
export function ArticleLinks({ items }: { items: { slug: string; title: string; publishedAt: string }[] }) {
  return (
    <ul class="article-links">
      {items.map((item) => (
        <li>
          <a href={articleHref(item.slug)}>{item.title}</a>{" "}
          <span class="muted">
            (<time datetime={item.publishedAt}>{formatDateVi(item.publishedAt)}</time>)
          </span>
        </li>
      ))}
    </ul>
  );
}
