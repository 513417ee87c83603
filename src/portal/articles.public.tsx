import { raw } from "hono/html";
import { formatDateVi, formatTimeVi } from "../core/format/vi-date.js";
import { type PageMeta, PublicLayout } from "../core/views/layout.js";
import { type ArticlePage, mediaPath, type PublishedArticle } from "./articles.reading.js";
import type { ArticleImageRow } from "./articles.repo.js";
import { placeImages, splitTopLevelBlocks } from "./body-blocks.js";

/** Public portal pages: the home page's "Tin mới nhất" list and an article. */

export function articleHref(slug: string): string {
  return `/tin-tuc/${encodeURIComponent(slug)}`;
}

function homePageHref(page: number): string {
  return page <= 1 ? "/" : `/?trang=${page}`;
}

/** "Ngày đăng 02/01/2020 | 21:49 | Lượt xem: 129", the header convention of Vietnamese portals. */
export function articleHeaderLine(publishedAt: string, views: number): string {
  return `Ngày đăng ${formatDateVi(publishedAt)} | ${formatTimeVi(publishedAt)} | Lượt xem: ${views}`;
}

function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Phân trang">
      <ul>
        {page > 1 ? (
          <li>
            <a href={homePageHref(page - 1)} rel="prev">
              <span aria-hidden="true">← </span>Trang trước
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          Trang {page} / {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <a href={homePageHref(page + 1)} rel="next">
              Trang sau<span aria-hidden="true"> →</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function HomePage({ meta, list }: { meta: PageMeta; list: ArticlePage }) {
  return (
    <PublicLayout meta={meta}>
      <section class="latest-news" aria-labelledby="tin-moi-nhat">
        <h1 id="tin-moi-nhat">Tin mới nhất</h1>
        {list.items.length === 0 ? (
          <p class="empty-state">Chưa có bài viết nào được đăng.</p>
        ) : (
          <ul class="article-list">
            {list.items.map((item) => (
              <li class="article-card">
                <article>
                  {item.thumbnail ? (
                    <img
                      class="article-card-thumb"
                      src={item.thumbnail.src}
                      alt={item.thumbnail.alt}
                      loading="lazy"
                      decoding="async"
                    />
                  ) : null}
                  <div class="article-card-text">
                    <h2 class="article-card-title">
                      <a href={articleHref(item.slug)}>{item.title}</a>
                    </h2>
                    <p class="article-card-date">
                      <time datetime={item.publishedAt}>{formatDateVi(item.publishedAt)}</time>
                    </p>
                    {item.lead ? <p class="article-card-lead">{item.lead}</p> : null}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} />
      </section>
    </PublicLayout>
  );
}

function Figure({ image }: { image: ArticleImageRow }) {
  return (
    <figure class="article-figure">
      <img src={mediaPath(image.storageKey)} alt={image.altText} loading="lazy" decoding="async" />
      <figcaption>{image.caption}</figcaption>
    </figure>
  );
}

export function ArticleView({
  meta,
  article,
  views,
}: {
  meta: PageMeta;
  article: PublishedArticle;
  views: number;
}) {
  const parts = placeImages(splitTopLevelBlocks(article.bodyHtml), article.images);
  return (
    <PublicLayout meta={meta}>
      <article class="article" aria-labelledby="article-title">
        <header class="article-header">
          <h1 id="article-title">{article.title}</h1>
          <p class="article-meta">{articleHeaderLine(article.publishedAt, views)}</p>
        </header>
        {article.lead ? <p class="article-lead">{article.lead}</p> : null}
        <div class="article-body">
          {parts.map((part) => (part.kind === "html" ? raw(part.html) : <Figure image={part.image} />))}
        </div>
        <footer class="article-footer">
          <dl class="article-facts">
            {article.categoryName ? (
              <>
                <dt>Chuyên mục</dt>
                <dd>{article.categoryName}</dd>
              </>
            ) : null}
            <dt>Đơn vị</dt>
            <dd>{article.unitName}</dd>
          </dl>
          <p>
            <a href="/">← Về Tin mới nhất</a>
          </p>
        </footer>
      </article>
    </PublicLayout>
  );
}

/** Open Graph and canonical tags, so shared links show the title, lead and first photo. */
export function ArticleHead({
  article,
  baseUrl,
  siteName,
}: {
  article: PublishedArticle;
  baseUrl: URL;
  siteName: string;
}) {
  const url = new URL(articleHref(article.slug), baseUrl).toString();
  const image = article.images[0];
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:locale" content="vi_VN" />
      <meta property="og:title" content={article.title} />
      {article.lead ? <meta property="og:description" content={article.lead} /> : null}
      <meta property="og:url" content={url} />
      {image ? (
        <meta property="og:image" content={new URL(mediaPath(image.storageKey), baseUrl).toString()} />
      ) : null}
      {image ? <meta property="og:image:alt" content={image.altText} /> : null}
      <meta property="article:published_time" content={article.publishedAt} />
    </>
  );
}
