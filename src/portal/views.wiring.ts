import type { Config } from "../core/config.js";
import type { Database } from "../core/db/database.js";
import { addArticleViews } from "./articles.repo.js";
import { ViewCounter } from "./view-counter.js";

/**
 * The app's view counter: buffers article views in memory and adds them to `articles.views` in one
 * transaction per flush. Not started: the process that owns it calls
 * `counter.start(config.viewFlushIntervalMs, logError)` after start-up and `await counter.stop()`
 * on shutdown (SIGTERM/SIGINT, after the HTTP server stops accepting requests), which writes what
 * is left so no view is lost.
 */
export function createViewCounter(
  database: Database,
  config: Config,
  now: () => Date = () => new Date(),
): ViewCounter {
  return new ViewCounter((counts) => addArticleViews(database.db, counts), config.sessionSecret, now);
}
