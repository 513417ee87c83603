/**
 * Scores the notice reader against hand-made expected results (bench/reader-corpus/*.json): how many
 * expected items it found (recall) and how many of its items were expected (precision), then, on the
 * items matched, leads and deadlines, kinds and paths. Pure; the benchmark and the regression test
 * (reader-corpus.test.ts) read the files and call it.
 *
 * Matching is deliberately tolerant of where an item's text starts: an expected item is found by a
 * reader item whose folded text contains the expected first words (or their first 24 characters), in
 * order, one to one. A lead counts when the folded names agree or one starts with the other (at least
 * two words long, "các" ignored); a deadline when the phrases overlap or both give the same date.
 */
import { foldVietnamese } from "../../core/text/fold.js";

export interface ExpectedItem {
  path: string;
  kind: string;
  text: string;
  lead: string | null;
  deadline: { phrase: string; date: string | null } | null;
}

export interface FoundItem {
  path: string;
  kind: string;
  text: string;
  lead: string | null;
  deadline: { phrase: string | null; date: string | null; kind: string };
}

/** Counts of one text or of the whole corpus. */
export interface Score {
  expected: number;
  found: number;
  matched: number;
  expectedLeads: number;
  foundLeads: number;
  correctLeads: number;
  expectedDeadlines: number;
  foundDeadlines: number;
  correctDeadlines: number;
  kindsRight: number;
  pathsRight: number;
}

export const EMPTY_SCORE: Score = {
  expected: 0,
  found: 0,
  matched: 0,
  expectedLeads: 0,
  foundLeads: 0,
  correctLeads: 0,
  expectedDeadlines: 0,
  foundDeadlines: 0,
  correctDeadlines: 0,
  kindsRight: 0,
  pathsRight: 0,
};

function key(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9&/]+/g, " ")
    .trim();
}

function party(text: string): string {
  return key(text).replace(/^(cac|nhung) /, "");
}

/** Whether a found lead names the expected party (see the file comment). */
export function sameLead(expected: string, found: string): boolean {
  const [a, b] = [party(expected), party(found)];
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.split(" ").length >= 2 && long.startsWith(`${short} `);
}

/** Whether a found deadline is the expected one (see the file comment). */
export function sameDeadline(
  expected: { phrase: string; date: string | null },
  found: { phrase: string | null; date: string | null },
): boolean {
  if (expected.date !== null && found.date === expected.date) return true;
  if (!found.phrase) return false;
  const [a, b] = [key(expected.phrase), key(found.phrase)];
  return a !== "" && b !== "" && (a.includes(b) || b.includes(a));
}

/** Pairs expected and found items: [expected index, found index][]. */
export function matchItems(
  expected: readonly ExpectedItem[],
  found: readonly FoundItem[],
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const used = new Set<number>();
  let from = 0;
  expected.forEach((e, i) => {
    const want = key(e.text);
    const short = want.slice(0, 24).trim();
    const hit = (j: number) =>
      !used.has(j) && (key(found[j]?.text ?? "").includes(want) || key(found[j]?.text ?? "").includes(short));
    let j = found.findIndex((_, k) => k >= from && hit(k));
    if (j < 0) j = found.findIndex((_, k) => hit(k));
    if (j >= 0) {
      pairs.push([i, j]);
      used.add(j);
      from = j + 1;
    }
  });
  return pairs;
}

/** The score of one text. */
export function scoreReading(expected: readonly ExpectedItem[], found: readonly FoundItem[]): Score {
  const pairs = matchItems(expected, found);
  const score: Score = {
    ...EMPTY_SCORE,
    expected: expected.length,
    found: found.length,
    matched: pairs.length,
  };
  score.expectedLeads = expected.filter((e) => e.lead !== null).length;
  score.expectedDeadlines = expected.filter((e) => e.deadline !== null).length;
  for (const [i, j] of pairs) {
    const e = expected[i] as ExpectedItem;
    const f = found[j] as FoundItem;
    if (f.lead) score.foundLeads += 1;
    if (e.lead && f.lead && sameLead(e.lead, f.lead)) score.correctLeads += 1;
    const hasDeadline = f.deadline.kind !== "none";
    if (hasDeadline) score.foundDeadlines += 1;
    if (e.deadline && hasDeadline && sameDeadline(e.deadline, f.deadline)) score.correctDeadlines += 1;
    if (e.kind === f.kind) score.kindsRight += 1;
    if (e.path === f.path) score.pathsRight += 1;
  }
  return score;
}

/** The sum of several scores. */
export function addScores(scores: readonly Score[]): Score {
  const total = { ...EMPTY_SCORE };
  for (const s of scores) {
    for (const k of Object.keys(total) as Array<keyof Score>) total[k] += s[k];
  }
  return total;
}

/** Percentages of a score, one decimal: recall and precision of items, leads and deadlines, false items. */
export function figures(s: Score): Record<string, number> {
  const pct = (a: number, b: number) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);
  return {
    itemRecall: pct(s.matched, s.expected),
    itemPrecision: pct(s.matched, s.found),
    falseItems: pct(s.found - s.matched, s.found),
    leadRecall: pct(s.correctLeads, s.expectedLeads),
    leadPrecision: pct(s.correctLeads, s.foundLeads),
    deadlineRecall: pct(s.correctDeadlines, s.expectedDeadlines),
    deadlinePrecision: pct(s.correctDeadlines, s.foundDeadlines),
    kinds: pct(s.kindsRight, s.matched),
    paths: pct(s.pathsRight, s.matched),
  };
}
