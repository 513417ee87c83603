import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerAlbumAdminRoutes } from "./albums/albums-admin.routes.js";
import { registerAlbumPublicRoutes } from "./albums/albums-public.routes.js";
import { registerArticleApi } from "./articles/articles.api.js";
import { registerAdminArticleRoutes } from "./editorial/articles-admin.routes.js";
import { registerMediaRoutes } from "./media/media.routes.js";
import { registerPublicArticleRoutes } from "./public/articles-public.routes.js";
import { NO_PORTAL_EXTENSIONS, type PortalExtensions } from "./public/portal-sections.extension.js";
import { registerSiteSettingsRoutes } from "./site/site-settings.routes.js";

/** Portal pages, the editor's area, uploaded media and the articles API. */
export function registerPortalRoutes(
  app: OpenAPIHono<AppEnv>,
  extensions: PortalExtensions = NO_PORTAL_EXTENSIONS,
): void {
  registerPublicArticleRoutes(app, extensions);
  registerMediaRoutes(app);
  registerAdminArticleRoutes(app);
  registerAlbumAdminRoutes(app);
  registerAlbumPublicRoutes(app);
  registerArticleApi(app);
  registerSiteSettingsRoutes(app);
}
