import type { Logger } from "pino";
import type { ViewCounter } from "../portal/view-counter.js";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { PageCache } from "./http/page-cache.js";

/** What every route and service may use; built once in `main.ts` (or by a test) and passed down. */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
  viewCounter: ViewCounter;
  /** Public pages as anonymous visitors see them, for a few seconds (PAGE_CACHE_TTL_MS). */
  pageCache: PageCache;
}
