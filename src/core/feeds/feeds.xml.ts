/**
 * RSS 2.0 and Atom 1.0 documents, and the sitemap protocol, as pure functions of plain data.
 * Every text goes through `xmlText`, which also drops characters XML 1.0 forbids (a stray control
 * character pasted from Word would otherwise make the whole feed unreadable).
 */

const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(text: string): string {
  return text
    .replace(XML_FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export interface FeedItem {
  title: string;
  /** Absolute URL of the article; also its permanent id. */
  url: string;
  /** ISO-8601 UTC. */
  publishedAt: string;
  updatedAt: string;
  summary: string;
  category: string | null;
  author: string;
}

export interface FeedInfo {
  title: string;
  /** The HTML page the feed follows (home or category page), absolute. */
  pageUrl: string;
  /** The feed's own address, absolute. */
  selfUrl: string;
  description: string;
  /** ISO-8601 UTC of the newest change; the feed's own date. */
  updatedAt: string;
}

/** RFC 822 dates, as RSS 2.0 wants them ("Thu, 02 Jan 2020 14:49:00 GMT"). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function renderRss(feed: FeedInfo, items: FeedItem[]): string {
  const entries = items.map(
    (item) => `    <item>
      <title>${xmlText(item.title)}</title>
      <link>${xmlText(item.url)}</link>
      <guid isPermaLink="true">${xmlText(item.url)}</guid>
      <pubDate>${rfc822(item.publishedAt)}</pubDate>
      <description>${xmlText(item.summary)}</description>${item.category ? `\n      <category>${xmlText(item.category)}</category>` : ""}
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xmlText(feed.title)}</title>
    <link>${xmlText(feed.pageUrl)}</link>
    <atom:link href="${xmlText(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
    <description>${xmlText(feed.description)}</description>
    <language>vi</language>
    <lastBuildDate>${rfc822(feed.updatedAt)}</lastBuildDate>
${entries.join("\n")}
  </channel>
</rss>
`;
}

export function renderAtom(feed: FeedInfo, items: FeedItem[]): string {
  const entries = items.map(
    (item) => `  <entry>
    <title>${xmlText(item.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(item.url)}"/>
    <id>${xmlText(item.url)}</id>
    <published>${item.publishedAt}</published>
    <updated>${item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt}</updated>
    <author><name>${xmlText(item.author)}</name></author>
    <summary>${xmlText(item.summary)}</summary>${item.category ? `\n    <category term="${xmlText(item.category)}"/>` : ""}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title>${xmlText(feed.title)}</title>
  <subtitle>${xmlText(feed.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>
  <id>${xmlText(feed.selfUrl)}</id>
  <updated>${feed.updatedAt}</updated>
${entries.join("\n")}
</feed>
`;
}

export interface SitemapEntry {
  url: string;
  /** ISO-8601; written as given. */
  lastModified?: string;
}

export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `  <url><loc>${xmlText(e.url)}</loc>${e.lastModified ? `<lastmod>${xmlText(e.lastModified)}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}
</urlset>
`;
}

/** Pages of a sitemap index, when one sitemap would pass the protocol's 50.000 addresses. */
export function renderSitemapIndex(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <sitemap><loc>${xmlText(u)}</loc></sitemap>`).join("\n")}
</sitemapindex>
`;
}
