import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere } from "../accounts/policy.js";
import type { AppEnv } from "../core/http/env.js";
import { AppError, type FieldErrors, ForbiddenError, NotFoundError } from "../core/http/errors.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import { articleValues, newArticleValues, parseArticleForm } from "./article-form.js";
import {
  ADMIN_ARTICLES,
  ArticleFormPage,
  type ArticleFormProps,
  ArticleListPage,
  DeleteArticlePage,
  editHref,
} from "./articles.admin.js";
import { findArticleById, listCategories, listImagesOfArticles } from "./articles.repo.js";
import {
  type Caller,
  canOnArticle,
  createArticle,
  deleteArticle,
  listEditorArticles,
  loadEditableArticle,
  unitChoices,
  updateArticle,
} from "./articles.service.js";
import { articleStoreOf, callerOf } from "./caller.js";

const LIST_PAGE_SIZE = 20;

const NOTICES: Record<string, string> = {
  created: "Đã lưu bài viết.",
  saved: "Đã lưu thay đổi.",
  published: "Đã đăng bài viết.",
  deleted: "Đã xóa bài viết.",
};

function noticeOf(c: AppCtx): string | null {
  return NOTICES[c.req.query("ok") ?? ""] ?? null;
}

function parseId(raw: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new NotFoundError("Không tìm thấy bài viết.");
  return Number(raw);
}

/** The editor area is for people who may write articles somewhere. */
async function editorOf(c: AppCtx): Promise<Caller> {
  const caller = await callerOf(c);
  if (!canAnywhere(caller.actor, "article.create", caller.today)) throw new ForbiddenError();
  return caller;
}

/** A service refusal a person can fix in the form (422, or the 409 of a taken slug). */
function formErrorsOf(error: unknown): { status: 409 | 422; fields: FieldErrors } | null {
  if (error instanceof AppError && (error.status === 422 || error.status === 409) && error.fields) {
    return { status: error.status, fields: error.fields };
  }
  return null;
}

/**
 * Categories and the units the caller may choose. An article the caller may edit is always in a
 * unit of their scope (same roles as for creating), so its unit is among the choices.
 */
async function formChoices(c: AppCtx, caller: Caller) {
  const db = c.var.ctx.database.db;
  const [categories, units] = await Promise.all([listCategories(db), unitChoices(db, caller)]);
  return { categories, units };
}

export function registerAdminArticleRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(ADMIN_ARTICLES, async (c) => {
    const caller = await editorOf(c);
    const rawPage = c.req.query("trang") ?? "1";
    const page = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
    const { rows, total } = await listEditorArticles(c.var.ctx.database.db, caller, {
      limit: LIST_PAGE_SIZE,
      offset: (page - 1) * LIST_PAGE_SIZE,
    });
    const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
    return c.html(
      <ArticleListPage
        meta={pageMeta(c, "Bài viết")}
        rows={rows}
        page={page}
        pageCount={pageCount}
        total={total}
        now={caller.now}
        notice={noticeOf(c)}
      />,
    );
  });

  const renderNew = async (
    c: AppCtx,
    caller: Caller,
    extra: Partial<ArticleFormProps>,
    status: 200 | 409 | 422 = 200,
  ) => {
    const choices = await formChoices(c, caller);
    const props: ArticleFormProps = {
      meta: pageMeta(c, "Viết bài mới"),
      article: null,
      values: newArticleValues(
        caller.now,
        choices.units.map((u) => u.id),
      ),
      images: [],
      canPublish: canAnywhere(caller.actor, "article.publish", caller.today),
      now: caller.now,
      ...choices,
      ...extra,
    };
    return c.html(<ArticleFormPage {...props} />, status);
  };

  app.get(`${ADMIN_ARTICLES}/moi`, async (c) => renderNew(c, await editorOf(c), {}));

  app.post(`${ADMIN_ARTICLES}/moi`, async (c) => {
    const caller = await editorOf(c);
    const form = await parseArticleForm(await c.req.parseBody(), []);
    if (!form.input) return renderNew(c, caller, { values: form.values, errors: form.errors }, 422);
    try {
      const id = await createArticle(articleStoreOf(c), caller, form.input, form.photo);
      return c.redirect(
        `${editHref(id)}?ok=${form.input.status === "published" ? "published" : "created"}`,
        303,
      );
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return renderNew(c, caller, { values: form.values, errors: refused.fields }, refused.status);
    }
  });

  const renderEdit = async (
    c: AppCtx,
    caller: Caller,
    id: number,
    extra: Partial<ArticleFormProps> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const db = c.var.ctx.database.db;
    const article = await loadEditableArticle(db, caller, id);
    const images = await listImagesOfArticles(db, [id]);
    const choices = await formChoices(c, caller);
    const props: ArticleFormProps = {
      meta: pageMeta(c, `Sửa bài: ${article.title}`),
      article,
      values: articleValues(article, images, caller.now),
      images,
      canPublish: canOnArticle(caller, "article.publish", article),
      now: caller.now,
      notice: noticeOf(c),
      ...choices,
      ...extra,
    };
    return c.html(<ArticleFormPage {...props} />, status);
  };

  app.get(`${ADMIN_ARTICLES}/:id{[0-9]+}`, async (c) =>
    renderEdit(c, await editorOf(c), parseId(c.req.param("id"))),
  );

  app.post(`${ADMIN_ARTICLES}/:id{[0-9]+}`, async (c) => {
    const caller = await editorOf(c);
    const id = parseId(c.req.param("id"));
    const db = c.var.ctx.database.db;
    const before = await loadEditableArticle(db, caller, id);
    const images = await listImagesOfArticles(db, [id]);
    const form = await parseArticleForm(
      await c.req.parseBody(),
      images.map((i) => i.id),
    );
    if (!form.input)
      return renderEdit(c, caller, id, { values: form.values, errors: form.errors, notice: null }, 422);
    try {
      await updateArticle(articleStoreOf(c), caller, id, form.input, {
        photo: form.photo,
        imageChanges: form.imageChanges,
      });
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return renderEdit(
        c,
        caller,
        id,
        { values: form.values, errors: refused.fields, notice: null },
        refused.status,
      );
    }
    const ok = before.status !== "published" && form.input.status === "published" ? "published" : "saved";
    return c.redirect(`${editHref(id)}?ok=${ok}`, 303);
  });

  app.get(`${ADMIN_ARTICLES}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await editorOf(c);
    const article = await findArticleById(c.var.ctx.database.db, parseId(c.req.param("id")));
    if (!article) throw new NotFoundError("Không tìm thấy bài viết.");
    if (!canOnArticle(caller, "article.delete", article)) throw new ForbiddenError();
    return c.html(<DeleteArticlePage meta={pageMeta(c, "Xóa bài viết")} article={article} />);
  });

  app.post(`${ADMIN_ARTICLES}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await editorOf(c);
    await deleteArticle(articleStoreOf(c), caller, parseId(c.req.param("id")));
    return c.redirect(`${ADMIN_ARTICLES}?ok=deleted`, 303);
  });
}
