import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { isIsoDate } from "../../core/format/vi-date.js";
import { access, ErrorSchema } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { PickerScript } from "../../core/views/picker.js";
import { servePublicPage } from "../public/public-page-cache.js";
import { findCategoryIdBySlug, listSearchFacets } from "./search.repo.js";
import { MAX_SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, searchArticles } from "./search.service.js";
import { type SearchForm, type SearchFormErrors, SearchPage } from "./search.views.js";

/** `/tim-kiem` (the search page) and `GET /api/v1/search` (the same search as JSON). */

const BAD_DATE = "Ngày không hợp lệ; hãy chọn một ngày có thật (ví dụ 02/01/2020).";
const DATE_ORDER = "“Đến ngày” phải sau hoặc bằng “Từ ngày”.";
const UNKNOWN_CATEGORY = "Chuyên mục không tồn tại.";
const BAD_UNIT = "Đơn vị không hợp lệ.";

const dateParam = z
  .string()
  .refine(isIsoDate, BAD_DATE)
  .optional()
  .openapi({ example: "2020-01-02", description: "A day in Vietnam, YYYY-MM-DD; both ends included." });

const SearchQuery = z
  .object({
    q: z.string().max(1000).default("").openapi({
      example: "thuong thanh",
      description:
        'Keywords, with or without accents (đ matches d). "Quoted words" and two-syllable words match as phrases.',
    }),
    category: z
      .string()
      .max(200)
      .optional()
      .openapi({ example: "tin-tuc-su-kien", description: "Category slug." }),
    unitId: dbIdParamSchema().optional().openapi({ example: 3 }),
    from: dateParam,
    to: dateParam,
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).default(SEARCH_PAGE_SIZE),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: DATE_ORDER, path: ["to"] });

const SearchHitSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    snippet: z.string().openapi({
      description: "HTML: an extract with the text escaped and the matched words in <mark>.",
      example: "…Ban Thường vụ Quận ủy làm việc với Phường <mark>Thượng Thanh</mark> về kết quả…",
    }),
    publishedAt: z.string().openapi({ example: "2020-01-02T14:49:00.000Z" }),
  })
  .openapi("SearchHit");

const searchRoute = createRoute({
  method: "get",
  path: "/api/v1/search",
  operationId: "searchArticles",
  ...access(
    "public",
    "Anyone: published articles only.",
    "Accent-insensitive Vietnamese search over titles, leads, bodies and photo captions. Matches with the query's own accents rank first, then title matches, then the newest. Operators and punctuation are read as text, never as syntax.",
  ),
  tags: ["Articles"],
  summary: "Search published articles",
  request: { query: SearchQuery },
  responses: {
    200: {
      description: "Matching articles, best first.",
      content: {
        "application/json": {
          schema: z.object({
            data: z.array(SearchHitSchema),
            meta: z.object({
              total: z.number().int().openapi({ description: "Matches, at most 1000." }),
              more: z.boolean().openapi({ description: "True when more than 1000 articles match." }),
              page: z.number().int(),
              pageCount: z.number().int(),
            }),
          }),
        },
      },
    },
    422: {
      description:
        "Bad parameter (field paths such as `query.from`, or `query.category` for an unknown category).",
      content: { "application/json": { schema: ErrorSchema } },
    },
  },
});

/** Reads the page's query string; filters that do not make sense get a message, not a failure. */
async function readForm(
  c: AppCtx,
): Promise<{ form: SearchForm; errors: SearchFormErrors; categoryId: number | null; page: number }> {
  const get = (key: string) => (c.req.query(key) ?? "").trim();
  const form: SearchForm = {
    q: (c.req.query("q") ?? "").slice(0, 1000),
    category: get("chuyen-muc"),
    unit: get("don-vi"),
    from: get("tu-ngay"),
    to: get("den-ngay"),
  };
  const errors: SearchFormErrors = {};
  let categoryId: number | null = null;
  if (form.category) {
    categoryId = (await findCategoryIdBySlug(c.var.ctx.database.db, form.category)) ?? null;
    if (categoryId === null) errors.category = UNKNOWN_CATEGORY;
  }
  if (form.unit && idParam(form.unit) === null) errors.unit = BAD_UNIT;
  if (form.from && !isIsoDate(form.from)) errors.from = BAD_DATE;
  if (form.to && !isIsoDate(form.to)) errors.to = BAD_DATE;
  if (!errors.from && !errors.to && form.from && form.to && form.from > form.to) errors.to = DATE_ORDER;
  const rawPage = get("trang");
  const page = /^[1-9]\d{0,4}$/.test(rawPage) ? Number(rawPage) : 1;
  return { form, errors, categoryId, page };
}

export function registerSearchRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/tim-kiem", async (c) => {
    const { database, now } = c.var.ctx;
    const { form, errors, categoryId, page } = await readForm(c);
    const title = form.q.trim() ? `Tìm kiếm: ${form.q.trim()}` : "Tìm kiếm";
    const metaOf = () =>
      pageMeta(c, title, {
        head: (
          <>
            <meta name="robots" content="noindex, follow" />
            <PickerScript />
          </>
        ),
      });
    if (Object.keys(errors).length > 0) {
      const facets = await listSearchFacets(database.db);
      return c.html(
        <SearchPage meta={metaOf()} form={form} facets={facets} errors={errors} outcome={null} />,
        422,
      );
    }
    // The same words ask the same of everyone: a popular search is answered from the page cache.
    return servePublicPage(c, async () => {
      const asked = c.req.query("q") !== undefined;
      const [facets, outcome] = await Promise.all([
        listSearchFacets(database.db),
        asked
          ? searchArticles(
              database.db,
              {
                q: form.q,
                categoryId,
                unitId: form.unit ? Number(form.unit) : null,
                from: form.from || null,
                to: form.to || null,
                page,
              },
              now(),
            )
          : null,
      ]);
      return () => (
        <SearchPage meta={metaOf()} form={form} facets={facets} errors={errors} outcome={outcome} />
      );
    });
  });

  app.openapi(searchRoute, async (c) => {
    const query = c.req.valid("query");
    const { database, now } = c.var.ctx;
    let categoryId: number | null = null;
    if (query.category) {
      categoryId = (await findCategoryIdBySlug(database.db, query.category)) ?? null;
      if (categoryId === null) throw new ValidationError({ "query.category": UNKNOWN_CATEGORY });
    }
    const outcome = await searchArticles(
      database.db,
      {
        q: query.q,
        categoryId,
        unitId: query.unitId ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
        page: query.page,
        pageSize: query.limit,
      },
      now(),
    );
    return c.json(
      {
        data: outcome.items.map((i) => ({
          slug: i.slug,
          title: i.title,
          snippet: i.snippet,
          publishedAt: i.publishedAt,
        })),
        meta: { total: outcome.total, more: outcome.more, page: outcome.page, pageCount: outcome.pageCount },
      },
      200,
    );
  });
}
