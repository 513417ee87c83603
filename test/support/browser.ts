import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type RunningServer, startServer } from "../../src/app/server.js";
import { loadConfig } from "../../src/core/config.js";

/** Debian's Chromium (`apt-get install -y chromium`); Playwright cannot download a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests need Chromium. In CI (CI=true) its absence is a failure; on a developer's machine
 * without it the tests are skipped with this reason, printed by Vitest.
 */
export const browserSkipReason =
  existsSync(CHROMIUM_PATH) || process.env.CI
    ? null
    : `Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium"`;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in a container needs --no-sandbox; the network flags stop Chromium phoning home on a closed network.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface LiveServer extends RunningServer {
  dataDir: string;
  /** Stops the server (flushing what it buffers) but keeps its data folder, for a restart. */
  stop(): Promise<void>;
}

/**
 * The real server, as `npm start` runs it, on a SQLite file with the demo loaded, on a free port.
 * Give `dataDir` to restart on the data of a stopped server.
 */
export async function startLiveServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-live-")),
  options: { now?: () => Date } = {},
): Promise<LiveServer> {
  const config = loadConfig({ DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn", ...env });
  const server = await startServer(config, options);
  return {
    ...server,
    dataDir,
    stop: () => server.close(),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form and waits for the admin area (the demo's password by default). */
export async function signIn(page: Page, baseUrl: string, username: string, password = "giaoban2020") {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${baseUrl}/quan-tri`);
}

/**
 * The live server (demo loaded) and Chromium for the tests of a `describe`: started before them,
 * stopped after. Read `server` and `browser` inside the tests.
 */
export function liveBrowserSuite(env: Record<string, string> = {}): { server: LiveServer; browser: Browser } {
  const suite = {} as { server: LiveServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startLiveServer(env);
    suite.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
