import { raw } from "hono/html";
import { formatDateVi, formatTimeVi } from "../../core/format/vi-date.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import type { ArticleImageRow, ArticleSummary } from "../articles/articles.repo.js";
import { placeImages, splitTopLevelBlocks } from "../articles/body-blocks.rules.js";
import type {
  ArticleLinksForReaders,
  ArticlePage,
  HomeSections,
  PublishedArticle,
} from "../articles/reader-visibility.rules.js";
import { mediaPath } from "../articles/reader-visibility.rules.js";
import { PrintLinks, RelatedArticles, ShareLinks } from "./article-page-parts.views.js";
import type { MostReadBoxData } from "./most-read.service.js";
import { MostReadBox } from "./most-read.views.js";
import type { SessionLink } from "./portal-sections.extension.js";
import { ArticleCards, ArticleLinks, categoryHref, Pagination } from "./public-components.views.js";
import type { RatingScore, RatingSummary } from "./ratings.rules.js";
import { RatingSection } from "./ratings.views.js";

/** Public portal pages: the home page (featured, "Tin mới nhất", categories) and an article. */

export { articleHref } from "./public-components.views.js";

export function homePageHref(page: number): string {
  return page <= 1 ? "/" : `/?trang=${page}`;
}

/**
 * "Ngày đăng 02/01/2020 | 21:49 | Lượt xem: 1.290", the header convention of Vietnamese portals. The
 * count may come as text: the page cache renders a hole there and fills it on each visit.
 */
export function articleHeaderLine(publishedAt: string, views: number | string): string {
  const count = typeof views === "number" ? formatViNumber(views) : views;
  return `Ngày đăng ${formatDateVi(publishedAt)} | ${formatTimeVi(publishedAt)} | Lượt xem: ${count}`;
}

function Featured({ items }: { items: HomeSections["featured"] }) {
  if (items.length === 0) return null;
  return (
    <section class="featured-news" aria-labelledby="tin-noi-bat">
      <h2 id="tin-noi-bat">Tin nổi bật</h2>
      <ArticleCards items={items} headingLevel={3} featured />
    </section>
  );
}

/**
 * The search field at the top of the home page (the first thing on a phone's first screen): the full
 * form with filters is on the search page.
 */
function SearchBox() {
  return (
    <section class="home-search" aria-labelledby="tim-kiem-nhanh">
      <h2 id="tim-kiem-nhanh" class="visually-hidden">
        Tìm kiếm
      </h2>
      <form method="get" action="/tim-kiem" role="search" aria-labelledby="tim-kiem-nhanh" class="search-box">
        <label for="tim-kiem-q" class="visually-hidden">
          Từ khóa (có dấu hoặc không dấu)
        </label>
        <input id="tim-kiem-q" name="q" type="search" maxlength={200} placeholder="Ví dụ: thuong thanh" />
        <button type="submit" class="button primary">
          Tìm
        </button>
      </form>
      <p class="hint">
        <a href="/tim-kiem">Tìm theo chuyên mục, đơn vị, ngày đăng</a>
      </p>
    </section>
  );
}

function CategorySections({ categories }: { categories: HomeSections["categories"] }) {
  return (
    <>
      {categories.map(({ category, items }) => (
        <section class="category-section" aria-labelledby={`cm-${category.slug}`}>
          <h2 id={`cm-${category.slug}`}>
            <a href={categoryHref(category.slug)}>{category.name}</a>
          </h2>
          <ArticleLinks items={items} />
          <p>
            <a href={categoryHref(category.slug)}>Xem tất cả tin “{category.name}”</a>
          </p>
        </section>
      ))}
    </>
  );
}

/**
 * The home page: "Tin mới nhất" (the page's h1, paged with `?trang=N`), then each category's newest
 * titles; beside it the featured news and the most read. Later pages only continue "Tin mới nhất".
 */
export function HomePage({
  meta,
  list,
  sections,
  mostRead,
}: {
  meta: PageMeta;
  list: ArticlePage;
  sections: HomeSections | null;
  mostRead: MostReadBoxData;
}) {
  return (
    <PublicLayout meta={meta}>
      {sections ? <SearchBox /> : null}
      <div class="home-grid">
        <div class="home-main">
          <section class="latest-news" aria-labelledby="tin-moi-nhat">
            <h1 id="tin-moi-nhat">Tin mới nhất</h1>
            {list.items.length === 0 ? (
              <p class="empty-state">Chưa có bài viết nào được đăng.</p>
            ) : (
              <ArticleCards items={list.items} />
            )}
            <Pagination page={list.page} pageCount={list.pageCount} hrefOf={homePageHref} />
          </section>
          {sections ? <CategorySections categories={sections.categories} /> : null}
        </div>
        {sections ? (
          <aside class="home-side" aria-label="Tin nổi bật và đọc nhiều">
            <Featured items={sections.featured} />
            <MostReadBox box={mostRead} />
          </aside>
        ) : null}
      </div>
    </PublicLayout>
  );
}

