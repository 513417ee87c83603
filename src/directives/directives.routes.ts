import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerDirectiveApi } from "./directives.api.js";
import { registerFollowUpPages } from "./directives.follow-up.pages.js";
import { registerDirectivePages } from "./directives.pages.js";
import { registerProposalApi } from "./proposals.api.js";
import { registerProposalPages } from "./proposals.pages.js";
import { registerNotificationRoutes } from "./reminders.pages.js";

/** Directives, proposals, follow-up and reminders: API and pages. */
export function registerDirectiveRoutes(app: OpenAPIHono<AppEnv>): void {
  registerDirectiveApi(app);
  registerProposalApi(app);
  registerNotificationRoutes(app);
  registerDirectivePages(app);
  registerFollowUpPages(app);
  registerProposalPages(app);
}
