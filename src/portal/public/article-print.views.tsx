import { raw } from "hono/html";
import { formatDateTimeVi } from "../../core/format/vi-date.js";
import type { PublishedArticle } from "../articles/reader-visibility.rules.js";
import { ArticleContent } from "./articles-public.views.js";

/**
 * The print view of an article (`/tin-tuc/:slug/in`): the article alone on a white page, with where
 * it comes from and when it was printed, for the browser's Print or "Save as PDF". The same page is
 * offered as a download (`?tai-ve=1`); it then carries a <base> so its photos still load from the site.
 */
export function ArticlePrintPage({
  article,
  views,
  siteName,
  canonicalUrl,
  printedAt,
  baseHref,
}: {
  article: PublishedArticle;
  views: number;
  siteName: string;
  canonicalUrl: string;
  printedAt: Date;
  /** Set for the downloaded copy. */
  baseHref?: string;
}) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {baseHref ? <base href={baseHref} /> : null}
          <title>{`${article.title} | ${siteName}`}</title>
          <meta name="robots" content="noindex" />
          <link rel="canonical" href={canonicalUrl} />
          <link rel="stylesheet" href="/static/site.css" />
        </head>
        <body class="print-view">
          <header class="print-header">
            <p>{siteName}</p>
          </header>
          <main>
            <article class="article" aria-labelledby="article-title">
              <ArticleContent article={article} views={views} eagerImages />
              <footer class="print-footer">
                <p>
                  {article.categoryName ? `Chuyên mục: ${article.categoryName}. ` : ""}Đơn vị:{" "}
                  {article.unitName}.
                </p>
                <p>
                  Nguồn: <a href={canonicalUrl}>{canonicalUrl}</a>
                </p>
                <p>In lúc {formatDateTimeVi(printedAt)}.</p>
              </footer>
            </article>
            <p class="print-hint">
              <a href={canonicalUrl}>← Trở lại bài viết</a> · Dùng lệnh In của trình duyệt (Ctrl+P) để in hoặc
              lưu thành PDF.
            </p>
          </main>
        </body>
      </html>
    </>
  );
}
