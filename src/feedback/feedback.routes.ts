/** The feedback room's routes: the public pages, the widget's files, the ward's pages and the API. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerAdminFeedbackRoutes } from "./admin-feedback.routes.js";
import { registerAltchaAssets } from "./altcha-assets.routes.js";
import { registerFeedbackApi } from "./feedback.api.js";
import { type PublicFeedbackOptions, registerPublicFeedbackRoutes } from "./public-feedback.routes.js";

export function registerFeedbackRoutes(app: OpenAPIHono<AppEnv>, options: PublicFeedbackOptions = {}): void {
  registerAltchaAssets(app);
  registerPublicFeedbackRoutes(app, options);
  registerAdminFeedbackRoutes(app);
  registerFeedbackApi(app);
}
