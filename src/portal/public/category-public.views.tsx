import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { pageMeta } from "../../core/http/request.js";
import { type PageMeta, PublicLayout } from "../../core/views/layout.js";
import { type ArticlePage, listArticlePage } from "../articles/reader-visibility.rules.js";
import { FeedLinks } from "./article-head.views.js";
import { type CategoryRef, findCategoryBySlug } from "./public.repo.js";
import { ArticleCards, categoryHref, Pagination } from "./public-components.views.js";
import { servePublicPage } from "./public-page-cache.js";
import { parsePage } from "./public-params.js";

/** `/chuyen-muc/:slug?trang=N`: a category's articles, newest first, ten a page, with its feeds. */

function CategoryPage({
  meta,
  category,
  list,
}: {
  meta: PageMeta;
  category: CategoryRef;
  list: ArticlePage;
}) {
  const feed = `/chuyen-muc/${encodeURIComponent(category.slug)}`;
  return (
    <PublicLayout meta={meta}>
      <nav aria-label="Vị trí" class="breadcrumb">
        <p class="muted">
          <a href="/">Trang chủ</a> › <span aria-current="page">{category.name}</span>
        </p>
      </nav>
      <h1>{category.name}</h1>
      {list.items.length === 0 ? (
        <p class="empty-state">Chuyên mục chưa có bài viết nào.</p>
      ) : (
        <ArticleCards items={list.items} />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefOf={(page) => categoryHref(category.slug, page)}
      />
      <p class="muted">
        Theo dõi chuyên mục: <a href={`${feed}/rss.xml`}>RSS</a> · <a href={`${feed}/atom.xml`}>Atom</a>
      </p>
    </PublicLayout>
  );
}

export function registerCategoryPages(app: OpenAPIHono<AppEnv>): void {
  app.get("/chuyen-muc/:slug", (c) =>
    servePublicPage(c, async () => {
      const { database, now } = c.var.ctx;
      const category = await findCategoryBySlug(database.db, c.req.param("slug"));
      if (!category) throw new NotFoundError("Chuyên mục không tồn tại.");
      const page = parsePage(c.req.query("trang"));
      const list = await listArticlePage(database.db, now(), page, { categoryId: category.id });
      if (page > list.pageCount) throw new NotFoundError("Trang này không tồn tại.");
      const title = page > 1 ? `${category.name} – trang ${page}` : category.name;
      return () => {
        const meta = pageMeta(c, title, {
          description: `Tin bài chuyên mục ${category.name}.`,
          head: <FeedLinks categorySlug={category.slug} categoryName={category.name} />,
        });
        return <CategoryPage meta={meta} category={category} list={list} />;
      };
    }),
  );
}
