import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { V8_FLAGS } from "../../src/app/v8-flags.js";
import { createPostgresDatabase } from "../support/databases.js";

/**
 * Two app processes (the built server, `dist/app/main.js`, with the V8 flags `npm start` gives it) on one PostgreSQL:
 * a scheduled job runs once, a change through one drops the page cache of the other, views counted
 * by both add up, and a session made by one works on the other.
 */
const ARTICLE = "/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";
const JOBS = ["housekeeping", "portal.scheduled-publishing", "directive-reminders"];

interface AppProcess {
  url: string;
  child: ChildProcess;
  log: string[];
  dataDir: string;
}

let databaseUrl: string;
const running: AppProcess[] = [];

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startApp(extraEnv: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-two-"));
  const child = spawn(process.execPath, [...V8_FLAGS, "dist/app/main.js"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: dataDir,
      SESSION_SECRET: "two-processes-share-this-secret-0123456789",
      LOG_LEVEL: "info",
      TRUST_PROXY: "1",
      // Long enough that only the other process's message can drop a page before the test ends.
      PAGE_CACHE_TTL_MS: "600000",
      VIEW_FLUSH_INTERVAL_MS: "300",
      JOB_TICK_MS: "200",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const app = { url: `http://127.0.0.1:${port}`, child, log: [] as string[], dataDir };
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => app.log.push(...chunk.split("\n")));
  running.push(app);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${app.url}/robots.txt`)).ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not start");
}

async function stopApp(app: AppProcess): Promise<void> {
  if (app.child.exitCode === null) {
    const exited = new Promise((resolve) => app.child.once("exit", resolve));
    app.child.kill("SIGTERM");
    await exited;
  }
  rmSync(app.dataDir, { recursive: true, force: true });
}

async function query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

const get = (app: AppProcess, pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${pathname}`, {
    // A browser's agent: views by tools that say they are bots are not counted.
    headers: { "accept-encoding": "identity", "user-agent": "Mozilla/5.0 (X11; Linux x86_64)", ...headers },
    redirect: "manual",
  });

/** The anonymous visitor's CSRF cookie and token from a page with a form. */
async function csrfFrom(app: AppProcess, pathname: string, address: string) {
  const response = await get(app, pathname, { "x-forwarded-for": address });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const token = (await response.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
  return { cookie, token };
}

let a: AppProcess;
let b: AppProcess;

beforeAll(async () => {
  databaseUrl = await createPostgresDatabase();
  // The first start loads the demo; then both start together on the same data, every job due.
  await stopApp(await startApp());
  await query("UPDATE jobs SET next_run_at = $1, locked_by = NULL, locked_until = NULL", [
    new Date(Date.now() - 1000).toISOString(),
  ]);
  [a, b] = await Promise.all([startApp(), startApp()]);
}, 240_000);

afterAll(async () => {
  await Promise.all(running.map(stopApp));
});

describe("two app processes on one PostgreSQL", () => {
  it("run each due scheduled job once between them", async () => {
    await new Promise((r) => setTimeout(r, 1500)); // several ticks of both
    const runs = [...a.log, ...b.log]
      .filter((line) => line.includes('"scheduled job ran"'))
      .map((line) => JSON.parse(line) as { job: string; owner: string });
    for (const job of JOBS) {
      expect(
        runs.filter((r) => r.job === job),
        job,
      ).toHaveLength(1);
    }
  });

  it("drop the page cache together: a rating given through one shows at once on the other", async () => {
    // B keeps the page: a first visit, counted and flushed (a flush drops B's own cache), then kept.
    await get(b, ARTICLE, { "x-forwarded-for": "203.0.113.50" });
    await new Promise((r) => setTimeout(r, 700));
    const before = await (await get(b, ARTICLE, { "x-forwarded-for": "203.0.113.50" })).text();
    // The rating results, after the form (whose CSRF token differs per visitor).
    const resultsOf = (html: string) => html.slice(html.indexOf("</form>", html.indexOf('id="danh-gia"')));
    await new Promise((r) => setTimeout(r, 700));
    expect(resultsOf(await (await get(b, ARTICLE, { "x-forwarded-for": "203.0.113.50" })).text())).toBe(
      resultsOf(before),
    );
    const { cookie, token } = await csrfFrom(a, ARTICLE, "203.0.113.51");
    const rated = await fetch(`${a.url}${ARTICLE}/danh-gia`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": "203.0.113.51",
      },
      body: new URLSearchParams({ _csrf: token, muc: "3" }).toString(),
      redirect: "manual",
    });
    expect(rated.status).toBe(303);
    let after = before;
    for (let i = 0; i < 20 && resultsOf(after) === resultsOf(before); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await (await get(b, ARTICLE, { "x-forwarded-for": "203.0.113.50" })).text();
    }
    expect(resultsOf(after)).not.toBe(resultsOf(before));
  });

  it("add up the views each of them counted", async () => {
    const viewsNow = async () =>
      Number(
        (await query<{ views: number }>("SELECT views FROM articles WHERE slug = $1", [ARTICLE.slice(9)]))[0]
          ?.views,
      );
    await new Promise((r) => setTimeout(r, 700)); // earlier visits flushed
    const before = await viewsNow();
    for (const address of ["198.51.100.11", "198.51.100.12", "198.51.100.13"]) {
      await get(a, ARTICLE, { "x-forwarded-for": address });
    }
    for (const address of ["198.51.100.21", "198.51.100.22"]) {
      await get(b, ARTICLE, { "x-forwarded-for": address });
    }
    let views = before;
    for (let i = 0; i < 30 && views < before + 5; i++) {
      await new Promise((r) => setTimeout(r, 100));
      views = await viewsNow();
    }
    expect(views).toBe(before + 5);
  });

  it("share sessions: signed in through one, the other knows the user", async () => {
    const { cookie, token } = await csrfFrom(a, "/dang-nhap", "192.0.2.70");
    const login = await fetch(`${a.url}/dang-nhap`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": "192.0.2.70",
      },
      body: new URLSearchParams({
        _csrf: token,
        username: "bientap",
        password: "giaoban2020",
        next: "/quan-tri",
      }),
      redirect: "manual",
    });
    expect(login.status).toBe(303);
    const session = (login.headers.get("set-cookie") ?? "").match(/gb_session=[^;]+/)?.[0] as string;
    expect(session).toBeTruthy();
    const onB = await get(b, "/quan-tri", { cookie: session });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("Xin chào, Biên tập viên cổng thông tin");
  });
});
