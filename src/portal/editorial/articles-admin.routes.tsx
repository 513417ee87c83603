import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import { canAnywhere } from "../../core/access/policy.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError, NotFoundError } from "../../core/http/errors.js";
import { requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { listSessionChoices } from "../articles/article-links.repo.js";
import { loadArticleState } from "../articles/article-state.model.js";
import { articleStoreOf } from "../articles/article-store.js";
import { isVisibleToReaders } from "../articles/article-workflow.rules.js";
import { transitionArticle } from "../articles/article-workflow.service.js";
import { findArticleById } from "../articles/articles.repo.js";
import {
  canOnArticle,
  createArticle,
  deleteArticle,
  editableUnitIds,
  loadEditableArticle,
  unitChoices,
  updateArticle,
} from "../articles/articles.service.js";
import { findLibraryItem, listLibraryItems } from "../media/media-library.repo.js";
import { registerMediaLibraryRoutes } from "../media/media-library.routes.js";
import { keepPendingPhoto } from "../media/media-library.service.js";
import { registerMediaPickerRoutes } from "../media/media-picker.routes.js";
import { registerArticleEditorRoutes } from "./article-editor.routes.js";
import {
  type ArticleFormValues,
  articleValues,
  type FormBody,
  newArticleValues,
  type ParsedArticleForm,
  parseArticleForm,
} from "./article-form.js";
import type { ArticleFormProps } from "./article-form.views.js";
import { listReviews } from "./article-reviews.repo.js";
import {
  ADMIN_ARTICLES,
  ArticleFormPage,
  ArticleListPage,
  DeleteArticlePage,
  editHref,
  statusFromParam,
} from "./articles-admin.views.js";
import { isAutosaveOf } from "./autosave.service.js";
import { listCategories } from "./categories.repo.js";
import { registerCategoryRoutes } from "./categories.routes.js";
import { listEditorArticles } from "./editor.service.js";
import { editorOf, formErrorsOf, pageOf } from "./editor-request.js";
import { countRevisions, latestRevision } from "./revisions.repo.js";
import { registerRevisionRoutes } from "./revisions.routes.js";

const LIST_PAGE_SIZE = 20;
/** Library photos offered for reuse in the form: the newest ones; the library page has them all. */
const LIBRARY_CHOICES = 12;
const SESSION_CHOICES = 30;

const NOTICES: Record<string, string> = {
  created: "Đã lưu bài viết.",
  saved: "Đã lưu thay đổi.",
  submitted: "Đã gửi bài cho biên tập viên duyệt.",
  published: "Đã đăng bài viết.",
  scheduled: "Đã hẹn giờ đăng bài viết.",
  returned: "Đã trả lại bài cho người viết kèm nhận xét.",
  unpublished: "Đã gỡ bài khỏi cổng thông tin.",
  restored: "Đã khôi phục phiên bản cũ thành một phiên bản mới.",
  deleted: "Đã xóa bài viết.",
};

function noticeOf(c: AppCtx): string | null {
  return NOTICES[c.req.query("ok") ?? ""] ?? null;
}

/** Everything the form offers to choose from: categories, units, sessions, library photos. */
async function formChoices(c: AppCtx, caller: ActorContext, values: ArticleFormValues) {
  const db = c.var.ctx.database.db;
  const scope = editableUnitIds(caller);
  const pendingId = optionalPending(values.pendingMediaId);
  const [categories, units, sessions, library, pending] = await Promise.all([
    listCategories(db),
    unitChoices(db, caller),
    listSessionChoices(db, {
      unitIds: scope,
      limit: SESSION_CHOICES,
      alsoIds: values.sessionIds.map(Number),
    }),
    listLibraryItems(db, { unitIds: scope, limit: LIBRARY_CHOICES, offset: 0 }),
    pendingId === null ? undefined : findLibraryItem(db, pendingId),
  ]);
  return { categories, units, sessions, library: library.items, pending: pending ?? null };
}

function optionalPending(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

/** The editor's script and its styles, on the form pages only. */
const EDITOR_HEAD = <script src="/static/editor.js" defer />;

/**
 * A form that comes back with errors keeps the photo that was chosen: it is stored first as a
 * library photo waiting for its caption, and its id rides in a hidden field (nothing to choose again).
 */
async function keepChosenPhoto(c: AppCtx, caller: ActorContext, form: ParsedArticleForm, errors: object) {
  if (!form.photo || "photo" in errors) return;
  const unitId = optionalPending(form.values.unitId);
  const id = await keepPendingPhoto(articleStoreOf(c), caller, form.photo, unitId);
  if (id !== null) form.values.pendingMediaId = String(id);
}

async function renderNew(
  c: AppCtx,
  caller: ActorContext,
  extra: Partial<ArticleFormProps>,
  status: 200 | 409 | 422 = 200,
) {
  const units = await unitChoices(c.var.ctx.database.db, caller);
  const values = extra.values ?? newArticleValues(units.map((u) => u.id));
  const props: ArticleFormProps = {
    meta: pageMeta(c, "Viết bài mới", { head: EDITOR_HEAD }),
    article: null,
    values,
    images: [],
    reviews: [],
    revisionCount: 0,
    canPublish: canAnywhere(caller.actor, "article.publish", caller.today),
    visible: false,
    ...(await formChoices(c, caller, values)),
    ...extra,
  };
  return c.html(<ArticleFormPage {...props} />, status);
}

/** The edit page of an article the caller may edit; `extra` carries a rejected form back. */
export async function renderEdit(
  c: AppCtx,
  caller: ActorContext,
  id: number,
  extra: Partial<ArticleFormProps> = {},
  status: 200 | 409 | 422 = 200,
) {
  const db = c.var.ctx.database.db;
  await loadEditableArticle(db, caller, id);
  const state = await loadArticleState(db, id);
  if (!state) throw new NotFoundError("Không tìm thấy bài viết.");
  const last = await latestRevision(db, id);
  // The caller's own autosave that the article does not hold yet: offered, and opened on request.
  const autosave =
    last &&
    isAutosaveOf(last, caller.actor.userId) &&
    (last.title !== state.article.title ||
      last.lead !== state.article.lead ||
      last.bodyHtml !== state.article.bodyHtml)
      ? last
      : null;
  const useAutosave = autosave !== null && c.req.query("ban-tu-dong") === "1" && !extra.values;
  const values =
    extra.values ??
    (useAutosave && autosave
      ? {
          ...articleValues(state),
          title: autosave.title,
          lead: autosave.lead ?? "",
          bodyHtml: autosave.bodyHtml,
        }
      : articleValues(state));
  const [reviews, revisionCount, choices] = await Promise.all([
    listReviews(db, id),
    countRevisions(db, id),
    formChoices(c, caller, values),
  ]);
  const props: ArticleFormProps = {
    meta: pageMeta(c, `Sửa bài: ${state.article.title}`, { head: EDITOR_HEAD }),
    autosave: autosave ? { at: autosave.createdAt, opened: useAutosave } : null,
    article: state.article,
    values,
    images: state.images,
    reviews,
    revisionCount,
    canPublish: canOnArticle(caller, "article.publish", state.article),
    visible: isVisibleToReaders(state.article, caller.now),
    notice: noticeOf(c),
    ...choices,
    ...extra,
  };
  return c.html(<ArticleFormPage {...props} />, status);
}

/** The notice after a save: what happened to the status. */
function savedNotice(created: boolean, status: string, intent: string): string {
  if (intent === "submit") return "submitted";
  if (intent === "publish") return status === "scheduled" ? "scheduled" : "published";
  return created ? "created" : "saved";
}

/**
 * Where a save leads: back to the form, or to the list when the caller may no longer edit the
 * article (a writer who just submitted it waits for the editor).
 */
async function afterSave(c: AppCtx, caller: ActorContext, id: number, notice: string): Promise<string> {
  const article = await findArticleById(c.var.ctx.database.db, id);
  const editable = article !== undefined && canOnArticle(caller, "article.update", article);
  return editable ? `${editHref(id)}?ok=${notice}` : `${ADMIN_ARTICLES}?ok=${notice}`;
}

export function registerAdminArticleRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(ADMIN_ARTICLES, async (c) => {
    const caller = await editorOf(c);
    const page = pageOf(c);
    const status = statusFromParam(c.req.query("trang-thai"));
    const { rows, total, counts } = await listEditorArticles(c.var.ctx.database.db, caller, {
      limit: LIST_PAGE_SIZE,
      offset: (page - 1) * LIST_PAGE_SIZE,
      status,
    });
    const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
    return c.html(
      <ArticleListPage
        meta={pageMeta(c, "Bài viết")}
        rows={rows}
        status={status}
        counts={counts}
        page={page}
        pageCount={pageCount}
        total={total}
        now={caller.now}
        notice={noticeOf(c)}
      />,
    );
  });

  app.get(`${ADMIN_ARTICLES}/moi`, async (c) => renderNew(c, await editorOf(c), {}));

  app.post(`${ADMIN_ARTICLES}/moi`, async (c) => {
    const caller = await editorOf(c);
    const form = await parseArticleForm((await c.req.parseBody({ all: true })) as FormBody, []);
    if (!form.input) {
      await keepChosenPhoto(c, caller, form, form.errors);
      return renderNew(c, caller, { values: form.values, errors: form.errors }, 422);
    }
    try {
      const id = await createArticle(articleStoreOf(c), caller, form.input, {
        photo: form.photo,
        pick: form.pick,
      });
      const created = await findArticleById(c.var.ctx.database.db, id);
      const notice = savedNotice(true, created?.status ?? "", form.input.intent);
      return c.redirect(await afterSave(c, caller, id, notice), 303);
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      await keepChosenPhoto(c, caller, form, refused.fields);
      return renderNew(c, caller, { values: form.values, errors: refused.fields }, refused.status);
    }
  });

  app.get(`${ADMIN_ARTICLES}/:id{[0-9]+}`, async (c) =>
    renderEdit(c, await editorOf(c), requireId(c.req.param("id"), "Không tìm thấy bài viết.")),
  );

  app.post(`${ADMIN_ARTICLES}/:id{[0-9]+}`, async (c) => {
    const caller = await editorOf(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy bài viết.");
    const db = c.var.ctx.database.db;
    await loadEditableArticle(db, caller, id);
    const imageIds = ((await loadArticleState(db, id))?.images ?? []).map((i) => i.id);
    const form = await parseArticleForm((await c.req.parseBody({ all: true })) as FormBody, imageIds);
    if (!form.input) {
      await keepChosenPhoto(c, caller, form, form.errors);
      return renderEdit(c, caller, id, { values: form.values, errors: form.errors, notice: null }, 422);
    }
    let status: string;
    try {
      status = await updateArticle(articleStoreOf(c), caller, id, form.input, {
        photo: form.photo,
        pick: form.pick,
        imageChanges: form.imageChanges,
      });
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      await keepChosenPhoto(c, caller, form, refused.fields);
      return renderEdit(
        c,
        caller,
        id,
        { values: form.values, errors: refused.fields, notice: null },
        refused.status,
      );
    }
    return c.redirect(await afterSave(c, caller, id, savedNotice(false, status, form.input.intent)), 303);
  });

  // The editor's decisions outside the form. A refusal comes back on the edit page when the caller
  // may still see it, with the reason next to the comment field or at the top.
  app.post(`${ADMIN_ARTICLES}/:id{[0-9]+}/tra-lai`, async (c) => {
    const caller = await editorOf(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy bài viết.");
    const body = await c.req.parseBody();
    const comment = typeof body.comment === "string" ? body.comment : "";
    try {
      await transitionArticle(articleStoreOf(c), caller, id, "return", { comment });
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      // A missing comment goes next to the comment field; a refused step (no longer submitted)
      // goes to the top of the page, where the return form may no longer be.
      const extra = refused.fields.comment
        ? { review: { comment, errors: refused.fields } }
        : { errors: refused.fields };
      return renderEdit(c, caller, id, { ...extra, notice: null }, refused.status);
    }
    return c.redirect(`${editHref(id)}?ok=returned`, 303);
  });

  app.post(`${ADMIN_ARTICLES}/:id{[0-9]+}/go-bai`, async (c) => {
    const caller = await editorOf(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy bài viết.");
    await transitionArticle(articleStoreOf(c), caller, id, "unpublish");
    return c.redirect(`${editHref(id)}?ok=unpublished`, 303);
  });

  app.get(`${ADMIN_ARTICLES}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await editorOf(c);
    const article = await findArticleById(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), "Không tìm thấy bài viết."),
    );
    if (!article) throw new NotFoundError("Không tìm thấy bài viết.");
    if (!canOnArticle(caller, "article.delete", article)) throw new ForbiddenError();
    return c.html(<DeleteArticlePage meta={pageMeta(c, "Xóa bài viết")} article={article} />);
  });

  app.post(`${ADMIN_ARTICLES}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await editorOf(c);
    await deleteArticle(articleStoreOf(c), caller, requireId(c.req.param("id"), "Không tìm thấy bài viết."));
    return c.redirect(`${ADMIN_ARTICLES}?ok=deleted`, 303);
  });

  registerRevisionRoutes(app);
  registerArticleEditorRoutes(app);
  registerMediaPickerRoutes(app);
  registerMediaLibraryRoutes(app);
  registerCategoryRoutes(app);
}
