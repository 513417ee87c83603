// Public pages from the cache (article, home, category, search, and robots.txt as the floor): the real
// app (built, SQLite, demo data, anonymous visitors) against a bare node:http server returning the
// same bytes, measured with wrk as bench/wrk.mjs says (pinned cores, idle server frozen, rounds).
// BENCH_ROUNDS (3), BENCH_DURATION (10 s), BENCH_CONNECTIONS (50), BENCH_NODE (the servers' Node).
// Standalone: `npm run build && node bench/pages.mjs`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { V8_FLAGS } from "../dist/app/v8-flags.js";
import { fmt, memoryOf, prepareDemoData, stopProcess, waitForHttp } from "./lib.mjs";
import {
  CONNECTIONS,
  DURATION,
  measureRounds,
  pct,
  ROUNDS,
  requireWrk,
  SERVER_NODE,
  startPinned,
} from "./wrk.mjs";

const APP_PORT = 38_311;
const BARE_PORT = 38_312;

export const PAGES = [
  { name: "article", path: "/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh" },
  { name: "home", path: "/" },
  { name: "category", path: "/chuyen-muc/tin-tuc-su-kien" },
  { name: "search “thuong thanh”", path: "/tim-kiem?q=thuong+thanh" },
  // No query and no JSX: what the HTTP stack alone costs when a page is not in the cache.
  { name: "robots.txt (floor: routed, not cached)", path: "/robots.txt" },
];

export async function benchPages() {
  requireWrk();
  const loadAtStart = loadavg()[0];
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-bench-pages-"));
  await prepareDemoData(dir);
  // Started as `npm start` and the `giaoban` command start it: with the V8 flags that size its heap.
  const app = startPinned([...V8_FLAGS, "dist/app/main.js"], {
    PORT: String(APP_PORT),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
  });
  let bare;
  try {
    await waitForHttp(`http://127.0.0.1:${APP_PORT}/`);
    const served = {};
    for (const page of PAGES) {
      const response = await fetch(`http://127.0.0.1:${APP_PORT}${page.path}`, {
        headers: { "accept-encoding": "identity" },
      });
      served[page.path] = await response.text();
    }
    const pagesFile = path.join(dir, "pages.json");
    writeFileSync(pagesFile, JSON.stringify(served));
    bare = startPinned(["bench/bare-server.mjs"], { PORT: String(BARE_PORT), PAGES_FILE: pagesFile });
    await waitForHttp(`http://127.0.0.1:${BARE_PORT}/`);
    const memory = { rest: { app: memoryOf(app.pid), bare: memoryOf(bare.pid) } };
    const results = [];
    for (const page of PAGES) {
      const measured = await measureRounds([
        { name: "app", child: app, url: `http://127.0.0.1:${APP_PORT}${page.path}` },
        { name: "bare", child: bare, url: `http://127.0.0.1:${BARE_PORT}${page.path}` },
      ]);
      results.push({
        ...page,
        bytes: Buffer.byteLength(served[page.path]),
        app: measured.app,
        bare: measured.bare,
        ratio: measured.app.requestsPerSecond / measured.bare.requestsPerSecond,
      });
      // The goal's figure: after the four cached pages, before the routed floor adds its own garbage.
      if (page === PAGES.at(-2)) memory.cached = { app: memoryOf(app.pid), bare: memoryOf(bare.pid) };
    }
    return {
      node: SERVER_NODE === process.execPath ? process.version : SERVER_NODE,
      flags: V8_FLAGS.join(" "),
      load: { start: loadAtStart, end: loadavg()[0] },
      results,
      memory: { ...memory, all: { app: memoryOf(app.pid), bare: memoryOf(bare.pid) } },
    };
  } finally {
    await stopProcess(app);
    if (bare) await stopProcess(bare);
    rmSync(dir, { recursive: true, force: true });
  }
}

const mem = (m) =>
  `${fmt(m.app.rssMiB)} (${fmt(m.app.peakMiB)}) / ${fmt(m.bare.rssMiB)} (${fmt(m.bare.peakMiB)})`;
const range = (r) => `${fmt(r.minRps, 0)}–${fmt(r.maxRps, 0)}`;

export function reportPages(r) {
  const rows = r.results.map((p) =>
    [
      `| ${p.name} (${fmt(p.bytes / 1024)} KiB)`,
      `${fmt(p.app.requestsPerSecond, 0)} (${range(p.app)})`,
      `${fmt(p.app.p99Ms, 2)}`,
      `${fmt(p.bare.requestsPerSecond, 0)} (${range(p.bare)})`,
      `${fmt(p.bare.p99Ms, 2)}`,
      `**${pct(p.ratio)}**`,
      `${fmt(p.app.cpuUsPerRequest)} / ${fmt(p.bare.cpuUsPerRequest)}`,
      `**${pct(p.bare.cpuUsPerRequest / p.app.cpuUsPerRequest)}**`,
      `${pct(p.app.loaderCpu)} / ${pct(p.bare.loaderCpu)}`,
      `${p.app.non2xx + p.bare.non2xx}${p.app.socketErrors ? `, ${p.app.socketErrors}` : ""} |`,
    ].join(" | "),
  );
  return [
    `### Public pages from the cache, wrk -t1 -c${CONNECTIONS}, ${ROUNDS} × ${DURATION} s each, server on core 0, wrk on core 1 (server Node: ${r.node}; load average ${fmt(r.load.start, 2)} at the start, ${fmt(r.load.end, 2)} at the end)`,
    "",
    "| page | giaoban req/s, median (min–max) | p99 ms | bare node:http req/s | p99 ms | giaoban / bare | server CPU µs per request (giaoban / bare) | bare / giaoban CPU per request | wrk CPU (giaoban / bare) | non-2xx, errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Memory, resident (peak) in MiB, giaoban (${r.flags}) / bare node:http: at rest ${mem(r.memory.rest)}; after the four cached pages ${mem(r.memory.cached)}; after the routed floor too ${mem(r.memory.all)}.`,
    "",
    "Goals: ≥ 50% of bare node:http for the article, home, category and search pages, p99 < 25 ms, < 150 MiB resident after the load (the four cached pages). wrk CPU is the share of its own core wrk used: well under 100% against the bare server means wrk was not the limit of the baseline. Server CPU per request (all its threads, from /proc) is what other load on the machine disturbs least: on a busy machine, where both servers get only part of their core, the ratio of CPU per request stands for the ratio of req/s on a free core.",
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(reportPages(await benchPages()));
}
