import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerDirectiveApi } from "../directives/directives.api.js";
import { registerFollowUpPages } from "../directives/directives.follow-up.pages.js";
import { registerDirectivePages } from "../directives/directives.pages.js";
import { registerProposalApi } from "../directives/proposals.api.js";
import { registerProposalPages } from "../directives/proposals.pages.js";
import { registerNotificationRoutes } from "../directives/reminders.pages.js";
import { registerCalendarPages } from "./calendar.pages.js";
import { registerConclusionPages } from "./conclusions.pages.js";
import { registerProgrammeApi } from "./programme.api.js";
import { registerProgrammePages } from "./programme.pages.js";
import { registerSessionApi } from "./sessions.api.js";
import { registerSessionPages } from "./sessions.pages.js";

/** Working sessions, conclusions, directives, proposals, follow-up and reminders: API and pages. */
export function registerSessionRoutes(app: OpenAPIHono<AppEnv>): void {
  registerSessionApi(app);
  registerProgrammeApi(app);
  registerDirectiveApi(app);
  registerProposalApi(app);
  registerNotificationRoutes(app);
  registerSessionPages(app);
  registerConclusionPages(app);
  registerProgrammePages(app);
  registerCalendarPages(app);
  registerDirectivePages(app);
  registerFollowUpPages(app);
  registerProposalPages(app);
}
