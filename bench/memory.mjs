// What the server's JS heap holds at rest, and what the libraries loaded on first use would add: each
// group of modules is imported in turn into one fresh Node process (the built app, dist/), with a full
// collection before and after, and the growth of the used heap is reported; the baseline is the same
// process before any import. Resident size at rest, after the load and at the peak is bench/pages.mjs's.
// Standalone: `npm run build && node bench/memory.mjs`.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fmt } from "./lib.mjs";

/** Imported at start by the server, in this order (each group counts only what it adds). */
const AT_START = [
  [
    "Hono, @hono/node-server, Kysely, better-sqlite3, pino, lru-cache, isbot",
    "hono",
    "@hono/node-server",
    "kysely",
    "better-sqlite3",
    "pino",
    "lru-cache",
    "isbot",
  ],
  ["Zod and @hono/zod-openapi", "zod", "@hono/zod-openapi"],
  ["decimal.js, altcha-lib", "decimal.js", "altcha-lib"],
  [
    "core (HTTP, OpenAPI router, Zod messages)",
    "dist/core/http/openapi.js",
    "dist/core/validation/zod-messages.js",
  ],
  ["accounts room", "dist/accounts/accounts.routes.js"],
  ["portal room (public pages, articles, search)", "dist/portal/portal.routes.js"],
  ["units room", "dist/units/units.routes.js"],
  ["targets room", "dist/targets/targets.routes.js"],
  ["emulation room", "dist/emulation/emulation.routes.js"],
  ["sessions room", "dist/sessions/sessions.routes.js"],
  ["documents room", "dist/documents/documents.routes.js"],
  ["conclusions room", "dist/conclusions/conclusions.routes.js"],
  ["directives room", "dist/directives/directives.routes.js"],
  [
    "handovers, feedback, newsroom rooms",
    "dist/handovers/handovers.routes.js",
    "dist/feedback/feedback.routes.js",
    "dist/newsroom/newsroom.routes.js",
  ],
  [
    "the app (create-app), migrations, server",
    "dist/app/create-app.js",
    "dist/app/migrations.js",
    "dist/app/server.js",
  ],
];

/** Loaded on first use (core/lazy-libraries.ts and dynamic imports): what the server would hold if not. */
const ON_FIRST_USE = [
  ["exceljs (spreadsheet exports and imports)", "exceljs"],
  ["sharp (photos)", "sharp"],
  ["echarts (charts)", "echarts"],
  ["zxcvbn (password strength)", "@zxcvbn-ts/core", "@zxcvbn-ts/language-common"],
  ["docx (Word exports)", "docx"],
  ["mammoth (Word notice import)", "mammoth"],
  ["pdfjs-dist (PDF notice import)", "pdfjs-dist/legacy/build/pdf.mjs"],
  ["sanitize-html (article writes, notice import)", "sanitize-html"],
  ["@node-rs/argon2 (passwords)", "@node-rs/argon2"],
  ["nodemailer, ics (mail, calendars)", "nodemailer", "ics"],
  ["the demo loader and its data (empty database only)", "dist/demo/demo-loader.js"],
];

async function probe() {
  const groups = JSON.parse(process.argv[3]);
  const used = () => {
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const baseline = used();
  let last = baseline;
  const rows = [];
  for (const [name, ...specifiers] of groups) {
    for (const s of specifiers) await import(s.startsWith("dist/") ? pathToFileURL(s).href : s);
    const now = used();
    rows.push({ name, mib: now - last });
    last = now;
  }
  const status = (await import("node:fs")).readFileSync("/proc/self/status", "utf8");
  const rssMiB = Number(status.match(/VmRSS:\s+(\d+)/)?.[1]) / 1024;
  console.log(JSON.stringify({ baseline, total: last, rssMiB, rows }));
}

function run(groups) {
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", fileURLToPath(import.meta.url), "--probe", JSON.stringify(groups)],
    {
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`memory probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

export async function benchMemory() {
  const load = loadavg()[0];
  return { load, atStart: run(AT_START), onFirstUse: run([...AT_START, ...ON_FIRST_USE]) };
}

export function reportMemory(r) {
  const lazy = r.onFirstUse.rows.slice(AT_START.length);
  const lazyTotal = lazy.reduce((sum, row) => sum + row.mib, 0);
  return [
    `### What the server's JS heap holds at rest (Node ${process.version}; load average ${fmt(r.load, 2)})`,
    "",
    `Each group imported in turn into one fresh process (the built app), used heap after a full collection; a bare Node process: ${fmt(r.atStart.baseline)} MiB.`,
    "",
    "| imported at start | JS heap MiB added |",
    "| --- | ---: |",
    ...r.atStart.rows.map((row) => `| ${row.name} | ${fmt(row.mib, 2)} |`),
    `| **the server, all of it** | **${fmt(r.atStart.total - r.atStart.baseline)}** (process resident ${fmt(r.atStart.rssMiB)} MiB) |`,
    "",
    "| loaded on first use, not at start | JS heap MiB it would add |",
    "| --- | ---: |",
    ...lazy.map((row) => `| ${row.name} | ${fmt(row.mib, 2)} |`),
    `| **all of them** | **${fmt(lazyTotal)}** (resident with them: ${fmt(r.onFirstUse.rssMiB)} MiB) |`,
    "",
  ].join("\n");
}

if (process.argv[2] === "--probe") await probe();
else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  console.log(reportMemory(await benchMemory()));
