import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { READER_VISIBLE_STATUSES } from "../articles/article-workflow.rules.js";
import { findMediaByKey, isShownToReaders } from "./media.repo.js";
import { isStorageKey, mainKeyOfCopy } from "./media.rules.js";
import { mediaDirOf, openMediaFile } from "./media.service.js";

/**
 * `/media/<key>`: uploaded files. The key is looked up in the media table and only the stored key is
 * joined to the media folder, so `..`, encoded slashes and other tricks find nothing.
 *
 * A photo of an article readers may see is public: other sites (the news, the province's portal) may
 * show it (`Cross-Origin-Resource-Policy: cross-origin`) and caches keep it for good. Any other file
 * (a draft's photo, the library) keeps the app-wide `same-origin` and is revalidated on each use, so
 * the copy a cache holds changes when the article is published.
 */
export function registerMediaRoutes(app: OpenAPIHono<AppEnv>): void {
  // A response that shared caches keep for a year must not carry anyone's cookie (the anonymous
  // CSRF cookie is set on every first request).
  app.use("/media/*", async (c, next) => {
    await next();
    c.res.headers.delete("Set-Cookie");
  });
  app.get("/media/:key", async (c) => {
    const key = c.req.param("key");
    if (!isStorageKey(key)) throw new NotFoundError();
    const { database, config } = c.var.ctx;
    const media = await findMediaByKey(database.db, key);
    if (!media) throw new NotFoundError();
    const file = await openMediaFile(mediaDirOf(config), media.storageKey);
    if (!file) throw new NotFoundError();
    const published = await isShownToReaders(
      database.db,
      { mediaId: media.id, mainKey: mainKeyOfCopy(media.storageKey) },
      READER_VISIBLE_STATUSES,
      c.var.ctx.now().toISOString(),
    );
    return c.body(file.stream, 200, {
      "Content-Type": media.mimeType,
      "Content-Length": String(file.size),
      // Keys are random and never reused for other content, so a public file can be cached for good.
      "Cache-Control": published ? "public, max-age=31536000, immutable" : "private, no-cache",
      "Cross-Origin-Resource-Policy": published ? "cross-origin" : "same-origin",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    });
  });
}
