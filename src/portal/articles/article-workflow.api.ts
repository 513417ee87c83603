import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import { access, errorResponse } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import type { AppCtx } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { listArticleRevisions, restoreRevision } from "../editorial/revisions.service.js";
import { articleStoreOf } from "./article-store.js";
import { transitionArticle } from "./article-workflow.service.js";
import type { ArticleDetail } from "./articles.api.js";
import { ArticleDetailSchema, ReviewBody, RevisionSchema } from "./articles.schema.js";
import { withBodyPaths } from "./articles-api.schema.js";

/**
 * `/api/v1/articles/{id}/review` and `/revisions`: the editorial workflow for API clients — submit,
 * publish (now or scheduled), return with a comment, unpublish; the revision history and restore.
 */

const idParam = dbIdParamSchema().openapi({ param: { name: "id", in: "path" }, example: 1 });

const stepResponses = {
  401: errorResponse("Not signed in, or the API token is invalid."),
  403: errorResponse("The caller may not take this step on this article."),
  404: errorResponse("No such article (or revision)."),
  409: errorResponse("The article's status does not allow this step; the message says why."),
  422: errorResponse("Invalid fields, with their paths (`body.comment`…)."),
};

const detailResponse = {
  description: "The article after the step.",
  content: { "application/json": { schema: z.object({ data: ArticleDetailSchema }) } },
};

const reviewRoute = createRoute({
  method: "post",
  path: "/api/v1/articles/{id}/review",
  operationId: "reviewArticle",
  ...access(
    "write",
    "By step: `submit` needs `article.update` (editor, or writer on their own draft); `publish`, `return` and `unpublish` need `article.publish` (editor of the article's unit).",
    "submit (writers, on their own drafts), publish (editors; a future `publishedAt` schedules), return (editors; `comment` required, shown to the writer), unpublish (editors). Audited.",
  ),
  tags: ["Articles"],
  summary: "Take a review step",
  request: {
    params: z.object({ id: idParam }),
    body: { required: true, content: { "application/json": { schema: ReviewBody } } },
  },
  responses: { 200: detailResponse, ...stepResponses },
});

const revisionsRoute = createRoute({
  method: "get",
  path: "/api/v1/articles/{id}/revisions",
  operationId: "listArticleRevisions",
  ...access(
    "read",
    "`article.create`: editor or writer of the article's unit.",
    "Every saved state of the article, newest first, for those who write for its unit.",
  ),
  tags: ["Articles"],
  summary: "Revision history",
  request: { params: z.object({ id: idParam }) },
  responses: {
    200: {
      description: "Revisions, newest first.",
      content: { "application/json": { schema: z.object({ data: z.array(RevisionSchema) }) } },
    },
    ...stepResponses,
  },
});

const restoreRoute = createRoute({
  method: "post",
  path: "/api/v1/articles/{id}/revisions/{number}/restore",
  operationId: "restoreArticleRevision",
  ...access(
    "write",
    "`article.update`: editor, or writer for their own drafts.",
    "Puts the revision's content back as a new revision (history is never deleted); slug, unit, status and publish time stay. Audited.",
  ),
  tags: ["Articles"],
  summary: "Restore a revision",
  request: {
    params: z.object({
      id: idParam,
      number: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: "number", in: "path" }, example: 1 }),
    }),
  },
  responses: { 200: detailResponse, ...stepResponses },
});

export function registerWorkflowApi(
  app: OpenAPIHono<AppEnv>,
  detail: (c: AppCtx, id: number) => Promise<ArticleDetail>,
): void {
  app.openapi(reviewRoute, async (c) => {
    const caller = await actorOf(c);
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const publishAt = body.publishedAt ? new Date(body.publishedAt) : null;
    await withBodyPaths(() =>
      transitionArticle(articleStoreOf(c), caller, id, body.action, { comment: body.comment, publishAt }),
    );
    return c.json({ data: await detail(c, id) }, 200);
  });

  app.openapi(revisionsRoute, async (c) => {
    const caller = await actorOf(c);
    const { id } = c.req.valid("param");
    const { revisions } = await listArticleRevisions(c.var.ctx.database.db, caller, id);
    return c.json(
      {
        data: revisions.map((r) => ({
          number: r.number,
          createdAt: r.createdAt,
          author: r.authorName,
          status: r.status,
          note: r.note,
          title: r.title,
        })),
      },
      200,
    );
  });

  app.openapi(restoreRoute, async (c) => {
    const caller = await actorOf(c);
    const { id, number } = c.req.valid("param");
    await restoreRevision(articleStoreOf(c), caller, id, number);
    return c.json({ data: await detail(c, id) }, 200);
  });
}
