// `npm run bench`: runs every benchmark and prints a Markdown report (pasted into BENCHMARKS.md).
// BENCH_ONLY=pages,memory,search runs a subset; each benchmark's own variables (sizes, durations)
// are listed at the top of its file.
import os from "node:os";
import { benchEvaluation, reportEvaluation } from "./evaluation.mjs";
import { benchFollowUp, reportFollowUp } from "./follow-up.mjs";
import { benchMemory, reportMemory } from "./memory.mjs";
import { benchPages, reportPages } from "./pages.mjs";
import { benchReader, reportReader } from "./reader.bench.mjs";
import { benchSearch, reportSearch } from "./search.mjs";

const BENCHMARKS = [
  ["pages", benchPages, reportPages],
  ["memory", benchMemory, reportMemory],
  ["search", benchSearch, reportSearch],
  ["evaluation", benchEvaluation, reportEvaluation],
  ["follow-up", benchFollowUp, reportFollowUp],
  ["reader", benchReader, reportReader],
];

const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
const started = new Date();
const [load1] = os.loadavg();
const sections = [];
for (const [name, bench, report] of BENCHMARKS) {
  if (only && !only.includes(name)) continue;
  console.error(`bench: ${name}…`);
  sections.push(report(await bench()));
}

console.log(
  [
    `## Run of ${started.toISOString()}`,
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load1.toFixed(2)} at the start.`,
    "",
    ...sections,
  ].join("\n"),
);
