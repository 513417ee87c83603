import type { OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { requireId } from "../core/http/params.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import { findArticleById } from "../portal/articles/articles.repo.js";
import { canOnArticle } from "../portal/articles/articles.service.js";
import { ADMIN_ARTICLES } from "../portal/editorial/article-review.views.js";
import { SESSIONS_HREF } from "../sessions/sessions.views.js";
import { registerNewsroomApi } from "./newsroom.api.js";
import { newsroomDeps } from "./newsroom-deps.js";
import { draftSessionArticle, previewSessionArticle } from "./session-article.service.js";
import { DraftPreviewPage } from "./session-article.views.js";

const sessionIdOf = (c: AppCtx) => requireId(c.req.param("id"), "Không tìm thấy buổi làm việc này.");

/** The preview of a session's article (`…/soan-tin`), saving it as a draft, and the API. */
export function registerNewsroomRoutes(app: OpenAPIHono<AppEnv>): void {
  registerNewsroomApi(app);

  app.get(`${SESSIONS_HREF}/:id/soan-tin`, async (c) => {
    const ctx = await actorOf(c);
    const { session, draft } = await previewSessionArticle(newsroomDeps(c), sessionIdOf(c), ctx);
    const created = c.req.query("da-tao") === "1";
    return c.html(
      <DraftPreviewPage
        meta={pageMeta(c, "Soạn tin bài")}
        session={session}
        draft={draft}
        created={created}
      />,
    );
  });

  app.post(`${SESSIONS_HREF}/:id/soan-tin`, async (c) => {
    const ctx = await actorOf(c);
    const sessionId = sessionIdOf(c);
    const id = await draftSessionArticle(newsroomDeps(c), sessionId, ctx);
    const article = await findArticleById(c.var.ctx.database.db, id);
    // An editor goes on to edit it; a leader (who drafts but does not edit articles) is told it is there.
    if (article && canOnArticle(ctx, "article.update", article))
      return c.redirect(`${ADMIN_ARTICLES}/${id}`, 303);
    return c.redirect(`${SESSIONS_HREF}/${sessionId}/soan-tin?da-tao=1`, 303);
  });
}
