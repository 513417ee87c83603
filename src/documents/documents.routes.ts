import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerDocumentApi } from "./documents.api.js";
import { registerAdminDocumentRoutes } from "./documents-admin.routes.js";
import { registerPublicDocumentRoutes } from "./documents-public.routes.js";

/** The document library: public pages and feeds, the admin pages, the JSON API. */
export function registerDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  registerDocumentApi(app);
  registerPublicDocumentRoutes(app);
  registerAdminDocumentRoutes(app);
}
