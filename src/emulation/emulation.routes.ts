import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerRankingRoutes } from "./ranking.routes.js";
import { registerScoringApi } from "./scoring.api.js";

/** Department assessments, emulation scoring, ranking, quality levels and award proposals. */
export function registerEmulationRoutes(app: OpenAPIHono<AppEnv>): void {
  registerRankingRoutes(app);
  registerScoringApi(app);
}
