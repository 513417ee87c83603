import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";

/** Department assessments, emulation scoring, ranking and awards: filled in by the emulation module. */
export function registerEmulationRoutes(_app: OpenAPIHono<AppEnv>): void {}
