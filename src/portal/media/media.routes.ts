import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { findMediaByKey } from "./media.repo.js";
import { isStorageKey } from "./media.rules.js";
import { mediaDirOf, openMediaFile } from "./media.service.js";

/**
 * `/media/<key>`: uploaded files. The key is looked up in the media table and only the stored key is
 * joined to the media folder, so `..`, encoded slashes and other tricks find nothing.
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
    // Keys are random and never reused for other content, so the file can be cached for good.
    return c.body(file.stream, 200, {
      "Content-Type": media.mimeType,
      "Content-Length": String(file.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    });
  });
}
