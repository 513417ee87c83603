import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { actorOf } from "../../core/http/actor.js";
import { access, errorResponse } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { ConflictError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import type { AppCtx } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { articleStoreOf } from "./article-store.js";
import { registerWorkflowApi } from "./article-workflow.api.js";
import type { ArticleStatus } from "./article-workflow.rules.js";
import { transitionArticle } from "./article-workflow.service.js";
import {
  type ArticleDetailRow,
  type ArticleImageRow,
  findArticleById,
  findArticleDetailById,
  listImagesOfArticles,
} from "./articles.repo.js";
import {
  ArticleDetailSchema,
  ArticleListQuery,
  ArticlePatchBody,
  ArticleSummarySchema,
  ArticleWriteBody,
  MESSAGES,
} from "./articles.schema.js";
import { type ArticleInput, createArticle, type SaveIntent, updateArticle } from "./articles.service.js";
import { withBodyPaths } from "./articles-api.schema.js";
import { getPublishedArticle, latestSummaries, mediaPath } from "./reader-visibility.rules.js";
import { listTagsOfArticles } from "./tags.repo.js";
import { type ParsedTag, parseTags } from "./tags.rules.js";

/** `/api/v1/articles`: the portal's articles as JSON, documented in the OpenAPI document. */

export type { ArticleDetail };

type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/articles",
  operationId: "listArticles",
  ...access("public", "Anyone: published articles only."),
  tags: ["Articles"],
  summary: "Newest published articles",
  request: { query: ArticleListQuery },
  responses: {
    200: {
      description: "Published articles, newest first.",
      content: { "application/json": { schema: z.object({ data: z.array(ArticleSummarySchema) }) } },
    },
    422: errorResponse("Bad query parameter (field path `query.limit`)."),
  },
});

const detailRoute = createRoute({
  method: "get",
  // One path with PATCH (by id): OpenAPI forbids two paths that differ only in a parameter's name.
  // Named `id` for both, so that PATCH's error fields stay `param.id`; here it holds the slug.
  path: "/api/v1/articles/{id}",
  operationId: "getArticle",
  ...access("public", "Anyone: published articles only."),
  tags: ["Articles"],
  summary: "One published article",
  request: {
    params: z.object({
      id: z.string().openapi({
        param: { name: "id", in: "path", description: "The article's slug." },
        example: "ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh",
      }),
    }),
  },
  responses: {
    200: {
      description: "The article.",
      content: { "application/json": { schema: z.object({ data: ArticleDetailSchema }) } },
    },
    404: errorResponse("No published article has this slug."),
  },
});

const writeResponses = {
  401: errorResponse("Not signed in, or the API token is invalid."),
  403: errorResponse("The caller may not do this for this unit (or the CSRF header is missing)."),
  409: errorResponse("The slug is taken (field `body.slug`)."),
  422: errorResponse("Invalid fields, with their paths (`body.title`…)."),
};

const createRouteDef = createRoute({
  method: "post",
  path: "/api/v1/articles",
  operationId: "createArticle",
  ...access(
    "write",
    "`article.create`: editor or writer of the unit; `status: published` needs `article.publish` (editor).",
    "Writers may create drafts in their units; `status: published` needs the editor role. Audited.",
  ),
  tags: ["Articles"],
  summary: "Create an article",
  request: { body: { required: true, content: { "application/json": { schema: ArticleWriteBody } } } },
  responses: {
    201: {
      description: "Created.",
      content: { "application/json": { schema: z.object({ data: ArticleDetailSchema }) } },
    },
    ...writeResponses,
  },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/api/v1/articles/{id}",
  operationId: "updateArticle",
  ...access(
    "write",
    "`article.update`: editor, or writer for their own drafts; publishing and unpublishing need `article.publish` (editor).",
    "Only the fields given change. Writers may change only their own drafts; publishing and unpublishing need the editor role. Audited.",
  ),
  tags: ["Articles"],
  summary: "Change an article",
  request: {
    params: z.object({
      id: dbIdParamSchema().openapi({
        param: { name: "id", in: "path", description: "The article's id." },
        example: 1,
      }),
    }),
    body: { required: true, content: { "application/json": { schema: ArticlePatchBody } } },
  },
  responses: {
    200: {
      description: "Changed.",
      content: { "application/json": { schema: z.object({ data: ArticleDetailSchema }) } },
    },
    404: errorResponse("No such article."),
    ...writeResponses,
  },
});

function toDetail(
  c: AppCtx,
  article: ArticleDetailRow,
  images: ArticleImageRow[],
  tags: string[],
): ArticleDetail {
  const base = c.var.ctx.config.publicBaseUrl;
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    lead: article.lead,
    bodyHtml: article.bodyHtml,
    status: article.status,
    publishedAt: article.publishedAt,
    tags,
    views: article.views + c.var.ctx.viewCounter.pending(article.id),
    category:
      article.categoryId !== null && article.categoryName !== null && article.categorySlug !== null
        ? { id: article.categoryId, slug: article.categorySlug, name: article.categoryName }
        : null,
    unit: { id: article.unitId, name: article.unitName },
    images: images.map((i) => ({
      url: new URL(mediaPath(i.storageKey), base).toString(),
      caption: i.caption,
      alt: i.altText,
    })),
  };
}

