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
 * Sharing, as Vietnamese readers share: the phone's own share sheet (Web Share API, which lists Zalo)
 * and a copy-link button, both shown by /static/share.js where they work; links to Facebook and to
 * Zalo's web share page, by e-mail, and the address itself to copy, which work without scripts.
 */
export function ShareLinks({
  url,
  title,
  heading = "Chia sẻ bài viết",
}: {
  url: string;
  title: string;
  heading?: string;
}) {
  const u = encodeURIComponent(url);
  const links = [
    { label: "Zalo", href: `https://sp.zalo.me/share_to_zalo?url=${u}&title=${encodeURIComponent(title)}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    {
      label: "Thư điện tử",
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`,
    },
  ];
  return (
    <section
      class="article-share"
      aria-labelledby="chia-se"
      data-share=""
      data-share-url={url}
      data-share-title={title}
    >
      <h2 id="chia-se">{heading}</h2>
      <p class="share-buttons">
        <button type="button" class="button primary" data-share-native="" hidden>
          Chia sẻ…
        </button>
        <button type="button" class="button secondary" data-share-copy="" hidden>
          Chép đường dẫn
        </button>
      </p>
      <p class="hint" role="status" data-share-status="" />
      <ul class="plain-list article-tools">
        {links.map((l) => (
          <li>
            <a
              href={l.href}
              rel="noopener noreferrer"
              target={l.href.startsWith("mailto:") ? undefined : "_blank"}
            >
              {l.label === "Thư điện tử" ? l.label : `Chia sẻ qua ${l.label}`}
              {l.href.startsWith("mailto:") ? null : <span class="visually-hidden"> (mở cửa sổ mới)</span>}
            </a>
          </li>
        ))}
      </ul>
      <div class="field">
        <label for="duong-dan-bai">Đường dẫn (sao chép để gửi qua Zalo, tin nhắn…)</label>
        <input id="duong-dan-bai" type="url" value={url} readonly />
      </div>
      <script src="/static/share.js" defer />
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
