import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import type { UnitExtensions } from "./unit-page.extension.js";
import { registerUnitPages } from "./unit-pages.routes.js";
import { registerUnitApi } from "./units.api.js";

/** Unit pages (public tree and unit pages, admin profile editing) and the `/api/v1/units` API. */
export function registerUnitRoutes(app: OpenAPIHono<AppEnv>, extensions: UnitExtensions): void {
  registerUnitApi(app);
  registerUnitPages(app, extensions);
}