async function detailById(c: AppCtx, db: Kysely<DB>, id: number): Promise<ArticleDetail> {
  const article = await findArticleDetailById(db, id);
  if (!article) throw new NotFoundError("Không tìm thấy bài viết.");
  return toDetail(c, article, await listImagesOfArticles(db, [id]), await tagNames(db, id));
}

async function tagNames(db: Kysely<DB>, id: number): Promise<string[]> {
  return ((await listTagsOfArticles(db, [id])).get(id) ?? []).map((t) => t.name);
}

/** What a requested status asks for: the save intent, and whether to unpublish after it. */
const INTENT_OF_STATUS: Record<"draft" | "submitted" | "published", SaveIntent> = {
  draft: "save",
  submitted: "submit",
  published: "publish",
};

/**
 * PATCH's `status` as a step of the workflow. "published" on an article already published (or
 * scheduled) just saves, so a client may send the whole object back; "draft" is only possible on a
 * draft (an editor returns an article with `POST …/review`, which needs a comment).
 */
function patchStep(
  current: ArticleStatus,
  requested: string | undefined,
): { intent: SaveIntent; unpublish: boolean } {
  if (requested === undefined) return { intent: "save", unpublish: false };
  if (requested === "unpublished") return { intent: "save", unpublish: true };
  if (requested === "published")
    return {
      intent: current === "published" || current === "scheduled" ? "save" : "publish",
      unpublish: false,
    };
  if (requested === "submitted")
    return { intent: current === "submitted" ? "save" : "submit", unpublish: false };
  if (current !== "draft")
    throw new ConflictError(MESSAGES.draftOnlyFromDraft, { "body.status": MESSAGES.draftOnlyFromDraft });
  return { intent: "save", unpublish: false };
}

function tagsOf(names: string[]): ParsedTag[] {
  const parsed = parseTags(names.join(","));
  if (parsed.error) throw new ValidationError({ "body.tags": parsed.error });
  return parsed.tags;
}

function publishedAtOf(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : new Date(value);
}

export function registerArticleApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { limit } = c.req.valid("query");
    const { database, now } = c.var.ctx;
    const rows = await latestSummaries(database.db, now(), limit);
    return c.json(
      {
        data: rows.map((r) => ({
          id: r.id,
          slug: r.slug,
          title: r.title,
          publishedAt: r.publishedAt,
          views: r.views + c.var.ctx.viewCounter.pending(r.id),
        })),
      },
      200,
    );
  });

  app.openapi(detailRoute, async (c) => {
    const { id: slug } = c.req.valid("param");
    const article = await getPublishedArticle(c.var.ctx.database.db, slug, c.var.ctx.now());
    const tags = await tagNames(c.var.ctx.database.db, article.id);
    return c.json({ data: toDetail(c, article, article.images, tags) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const caller = await actorOf(c);
    const body = c.req.valid("json");
    if (body.status === "unpublished")
      throw new ValidationError({ "body.status": "Bài mới chỉ có thể là draft, submitted hoặc published." });
    const input: ArticleInput = {
      title: body.title,
      slug: body.slug ?? null,
      lead: body.lead?.trim() ? body.lead.trim() : null,
      bodyHtml: body.bodyHtml,
      categoryId: body.categoryId ?? null,
      unitId: body.unitId,
      publishedAt: publishedAtOf(body.publishedAt) ?? null,
      tags: tagsOf(body.tags ?? []),
      sessionIds: body.sessionIds ?? [],
      linkedUnitIds: body.linkedUnitIds ?? [],
      intent: INTENT_OF_STATUS[body.status],
    };
    const id = await withBodyPaths(() => createArticle(articleStoreOf(c), caller, input));
    return c.json({ data: await detailById(c, c.var.ctx.database.db, id) }, 201);
  });

  app.openapi(patchRoute, async (c) => {
    const caller = await actorOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const db = c.var.ctx.database.db;
    const changes: Partial<ArticleInput> = {};
    if (body.title !== undefined) changes.title = body.title;
    if (body.slug !== undefined) changes.slug = body.slug;
    if (body.lead !== undefined) changes.lead = body.lead?.trim() ? body.lead.trim() : null;
    if (body.bodyHtml !== undefined) changes.bodyHtml = body.bodyHtml;
    if (body.categoryId !== undefined) changes.categoryId = body.categoryId;
    if (body.unitId !== undefined) changes.unitId = body.unitId;
    if (body.publishedAt !== undefined) changes.publishedAt = publishedAtOf(body.publishedAt) ?? null;
    if (body.tags !== undefined) changes.tags = tagsOf(body.tags);
    if (body.sessionIds !== undefined) changes.sessionIds = body.sessionIds;
    if (body.linkedUnitIds !== undefined) changes.linkedUnitIds = body.linkedUnitIds;
    const current = await findArticleById(db, id);
    if (!current) throw new NotFoundError("Không tìm thấy bài viết.");
    const step = patchStep(current.status, body.status);
    changes.intent = step.intent;
    const hasFieldChanges = Object.keys(changes).length > 1;
    if (hasFieldChanges || !step.unpublish)
      await withBodyPaths(() => updateArticle(articleStoreOf(c), caller, id, changes));
    if (step.unpublish) await transitionArticle(articleStoreOf(c), caller, id, "unpublish");
    return c.json({ data: await detailById(c, db, id) }, 200);
  });

  registerWorkflowApi(app, (c, id) => detailById(c, c.var.ctx.database.db, id));
}
