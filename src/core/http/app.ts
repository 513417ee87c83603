import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { registerAccountRoutes } from "../../accounts/accounts.routes.js";
import { registerEmulationRoutes } from "../../emulation/emulation.routes.js";
import { registerPortalRoutes } from "../../portal/portal.routes.js";
import { registerSessionRoutes } from "../../sessions/sessions.routes.js";
import { registerTargetRoutes } from "../../targets/targets.routes.js";
import { registerUnitRoutes } from "../../units/units.routes.js";
import type { AppContext } from "../app-context.js";
import { useVietnameseZodMessages } from "../validation/zod-messages.js";
import { registerApiDocs } from "./api-docs.js";
import { handleError, handleNotFound } from "./error-handler.js";
import { createRouter } from "./openapi.js";
import { compressedWhenAsked, requestPipeline, staticFileHeaders } from "./request-pipeline.js";

/** `public/` sits at the package root: three levels above this file in `src/` and in `dist/`. */
const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public");

/** Builds the whole HTTP application around one context. Tests call this with their own database. */
export function createApp(ctx: AppContext) {
  useVietnameseZodMessages();
  const app = createRouter();
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.use("*", compressedWhenAsked());
  app.use("/static/*", staticFileHeaders(ctx), serveStatic({ root: PUBLIC_DIR }));
  app.use("*", requestPipeline(ctx));

  registerAccountRoutes(app);
  registerUnitRoutes(app);
  registerPortalRoutes(app);
  registerTargetRoutes(app);
  registerEmulationRoutes(app);
  registerSessionRoutes(app);
  registerApiDocs(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
