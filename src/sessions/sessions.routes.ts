import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerCalendarEntryPages } from "./calendar/calendar-entries.routes.js";
import { registerLeadersCalendarRoutes } from "./calendar/leaders-calendar.routes.js";
import { registerCalendarPages } from "./calendar.routes.js";
import { registerProgrammeApi } from "./programme.api.js";
import { registerProgrammePages } from "./programme.routes.js";
import type { SessionExtensions } from "./session.extension.js";
import { registerSessionPages } from "./session-pages.routes.js";
import { registerSessionApi } from "./sessions.api.js";

/** The programme of work, working sessions and the calendar: API and pages. */
export function registerSessionRoutes(app: OpenAPIHono<AppEnv>, extensions: SessionExtensions): void {
  registerSessionApi(app, extensions);
  registerProgrammeApi(app);
  registerSessionPages(app, extensions);
  registerProgrammePages(app);
  registerCalendarPages(app);
  registerCalendarEntryPages(app);
  registerLeadersCalendarRoutes(app);
}
