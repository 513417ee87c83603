import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import type { OpenDataExtensions } from "../core/open-data/catalogue.extension.js";
import { registerArticleApi } from "./articles/articles.api.js";
import { registerAdminArticleRoutes } from "./editorial/articles-admin.routes.js";
import { registerMediaRoutes } from "./media/media.routes.js";
import { registerCatalogueRoutes } from "./open-data/catalogue.routes.js";
import { registerPublicArticleRoutes } from "./public/articles-public.routes.js";

/**
 * Portal pages, the editor's area, uploaded media and the articles API; the open-data catalogue of
 * the datasets the composition root collects from the rooms.
 */
export function registerPortalRoutes(
  app: OpenAPIHono<AppEnv>,
  extensions: OpenDataExtensions = { datasets: [] },
): void {
  registerCatalogueRoutes(app, extensions);
  registerPublicArticleRoutes(app);
  registerMediaRoutes(app);
  registerAdminArticleRoutes(app);
  registerArticleApi(app);
}
