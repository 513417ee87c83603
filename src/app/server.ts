import path from "node:path";
import { serve } from "@hono/node-server";
import pino from "pino";
import { housekeepingJob } from "../accounts/housekeeping.job.js";
import { type Config, loadConfig } from "../core/config.js";
import { openDatabase } from "../core/db/database.js";
import { JobScheduler } from "../core/jobs/scheduler.js";
import { loadDemoIfEmpty } from "../demo/demo-loader.js";
import { createReminderJob } from "../directives/reminders/reminders.job.js";
import { scheduledPublishingJob } from "../portal/editorial/scheduled-publishing.job.js";
import { buildAppContext } from "./context.js";
import { createApp } from "./create-app.js";
import { migrateToLatest } from "./migrations.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations, loads the demo into an empty database (unless
 * DEMO_DATA=off), and serves HTTP until `close()` or a termination signal.
 */
export async function startServer(
  config: Config = loadConfig(),
  options: { handleSignals?: boolean; now?: () => Date } = {},
): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config.database, {
    onIdleError: (err) => logger.warn({ err }, "an idle database connection broke; the pool replaces it"),
  });
  await migrateToLatest(database.db, database.dialect);
  if (process.env.DEMO_DATA !== "off") {
    const loaded = await loadDemoIfEmpty(database, new Date(), path.join(config.dataDir, "media"));
    if (loaded) logger.info("empty database: demo data from the reference story loaded");
  }
  // Tests may run the server on a clock they move (scheduled publishing in the browser tests).
  const now = options.now ?? (() => new Date());
  const ctx = buildAppContext({ config, database, logger, now });
  const { viewCounter } = ctx;
  viewCounter.start(config.viewFlushIntervalMs, (err) => logger.error({ err }, "view count flush failed"));
  const jobs = [housekeepingJob, scheduledPublishingJob, createReminderJob(config, { logger })];
  const scheduler = new JobScheduler(database.db, jobs, logger, now);
  scheduler.start(60_000);

  const app = createApp(ctx);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  logger.info({ url, database: database.dialect }, `giaoban is listening on ${url}`);

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Written last, after the server stopped taking requests: no view is lost on shutdown.
      await viewCounter.stop();
      await database.close();
      logger.info("giaoban stopped");
    })();
    return closing;
  };
  if (options.handleSignals) {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        close().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, "shutdown failed");
            process.exit(1);
          },
        );
      });
    }
  }
  return { url, close };
}
