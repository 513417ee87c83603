import type { OpenAPIHono } from "@hono/zod-openapi";
import { formatViNumber } from "../../core/format/vi-number.js";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import type { PageVisit, Template } from "../../core/http/page-cache.js";
import { type AppCtx, clientIp, pageMeta } from "../../core/http/request.js";
import {
  articleLinksForReaders,
  getPublishedArticle,
  listLatestArticles,
  loadHomeSections,
  relatedArticles,
} from "../articles/reader-visibility.rules.js";
import { ArticleHead, FeedLinks } from "./article-head.views.js";
import { ArticlePrintPage } from "./article-print.views.js";
import { ArticleView, HomePage } from "./articles-public.views.js";
import { withoutRepeats } from "./home-sections.rules.js";
import { mostReadBox } from "./most-read.service.js";
import type { PortalExtensions } from "./portal-sections.extension.js";
import { registerPublicPortalRoutes } from "./public.routes.js";
import { articleHref } from "./public-components.views.js";
import {
  anonymousPageKey,
  renderTemplate,
  respondWithTemplate,
  servePublicPage,
  VIEWS_HOLE,
} from "./public-page-cache.js";
import { parsePage } from "./public-params.js";
import { findVisitorRating, listRaters } from "./ratings.repo.js";
import { ratingVisitorOf } from "./ratings.routes.js";
import { ratingVisitorKey } from "./ratings.rules.js";
import { ratingsOf } from "./ratings.service.js";
import { RATING_NOTICES } from "./ratings.views.js";
import type { ViewCounter } from "./view-counter.js";

/** How many titles the "most read" box beside the news lists. */
const MOST_READ_BOX = 5;

function canonicalOf(c: AppCtx, slug: string): string {
  return new URL(articleHref(slug), c.var.ctx.config.publicBaseUrl).toString();
}

/**
 * The article page as a template: the view count and the CSRF token are holes (public-page-cache.ts).
 * Not cacheable when the visitor already rated: the rating form then shows their choice.
 */
async function renderArticlePage(c: AppCtx, visitor: string, extensions: PortalExtensions) {
  const { database, now, config } = c.var.ctx;
  const article = await getPublishedArticle(database.db, c.req.param("slug") ?? "", now());
  const links = await articleLinksForReaders(database.db, article.id);
  const linkedUnitIds = links.units.map((u) => u.id);
  const [related, ratings, mostRead, sessionLinks] = await Promise.all([
    relatedArticles(database.db, article, linkedUnitIds, now()),
    ratingsOf(database.db, article.id, visitor),
    mostReadBox(database.db, now(), MOST_READ_BOX),
    extensions.sessionLinks(
      database.db,
      links.sessions.map((s) => s.id),
    ),
  ]);
  const extras = {
    canonicalUrl: canonicalOf(c, article.slug),
    links,
    sessionLinks,
    related,
    ratings: { ...ratings, notice: RATING_NOTICES[c.req.query("danh-gia") ?? ""] },
    mostRead,
  };
  const template = await renderTemplate(c, () => {
    const meta = pageMeta(c, article.title, {
      description: article.lead ?? undefined,
      head: <ArticleHead article={article} baseUrl={config.publicBaseUrl} siteName={config.siteName} />,
    });
    return <ArticleView meta={meta} article={article} views={VIEWS_HOLE} extras={extras} />;
  });
  return { articleId: article.id, storedViews: article.views, template, cacheable: ratings.mine === null };
}

/** Beyond this many raters, the cached article page asks the database about each visitor instead. */
const MAX_CACHED_RATERS = 500;

/**
 * What a cached article page needs at each visit besides its template. The stored view count is
 * current: view flushes and ratings drop the cache (server.ts, request-pipeline.ts).
 */
interface ArticlePageFacts {
  articleId: number;
  storedViews: number;
  /** Visitor keys of those who rated, or null when there are too many to keep. */
  raters: Set<string> | null;
}

/** Whether this visitor rated the cached article; the key is only worked out when someone has. */
async function hasRated(c: AppCtx, facts: ArticlePageFacts): Promise<boolean> {
  if (facts.raters === null) {
    return (await findVisitorRating(c.var.ctx.database.db, facts.articleId, ratingVisitorOf(c))) !== null;
  }
  return facts.raters.size > 0 && facts.raters.has(ratingVisitorOf(c));
}

