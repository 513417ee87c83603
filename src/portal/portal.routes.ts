import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import type { OpenDataExtensions } from "../core/open-data/catalogue.extension.js";
import { registerAlbumAdminRoutes } from "./albums/albums-admin.routes.js";
import { registerAlbumPublicRoutes } from "./albums/albums-public.routes.js";
import { registerArticleApi } from "./articles/articles.api.js";
import { registerAdminArticleRoutes } from "./editorial/articles-admin.routes.js";
import { registerMediaRoutes } from "./media/media.routes.js";
import { registerCatalogueRoutes } from "./open-data/catalogue.routes.js";
import { registerPublicArticleRoutes } from "./public/articles-public.routes.js";
import { NO_PORTAL_EXTENSIONS, type PortalExtensions } from "./public/portal-sections.extension.js";
import { registerSiteSettingsRoutes } from "./site/site-settings.routes.js";

/**
 * Portal pages, the editor's area, uploaded media and the articles API; the open-data catalogue of
 * the datasets the composition root collects from the rooms.
 */
export function registerPortalRoutes(
  app: OpenAPIHono<AppEnv>,
  extensions: PortalExtensions & OpenDataExtensions = { ...NO_PORTAL_EXTENSIONS, datasets: [] },
): void {
  registerCatalogueRoutes(app, extensions);
  registerPublicArticleRoutes(app, extensions);
  registerMediaRoutes(app);
  registerAdminArticleRoutes(app);
  registerAlbumAdminRoutes(app);
  registerAlbumPublicRoutes(app);
  registerArticleApi(app);
  registerSiteSettingsRoutes(app);
}
