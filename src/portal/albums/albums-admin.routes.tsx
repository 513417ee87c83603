import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import { canAnywhere } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError } from "../../core/http/errors.js";
import { requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { editableUnitIds, unitChoices } from "../articles/article-access.js";
import { formErrorsOf } from "../editorial/editor-request.js";
import { findLibraryItems, listLibraryItems } from "../media/media-library.repo.js";
import {
  type AlbumFormValues,
  albumValues,
  newAlbumValues,
  offeredValues,
  parseAlbumForm,
} from "./album-form.js";
import { type AlbumPhotoRow, type AlbumRow, listAlbumPhotos, listAlbumsOfUnits } from "./albums.repo.js";
import { deleteAlbum, loadEditableAlbum, saveAlbum } from "./albums.service.js";
import { ADMIN_ALBUMS, AlbumFormPage, AlbumListPage } from "./albums-admin.views.js";

/** `/quan-tri/album-anh`: the editors' albums (list, create, edit, delete). */

const LIBRARY_OFFER = 48;
const NOTICES: Record<string, string> = {
  saved: "Đã lưu album.",
  deleted: "Đã xóa album.",
};
const NOT_FOUND = "Không tìm thấy album.";

async function albumEditorOf(c: AppCtx): Promise<ActorContext> {
  const caller = await actorOf(c);
  if (!canAnywhere(caller.actor, "article.publish", caller.today)) throw new ForbiddenError();
  return caller;
}

/** The photos offered: the album's, then the library's newest, then any the form still names. */
async function renderForm(
  c: AppCtx,
  caller: ActorContext,
  album: AlbumRow | null,
  extra: { values?: AlbumFormValues; errors?: Record<string, string> } = {},
  status: 200 | 409 | 422 = 200,
) {
  const db = c.var.ctx.database.db;
  const [units, library, inAlbum] = await Promise.all([
    unitChoices(db, caller),
    listLibraryItems(db, { unitIds: editableUnitIds(caller), limit: LIBRARY_OFFER, offset: 0 }),
    album ? listAlbumPhotos(db, [album.id]) : Promise.resolve(new Map<number, AlbumPhotoRow[]>()),
  ]);
  const albumPhotos = album ? (inAlbum.get(album.id) ?? []) : [];
  const values =
    extra.values ?? (album ? albumValues(album, albumPhotos) : newAlbumValues(units.map((u) => u.id)));
  const firstIds = [...albumPhotos.map((p) => p.mediaId), ...Object.keys(values.photos).map(Number)];
  const first = await findLibraryItems(db, [...new Set(firstIds)]);
  const seen = new Set(first.map((i) => i.id));
  const photos = [...first, ...library.items.filter((i) => !seen.has(i.id))];
  for (const item of photos) values.photos[String(item.id)] ??= offeredValues(item);
  return c.html(
    <AlbumFormPage
      meta={pageMeta(c, album ? `Sửa album: ${album.title}` : "Tạo album mới")}
      album={album}
      values={values}
      errors={extra.errors}
      units={units}
      photos={photos}
      notice={NOTICES[c.req.query("ok") ?? ""] ?? null}
    />,
    status,
  );
}

async function submit(c: AppCtx, id: number | null) {
  const caller = await albumEditorOf(c);
  const db = c.var.ctx.database.db;
  const album = id === null ? null : await loadEditableAlbum(db, caller, id);
  const { values, input } = parseAlbumForm(await c.req.parseBody());
  try {
    const saved = await saveAlbum(db, caller, id, input);
    return c.redirect(`${ADMIN_ALBUMS}/${saved}?ok=saved`, 303);
  } catch (error) {
    const refused = formErrorsOf(error);
    if (!refused) throw error;
    return renderForm(c, caller, album, { values, errors: refused.fields }, refused.status);
  }
}

export function registerAlbumAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(ADMIN_ALBUMS, async (c) => {
    const caller = await albumEditorOf(c);
    const albums = await listAlbumsOfUnits(c.var.ctx.database.db, editableUnitIds(caller));
    return c.html(
      <AlbumListPage
        meta={pageMeta(c, "Album ảnh")}
        albums={albums}
        notice={NOTICES[c.req.query("ok") ?? ""] ?? null}
      />,
    );
  });
  app.get(`${ADMIN_ALBUMS}/moi`, async (c) => renderForm(c, await albumEditorOf(c), null));
  app.post(`${ADMIN_ALBUMS}/moi`, (c) => submit(c, null));
  app.get(`${ADMIN_ALBUMS}/:id{[0-9]+}`, async (c) => {
    const caller = await albumEditorOf(c);
    const id = requireId(c.req.param("id"), NOT_FOUND);
    return renderForm(c, caller, await loadEditableAlbum(c.var.ctx.database.db, caller, id));
  });
  app.post(`${ADMIN_ALBUMS}/:id{[0-9]+}`, (c) => submit(c, requireId(c.req.param("id"), NOT_FOUND)));
  app.post(`${ADMIN_ALBUMS}/:id{[0-9]+}/xoa`, async (c) => {
    const caller = await albumEditorOf(c);
    await deleteAlbum(c.var.ctx.database.db, caller, requireId(c.req.param("id"), NOT_FOUND));
    return c.redirect(`${ADMIN_ALBUMS}?ok=deleted`, 303);
  });
}
