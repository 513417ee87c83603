/** `POST /api/v1/sessions/{id}/article-draft`: the draft article of a held session. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponses,
  IdParamSchema,
  recordErrors,
} from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { findArticleById } from "../portal/articles/articles.repo.js";
import { ADMIN_ARTICLES } from "../portal/editorial/article-review.views.js";
import { newsroomDeps } from "./newsroom-deps.js";
import { draftSessionArticle } from "./session-article.service.js";

const DraftOutSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    lead: z.string().nullable(),
    status: z.string().openapi({ example: "draft" }),
    editHref: z.string().openapi({ example: "/quan-tri/bai-viet/12" }),
  })
  .openapi("SessionArticleDraft");

const draftRoute = createRoute({
  method: "post",
  path: "/api/v1/sessions/{id}/article-draft",
  operationId: "draftSessionArticle",
  ...access(
    "write",
    "`article.draft_from_session`: editor or leader of the session's host unit (or a unit above it).",
    "Drafts the portal article of a held working session from its record: the customary title, a lead with date and place, who chaired and attended, the host's figures from its evaluation narrative, the opinions and assessment, the numbered conclusions, the proposals and the session's first photo. Saved as a draft in the editorial workflow, linked to the session and its units; audited.",
  ),
  tags: ["Buổi làm việc, kết luận"],
  summary: "Draft the news article of a held working session",
  request: { params: IdParamSchema },
  responses: {
    201: dataResponse("The draft article.", DraftOutSchema),
    ...recordErrors("working session"),
    ...errorResponses(409, 422),
  },
});

export function registerNewsroomApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(draftRoute, async (c) => {
    const ctx = await actorOf(c);
    const deps = newsroomDeps(c);
    const id = await draftSessionArticle(deps, c.req.valid("param").id, ctx);
    const a = await findArticleById(deps.db, id);
    if (!a) throw new Error(`draft article ${id} not found after saving`);
    return c.json(
      {
        data: {
          id,
          slug: a.slug,
          title: a.title,
          lead: a.lead,
          status: a.status,
          editHref: `${ADMIN_ARTICLES}/${id}`,
        },
      },
      201,
    );
  });
}
