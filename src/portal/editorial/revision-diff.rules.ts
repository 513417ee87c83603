/**
 * A readable word-level diff of article text, for the revision history. Pure: a longest common
 * subsequence (LCS) over paragraphs first, then over the words of each changed paragraph, so a long
 * article with a one-word edit costs little and reads as "this word changed in this paragraph".
 */

import { decodeEntities } from "../search/search-text.rules.js";

export type DiffKind = "same" | "del" | "ins";

export interface DiffOp<T> {
  kind: DiffKind;
  items: T[];
}

export interface Segment {
  kind: DiffKind;
  text: string;
}

/** Above this many table cells (paragraphs × paragraphs or words × words) we stop looking for a match. */
const MAX_CELLS = 4_000_000;

function push<T>(ops: DiffOp<T>[], kind: DiffKind, items: T[]): void {
  if (items.length === 0) return;
  const last = ops[ops.length - 1];
  if (last && last.kind === kind) last.items.push(...items);
  else ops.push({ kind, items: [...items] });
}

/**
 * The edit script from `a` to `b`: runs of kept, deleted and inserted items, in order. The common
 * start and end are trimmed before the LCS table is built; an input too large for the table is
 * reported as "all deleted, all inserted", never as a wrong match.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[]): DiffOp<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp<T>[] = [];
  push(ops, "same", a.slice(0, start));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS) {
    push(ops, "del", midA);
    push(ops, "ins", midB);
  } else {
    // lengths[i * (m + 1) + j] = LCS length of midA[i..] and midB[j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] =
          midA[i] === midB[j]
            ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
            : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push(ops, "same", [midA[i] as T]);
        i++;
        j++;
      } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
        push(ops, "del", [midA[i] as T]);
        i++;
      } else {
        push(ops, "ins", [midB[j] as T]);
        j++;
      }
    }
    push(ops, "del", midA.slice(i));
    push(ops, "ins", midB.slice(j));
  }
  push(ops, "same", a.slice(endA));
  return ops;
}

/** Words and the spaces between them, so joining the tokens gives the text back exactly. */
export function tokenizeWords(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** The word-level diff of two paragraphs, as segments to show with `<del>` and `<ins>`. */
export function diffWords(before: string, after: string): Segment[] {
  return diffSequences(tokenizeWords(before), tokenizeWords(after)).map((op) => ({
    kind: op.kind,
    text: op.items.join(""),
  }));
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/**
 * The diff of two texts as paragraphs of segments. Unchanged paragraphs come as one "same" segment;
 * a changed paragraph is diffed word by word against the one it replaced; added and removed
 * paragraphs come whole.
 */
export function diffText(before: string, after: string): Segment[][] {
  const ops = diffSequences(paragraphsOf(before), paragraphsOf(after));
  const out: Segment[][] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k] as DiffOp<string>;
    if (op.kind === "same") {
      for (const p of op.items) out.push([{ kind: "same", text: p }]);
      continue;
    }
    if (op.kind === "ins") {
      for (const p of op.items) out.push([{ kind: "ins", text: p }]);
      continue;
    }
    // A deletion followed by an insertion is a replacement: pair the paragraphs up in order.
    const next = ops[k + 1];
    const inserted = next?.kind === "ins" ? next.items : [];
    if (next?.kind === "ins") k++;
    const pairs = Math.min(op.items.length, inserted.length);
    for (let i = 0; i < pairs; i++) out.push(diffWords(op.items[i] as string, inserted[i] as string));
    for (const p of op.items.slice(pairs)) out.push([{ kind: "del", text: p }]);
    for (const p of inserted.slice(pairs)) out.push([{ kind: "ins", text: p }]);
  }
  return out;
}

/** True when the diff has any deletion or insertion. */
export function hasChanges(paragraphs: Segment[][]): boolean {
  return paragraphs.some((segments) => segments.some((s) => s.kind !== "same"));
}

/**
 * The text a reader sees in sanitised article HTML: one paragraph per block (separated by a blank
 * line), line breaks kept, tags dropped, entities decoded. Used only to compare revisions.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|caption|tr|table|ul|ol|figure)>/gi, "\n\n")
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, "[Ảnh: $1]")
    .replace(/<[^>]+>/g, "");
  return decodeEntities(text)
    .split(/\n{2,}/)
    .map((p) =>
      p
        .split("\n")
        .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
        .filter((line) => line !== "")
        .join("\n"),
    )
    .filter((p) => p !== "")
    .join("\n\n");
}
