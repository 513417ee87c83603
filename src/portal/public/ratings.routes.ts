import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { type AppCtx, clientIp } from "../../core/http/request.js";
import { parseRatingScore, ratingVisitorKey } from "./ratings.rules.js";
import { rateArticle } from "./ratings.service.js";

/** The visitor key of the current request (keyed hash of the address). */
export function ratingVisitorOf(c: AppCtx): string {
  return ratingVisitorKey(c.var.ctx.config.sessionSecret, clientIp(c));
}

/**
 * `POST /tin-tuc/:slug/danh-gia` (form field `muc`: 1, 2 or 3; CSRF-checked by the app's middleware
 * like every form). Answers with a redirect back to the article's rating section, so a reload does
 * not post again.
 */
export function registerRatingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.post("/tin-tuc/:slug/danh-gia", async (c) => {
    const slug = c.req.param("slug");
    const body = await c.req.parseBody();
    const score = parseRatingScore(body.muc);
    const back = `/tin-tuc/${encodeURIComponent(slug)}`;
    if (score === null) return c.redirect(`${back}?danh-gia=chua-chon#danh-gia-bai`, 303);
    await rateArticle(c.var.ctx.database.db, {
      slug,
      score,
      visitor: ratingVisitorOf(c),
      now: c.var.ctx.now(),
    });
    return c.redirect(`${back}?danh-gia=da-ghi#danh-gia-bai`, 303);
  });
}
