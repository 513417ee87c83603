import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { pageMeta } from "../../core/http/request.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { listUnitNames } from "../editorial/editor.repo.js";
import { parsePage } from "../public/public-params.js";
import { findAlbumBySlug, listAlbumPhotos, listPublishedAlbums } from "./albums.repo.js";
import { albumHref, PUBLIC_ALBUMS } from "./albums-admin.views.js";
import { AlbumListPublicPage, AlbumPublicPage } from "./albums-public.views.js";

/** `/thu-vien-anh` and `/thu-vien-anh/<slug>`: published albums, for everyone. */

const PAGE_SIZE = 12;

export function registerAlbumPublicRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(PUBLIC_ALBUMS, async (c) => {
    const db = c.var.ctx.database.db;
    const page = parsePage(c.req.query("trang"));
    const { albums, total } = await listPublishedAlbums(db, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pageCount) throw new NotFoundError("Trang này không tồn tại.");
    const photos = await listAlbumPhotos(
      db,
      albums.map((a) => a.id),
    );
    const cards = albums.map((album) => {
      const list = photos.get(album.id) ?? [];
      return { album, cover: list[0] ?? null, count: list.length };
    });
    return c.html(
      <AlbumListPublicPage
        meta={pageMeta(c, page > 1 ? `Thư viện ảnh – trang ${page}` : "Thư viện ảnh")}
        cards={cards}
        page={page}
        pageCount={pageCount}
      />,
    );
  });

  app.get(`${PUBLIC_ALBUMS}/:slug`, async (c) => {
    const db = c.var.ctx.database.db;
    const album = await findAlbumBySlug(db, c.req.param("slug"));
    if (!album || !album.published) throw new NotFoundError("Không tìm thấy album.");
    const [photos, names] = await Promise.all([
      listAlbumPhotos(db, [album.id]),
      listUnitNames(db, [album.unitId]),
    ]);
    const unit = names.find((u) => u.id === album.unitId);
    return c.html(
      <AlbumPublicPage
        meta={pageMeta(c, album.title, { description: album.description ?? undefined })}
        album={album}
        photos={photos.get(album.id) ?? []}
        unitName={unit ? unitDisplayName(unit) : ""}
        canonicalUrl={new URL(albumHref(album.slug), c.var.ctx.config.publicBaseUrl).toString()}
      />,
    );
  });
}
