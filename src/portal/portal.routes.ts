import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";

/** Portal pages and API: filled in by the portal module. */
export function registerPortalRoutes(_app: OpenAPIHono<AppEnv>): void {}
