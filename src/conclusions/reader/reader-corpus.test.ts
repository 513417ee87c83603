import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flattenItems, readNotice } from "./notice-reader.js";
import { addScores, type ExpectedItem, type FoundItem, figures, scoreReading } from "./reader-score.rules.js";

/** The corpus of real notices with hand-made expected results (bench/reader-corpus/README.md). */
const CORPUS = new URL("../../../bench/reader-corpus/", import.meta.url);

/** The text after the header of a corpus file. */
function corpusText(file: string): string {
  const raw = readFileSync(new URL(file, CORPUS), "utf8");
  return raw.slice(raw.indexOf("\n---\n") + 5);
}

function found(text: string, date: string | null): FoundItem[] {
  return flattenItems(readNotice(text, { sessionDate: date }).items).map((i) => ({
    path: i.path,
    kind: i.kind,
    text: [i.area.heading, i.text].filter(Boolean).join(": "),
    lead: i.leadUnit?.text ?? null,
    deadline: { phrase: i.deadline.phrase, date: i.deadline.date, kind: i.deadline.kind },
  }));
}

const FILES = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));

/** Percentages reached on the corpus, recorded in BENCHMARKS.md: a regression floor, not a goal. */
const FLOOR = {
  itemRecall: 96.8,
  itemPrecision: 97.6,
  falseItems: 2.4,
  leadRecall: 92.5,
  leadPrecision: 98.7,
  deadlineRecall: 83.9,
  deadlinePrecision: 96.3,
};

describe("the reader on the corpus of real notices", () => {
  it("has at least 30 texts", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(30);
  });

  it("does not fall below the figures recorded in BENCHMARKS.md", () => {
    const scores = FILES.map((file) => {
      const expected = JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, ".json"), CORPUS), "utf8")) as {
        date: string | null;
        items: ExpectedItem[];
      };
      return scoreReading(expected.items, found(corpusText(file), expected.date));
    });
    const total = figures(addScores(scores));
    // The figures of BENCHMARKS.md ("Conclusion reader"): raise them when the reader gets better.
    expect(total.itemRecall).toBeGreaterThanOrEqual(FLOOR.itemRecall);
    expect(total.itemPrecision).toBeGreaterThanOrEqual(FLOOR.itemPrecision);
    expect(total.falseItems).toBeLessThanOrEqual(FLOOR.falseItems);
    expect(total.leadRecall).toBeGreaterThanOrEqual(FLOOR.leadRecall);
    expect(total.leadPrecision).toBeGreaterThanOrEqual(FLOOR.leadPrecision);
    expect(total.deadlineRecall).toBeGreaterThanOrEqual(FLOOR.deadlineRecall);
    expect(total.deadlinePrecision).toBeGreaterThanOrEqual(FLOOR.deadlinePrecision);
  });
});
