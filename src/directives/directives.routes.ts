import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerDirectivePages } from "./directive-pages.routes.js";
import { registerDirectiveApi } from "./directives.api.js";
import { registerExtensionApi } from "./extensions/extensions.api.js";
import { registerExtensionPages } from "./extensions/extensions.routes.js";
import { registerFollowUpPages } from "./follow-up/follow-up.routes.js";
import { registerProposalApi } from "./proposals/proposals.api.js";
import { registerProposalPages } from "./proposals/proposals.routes.js";
import { registerNotificationRoutes } from "./reminders/notifications.routes.js";

/** Directives, proposals, follow-up and reminders: API and pages. */
export function registerDirectiveRoutes(app: OpenAPIHono<AppEnv>): void {
  registerDirectiveApi(app);
  registerExtensionApi(app);
  registerProposalApi(app);
  registerNotificationRoutes(app);
  registerDirectivePages(app);
  registerExtensionPages(app);
  registerFollowUpPages(app);
  registerProposalPages(app);
}
