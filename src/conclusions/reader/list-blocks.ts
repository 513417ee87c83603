/**
 * Finds the lists in a pasted text and picks the one that holds the conclusions. A news article has
 * several lists (the chair's opening "đề nghị: - … - …", then the conclusions "yêu cầu : 1. … 9. …")
 * followed by a closing paragraph ("Tiếp thu ý kiến chỉ đạo…") that is not an item.
 */
import { foldVietnamese } from "../../core/text/fold.js";
import { type ListMarker, type MarkerKind, parseListMarker, splitInlineList } from "./list-markers.js";

/** A sub-item (a), -, +…) with its text lines. */
export interface SubItemBlock {
  marker: ListMarker;
  lines: string[];
}

/** A top-level item: its marker, its own lines (marker removed from the first) and its sub-items. */
export interface ItemBlock {
  marker: ListMarker;
  lines: string[];
  subItems: SubItemBlock[];
}

/** A list found in the text, with the paragraphs before it that introduce it. */
export interface ListBlock {
  kind: MarkerKind;
  items: ItemBlock[];
  /** Index of the first and one past the last paragraph of the list. */
  start: number;
  end: number;
  /** The introducing paragraph that made it the conclusion list ("…yêu cầu :"), if any. */
  anchor: string | null;
  score: number;
}

interface Paragraph {
  text: string;
  marker: ListMarker | null;
}

/** Lines of the text, inline lists ("Một là, …; hai là, …") split into one line per item. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const raw of text.normalize("NFC").split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === "") continue;
    const { intro, items } = splitInlineList(line);
    for (const part of items.length > 0 ? [intro, ...items] : [line]) {
      if (part !== "") out.push({ text: part, marker: parseListMarker(part) });
    }
  }
  return out;
}

/** Photo captions sit between items in news pages and belong to no item. */
function isCaption(text: string): boolean {
  return /^(d\/c|dong chi .{0,80}(phat bieu|bao cao|trao)[^.]*$|anh[:\s]|\(anh|quang canh|toan canh)/.test(
    foldVietnamese(text),
  );
}

function endsSentence(text: string): boolean {
  return /[.!?;:…]["”»)]?$/.test(text);
}

const INTRO_WORDS = ["yeu cau", "de nghi", "chi dao", "giao", "nhan manh", "luu y", "nhu sau", "nhiem vu"];

/** Whether a new list may start here: numbered lists start at 1, dashes anywhere; roman numerals are sections. */
function startsList(marker: ListMarker): boolean {
  if (marker.kind === "roman") return false;
  return marker.kind === "dash" || marker.kind === "plus" || marker.number === 1;
}

function nextInSequence(kind: MarkerKind, marker: ListMarker, expected: number): boolean {
  return marker.kind === kind && (kind === "dash" || kind === "plus" || marker.number === expected);
}

/** Reads the list that starts at paragraph `start`; returns it without score and anchor. */
function readList(paragraphs: readonly Paragraph[], start: number): Omit<ListBlock, "anchor" | "score"> {
  const first = paragraphs[start] as Paragraph & { marker: ListMarker };
  const kind = first.marker.kind;
  const items: ItemBlock[] = [{ marker: first.marker, lines: [first.marker.rest], subItems: [] }];
  let expected = 2;
  let j = start + 1;
  for (; j < paragraphs.length; j += 1) {
    const p = paragraphs[j] as Paragraph;
    const item = items[items.length - 1] as ItemBlock;
    const target = item.subItems[item.subItems.length - 1]?.lines ?? item.lines;
    if (p.marker) {
      if (nextInSequence(kind, p.marker, expected)) {
        items.push({ marker: p.marker, lines: [p.marker.rest], subItems: [] });
        expected += 1;
        continue;
      }
      if (p.marker.kind === kind || p.marker.kind === "roman") break;
      item.subItems.push({ marker: p.marker, lines: [p.marker.rest] });
      continue;
    }
    if (isCaption(p.text)) continue;
    // "…đề nghị:" followed by a fresh list of the same kind introduces that list; it continues nothing.
    const following = paragraphs[j + 1]?.marker;
    if (p.text.endsWith(":") && following?.kind === kind && startsList(following)) break;
    const last = target[target.length - 1] ?? "";
    // A paragraph between item n and item n+1 belongs to item n; so does a line wrapped mid-sentence.
    const ahead = paragraphs.slice(j + 1, j + 4).find((q) => q.marker !== null && !isCaption(q.text));
    const sandwiched = ahead?.marker ? nextInSequence(kind, ahead.marker, expected) : false;
    const introducesSubItems = last.endsWith(":") && paragraphs[j + 1]?.marker?.kind !== kind;
    const wrapped = !endsSentence(last) || /^\p{Ll}/u.test(p.text);
    if (sandwiched || introducesSubItems || wrapped) target.push(p.text);
    else break;
  }
  return { kind, items, start, end: j };
}

/** Every list in the text, in order, each scored as a candidate for the conclusions (see {@link findConclusionList}). */
export function findLists(text: string): ListBlock[] {
  const paragraphs = paragraphsOf(text);
  const folded = paragraphs.map((p) => foldVietnamese(p.text));
  const conclusionAt = folded.findIndex((f) => f.includes("ket luan"));
  const lists: ListBlock[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const marker = paragraphs[i]?.marker;
    if (!marker || !startsList(marker)) {
      i += 1;
      continue;
    }
    const list = readList(paragraphs, i);
    const previousEnd = lists[lists.length - 1]?.end ?? 0;
    const before = folded.slice(Math.max(previousEnd, i - 3), i);
    const intro = before[before.length - 1] ?? "";
    let score = 0;
    if (conclusionAt >= 0 && conclusionAt < i) score += 2;
    if (before.some((f) => f.includes("ket luan"))) score += 4;
    if (intro.endsWith(":")) score += 1;
    if (intro.endsWith(":") && INTRO_WORDS.some((w) => intro.includes(w))) score += 2;
    if (list.kind !== "dash" && list.kind !== "plus") score += 1;
    if (list.items.length >= 2) score += 1;
    const anchor = score > 2 && i > 0 ? (paragraphs[i - 1]?.text ?? null) : null;
    lists.push({ ...list, anchor, score });
    i = Math.max(list.end, i + 1);
  }
  return lists;
}

/**
 * The list holding the conclusions, or null when the text has no list. Preference, in order: a list
 * introduced within three paragraphs by "kết luận"; one after a "kết luận" paragraph anywhere above; one
 * introduced by a paragraph ending in ":" with "yêu cầu", "đề nghị", "giao", "như sau"…; numbered rather
 * than dashed; two or more items; then the most items, then the later one.
 */
export function findConclusionList(text: string): { list: ListBlock | null; listsFound: number } {
  const lists = findLists(text);
  let best: ListBlock | null = null;
  for (const list of lists) {
    if (
      !best ||
      list.score > best.score ||
      (list.score === best.score && list.items.length >= best.items.length)
    ) {
      best = list;
    }
  }
  return { list: best, listsFound: lists.length };
}
