import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerAssessmentRoutes } from "./assessments/assessments.routes.js";
import { registerAwardRoutes } from "./awards/awards.routes.js";
import { registerQualityRoutes } from "./awards/quality.routes.js";
import { registerRankingRoutes } from "./ranking/ranking.routes.js";
import { registerCriteriaApi } from "./schemes/criteria.api.js";
import { registerCriteriaPages } from "./schemes/criteria.routes.js";
import { registerScoringApi } from "./scoring/scoring.api.js";
import { registerScoringPages } from "./scoring/scoring.routes.js";

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
