import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerTargetApi } from "./targets.api.js";

/** Targets, results and evaluation pages and API. */
export function registerTargetRoutes(app: OpenAPIHono<AppEnv>): void {
  registerTargetApi(app);
}
