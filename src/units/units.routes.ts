import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";

/** Unit pages and API: filled in by the units module. */
export function registerUnitRoutes(_app: OpenAPIHono<AppEnv>): void {}
