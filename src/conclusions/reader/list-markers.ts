/**
 * List markers of Vietnamese official and news writing: "1.", "1)", "(1)", "a)", "đ)", "- ", "+ ",
 * "I.", "Một là,", "Thứ nhất,". Recognising them is the first step of reading a conclusion.
 */
import { foldVietnameseKeepingLength } from "../../core/text/fold.js";

/**
 * - number: 1. 1) (1)   - letter: a) b) đ) (Vietnamese alphabet order)   - dash: - – — • *
 * - plus: +   - roman: I. II. (section headings)   - ordinal_la: Một là, Hai là   - ordinal_thu: Thứ nhất, Thứ hai
 */
export type MarkerKind = "number" | "letter" | "dash" | "plus" | "roman" | "ordinal_la" | "ordinal_thu";

export interface ListMarker {
  kind: MarkerKind;
  /** Position in its sequence (1 for "1.", "a)", "I.", "Một là", "Thứ nhất"); 0 for dash and plus. */
  number: number;
  /** The marker as written, e.g. "1.", "a)", "Một là,". */
  marker: string;
  /** The text after the marker. */
  rest: string;
}

/** Letters of the Vietnamese alphabet that number sub-items, in order (no f, j, w, z). */
const LETTERS = [
  "a",
  "b",
  "c",
  "d",
  "đ",
  "e",
  "g",
  "h",
  "i",
  "k",
  "l",
  "m",
  "n",
  "o",
  "p",
  "q",
  "r",
  "s",
  "t",
  "u",
  "v",
  "x",
  "y",
];
const ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
/** Folded cardinal words for "Một là…Mười là" and ordinal words for "Thứ nhất…Thứ mười". */
const CARDINALS = ["mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"];
const ORDINALS = ["nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi"];

const WORDS_LA = CARDINALS.join("|");
const WORDS_THU = ORDINALS.join("|");

interface Rule {
  kind: MarkerKind;
  /** Matched against the folded text; group 1 is the numbering word or digits when there is one. */
  re: RegExp;
  /** The position from group 1 and the marker as written; 0 rejects the match. */
  number: (token: string, written: string) => number;
}

const RULES: readonly Rule[] = [
  // "1.2" (a decimal or a sub-section number) is not a marker; "1. 100% hộ" is.
  { kind: "number", re: /^(\d{1,2})\s*[.)](?!\d)\s*(?=\S)/, number: (t) => Number(t) },
  { kind: "number", re: /^\((\d{1,2})\)\s*(?=\S)/, number: (t) => Number(t) },
  // Roman section headings are upper case in the original ("II."), which tells them from a letter "i)".
  {
    kind: "roman",
    re: /^(x?(?:ix|iv|v?i{0,3}))\s*[.)/]\s+(?=\S)/,
    number: (t, w) =>
      t !== "" && w.slice(0, t.length) === w.slice(0, t.length).toUpperCase() ? ROMANS.indexOf(t) + 1 : 0,
  },
  {
    kind: "letter",
    re: /^\(?([a-z])\s*\)\s*(?=\S)/,
    number: (_t, w) => LETTERS.indexOf(w.replace(/[()\s]/g, "").toLowerCase()) + 1,
  },
  // A dash followed by a space or a letter: "-5%" is a number, not a list item.
  { kind: "dash", re: /^[-–—•*·](?:\s+(?=\S)|(?=[a-z]))/, number: () => -1 },
  { kind: "plus", re: /^\+(?:\s+(?=\S)|(?=[a-z]))/, number: () => -1 },
  {
    kind: "ordinal_la",
    re: new RegExp(`^(${WORDS_LA})\\s+la(?![a-z])\\s*[,:]?\\s*`),
    number: (t) => CARDINALS.indexOf(t) + 1,
  },
  {
    kind: "ordinal_thu",
    re: new RegExp(`^thu\\s+(${WORDS_THU})\\s*[,:]\\s*`),
    number: (t) => ORDINALS.indexOf(t) + 1,
  },
];

/**
 * The list marker at the start of a line (leading spaces ignored), or null. "Thứ hai" needs a comma or
 * colon after it, so "Thứ hai ngày 6/1" (Monday) is not a marker; "2020." and "30/6" are not numbers;
 * a roman numeral must be written in capitals. The text should be NFC.
 */
export function parseListMarker(line: string): ListMarker | null {
  const original = line.trimStart();
  const folded = foldVietnameseKeepingLength(original);
  for (const rule of RULES) {
    const m = rule.re.exec(folded);
    if (!m || m[0].length === 0) continue;
    const written = original.slice(0, m[0].length);
    const number = rule.number(m[1] ?? "", written);
    if (number === 0) continue;
    return {
      kind: rule.kind,
      number: Math.max(number, 0),
      marker: written.trim(),
      rest: original.slice(m[0].length).trim(),
    };
  }
  return null;
}

/** Inline markers worth splitting a paragraph on: spelled-out ordinals and "(1)". */
const INLINE = new RegExp(
  `(?<=^|[.;:!?]\\s*|^\\s*)(?:(${WORDS_LA})\\s+la(?![a-z])\\s*[,:]?|thu\\s+(${WORDS_THU})\\s*[,:]|\\((\\d{1,2})\\))\\s*`,
  "g",
);

/**
 * Splits a paragraph that runs its list inline, as news often does: "…đề nghị: Một là, …; hai là, …;
 * ba là, …" gives the intro "…đề nghị:" and one line per item, each starting with its marker. Only
 * spelled-out ordinals and "(1)" are split on, after a sentence or clause break, and only when at least
 * two of one kind number 1, 2, 3… in order, so a stray "thứ hai," stays inside its sentence. Returns
 * the intro ("" when the list starts the paragraph) and the item lines; no items when nothing splits.
 */
export function splitInlineList(paragraph: string): { intro: string; items: string[] } {
  const folded = foldVietnameseKeepingLength(paragraph);
  const hits: Array<{ index: number; kind: string; number: number }> = [];
  for (const m of folded.matchAll(INLINE)) {
    if (m[1]) hits.push({ index: m.index, kind: "la", number: CARDINALS.indexOf(m[1]) + 1 });
    else if (m[2]) hits.push({ index: m.index, kind: "thu", number: ORDINALS.indexOf(m[2]) + 1 });
    else hits.push({ index: m.index, kind: "paren", number: Number(m[3]) });
  }
  // The longest run of one kind numbered 1, 2, 3… decides.
  let best: typeof hits = [];
  for (const start of hits.filter((h) => h.number === 1)) {
    const run = [start];
    for (const h of hits) {
      const last = run[run.length - 1] as (typeof hits)[number];
      if (h.index > last.index && h.kind === start.kind && h.number === last.number + 1) run.push(h);
    }
    if (run.length > best.length) best = run;
  }
  if (best.length < 2) return { intro: paragraph.trim(), items: [] };
  const cuts = best.map((h) => h.index);
  const items = cuts.map((cut, i) => paragraph.slice(cut, cuts[i + 1] ?? paragraph.length).trim());
  return { intro: paragraph.slice(0, cuts[0]).trim(), items };
}
