import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { ForbiddenError } from "../../core/http/errors.js";
import { requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { listTagsWithCounts } from "../articles/tags.repo.js";
import { findCategory, listCategoriesWithCounts } from "./categories.repo.js";
import {
  canManageCategories,
  changeCategory,
  createCategory,
  deleteCategory,
  deleteTag,
} from "./categories.service.js";
import { CATEGORIES, CategoriesPage, type CategoryValues, TAGS } from "./categories.views.js";
import { formErrorsOf } from "./editor-request.js";

/** `/quan-tri/chuyen-muc` and `/quan-tri/tu-khoa`: the editors' management of categories and tags. */

const NOTICES: Record<string, string> = {
  created: "Đã thêm chuyên mục.",
  saved: "Đã lưu chuyên mục.",
  deleted: "Đã xóa chuyên mục.",
  "tag-deleted": "Đã xóa từ khóa.",
};

async function managerOf(c: AppCtx): Promise<ActorContext> {
  const caller = await actorOf(c);
  if (!canManageCategories(caller)) throw new ForbiddenError();
  return caller;
}

async function render(
  c: AppCtx,
  editing?: { id: number | "new"; values: CategoryValues; errors: FieldErrors },
  status: 200 | 409 | 422 = 200,
) {
  const db = c.var.ctx.database.db;
  const [categories, tags] = await Promise.all([listCategoriesWithCounts(db), listTagsWithCounts(db)]);
  return c.html(
    <CategoriesPage
      meta={pageMeta(c, "Chuyên mục và từ khóa")}
      categories={categories}
      tags={tags}
      editing={editing}
      notice={editing ? null : (NOTICES[c.req.query("ok") ?? ""] ?? null)}
    />,
    status,
  );
}

async function valuesOf(c: AppCtx): Promise<CategoryValues> {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  return { name: text("name"), slug: text("slug"), sortOrder: text("sortOrder") };
}

export function registerCategoryRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(CATEGORIES, async (c) => {
    await managerOf(c);
    return render(c);
  });

  app.post(CATEGORIES, async (c) => {
    const caller = await managerOf(c);
    const values = await valuesOf(c);
    try {
      await createCategory(c.var.ctx.database.db, caller, values);
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return render(c, { id: "new", values, errors: refused.fields }, refused.status);
    }
    return c.redirect(`${CATEGORIES}?ok=created`, 303);
  });

  app.post(`${CATEGORIES}/:id{[0-9]+}`, async (c) => {
    const caller = await managerOf(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy chuyên mục.");
    const values = await valuesOf(c);
    try {
      await changeCategory(c.var.ctx.database.db, caller, id, values);
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return render(c, { id, values, errors: refused.fields }, refused.status);
    }
    return c.redirect(`${CATEGORIES}?ok=saved`, 303);
  });

  app.post(`${CATEGORIES}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await managerOf(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy chuyên mục.");
    try {
      await deleteCategory(c.var.ctx.database.db, caller, id);
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      const current = await findCategory(c.var.ctx.database.db, id);
      const values = current
        ? { name: current.name, slug: current.slug, sortOrder: String(current.sortOrder) }
        : { name: "", slug: "", sortOrder: "" };
      return render(c, { id, values, errors: refused.fields }, refused.status);
    }
    return c.redirect(`${CATEGORIES}?ok=deleted`, 303);
  });

  app.post(`${TAGS}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await managerOf(c);
    await deleteTag(c.var.ctx.database.db, caller, requireId(c.req.param("id"), "Không tìm thấy từ khóa."));
    return c.redirect(`${CATEGORIES}?ok=tag-deleted`, 303);
  });
}
