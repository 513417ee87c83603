import pino from "pino";
import { buildAppContext } from "../../src/app/context.js";
import { createApp } from "../../src/app/create-app.js";
import type { AppContext } from "../../src/core/app-context.js";
import type { Config } from "../../src/core/config.js";
import type { Database } from "../../src/core/db/database.js";
import type { DialectName } from "../../src/core/db/dialect.js";
import type { EvaluationSource } from "../../src/emulation/evaluation-source.js";
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
    jobTickMs: 60_000,
    ...overrides,
  };
}

/** The real app on a fresh database of the given engine; only the clock and logger are the test's. */
export async function createTestApp(
  engine: DialectName,
  options: { now?: Date; config?: Partial<Config>; evaluationSource?: EvaluationSource } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  let now = options.now ?? new Date("2020-01-02T08:00:00Z");
  const config = testConfig(options.config);
  const ctx = buildAppContext({
    config,
    database,
    logger: pino({ level: "silent" }),
    now: () => now,
    evaluationSource: options.evaluationSource,
    pageCacheEntries: 100,
  });
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
