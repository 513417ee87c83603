import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerConclusionPages } from "./conclusion-pages.routes.js";
import { registerConclusionApi } from "./conclusions.api.js";
import { registerNoticeLibraryRoutes } from "./notice-library.routes.js";
import { registerPublicNoticeRoutes } from "./public/public-notice.routes.js";
import { registerPublicNoticeApi } from "./public/public-notices.api.js";

/** Conclusion notices: the reader, saving, review and corrections, Word, publishing: API and pages. */
export function registerConclusionRoutes(app: OpenAPIHono<AppEnv>): void {
  registerConclusionApi(app);
  registerPublicNoticeApi(app);
  registerConclusionPages(app);
  registerPublicNoticeRoutes(app);
  registerNoticeLibraryRoutes(app);
}
