import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerAdminArticleRoutes } from "./articles.admin.routes.js";
import { registerArticleApi } from "./articles.api.js";
import { registerPublicArticleRoutes } from "./articles.public.routes.js";
import { registerMediaRoutes } from "./media.routes.js";

/** Portal pages, the editor's area, uploaded media and the articles API. */
export function registerPortalRoutes(app: OpenAPIHono<AppEnv>): void {
  registerPublicArticleRoutes(app);
  registerMediaRoutes(app);
  registerAdminArticleRoutes(app);
  registerArticleApi(app);
}
