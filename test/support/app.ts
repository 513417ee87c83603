import pino from "pino";
import type { AppContext } from "../../src/core/app-context.js";
import type { Config } from "../../src/core/config.js";
import type { Database } from "../../src/core/db/database.js";
import type { DialectName } from "../../src/core/db/dialect.js";
import { createApp } from "../../src/core/http/app.js";
import { PageCache } from "../../src/core/http/page-cache.js";
import { createViewCounter } from "../../src/portal/views.wiring.js";
import { createTestDatabase } from "./databases.js";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  ctx: AppContext;
  database: Database;
  /** Moves the app clock; starts at 2020-01-02 15:00 in Vietnam unless given. */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    database: { kind: "sqlite", file: ":memory:" },
    dataDir: "/tmp/giaoban-test-data",
    sessionSecret: "test-secret-test-secret-test-secret-123",
    publicBaseUrl: new URL("http://localhost"),
    secureCookies: false,
    viewFlushIntervalMs: 60_000,
    logLevel: "silent",
    trustProxyHops: 1,
    siteName: "Cổng thông tin thử nghiệm",
    smtp: null,
    // Off unless a test turns it on: many tests change rows directly and read the page right after.
    pageCacheTtlMs: 0,
    ...overrides,
  };
}

/** The real app on a fresh database of the given engine; only the clock and logger are the test's. */
export async function createTestApp(
  engine: DialectName,
  options: { now?: Date; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  let now = options.now ?? new Date("2020-01-02T08:00:00Z");
  const config = testConfig(options.config);
  const pageCache = new PageCache({ maxEntries: 100, ttlMs: config.pageCacheTtlMs });
  const ctx: AppContext = {
    config,
    database,
    logger: pino({ level: "silent" }),
    now: () => now,
    // The app's own counter and wiring, so flushes write the day's counts for the most-read ranking
    // too and drop the cached pages.
    viewCounter: createViewCounter(
      database,
      config,
      () => now,
      () => pageCache.invalidate(),
    ),
    pageCache,
  };
  return {
    app: createApp(ctx),
    ctx,
    database,
    setNow(instant) {
      now = instant;
    },
    close: () => database.close(),
  };
}
