// Article page throughput and latency: the real app (built, SQLite, demo data) against a bare
// node:http server returning the same HTML bytes, in the same run, 50 connections each.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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

const ARTICLE = "/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const APP_PORT = 38_311;
const BARE_PORT = 38_312;

export async function benchArticlePage() {
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-bench-"));
  await prepareDemoData(dir);
  const app = startProcess(["dist/app/main.js"], {
    PORT: String(APP_PORT),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
  });
  let bare;
  try {
    const appUrl = `http://127.0.0.1:${APP_PORT}${ARTICLE}`;
    await waitForHttp(appUrl);
    // The bare server must send exactly what the app sends an anonymous visitor, compressed or not.
    const html = await (await fetch(appUrl, { headers: { "accept-encoding": "identity" } })).text();
    const bodyFile = path.join(dir, "article.html");
    writeFileSync(bodyFile, html);
    bare = startProcess(["bench/bare-server.mjs"], { PORT: String(BARE_PORT), BODY_FILE: bodyFile });
    const bareUrl = `http://127.0.0.1:${BARE_PORT}${ARTICLE}`;
    await waitForHttp(bareUrl);

    // Warm-up so that both are measured in their steady state.
    await load(appUrl, { connections: 10, duration: 2 });
    await load(bareUrl, { connections: 10, duration: 2 });
    const appResult = summarise(await load(appUrl, { duration: DURATION }));
    const appMemory = memoryOf(app.pid);
    const bareResult = summarise(await load(bareUrl, { duration: DURATION }));
    const bareMemory = memoryOf(bare.pid);
    return {
      name: "article page, 50 connections",
      bytes: Buffer.byteLength(html),
      app: { ...appResult, ...appMemory },
      baseline: { ...bareResult, ...bareMemory },
      ratio: appResult.requestsPerSecond / bareResult.requestsPerSecond,
    };
  } finally {
    await stopProcess(app);
    if (bare) await stopProcess(bare);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reportArticlePage(r) {
  return [
    `### ${r.name} (${fmt(r.bytes / 1024)} KiB of HTML)`,
    "",
    "| server | req/s | p50 ms | p99 ms | non-2xx | RSS MiB | peak RSS MiB |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| giaoban (SQLite) | ${fmt(r.app.requestsPerSecond, 0)} | ${r.app.p50Ms} | ${r.app.p99Ms} | ${r.app.non2xx} | ${fmt(r.app.rssMiB)} | ${fmt(r.app.peakMiB)} |`,
    `| bare node:http, same bytes | ${fmt(r.baseline.requestsPerSecond, 0)} | ${r.baseline.p50Ms} | ${r.baseline.p99Ms} | ${r.baseline.non2xx} | ${fmt(r.baseline.rssMiB)} | ${fmt(r.baseline.peakMiB)} |`,
    "",
    `Ratio giaoban / baseline: **${fmt(r.ratio * 100)}%** of the baseline's requests per second (goal ≥ 50%); p99 goal < 25 ms; memory goal < 150 MB.`,
    "",
  ].join("\n");
}
