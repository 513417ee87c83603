import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";

/** Targets, results and evaluation pages and API: filled in by the targets module. */
export function registerTargetRoutes(_app: OpenAPIHono<AppEnv>): void {}
