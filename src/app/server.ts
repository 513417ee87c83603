import { createServer } from "node:http";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import pino from "pino";
import { anonCsrfForVisit, mayBeSignedIn } from "../accounts/anonymous-visitor.js";
import { housekeepingJob } from "../accounts/housekeeping.job.js";
import { type Config, loadConfig } from "../core/config.js";
import { openDatabase } from "../core/db/database.js";
import { openPeerChannel, type PeerChannel } from "../core/db/peer-channel.repo.js";
import { createFastPath } from "../core/http/fast-path.js";
import { defaultResponseHeaders } from "../core/http/request-pipeline.js";
import { JobScheduler } from "../core/jobs/scheduler.js";
import { countUnits } from "../demo/demo.repo.js";
import { createMailer, createReminderJob } from "../directives/reminders/reminders.job.js";
import { createFeedbackReminderJob } from "../feedback/feedback-reminders.job.js";
import { scheduledPublishingJob } from "../portal/editorial/scheduled-publishing.job.js";
import { buildAppContext } from "./context.js";
import { createApp } from "./create-app.js";
import { migrateToLatest } from "./migrations.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  /** How many requests the cached-page fast path answered before the framework. */
  fastPathServed(): number;
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
  // The demo loader and its data are imported only into an empty database: a server started on its
  // own data never holds them in memory.
  if (process.env.DEMO_DATA !== "off" && (await countUnits(database.db)) === 0) {
    const { loadDemoIfEmpty } = await import("../demo/demo-loader.js");
    const loaded = await loadDemoIfEmpty(database, new Date(), path.join(config.dataDir, "media"));
    if (loaded) logger.info("empty database: demo data from the reference story loaded");
  }
  // Tests may run the server on a clock they move (scheduled publishing in the browser tests).
  const now = options.now ?? (() => new Date());
  const ctx = buildAppContext({ config, database, logger, now });
  const { viewCounter } = ctx;
  viewCounter.start(config.viewFlushIntervalMs, (err) => logger.error({ err }, "view count flush failed"));
  const jobs = [
    housekeepingJob,
    scheduledPublishingJob,
    createReminderJob(config, { logger }),
    createFeedbackReminderJob({
      mailer: createMailer(config.smtp),
      from: config.smtp?.from ?? "giaoban",
      baseUrl: config.publicBaseUrl,
      logger,
    }),
  ];
  const scheduler = new JobScheduler(database.db, jobs, logger, now);
  scheduler.start(config.jobTickMs);
  // Several processes on one PostgreSQL drop their page caches together (core/db/peer-channel.repo.ts).
  let peers: PeerChannel | null = null;
  if (config.database.kind === "postgres") {
    const { pageCache } = ctx;
    peers = await openPeerChannel(config.database.url, "giaoban_page_cache", {
      onMessage: () => pageCache.invalidateFromPeer(),
      onReconnect: () => pageCache.invalidateFromPeer(),
      onError: (err) => logger.warn({ err }, "the channel to the other app processes broke; reopening"),
    });
    pageCache.passInvalidationsTo(() => peers?.notify());
  }

  const app = createApp(ctx);
  const routed = getRequestListener(app.fetch);
  // Cached anonymous pages are answered before the framework (core/http/fast-path.ts).
  const secure = config.secureCookies;
  const fastPath = createFastPath({
    pageCache: ctx.pageCache,
    headers: defaultResponseHeaders(secure),
    trustProxyHops: config.trustProxyHops,
    mayBeSignedIn: (cookie) => mayBeSignedIn(cookie, secure),
    csrfForVisit: (cookie) => anonCsrfForVisit(cookie, secure),
  });
  const server = createServer((req, res) => {
    if (!fastPath(req, res)) void routed(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
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
      await peers?.close();
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
  return { url, close, fastPathServed: () => fastPath.served };
}
