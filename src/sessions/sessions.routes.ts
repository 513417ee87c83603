import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerDirectiveApi } from "../directives/directives.api.js";
import { registerProposalApi } from "../directives/proposals.api.js";
import { registerSessionApi } from "./sessions.api.js";

/** Working sessions, conclusions, directives and proposals: API and pages. */
export function registerSessionRoutes(app: OpenAPIHono<AppEnv>): void {
  registerSessionApi(app);
  registerDirectiveApi(app);
  registerProposalApi(app);
}
