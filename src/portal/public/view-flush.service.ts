import type { Config } from "../../core/config.js";
import type { Database } from "../../core/db/database.js";
import { vnDateString } from "../../core/format/vi-date.js";
import { addArticleViews } from "../articles/articles.repo.js";
import { addDailyViews } from "./most-read.repo.js";
import { ViewCounter } from "./view-counter.js";

/**
 * Writes one flush: the all-time counts printed on articles and the day's counts the "most read"
 * ranking of a period reads, in one transaction so the two never disagree. The day is the Vietnamese
 * calendar day of the flush: with flushes every few seconds, a view made just before midnight may
 * land on the next day, which no ranking can tell apart.
 */
export async function writeFlushedViews(
  database: Database,
  counts: Map<number, number>,
  at: Date,
): Promise<void> {
  if (counts.size === 0) return;
  const day = vnDateString(at);
  await database.db.transaction().execute(async (trx) => {
    await addArticleViews(trx, counts);
    await addDailyViews(trx, counts, day);
  });
}

/**
 * The app's view counter: buffers article views in memory and writes them in one transaction per
 * flush. Not started: the process that owns it calls `counter.start(config.viewFlushIntervalMs,
 * logError)` after start-up and `await counter.stop()` on shutdown (SIGTERM/SIGINT, after the HTTP
 * server stops accepting requests), which writes what is left so no view is lost. `afterWrite` runs
 * after each written flush: the app drops its page cache there, whose pages show the stored counts.
 */
export function createViewCounter(
  database: Database,
  config: Config,
  now: () => Date = () => new Date(),
  afterWrite: () => void = () => {},
): ViewCounter {
  return new ViewCounter(
    async (counts) => {
      await writeFlushedViews(database, counts, now());
      afterWrite();
    },
    config.sessionSecret,
    now,
  );
}
