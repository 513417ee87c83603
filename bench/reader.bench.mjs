// The conclusion reader on real notices: the corpus of bench/reader-corpus/ (37 public texts of 29
// bodies, central to hamlet, Party, State and Front, each with a hand-made expected result) read by the
// notice reader (readNotice) and, as the baseline, by the earlier list reader (readConclusion), in the
// same run. Prints items found (recall), items that were expected (precision), false items, leads and
// deadlines right (recall and precision), kinds and paths right, and the reading time per text.
// Uses the built app (dist/): `npm run build` first; standalone: `node bench/reader.bench.mjs`.
// BENCH_READER_FILES=03,17 reads only the texts whose names start so, and lists their items.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { readConclusion } from "../dist/conclusions/reader/conclusion-reader.js";
import { flattenItems, readNotice } from "../dist/conclusions/reader/notice-reader.js";
import { addScores, figures, scoreReading } from "../dist/conclusions/reader/reader-score.rules.js";

const CORPUS = path.join(import.meta.dirname, "reader-corpus");
const ONLY = process.env.BENCH_READER_FILES?.split(",").map((s) => s.trim());

function loadCorpus() {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt") && (!ONLY || ONLY.some((p) => f.startsWith(p))))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(CORPUS, file), "utf8");
      const header = Object.fromEntries(
        raw
          .slice(0, raw.indexOf("\n---\n"))
          .split("\n")
          .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
      );
      const expected = JSON.parse(readFileSync(path.join(CORPUS, file.replace(/\.txt$/, ".json")), "utf8"));
      return { file, header, text: raw.slice(raw.indexOf("\n---\n") + 5), expected };
    });
}

function asFound(item) {
  return {
    path: item.path,
    kind: item.kind,
    text: [item.area.heading, item.text].filter(Boolean).join(": "),
    lead: item.leadUnit?.text ?? null,
    deadline: { phrase: item.deadline.phrase, date: item.deadline.date, kind: item.deadline.kind },
  };
}

/** The notice reader's items, flattened. */
function readWithNoticeReader(text, date) {
  return flattenItems(readNotice(text, { sessionDate: date }).items).map(asFound);
}

/** The earlier reader: one list, items and their sub-items, every item a task. */
function readWithListReader(text, date) {
  return readConclusion(text, { sessionDate: date }).items.flatMap((item) => [
    asFound({ ...item, path: String(item.number), kind: "task" }),
    ...item.subItems.map((sub) =>
      asFound({ ...sub, path: `${item.number}.${sub.marker}`, kind: "task", area: { heading: null } }),
    ),
  ]);
}

function run(corpus, read) {
  const rows = [];
  const started = performance.now();
  for (const { file, header, text, expected } of corpus) {
    const found = read(text, expected.date);
    rows.push({ file, header, found, score: scoreReading(expected.items, found) });
  }
  const ms = (performance.now() - started) / corpus.length;
  return { rows, total: addScores(rows.map((r) => r.score)), msPerText: ms };
}

export async function benchReader() {
  const corpus = loadCorpus();
  // Warm up once, so the first text does not carry the module's start.
  run(corpus, readWithNoticeReader);
  return {
    corpus,
    bodies: new Set(corpus.map((c) => c.header.body)).size,
    notice: run(corpus, readWithNoticeReader),
    list: run(corpus, readWithListReader),
  };
}

const pct = (n) => `${n.toFixed(1).replace(".", ",")}%`;

export function reportReader(r) {
  const lines = [
    "## Conclusion reader on real notices (issue 14)",
    "",
    `\`bench/reader.bench.mjs\`: ${r.corpus.length} texts of ${r.bodies} issuing bodies (bench/reader-corpus/), ${r.notice.total.expected} expected items, ${r.notice.total.expectedLeads} leads, ${r.notice.total.expectedDeadlines} deadlines.`,
    "",
    "| reader | items found | items expected (precision) | false items | leads found | leads right | deadlines found | deadlines right | kinds right | paths right | ms per text |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [name, result] of [
    ["notice reader (readNotice)", r.notice],
    ["list reader before issue 14 (readConclusion)", r.list],
  ]) {
    const f = figures(result.total);
    lines.push(
      `| ${name} | ${pct(f.itemRecall)} | ${pct(f.itemPrecision)} | ${pct(f.falseItems)} | ${pct(f.leadRecall)} | ${pct(f.leadPrecision)} | ${pct(f.deadlineRecall)} | ${pct(f.deadlinePrecision)} | ${pct(f.kinds)} | ${pct(f.paths)} | ${result.msPerText.toFixed(2).replace(".", ",")} |`,
    );
  }
  lines.push(
    "",
    "Per text (notice reader): expected / found / matched items, leads right / expected, deadlines right / expected.",
    "",
  );
  lines.push(
    "| text | level | system | items exp/found/matched | leads | deadlines |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const row of r.notice.rows) {
    const s = row.score;
    lines.push(
      `| ${row.file.replace(/\.txt$/, "")} | ${row.header.level} | ${row.header.system} | ${s.expected}/${s.found}/${s.matched} | ${s.correctLeads}/${s.expectedLeads} | ${s.correctDeadlines}/${s.expectedDeadlines} |`,
    );
  }
  if (ONLY) {
    for (const row of r.notice.rows) {
      lines.push("", `### ${row.file}`, "");
      for (const item of row.found) {
        lines.push(
          `- ${item.path} ${item.kind}: ${item.text.slice(0, 80)} | lead: ${item.lead} | deadline: ${item.deadline.phrase}`,
        );
      }
    }
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(reportReader(await benchReader()));
}
