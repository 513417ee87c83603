// Page load measured with wrk, not a load generator in Node: on this 2-core machine autocannon
// shares the CPU with the server and caps any fast baseline (design.md). Each server is pinned to
// core 0 and wrk to core 1 (`taskset`), the idle server is frozen (SIGSTOP) while the other one is
// measured, and pairs are measured in several rounds; medians and spreads are reported, with wrk's
// own CPU use so that a capped baseline shows (wrk near 100% of its core = wrk is the limit).
// Needs Debian's wrk and util-linux's taskset: `apt-get install -y wrk`.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export const SERVER_CORE = Number(process.env.BENCH_SERVER_CORE ?? 0);
export const LOADER_CORE = Number(process.env.BENCH_LOADER_CORE ?? 1);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** The Node that runs the measured servers (BENCH_NODE=/path/to/node to measure another release). */
export const SERVER_NODE = process.env.BENCH_NODE || process.execPath;

export function requireWrk() {
  for (const tool of ["wrk", "taskset"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
      throw new Error(`${tool} not found: page benchmarks need it (apt-get install -y wrk util-linux)`);
    }
  }
}

/** Starts `node args…` pinned to the server core. taskset execs node, so the pid is node's. */
export function startPinned(args, env) {
  return spawn("taskset", ["-c", String(SERVER_CORE), SERVER_NODE, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export const freeze = (child) => child.kill("SIGSTOP");
export const thaw = (child) => child.kill("SIGCONT");

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const toMs = (value, unit) => Number(value) * UNIT_MS[unit];

/** Parses wrk's `--latency` report, and the CPU seconds the shell's `times` gave for wrk. */
export function parseWrk(text, durationS) {
  const number = (re) => Number(text.match(re)?.[1] ?? Number.NaN);
  const percentile = (p) => {
    const m = text.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    return m ? toMs(m[1], m[2]) : Number.NaN;
  };
  // `times` prints the shell's own line, then its children's: "0m1.234s 0m0.567s".
  const times = [...text.matchAll(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm)];
  const children = times.at(-1);
  const cpuSeconds = children
    ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])
    : Number.NaN;
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    requests: number(/^\s*(\d+) requests in /m),
    p50Ms: percentile(50),
    p99Ms: percentile(99),
    non2xx: Number(text.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0),
    socketErrors: (text.match(/Socket errors: (.*)/)?.[1] ?? "").trim() || null,
    loaderCpu: cpuSeconds / durationS,
  };
}

/** One wrk run against `url`, pinned to the loader core. */
export function runWrk(url, { duration = DURATION, connections = CONNECTIONS, headers = {} } = {}) {
  const headerArgs = Object.entries(headers)
    .map(([k, v]) => `-H '${k}: ${v}'`)
    .join(" ");
  const command = `taskset -c ${LOADER_CORE} wrk -t1 -c${connections} -d${duration}s --latency ${headerArgs} '${url}'; times`;
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", command], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(parseWrk(out, duration)) : reject(new Error(`wrk exited with ${code}:\n${out}`)),
    );
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summariseRounds(runs) {
  const rps = runs.map((r) => r.requestsPerSecond);
  return {
    requestsPerSecond: median(rps),
    minRps: Math.min(...rps),
    maxRps: Math.max(...rps),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    maxP99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    socketErrors:
      runs.map((r) => r.socketErrors).find((e) => e && !/^connect 0, read 0, write 0, timeout 0$/.test(e)) ??
      null,
    loaderCpu: median(runs.map((r) => r.loaderCpu)),
    cpuUsPerRequest: median(runs.map((r) => r.cpuUsPerRequest)),
    rounds: runs.length,
  };
}

/**
 * The CPU time a process has used (all its threads, user and system), from /proc/<pid>/stat. Per
 * request it is the server's own cost, which other load on the machine disturbs far less than req/s.
 */
export function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are the 14th and 15th fields of the line, 12th and 13th after "pid (comm) ".
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * Measures servers one at a time, the others frozen, in `ROUNDS` rounds (each round measures every
 * target once, in order, so a drift of the machine touches all of them alike). `targets` is a list of
 * { name, child, url }; returns the summaries by name.
 */
export async function measureRounds(targets, options = {}) {
  const runs = new Map(targets.map((t) => [t.name, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        for (const other of targets) if (other.child !== target.child) freeze(other.child);
        thaw(target.child);
        await runWrk(target.url, { ...options, duration: 2, connections: 10 }); // warm-up
        const cpuBefore = cpuSecondsOf(target.child.pid);
        const run = await runWrk(target.url, options);
        run.cpuUsPerRequest = ((cpuSecondsOf(target.child.pid) - cpuBefore) / run.requests) * 1e6;
        runs.get(target.name).push(run);
      }
    }
  } finally {
    for (const target of targets) thaw(target.child);
  }
  return Object.fromEntries([...runs].map(([name, list]) => [name, summariseRounds(list)]));
}

export const pct = (n) => `${(n * 100).toLocaleString("vi-VN", { maximumFractionDigits: 0 })}%`;
