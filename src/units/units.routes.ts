import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerUnitApi } from "./units.api.js";
import { registerUnitPages } from "./units.pages.js";

/** Unit pages (public tree and unit pages, admin profile editing) and the `/api/v1/units` API. */
export function registerUnitRoutes(app: OpenAPIHono<AppEnv>): void {
  registerUnitApi(app);
  registerUnitPages(app);
}
