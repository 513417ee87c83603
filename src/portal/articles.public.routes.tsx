import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { NotFoundError } from "../core/http/errors.js";
import { clientIp, pageMeta } from "../core/http/request.js";
import { ArticleHead, ArticleView, HomePage } from "./articles.public.js";
import { getPublishedArticle, listLatestArticles } from "./articles.reading.js";
import { registerPublicPortalRoutes } from "./public.routes.js";

/** `?trang=N` (1 when absent); anything else is a page that does not exist. */
function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

/** The home and article pages, and (through `registerPublicPortalRoutes`) the rest of the public portal. */
export function registerPublicArticleRoutes(app: OpenAPIHono<AppEnv>): void {
  registerPublicPortalRoutes(app);
  app.get("/", async (c) => {
    const { database, now } = c.var.ctx;
    const page = parsePage(c.req.query("trang"));
    const list = await listLatestArticles(database.db, now(), page);
    if (page > list.pageCount) throw new NotFoundError("Trang tin này không tồn tại.");
    const title = page > 1 ? `Tin mới nhất – trang ${page}` : "Tin mới nhất";
    return c.html(<HomePage meta={pageMeta(c, title)} list={list} />);
  });

  app.get("/tin-tuc/:slug", async (c) => {
    const { database, now, viewCounter, config } = c.var.ctx;
    const article = await getPublishedArticle(database.db, c.req.param("slug"), now());
    // The count shown is the one before this visit, so a reader's first visit shows the known
    // figure (129 on the reference article) and their next visit shows their own view counted.
    const views = article.views + viewCounter.pending(article.id);
    // HEAD requests (link checkers, previews) are not readers.
    if (c.req.method === "GET") viewCounter.record(article.id, clientIp(c), c.req.header("user-agent"));
    const meta = pageMeta(c, article.title, {
      description: article.lead ?? undefined,
      head: <ArticleHead article={article} baseUrl={config.publicBaseUrl} siteName={config.siteName} />,
    });
    return c.html(<ArticleView meta={meta} article={article} views={views} />);
  });
}