function Figure({ image, eager }: { image: ArticleImageRow; eager: boolean }) {
  return (
    <figure class="article-figure">
      <img
        src={mediaPath(image.storageKey)}
        alt={image.altText}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
      />
      <figcaption>{image.caption}</figcaption>
    </figure>
  );
}

/**
 * The article's own content (header, lead, body with photos), shared by the page and the print view.
 * `eagerImages` for the print view: a photo never scrolled to is not loaded lazily in time to print.
 */
export function ArticleContent({
  article,
  views,
  eagerImages = false,
}: {
  article: PublishedArticle;
  views: number | string;
  eagerImages?: boolean;
}) {
  const parts = placeImages(splitTopLevelBlocks(article.bodyHtml), article.images);
  return (
    <>
      <header class="article-header">
        <h1 id="article-title">{article.title}</h1>
        <p class="article-meta">{articleHeaderLine(article.publishedAt, views)}</p>
      </header>
      {article.lead ? <p class="article-lead">{article.lead}</p> : null}
      <div class="article-body">
        {parts.map((part) =>
          part.kind === "html" ? raw(part.html) : <Figure image={part.image} eager={eagerImages} />,
        )}
      </div>
    </>
  );
}

/** What the article is about: the units it is linked to and the working sessions it reports on. */
function LinkedFacts({
  links,
  sessionLinks,
}: {
  links: ArticleLinksForReaders;
  sessionLinks: SessionLink[];
}) {
  return (
    <>
      {links.units.length > 0 ? (
        <>
          <dt>Đơn vị liên quan</dt>
          <dd>
            {links.units.map((u, i) => (
              <>
                {i > 0 ? ", " : null}
                <a href={`/don-vi/${u.id}/gioi-thieu`}>{unitDisplayName(u)}</a>
              </>
            ))}
          </dd>
        </>
      ) : null}
      {links.sessions.length > 0 ? (
        <>
          <dt>Buổi làm việc</dt>
          {links.sessions.map((s) => (
            <dd>
              {s.title} (
              <time datetime={s.startsAt}>
                {formatTimeVi(s.startsAt)} ngày {formatDateVi(s.startsAt)}
              </time>
              {s.place ? `, ${s.place}` : ""})
              {sessionLinks
                .filter((l) => l.sessionId === s.id)
                .map((l) => (
                  <>
                    {" "}
                    – <a href={l.href}>{l.text}</a>
                  </>
                ))}
            </dd>
          ))}
        </>
      ) : null}
    </>
  );
}

export interface ArticleExtras {
  canonicalUrl: string;
  links: ArticleLinksForReaders;
  /** From the rooms above the portal: the public follow-up of a session's conclusions. */
  sessionLinks: SessionLink[];
  related: ArticleSummary[];
  ratings: { summary: RatingSummary; mine: RatingScore | null; notice?: string | undefined };
  mostRead: MostReadBoxData;
}

export function ArticleView({
  meta,
  article,
  views,
  extras,
}: {
  meta: PageMeta;
  article: PublishedArticle;
  views: number | string;
  extras: ArticleExtras;
}) {
  return (
    <PublicLayout meta={meta}>
      {article.categorySlug && article.categoryName ? (
        <nav aria-label="Vị trí" class="breadcrumb">
          <p class="muted">
            <a href="/">Trang chủ</a> ›{" "}
            <a href={categoryHref(article.categorySlug)}>{article.categoryName}</a>
          </p>
        </nav>
      ) : null}
      <div class="article-grid">
        <div class="article-main">
          <article class="article" aria-labelledby="article-title">
            <ArticleContent article={article} views={views} />
            <footer class="article-footer">
              <dl class="article-facts">
                {article.categoryName ? (
                  <>
                    <dt>Chuyên mục</dt>
                    <dd>
                      {article.categorySlug ? (
                        <a href={categoryHref(article.categorySlug)}>{article.categoryName}</a>
                      ) : (
                        article.categoryName
                      )}
                    </dd>
                  </>
                ) : null}
                <dt>Đơn vị</dt>
                <dd>
                  <a href={`/don-vi/${article.unitId}`}>{article.unitName}</a>
                </dd>
                <LinkedFacts links={extras.links} sessionLinks={extras.sessionLinks} />
              </dl>
              <PrintLinks slug={article.slug} />
            </footer>
          </article>
          <ShareLinks url={extras.canonicalUrl} title={article.title} />
          <RatingSection
            slug={article.slug}
            summary={extras.ratings.summary}
            mine={extras.ratings.mine}
            csrfToken={meta.auth.csrfToken}
            notice={extras.ratings.notice}
          />
        </div>
        <aside class="article-side" aria-label="Tin liên quan và đọc nhiều">
          <RelatedArticles items={extras.related} />
          <MostReadBox box={extras.mostRead} />
        </aside>
      </div>
      <p>
        <a href="/">← Về trang chủ</a>
      </p>
    </PublicLayout>
  );
}
