import type { Logger } from "pino";
import type { AppContext } from "../core/app-context.js";
import type { Config } from "../core/config.js";
import type { Database } from "../core/db/database.js";
import { PageCache } from "../core/http/page-cache.js";
import type { EvaluationSource } from "../emulation/evaluation-source.js";
import { emulationStanding } from "../emulation/evaluation-standing.section.js";
import { targetsEvaluationSource } from "../emulation/targets-evaluation-source.js";
import { createViewCounter } from "../portal/public/view-flush.service.js";
import { createSiteIdentityCache } from "../portal/site/site-settings.service.js";

export interface ContextParts {
  config: Config;
  database: Database;
  logger: Logger;
  now: () => Date;
  /** Replaces the targets room as emulation's source of evaluations (tests of emulation alone). */
  evaluationSource?: EvaluationSource;
  pageCacheEntries?: number;
}

/**
 * The one place the app context is assembled, for the server and for tests alike: the floor's parts
 * and what each room contributes (the portal's view counter, emulation's evaluation source).
 */
export function buildAppContext(parts: ContextParts): AppContext {
  const { config, database, logger, now } = parts;
  const pageCache = new PageCache({
    maxEntries: parts.pageCacheEntries ?? 2_000,
    ttlMs: config.pageCacheTtlMs,
  });
  const siteIdentityCache = createSiteIdentityCache(database, config, now);
  return {
    config,
    database,
    logger,
    now,
    pageCache,
    // The ward's name, emblem and contact in the public frame (portal/site).
    siteIdentityCache,
    siteIdentity: () => siteIdentityCache.get(),
    // The view counter's pages show stored counts: each written flush drops the cached pages.
    viewCounter: createViewCounter(database, config, now, () => pageCache.invalidate()),
    evaluationSource: parts.evaluationSource ?? targetsEvaluationSource,
    // The narrative's rank, quality level and award proposals, which emulation stores.
    evaluationStanding: emulationStanding(parts.evaluationSource ?? targetsEvaluationSource),
  };
}
