import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";

/** Working sessions, conclusions, directives and proposals: filled in by the sessions module. */
export function registerSessionRoutes(_app: OpenAPIHono<AppEnv>): void {}
