import type { ArticleSummary } from "../articles/articles.repo.js";
import { ArticleLinks } from "./public-components.views.js";

/** What follows an article on its page: print and save, share links, related news. */

export function printHref(slug: string): string {
  return `/tin-tuc/${encodeURIComponent(slug)}/in`;
}

/**
 * Print and save, as the portal decree asks of every article. Plain links: the print view is a clean
 * A4 page (the browser prints or saves it as PDF), the download is that page as an HTML file.
 */
export function PrintLinks({ slug }: { slug: string }) {
  return (
    <ul class="plain-list article-tools">
      <li>
        <a href={printHref(slug)}>In bài viết</a>
      </li>
      <li>
        <a href={`${printHref(slug)}?tai-ve=1`} download>
          Lưu bài viết (tệp HTML)
        </a>
      </li>
    </ul>
  );
}

/**
 * Share links that work without scripts: each service's public share address with the article's
 * canonical URL, plus the URL itself in a read-only field to copy into Zalo or anywhere else.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const links = [
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    {
      label: "X (Twitter)",
      href: `https://twitter.com/intent/tweet?url=${u}&text=${encodeURIComponent(title)}`,
    },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    {
      label: "Thư điện tử",
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`,
    },
  ];
  return (
    <section class="article-share" aria-labelledby="chia-se">
      <h2 id="chia-se">Chia sẻ bài viết</h2>
      <ul class="plain-list article-tools">
        {links.map((l) => (
          <li>
            <a
              href={l.href}
              rel="noopener noreferrer"
              target={l.href.startsWith("mailto:") ? undefined : "_blank"}
            >
              {l.label}
              {l.href.startsWith("mailto:") ? null : <span class="visually-hidden"> (mở cửa sổ mới)</span>}
            </a>
          </li>
        ))}
      </ul>
      <div class="field">
        <label for="duong-dan-bai">Đường dẫn bài viết (sao chép để gửi qua Zalo, tin nhắn…)</label>
        <input id="duong-dan-bai" type="url" value={url} readonly />
      </div>
    </section>
  );
}

export function RelatedArticles({ items }: { items: ArticleSummary[] }) {
  if (items.length === 0) return null;
  return (
    <section class="related-articles" aria-labelledby="tin-lien-quan">
      <h2 id="tin-lien-quan">Tin liên quan</h2>
      <ArticleLinks items={items} />
    </section>
  );
}
