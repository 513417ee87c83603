import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  type FeedInfo,
  renderAtom,
  renderRss,
  renderSitemap,
  renderSitemapIndex,
  type SitemapEntry,
} from "../../core/feeds/feeds.xml.js";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { type AppCtx, todayOf } from "../../core/http/request.js";
import { listUnitsWithOpenData } from "../open-data/open-data.repo.js";
import { openDataHref } from "../open-data/open-data.views.js";
import { findCategoryBySlug, listPublicCategories } from "../public/public.repo.js";
import { articleHref, categoryHref } from "../public/public-components.views.js";
import { unitPortalHref } from "../public/unit-portal.views.js";
import { htmlToText } from "../search/search-text.rules.js";
import {
  countSitemapArticles,
  listFeedArticles,
  listSitemapArticles,
  listSitemapUnits,
} from "./feeds.repo.js";

/**
 * Feeds (RSS and Atom, for the whole site and per category), sitemap.xml and robots.txt. Public and
 * the same for everyone, so shared caches may keep them for five minutes.
 */

const FEED_SIZE = 20;
const SUMMARY_LENGTH = 300;
/** Addresses per sitemap file (the protocol allows 50.000; smaller files are kinder to crawlers). */
export const SITEMAP_PAGE_SIZE = 10_000;

/** The later of two ISO instants (string comparison: same fixed format). */
function laterOf(a: string, b: string): string {
  return [a, b].sort()[1] as string;
}

function absolute(c: AppCtx, path: string): string {
  return new URL(path, c.var.ctx.config.publicBaseUrl).toString();
}

function send(c: AppCtx, body: string, type: string) {
  c.header("Cache-Control", "public, max-age=300");
  return c.body(body, 200, { "Content-Type": `${type}; charset=utf-8` });
}

function summaryOf(lead: string | null, bodyHtml: string): string {
  const text = lead ?? htmlToText(bodyHtml).replace(/\s+/g, " ");
  return text.length <= SUMMARY_LENGTH ? text : `${text.slice(0, text.lastIndexOf(" ", SUMMARY_LENGTH))}…`;
}

async function feedOf(c: AppCtx, format: "rss" | "atom", categorySlug?: string) {
  const { database, now, config } = c.var.ctx;
  const category = categorySlug ? await findCategoryBySlug(database.db, categorySlug) : undefined;
  if (categorySlug && !category) throw new NotFoundError("Chuyên mục không tồn tại.");
  const articles = await listFeedArticles(database.db, {
    nowIso: now().toISOString(),
    limit: FEED_SIZE,
    ...(category ? { categoryId: category.id } : {}),
  });
  const pagePath = category ? categoryHref(category.slug) : "/";
  const info: FeedInfo = {
    title: category ? `${category.name} | ${config.siteName}` : `Tin mới nhất | ${config.siteName}`,
    pageUrl: absolute(c, pagePath),
    selfUrl: absolute(c, c.req.path),
    description: category ? `Tin bài chuyên mục ${category.name}` : `Tin mới nhất của ${config.siteName}`,
    updatedAt: articles.reduce(
      (max, a) => laterOf(max, a.updatedAt),
      articles[0]?.publishedAt ?? now().toISOString(),
    ),
  };
  const items = articles.map((a) => ({
    title: a.title,
    url: absolute(c, articleHref(a.slug)),
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    summary: summaryOf(a.lead, a.bodyHtml),
    category: a.categoryName,
    author: a.unitName,
  }));
  return format === "rss"
    ? send(c, renderRss(info, items), "application/rss+xml")
    : send(c, renderAtom(info, items), "application/atom+xml");
}

async function staticEntries(c: AppCtx): Promise<SitemapEntry[]> {
  const db = c.var.ctx.database.db;
  const [categories, units, withData] = await Promise.all([
    listPublicCategories(db),
    listSitemapUnits(db, todayOf(c)),
    listUnitsWithOpenData(db),
  ]);
  return [
    { url: absolute(c, "/") },
    { url: absolute(c, "/doc-nhieu-nhat") },
    { url: absolute(c, "/don-vi") },
    ...categories.map((cat) => ({ url: absolute(c, categoryHref(cat.slug)) })),
    ...units.flatMap((u) => [
      { url: absolute(c, `/don-vi/${u.id}`) },
      { url: absolute(c, unitPortalHref(u.id)) },
    ]),
    // Open data of former units too: their figures stay published after a merger.
    ...withData.map((id) => ({ url: absolute(c, openDataHref(id)) })),
  ];
}

export function registerFeedRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/rss.xml", (c) => feedOf(c, "rss"));
  app.get("/atom.xml", (c) => feedOf(c, "atom"));
  app.get("/chuyen-muc/:slug/rss.xml", (c) => feedOf(c, "rss", c.req.param("slug")));
  app.get("/chuyen-muc/:slug/atom.xml", (c) => feedOf(c, "atom", c.req.param("slug")));

  /** One file while the site is small; a sitemap index over numbered files once it is not. */
  app.get("/sitemap.xml", async (c) => {
    const nowIso = c.var.ctx.now().toISOString();
    const db = c.var.ctx.database.db;
    const total = await countSitemapArticles(db, nowIso);
    if (total > SITEMAP_PAGE_SIZE) {
      const pages = Math.ceil(total / SITEMAP_PAGE_SIZE);
      const urls = [absolute(c, "/sitemap-trang.xml")];
      for (let p = 1; p <= pages; p++) urls.push(absolute(c, `/sitemap-tin-tuc-${p}.xml`));
      return send(c, renderSitemapIndex(urls), "application/xml");
    }
    const articles = await listSitemapArticles(db, { nowIso, limit: SITEMAP_PAGE_SIZE, offset: 0 });
    const entries = [
      ...(await staticEntries(c)),
      ...articles.map((a) => ({
        url: absolute(c, articleHref(a.slug)),
        lastModified: laterOf(a.updatedAt, a.publishedAt),
      })),
    ];
    return send(c, renderSitemap(entries), "application/xml");
  });
  app.get("/sitemap-trang.xml", async (c) =>
    send(c, renderSitemap(await staticEntries(c)), "application/xml"),
  );
  app.get("/:file{sitemap-tin-tuc-[1-9][0-9]{0,4}\\.xml}", async (c) => {
    const page = Number(c.req.param("file").replace(/\D/g, ""));
    const articles = await listSitemapArticles(c.var.ctx.database.db, {
      nowIso: c.var.ctx.now().toISOString(),
      limit: SITEMAP_PAGE_SIZE,
      offset: (page - 1) * SITEMAP_PAGE_SIZE,
    });
    if (articles.length === 0) throw new NotFoundError();
    const entries = articles.map((a) => ({
      url: absolute(c, articleHref(a.slug)),
      lastModified: laterOf(a.updatedAt, a.publishedAt),
    }));
    return send(c, renderSitemap(entries), "application/xml");
  });

  app.get("/robots.txt", (c) =>
    send(
      c,
      [
        "User-agent: *",
        "Disallow: /quan-tri",
        "Disallow: /dang-nhap",
        "Disallow: /tim-kiem",
        "Disallow: /api/",
        "Disallow: /tin-tuc/*/in",
        "",
        `Sitemap: ${absolute(c, "/sitemap.xml")}`,
        "",
      ].join("\n"),
      "text/plain",
    ),
  );
}
