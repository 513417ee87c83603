import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import { canAnywhere } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError } from "../../core/http/errors.js";
import { formText, requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { unitChoices } from "../articles/article-access.js";
import { articleStoreOf } from "../articles/article-store.js";
import { formErrorsOf, pageOf } from "../editorial/editor-request.js";
import {
  deleteLibraryItem,
  getLibraryItem,
  listLibrary,
  updateLibraryDetails,
  uploadToLibrary,
} from "./media-library.service.js";
import {
  LIBRARY,
  LibraryItemPage,
  LibraryPage,
  libraryItemHref,
  type UploadValues,
} from "./media-library.views.js";

/** `/quan-tri/thu-vien-anh`: browse, upload, caption and delete photos of the caller's units. */

const PAGE_SIZE = 24;
const NOTICES: Record<string, string> = {
  uploaded: "Đã tải ảnh lên thư viện.",
  saved: "Đã lưu chú thích.",
  deleted: "Đã xóa ảnh khỏi thư viện.",
};
const NOT_FOUND = "Không tìm thấy ảnh trong thư viện.";

async function librarianOf(c: AppCtx): Promise<ActorContext> {
  const caller = await actorOf(c);
  if (!canAnywhere(caller.actor, "media.upload", caller.today)) throw new ForbiddenError();
  return caller;
}

async function renderLibrary(
  c: AppCtx,
  caller: ActorContext,
  extra: { values?: UploadValues; errors?: Record<string, string> } = {},
  status: 200 | 409 | 422 = 200,
) {
  const db = c.var.ctx.database.db;
  const page = pageOf(c);
  const [{ items, total }, units] = await Promise.all([
    listLibrary(db, caller, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    unitChoices(db, caller),
  ]);
  const values = extra.values ?? { caption: "", alt: "", unitId: units[0] ? String(units[0].id) : "" };
  return c.html(
    <LibraryPage
      meta={pageMeta(c, "Thư viện ảnh")}
      items={items}
      total={total}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
      units={units}
      values={values}
      errors={extra.errors}
      notice={NOTICES[c.req.query("ok") ?? ""] ?? null}
    />,
    status,
  );
}

async function renderItem(
  c: AppCtx,
  caller: ActorContext,
  id: number,
  extra: { values?: { caption: string; alt: string }; errors?: Record<string, string> } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { item, sources } = await getLibraryItem(c.var.ctx.database.db, caller, id);
  return c.html(
    <LibraryItemPage
      meta={pageMeta(c, `Ảnh: ${item.caption ?? item.originalName}`)}
      item={item}
      sources={sources}
      values={extra.values ?? { caption: item.caption ?? "", alt: item.altText ?? "" }}
      errors={extra.errors}
      notice={NOTICES[c.req.query("ok") ?? ""] ?? null}
    />,
    status,
  );
}

export function registerMediaLibraryRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(LIBRARY, async (c) => renderLibrary(c, await librarianOf(c)));

  app.post(LIBRARY, async (c) => {
    const caller = await librarianOf(c);
    const body = await c.req.parseBody();
    const values = {
      caption: formText(body, "caption"),
      alt: formText(body, "alt"),
      unitId: formText(body, "unitId"),
    };
    const file = body.photo;
    const errors: Record<string, string> = {};
    if (!(file instanceof File) || file.size === 0) errors.photo = "Vui lòng chọn ảnh để tải lên.";
    if (!/^[1-9]\d{0,9}$/.test(values.unitId)) errors.unitId = "Vui lòng chọn đơn vị sở hữu ảnh.";
    if (Object.keys(errors).length > 0 || !(file instanceof File))
      return renderLibrary(c, caller, { values, errors }, 422);
    try {
      const id = await uploadToLibrary(articleStoreOf(c), caller, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        originalName: file.name,
        caption: values.caption.trim(),
        altText: values.alt.trim(),
        unitId: Number(values.unitId),
      });
      return c.redirect(`${libraryItemHref(id)}?ok=uploaded`, 303);
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return renderLibrary(c, caller, { values, errors: refused.fields }, refused.status);
    }
  });

  app.get(`${LIBRARY}/:id{[0-9]+}`, async (c) =>
    renderItem(c, await librarianOf(c), requireId(c.req.param("id"), NOT_FOUND)),
  );

  app.post(`${LIBRARY}/:id{[0-9]+}`, async (c) => {
    const caller = await librarianOf(c);
    const id = requireId(c.req.param("id"), NOT_FOUND);
    const body = await c.req.parseBody();
    const values = { caption: formText(body, "caption"), alt: formText(body, "alt") };
    try {
      await updateLibraryDetails(c.var.ctx.database.db, caller, id, {
        caption: values.caption,
        altText: values.alt,
      });
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return renderItem(c, caller, id, { values, errors: refused.fields }, refused.status);
    }
    return c.redirect(`${libraryItemHref(id)}?ok=saved`, 303);
  });

  app.post(`${LIBRARY}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await librarianOf(c);
    await deleteLibraryItem(articleStoreOf(c), caller, requireId(c.req.param("id"), NOT_FOUND));
    return c.redirect(`${LIBRARY}?ok=deleted`, 303);
  });
}
