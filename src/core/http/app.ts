import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import { registerAccountRoutes } from "../../accounts/accounts.routes.js";
import { authenticate, verifyCsrf } from "../../accounts/auth.middleware.js";
import { registerEmulationRoutes } from "../../emulation/emulation.routes.js";
import { registerPortalRoutes } from "../../portal/portal.routes.js";
import { registerSessionRoutes } from "../../sessions/sessions.routes.js";
import { registerTargetRoutes } from "../../targets/targets.routes.js";
import { registerUnitRoutes } from "../../units/units.routes.js";
import type { AppContext } from "../app-context.js";
import { registerApiDocs } from "./api-docs.js";
import { handleError, handleNotFound } from "./error-handler.js";
import { createRouter } from "./openapi.js";

/** `public/` sits at the package root: three levels above this file in `src/` and in `dist/`. */
const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public");
/** A 10 MB photo plus the form around it: the photo's own limit is checked with a message next to the field. */
const MAX_UPLOAD_BYTES = 12 * 1024 * 1024;

/** Builds the whole HTTP application around one context. Tests call this with their own database. */
export function createApp(ctx: AppContext) {
  const app = createRouter();
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Article bodies may show photos hosted elsewhere over https (the sanitiser keeps only https or /media/).
        imgSrc: ["'self'", "data:", "https:"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: ctx.config.secureCookies ? "max-age=31536000; includeSubDomains" : false,
      referrerPolicy: "strict-origin-when-cross-origin",
    }),
  );
  app.use("*", compress());
  app.use(
    "/static/*",
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=86400");
    },
    serveStatic({ root: PUBLIC_DIR }),
  );
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
    // Any accepted change may show on a public page (an article, a rating, a unit's name): the
    // cached pages are dropped rather than tracked one by one, since writes are rare beside reads.
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.res.status < 400) ctx.pageCache.invalidate();
  });
  app.use("*", bodyLimit({ maxSize: MAX_UPLOAD_BYTES }));
  app.use("*", authenticate);
  app.use("*", verifyCsrf);
  app.use("*", async (c, next) => {
    await next();
    // Pages carry the user's name and CSRF token: never let a shared cache keep them.
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });

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
