import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";

export function registerApiDocs(_app: OpenAPIHono<AppEnv>): void {}
