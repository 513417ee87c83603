import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerConclusionPages } from "./conclusion-pages.routes.js";
import { registerConclusionApi } from "./conclusions.api.js";
import { registerNoticeLibraryRoutes } from "./notice-library.routes.js";

/** Conclusion notices: the reader, saving, review and corrections, Word: API and pages. */
export function registerConclusionRoutes(app: OpenAPIHono<AppEnv>): void {
  registerConclusionApi(app);
  registerConclusionPages(app);
  registerNoticeLibraryRoutes(app);
}
