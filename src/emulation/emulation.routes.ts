import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerAssessmentRoutes } from "./assessments.routes.js";
import { registerAwardRoutes } from "./awards.routes.js";
import { registerCriteriaApi } from "./criteria.api.js";
import { registerCriteriaPages } from "./criteria.pages.js";
import { registerQualityRoutes } from "./quality.routes.js";
import { registerRankingRoutes } from "./ranking.routes.js";
import { registerScoringApi } from "./scoring.api.js";
import { registerScoringPages } from "./scoring.pages.js";

/** Department assessments, emulation scoring, ranking, quality levels and award proposals. */
export function registerEmulationRoutes(app: OpenAPIHono<AppEnv>): void {
  registerRankingRoutes(app);
  registerAssessmentRoutes(app);
  registerScoringApi(app);
  registerScoringPages(app);
  registerCriteriaPages(app);
  registerCriteriaApi(app);
  registerQualityRoutes(app);
  registerAwardRoutes(app);
}
