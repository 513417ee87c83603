import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import { canAnywhere } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError } from "../../core/http/errors.js";
import { formText } from "../../core/http/params.js";
import type { AppCtx } from "../../core/http/request.js";
import { articleStoreOf } from "../articles/article-store.js";
import { mediaPath } from "../articles/reader-visibility.rules.js";
import { formErrorsOf, pageOf } from "../editorial/editor-request.js";
import type { LibraryItem } from "./media-library.repo.js";
import { getLibraryItem, listLibrary, uploadToLibrary } from "./media-library.service.js";
import { PICKER_JSON } from "./media-library.views.js";

/**
 * The editor's photo dialog reads the library as JSON and uploads into it without leaving the
 * article: `GET /quan-tri/thu-vien-anh/chon.json?trang=N` and `POST` the same address (multipart,
 * `X-CSRF-Token`), answering 201 with the new photo or 422 with messages by field.
 */

const PAGE_SIZE = 24;

export interface PickerPhoto {
  id: number;
  /** The main file: what the article shows. */
  src: string;
  /** The narrowest copy, for the grid. */
  thumb: string;
  alt: string;
  caption: string;
}

export function pickerPhotoOf(item: LibraryItem): PickerPhoto {
  return {
    id: item.id,
    src: mediaPath(item.storageKey),
    thumb: mediaPath(item.previewKey),
    alt: item.altText ?? "",
    caption: item.caption ?? "",
  };
}

async function librarianOf(c: AppCtx): Promise<ActorContext> {
  const caller = await actorOf(c);
  if (!canAnywhere(caller.actor, "media.upload", caller.today)) throw new ForbiddenError();
  return caller;
}

export function registerMediaPickerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(PICKER_JSON, async (c) => {
    const caller = await librarianOf(c);
    const page = pageOf(c);
    const { items, total } = await listLibrary(c.var.ctx.database.db, caller, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return c.json({
      items: items.map(pickerPhotoOf),
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    });
  });

  app.post(PICKER_JSON, async (c) => {
    const caller = await librarianOf(c);
    const body = await c.req.parseBody();
    const file = body.photo;
    const unitId = formText(body, "unitId");
    const errors: Record<string, string> = {};
    if (!(file instanceof File) || file.size === 0) errors.photo = "Vui lòng chọn ảnh để tải lên.";
    if (!/^[1-9]\d{0,9}$/.test(unitId))
      errors.unitId = "Vui lòng chọn đơn vị sở hữu bài viết trước khi tải ảnh.";
    if (Object.keys(errors).length > 0 || !(file instanceof File)) return c.json({ errors }, 422);
    try {
      const id = await uploadToLibrary(articleStoreOf(c), caller, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        originalName: file.name,
        caption: formText(body, "caption").trim(),
        altText: formText(body, "alt").trim(),
        unitId: Number(unitId),
      });
      const { item } = await getLibraryItem(c.var.ctx.database.db, caller, id);
      return c.json({ item: pickerPhotoOf(item) }, 201);
    } catch (error) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return c.json({ errors: refused.fields }, refused.status);
    }
  });
}
