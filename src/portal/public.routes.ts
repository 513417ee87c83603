import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerSearchRoutes } from "./search.routes.js";

/**
 * The public portal beyond the home and article pages: search, categories, most read, feeds,
 * sitemap, ratings, unit portal pages and open data. Registered by `registerPortalRoutes`.
 */
export function registerPublicPortalRoutes(app: OpenAPIHono<AppEnv>): void {
  registerSearchRoutes(app);
}
