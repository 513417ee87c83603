import { foldVietnameseKeepingLength } from "../../core/text/fold.js";

/**
 * Highlighted extracts for search results, computed in JavaScript from the article's text so they
 * are the same on both engines. Output is HTML: the text is escaped and only `<mark>` is added.
 */

const TOKEN = /[\p{L}\p{N}]+/gu;
export const SNIPPET_LENGTH = 220;
/** How much text to keep before the first highlighted word. */
const LEAD_IN = 60;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

interface Span {
  start: number;
  end: number;
  phrase: number;
}

/** Folded characters, remembered: an article has a few hundred distinct ones and thousands of letters. */
const FOLDED_CHARS = new Map<string, string>();
const MAX_REMEMBERED_CHARS = 10_000;

/** `foldVietnameseKeepingLength`, one character at a time through the cache above. */
function foldKeepingLength(text: string): string {
  let out = "";
  for (const ch of text) {
    let folded = FOLDED_CHARS.get(ch);
    if (folded === undefined) {
      folded = foldVietnameseKeepingLength(ch);
      if (FOLDED_CHARS.size < MAX_REMEMBERED_CHARS) FOLDED_CHARS.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

/** Where the folded phrases occur in `text` (NFC), as character ranges of the text itself. */
export function findPhraseSpans(text: string, phrases: string[][]): Span[] {
  const folded = foldKeepingLength(text);
  const tokens = [...folded.matchAll(TOKEN)].map((m) => ({
    value: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const spans: Span[] = [];
  phrases.forEach((phrase, p) => {
    if (phrase.length === 0) return;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((word, k) => tokens[i + k]?.value === word)) {
        spans.push({
          start: (tokens[i] as { start: number }).start,
          end: (tokens[i + phrase.length - 1] as { end: number }).end,
          phrase: p,
        });
      }
    }
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping matches ("ho ngheo" inside "ho ngheo 2019") merge into one mark.
  const merged: Span[] = [];
  for (const span of spans) {
    const prev = merged[merged.length - 1];
    if (prev && span.start <= prev.end) prev.end = Math.max(prev.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `text` as HTML with the given ranges wrapped in `<mark>`. */
function markRanges(text: string, spans: Span[], from: number, to: number): string {
  let html = "";
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole text with every occurrence of the phrases marked (for titles). */
export function highlightAll(text: string, phrases: string[][]): string {
  const nfc = text.normalize("NFC");
  return markRanges(nfc, findPhraseSpans(nfc, phrases), 0, nfc.length);
}

/** Moves a cut to the nearest space before `index` (or keeps it when there is none close by). */
function backToSpace(text: string, index: number): number {
  if (index <= 0) return 0;
  const space = text.lastIndexOf(" ", index);
  return space > index - 30 && space > 0 ? space + 1 : index;
}

/**
 * An extract of about `length` characters around the place where most of the query's phrases
 * occur close together, with them marked; the start of the text when none occurs. "…" shows cuts.
 */
export function buildSnippet(text: string, phrases: string[][], length = SNIPPET_LENGTH): string {
  const nfc = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const spans = findPhraseSpans(nfc, phrases);
  let best = 0;
  let bestScore = -1;
  for (const span of spans) {
    const windowEnd = span.start + length - LEAD_IN;
    const distinct = new Set(
      spans.filter((s) => s.start >= span.start && s.end <= windowEnd).map((s) => s.phrase),
    );
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      best = span.start;
    }
  }
  const from = spans.length === 0 ? 0 : backToSpace(nfc, Math.max(0, best - LEAD_IN));
  let to = Math.min(nfc.length, from + length);
  if (to < nfc.length) {
    const space = nfc.lastIndexOf(" ", to);
    if (space > from + length / 2) to = space;
  }
  const prefix = from > 0 ? "…" : "";
  const suffix = to < nfc.length ? "…" : "";
  return `${prefix}${markRanges(nfc, spans, from, to)}${suffix}`;
}
