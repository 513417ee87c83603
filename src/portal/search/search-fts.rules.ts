/**
 * The token kinds of the SQLite FTS5 index, each in its own namespace. Pure functions.
 *
 * FTS5 keeps one posting list per token across all columns; a column filter (`{title_x} : …`) is
 * applied by reading every position of that list. If the exact columns held the unaccented word
 * "thanh" as the folded columns do, asking "which articles have `thanh` as written" would read every
 * article with folded "thanh" anywhere, and a tier without a single match cost a scan of the whole
 * list (40–130 ms at 100.000 articles). So every kind but the folded text carries a prefix containing
 * "_", which `tokenize` never yields (it is not a letter or digit) and the table declares a token
 * character: each kind then has posting lists of its own and needs no column filter.
 */

/** Prefixes of the token kinds; the folded title and body are unmarked. */
const MARK = {
  /** The reader's own spelling, in title or body ("_thượng"). */
  exact: "_",
  /** A folded copy of the title, so "the words are in the title" is one short list ("t_thuong"). */
  title: "t_",
  /** Filter tokens: category and unit ("m_c12", "m_u5"). */
  meta: "m_",
} as const;

export type MarkedKind = keyof typeof MARK;

/** Tokens of one kind as the index stores them. */
export function markTokens(kind: MarkedKind, tokens: string[]): string[] {
  return tokens.map((t) => MARK[kind] + t);
}

/** The same, as one space-separated text for an FTS5 column (built without a string per token). */
export function markedText(kind: MarkedKind, tokens: string[]): string {
  return tokens.length === 0 ? "" : MARK[kind] + tokens.join(` ${MARK[kind]}`);
}

/** The filter tokens of an article: its category (when it has one) and its unit. */
export function metaTokens(article: { categoryId: number | null; unitId: number }): string[] {
  const tokens = [`u${article.unitId}`];
  if (article.categoryId !== null) tokens.unshift(`c${article.categoryId}`);
  return markTokens("meta", tokens);
}

/** An FTS5 string (phrase): tokens are letters, digits and marks only, but quotes are doubled all the same. */
function ftsString(tokens: string[]): string {
  return `"${tokens.join(" ").replace(/"/g, '""')}"`;
}

/** An FTS5 MATCH expression requiring every phrase: `"thuong thanh" AND "ho"`. */
export function ftsAllPhrases(phrases: string[][]): string {
  return phrases.map(ftsString).join(" AND ");
}

/** The same, for phrases of a marked kind: `"_thượng _thanh" AND "_hộ"`. */
export function ftsAllMarked(kind: MarkedKind, phrases: string[][]): string {
  return ftsAllPhrases(phrases.map((p) => markTokens(kind, p)));
}
