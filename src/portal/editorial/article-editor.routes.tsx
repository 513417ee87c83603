import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError, NotFoundError } from "../../core/http/errors.js";
import { formText, requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { canOnArticle } from "../articles/article-access.js";
import { articleStoreOf } from "../articles/article-store.js";
import { findArticleById, findArticleBySlug, listImagesOfArticles } from "../articles/articles.repo.js";
import { ArticlePreviewPage, NOINDEX } from "./article-preview.views.js";
import { ADMIN_ARTICLES } from "./article-review.views.js";
import { autosaveArticle, isAutosaveOf } from "./autosave.service.js";
import { editorOf, formErrorsOf } from "./editor-request.js";
import { latestRevision } from "./revisions.repo.js";

/**
 * What the editor's script talks to besides the form: the autosave
 * (`POST /quan-tri/bai-viet/:id/tu-dong-luu`, CSRF-protected like every change) and the preview
 * (`GET /quan-tri/bai-viet/:id/xem-truoc`).
 */

/**
 * Who sees an article before readers do: those who may change it or publish it, and its author
 * while it waits for review.
 */
function mayPreview(
  caller: ActorContext,
  article: { unitId: number; authorId: number | null; status: string },
): boolean {
  return (
    canOnArticle(caller, "article.update", article) ||
    canOnArticle(caller, "article.publish", article) ||
    (article.authorId === caller.actor.userId && canOnArticle(caller, "article.create", article))
  );
}

async function renderPreview(c: AppCtx) {
  const caller = await editorOf(c);
  const id = requireId(c.req.param("id"), "Không tìm thấy bài viết.");
  const db = c.var.ctx.database.db;
  const record = await findArticleById(db, id);
  if (!record) throw new NotFoundError("Không tìm thấy bài viết.");
  if (!mayPreview(caller, record)) throw new ForbiddenError();
  const [article, images, last] = await Promise.all([
    findArticleBySlug(db, record.slug),
    listImagesOfArticles(db, [id]),
    latestRevision(db, id),
  ]);
  if (!article) throw new NotFoundError("Không tìm thấy bài viết.");
  // The text being typed, when the newest revision is this person's autosave.
  const draft = last && isAutosaveOf(last, caller.actor.userId) ? last : null;
  const shown = {
    ...article,
    ...(draft ? { title: draft.title, lead: draft.lead, bodyHtml: draft.bodyHtml } : {}),
    publishedAt: article.publishedAt ?? caller.now.toISOString(),
    images,
  };
  c.header("X-Robots-Tag", "noindex, nofollow");
  return c.html(
    <ArticlePreviewPage
      meta={pageMeta(c, `Bản xem trước: ${shown.title}`, { head: NOINDEX })}
      article={shown}
      timeAssumed={article.publishedAt === null}
      autosavedAt={draft ? draft.createdAt : null}
    />,
  );
}

export function registerArticleEditorRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(`${ADMIN_ARTICLES}/:id{[0-9]+}/xem-truoc`, renderPreview);

  app.post(`${ADMIN_ARTICLES}/:id{[0-9]+}/tu-dong-luu`, async (c) => {
    const caller = await editorOf(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy bài viết.");
    const body = await c.req.parseBody();
    try {
      const saved = await autosaveArticle(articleStoreOf(c), caller, id, {
        title: formText(body, "title"),
        lead: formText(body, "lead"),
        bodyHtml: formText(body, "bodyHtml"),
      });
      return c.json(saved);
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return c.json(
        { message: Object.values(refused.fields).join(" "), errors: refused.fields },
        refused.status,
      );
    }
  });
}
