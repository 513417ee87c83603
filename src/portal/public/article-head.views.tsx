import { raw } from "hono/html";
import { jsonForScript } from "../../core/views/json-script.js";
import { mediaPath, type PublishedArticle } from "../articles/reader-visibility.rules.js";
import { articleHref } from "./public-components.views.js";

/**
 * What goes into <head> for an article: canonical address, Open Graph (Facebook, Zalo), Twitter
 * card, article times and section, and a schema.org NewsArticle for search engines. Feeds are linked
 * so feed readers find them from any page.
 */

export function FeedLinks({
  categorySlug,
  categoryName,
}: {
  categorySlug?: string | null;
  categoryName?: string | null;
}) {
  return (
    <>
      <link rel="alternate" type="application/rss+xml" title="Tin mới nhất (RSS)" href="/rss.xml" />
      <link rel="alternate" type="application/atom+xml" title="Tin mới nhất (Atom)" href="/atom.xml" />
      {categorySlug ? (
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${categoryName ?? categorySlug} (RSS)`}
          href={`/chuyen-muc/${encodeURIComponent(categorySlug)}/rss.xml`}
        />
      ) : null}
    </>
  );
}

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
  const imageUrl = image ? new URL(mediaPath(image.storageKey), baseUrl).toString() : null;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.lead ?? undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    mainEntityOfPage: url,
    image: imageUrl ? [imageUrl] : undefined,
    articleSection: article.categoryName ?? undefined,
    inLanguage: "vi",
    author: { "@type": "Organization", name: article.unitName },
    publisher: { "@type": "Organization", name: siteName },
  };
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:locale" content="vi_VN" />
      <meta property="og:title" content={article.title} />
      {article.lead ? <meta property="og:description" content={article.lead} /> : null}
      <meta property="og:url" content={url} />
      {imageUrl ? <meta property="og:image" content={imageUrl} /> : null}
      {image ? <meta property="og:image:alt" content={image.altText} /> : null}
      <meta property="article:published_time" content={article.publishedAt} />
      <meta property="article:modified_time" content={article.updatedAt} />
      {article.categoryName ? <meta property="article:section" content={article.categoryName} /> : null}
      <meta name="twitter:card" content={imageUrl ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={article.title} />
      {article.lead ? <meta name="twitter:description" content={article.lead} /> : null}
      {imageUrl ? <meta name="twitter:image" content={imageUrl} /> : null}
      <FeedLinks categorySlug={article.categorySlug} categoryName={article.categoryName} />
      <script type="application/ld+json">{raw(jsonForScript(jsonLd))}</script>
    </>
  );
}
