// Portal page throughput: the home page (and a category page, a search, robots.txt) of the real app (built,
// SQLite, demo data), each against a bare node:http server returning the same HTML bytes, in the
// same run, 50 connections each. The article page has its own benchmark (article-page.mjs).
// BENCH_DURATION: seconds of load per server and page (default 10).
// Standalone: `npm run build && node bench/portal-pages.mjs`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  fmt,
  load,
  memoryOf,
  prepareDemoData,
  startProcess,
  stopProcess,
  summarise,
  waitForHttp,
} from "./lib.mjs";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const APP_PORT = 38_321;
const BARE_PORT = 38_322;

/** The pages measured: the home page is the one the issue sets a goal for. */
const PAGES = [
  { name: "home page", path: "/" },
  { name: "category page", path: "/chuyen-muc/tin-tuc-su-kien" },
  { name: "search page, “thuong thanh”", path: "/tim-kiem?q=thuong+thanh" },
  // No query and no JSX: what the HTTP stack alone (security headers, compression check, session
  // and CSRF middleware) costs, so the pages' own cost reads as the difference.
  { name: "robots.txt (floor: middleware only)", path: "/robots.txt" },
];

async function measurePage(page, dir) {
  const appUrl = `http://127.0.0.1:${APP_PORT}${page.path}`;
  // The bare server sends exactly what the app sends an anonymous visitor, uncompressed as here.
  const html = await (await fetch(appUrl, { headers: { "accept-encoding": "identity" } })).text();
  const bodyFile = path.join(dir, "page.html");
  writeFileSync(bodyFile, html);
  const bare = startProcess(["bench/bare-server.mjs"], { PORT: String(BARE_PORT), BODY_FILE: bodyFile });
  try {
    const bareUrl = `http://127.0.0.1:${BARE_PORT}${page.path}`;
    await waitForHttp(bareUrl);
    // Warm-up so that both are measured in their steady state.
    await load(appUrl, { connections: 10, duration: 2 });
    await load(bareUrl, { connections: 10, duration: 2 });
    const app = summarise(await load(appUrl, { duration: DURATION }));
    const baseline = summarise(await load(bareUrl, { duration: DURATION }));
    const baselineMemory = memoryOf(bare.pid);
    return {
      name: page.name,
      path: page.path,
      bytes: Buffer.byteLength(html),
      app,
      baseline: { ...baseline, ...baselineMemory },
      ratio: app.requestsPerSecond / baseline.requestsPerSecond,
    };
  } finally {
    await stopProcess(bare);
  }
}

export async function benchPortalPages() {
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-bench-pages-"));
  await prepareDemoData(dir);
  const app = startProcess(["dist/app/main.js"], {
    PORT: String(APP_PORT),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
  });
  try {
    await waitForHttp(`http://127.0.0.1:${APP_PORT}/`);
    const pages = [];
    for (const page of PAGES) pages.push(await measurePage(page, dir));
    return { connections: 50, durationS: DURATION, pages, appMemory: memoryOf(app.pid) };
  } finally {
    await stopProcess(app);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reportPortalPages(r) {
  const rows = r.pages.flatMap((p) => [
    `| ${p.name} (\`${p.path}\`, ${fmt(p.bytes / 1024)} KiB) | giaoban (SQLite) | ${fmt(p.app.requestsPerSecond, 0)} | ${p.app.p50Ms} | ${p.app.p99Ms} | ${p.app.non2xx} | **${fmt(p.ratio * 100)}%** |`,
    `| | bare node:http, same bytes | ${fmt(p.baseline.requestsPerSecond, 0)} | ${p.baseline.p50Ms} | ${p.baseline.p99Ms} | ${p.baseline.non2xx} | |`,
  ]);
  return [
    `### Portal pages, ${r.connections} connections, ${r.durationS} s each`,
    "",
    "| page | server | req/s | p50 ms | p99 ms | non-2xx | giaoban / baseline |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Goal: the home page at least 50% of the baseline's requests per second. App memory after the run: ${fmt(r.appMemory.rssMiB)} MiB RSS (peak ${fmt(r.appMemory.peakMiB)} MiB).`,
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(reportPortalPages(await benchPortalPages()));
}
