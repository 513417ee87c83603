// `npm run bench`: runs every benchmark and prints a Markdown report (pasted into BENCHMARKS.md).
import os from "node:os";
import { benchArticlePage, reportArticlePage } from "./article-page.mjs";
import { benchFollowUp, reportFollowUp } from "./follow-up.mjs";

const started = new Date();
const sections = [];
sections.push(reportArticlePage(await benchArticlePage()));
sections.push(reportFollowUp(await benchFollowUp()));

console.log(
  [
    `## Run of ${started.toISOString()}`,
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    "",
    ...sections,
  ].join("\n"),
);
