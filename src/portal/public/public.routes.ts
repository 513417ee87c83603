import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { registerFeedRoutes } from "../feeds/feeds.routes.js";
import { registerOpenDataRoutes } from "../open-data/open-data.routes.js";
import { registerSearchRoutes } from "../search/search.routes.js";
import { registerCategoryPages } from "./category-public.views.js";
import { registerMostReadRoutes } from "./most-read.routes.js";
import type { PortalExtensions } from "./portal-sections.extension.js";
import { registerRatingRoutes } from "./ratings.routes.js";
import { registerUnitPortalRoutes } from "./unit-portal.routes.js";

/**
 * The public portal beyond the home and article pages: search, categories, most read, ratings,
 * feeds, sitemap, unit portal pages and open data. Registered by `registerPublicArticleRoutes`.
 */
export function registerPublicPortalRoutes(app: OpenAPIHono<AppEnv>, extensions: PortalExtensions): void {
  registerSearchRoutes(app);
  registerCategoryPages(app);
  registerMostReadRoutes(app);
  registerRatingRoutes(app);
  registerFeedRoutes(app);
  registerOpenDataRoutes(app);
  registerUnitPortalRoutes(app, extensions.unitParts);
}
