import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { PageCache } from "./http/page-cache.js";
import type { SiteIdentity } from "./views/site-identity.js";

/**
 * What every route and service may use; built once by the composition root (src/app/context.ts) for
 * the server and for tests, and passed down. Rooms add what they provide to it by declaration merging
 * (`declare module "…/core/app-context.js" { interface AppContext { … } }`): the floor names no room.
 */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
  /** Public pages as anonymous visitors see them, for a few seconds (PAGE_CACHE_TTL_MS). */
  pageCache: PageCache;
  /** The site's identity for the public frame (the portal fills it; cached, dropped on change). */
  siteIdentity?: () => Promise<SiteIdentity>;
}