/**
 * The same visit as the route's below, for the fast path (core/http/fast-path.ts): counts the view
 * and fills the count, or hands the visit to the route when it needs the database (many raters) or
 * the visitor rated (their page shows their choice).
 */
function articleVisit(facts: ArticlePageFacts, viewCounter: ViewCounter, secret: string) {
  // The count changes far less often than it is shown: printed again only when it moved.
  let shown = { views: -1, text: "" };
  return (visit: PageVisit): Record<string, string> | null => {
    if (facts.raters === null) return null;
    if (facts.raters.size > 0 && facts.raters.has(ratingVisitorKey(secret, visit.clientIp))) return null;
    const views = facts.storedViews + viewCounter.pending(facts.articleId);
    viewCounter.record(facts.articleId, visit.clientIp, visit.userAgent);
    if (views !== shown.views) shown = { views, text: formatViNumber(views) };
    return { views: shown.text };
  };
}

/** The home and article pages, and (through `registerPublicPortalRoutes`) the rest of the public portal. */
export function registerPublicArticleRoutes(app: OpenAPIHono<AppEnv>, extensions: PortalExtensions): void {
  registerPublicPortalRoutes(app, extensions);

  app.get("/", (c) =>
    servePublicPage(c, async () => {
      const { database, now } = c.var.ctx;
      const page = parsePage(c.req.query("trang"));
      const list = await listLatestArticles(database.db, now(), page);
      if (page > list.pageCount) throw new NotFoundError("Trang tin này không tồn tại.");
      const [sections, mostRead] =
        page === 1
          ? await Promise.all([
              loadHomeSections(database.db, now()).then((sections) => withoutRepeats(list.items, sections)),
              mostReadBox(database.db, now(), MOST_READ_BOX),
            ])
          : [null, { period: "tuan" as const, rows: [] }];
      const title = page > 1 ? `Tin mới nhất – trang ${page}` : "Tin mới nhất";
      return () => {
        const meta = pageMeta(c, title, { head: <FeedLinks /> });
        return <HomePage meta={meta} list={list} sections={sections} mostRead={mostRead} />;
      };
    }),
  );

  app.get("/tin-tuc/:slug", async (c) => {
    const { database, viewCounter, pageCache } = c.var.ctx;
    const key = anonymousPageKey(c);
    let cached = key ? pageCache.get<ArticlePageFacts>(key) : undefined;
    // A visitor who rated sees their own choice: their page is rendered for them alone.
    if (cached && (await hasRated(c, cached.facts))) cached = undefined;
    let articleId: number;
    let storedViews: number;
    let template: Template;
    if (cached) {
      ({ articleId, storedViews } = cached.facts);
      template = cached.template;
    } else {
      const rendered = await renderArticlePage(c, ratingVisitorOf(c), extensions);
      ({ articleId, storedViews, template } = rendered);
      if (key && rendered.cacheable) {
        const raters = await listRaters(database.db, articleId, MAX_CACHED_RATERS);
        const facts = { articleId, storedViews, raters: raters && new Set(raters) };
        pageCache.set<ArticlePageFacts>(key, {
          template,
          facts,
          onVisit: articleVisit(facts, viewCounter, c.var.ctx.config.sessionSecret),
        });
      }
    }
    // The count shown is the one before this visit, so a reader's first visit shows the known
    // figure (129 on the reference article) and their next visit shows their own view counted.
    const views = storedViews + viewCounter.pending(articleId);
    // HEAD requests (link checkers, previews) are not readers.
    if (c.req.method === "GET") viewCounter.record(articleId, clientIp(c), c.req.header("user-agent"));
    return respondWithTemplate(c, template, { views: formatViNumber(views) });
  });

  app.get("/tin-tuc/:slug/in", async (c) => {
    const { database, now, viewCounter, config } = c.var.ctx;
    const article = await getPublishedArticle(database.db, c.req.param("slug"), now());
    const download = c.req.query("tai-ve") === "1";
    if (download) c.header("Content-Disposition", `attachment; filename="${article.slug}.html"`);
    return c.html(
      <ArticlePrintPage
        article={article}
        views={article.views + viewCounter.pending(article.id)}
        siteName={config.siteName}
        canonicalUrl={canonicalOf(c, article.slug)}
        printedAt={now()}
        baseHref={download ? config.publicBaseUrl.origin : undefined}
      />,
    );
  });
}
