import { foldVietnamese } from "../../core/text/fold.js";

/**
 * How article text becomes search tokens, for the index and for queries alike. Pure functions.
 *
 * Tokenising happens here, in JavaScript, and never in the database: SQLite's unicode61 tokenizer
 * and PostgreSQL's text-search parser split text differently (hyphenated words, numbers, e-mail
 * addresses…), so each engine receives a list of ready-made tokens and cannot disagree about them.
 * A token is a run of letters and digits, lower-cased and NFC; its folded twin drops the accents and
 * turns đ into d. The two streams have the same length, so a position means the same word in both.
 */

/** Letters and digits of the Basic Multilingual Plane (older SQLite Unicode tables know all of them). */
const TOKEN = /[\p{L}\p{N}]+/gu;
/** Longer runs are not words (hashes, base64…) and PostgreSQL refuses lexemes over 2 KB. */
const MAX_TOKEN_LENGTH = 64;
/** PostgreSQL keeps positions up to 16383 in a tsvector and at most 256 positions per lexeme. */
export const MAX_POSITION = 16_383;
export const MAX_POSITIONS_PER_LEXEME = 256;

const SURROGATE = /[\uD800-\uDFFF]/;
const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Whether each UTF-16 unit of the Basic Multilingual Plane is a letter or digit: 1 yes, 2 no, 0 not
 * asked yet (filled on first sight from `TOKEN_CHAR`, so it agrees with `TOKEN` by construction).
 */
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++)
  CHAR_CLASS[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 2;

/**
 * Exact tokens of a text: lower-case NFC runs of letters and digits.
 *
 * Text without surrogates (nearly all) is cut by a scan over a table of character classes, three
 * times faster than the regular expression and the largest part of an index build; text with
 * surrogates takes the expression, which is the definition (a test holds the two equal).
 */
export function tokenize(text: string): string[] {
  const normal = text.normalize("NFC").toLowerCase();
  if (SURROGATE.test(normal)) return tokenizeByExpression(normal);
  const out: string[] = [];
  let start = -1;
  const length = normal.length;
  for (let i = 0; i < length; i++) {
    const code = normal.charCodeAt(i);
    let kind = CHAR_CLASS[code] as number;
    if (kind === 0) {
      kind = TOKEN_CHAR.test(normal.charAt(i)) ? 1 : 2;
      CHAR_CLASS[code] = kind;
    }
    if (kind === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start <= MAX_TOKEN_LENGTH) out.push(normal.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0 && length - start <= MAX_TOKEN_LENGTH) out.push(normal.slice(start));
  return out;
}

/**
 * The definition of `tokenize` on lower-case NFC text: `TOKEN` runs, without long runs and without
 * letters outside the Basic Multilingual Plane (left out, see `TOKEN`).
 */
export function tokenizeByExpression(normal: string): string[] {
  const out: string[] = [];
  for (const match of normal.matchAll(TOKEN)) {
    const token = match[0];
    if (token.length > MAX_TOKEN_LENGTH || SURROGATE.test(token)) continue;
    out.push(token);
  }
  return out;
}

/**
 * Folded twins already computed. A language has a few thousand syllables, and folding one (NFD and
 * two expressions) costs more than looking it up: remembering them makes indexing 100.000 articles
 * about ten times cheaper. Bounded, so odd input (numbers, names) cannot grow it without end.
 */
const FOLDED = new Map<string, string>();
const FOLDED_LIMIT = 100_000;

/** The folded twin of an exact token ("thượng" → "thuong", "đảng" → "dang"). */
export function foldToken(token: string): string {
  let folded = FOLDED.get(token);
  if (folded === undefined) {
    folded = foldVietnamese(token);
    if (FOLDED.size >= FOLDED_LIMIT) FOLDED.clear();
    FOLDED.set(token, folded);
  }
  return folded;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decodes the entities the sanitiser writes (named basics and numeric references). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text of sanitised article HTML: block ends become line breaks, tags go, entities are decoded.
 * Only for the output of `sanitizeArticleHtml`, where `<` never appears inside text.
 */
export function htmlToText(html: string): string {
  return htmlToIndexText(html)
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/**
 * `htmlToText` without tidying the spaces, which changes no token: what the index build tokenises
 * (the tidying was a tenth of its tokenising).
 */
export function htmlToIndexText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>|<\/(?:p|li|h[1-6]|blockquote|tr|td|th|figcaption|caption)>/gi, "\n")
      .replace(/<[^>]*>/g, ""),
  );
}

/** The two fields an article is indexed under: its title, and everything else readers see. */
export interface IndexFields {
  title: string;
  /** Lead, body text and photo captions. */
  body: string;
}

export interface FieldStreams {
  exact: string[];
  folded: string[];
}

export interface IndexStreams {
  title: FieldStreams;
  body: FieldStreams;
}

/** Positions as PostgreSQL sees them: title at 1…n, body after a one-position gap (no phrase across). */
export function bodyStartPosition(titleLength: number): number {
  return titleLength + 2;
}

/**
 * Cuts a token stream where PostgreSQL would start losing positions (past position 16383, or a 257th
 * occurrence of one lexeme), so that both engines index exactly the same words. Only very long
 * articles are cut; their tail is not searchable.
 */
function cutAtLimits(title: string[], body: string[]): { title: number; body: number } {
  // Short enough that no lexeme can pass either limit: nothing to count.
  const positions = bodyStartPosition(title.length) + body.length;
  if (positions <= MAX_POSITIONS_PER_LEXEME) return { title: title.length, body: body.length };
  const seen = new Map<string, number>();
  const fits = (token: string, position: number) => {
    const n = (seen.get(token) ?? 0) + 1;
    if (position > MAX_POSITION || n > MAX_POSITIONS_PER_LEXEME) return false;
    seen.set(token, n);
    return true;
  };
  let t = 0;
  while (t < title.length && fits(title[t] as string, t + 1)) t++;
  if (t < title.length) return { title: t, body: 0 };
  let b = 0;
  const start = bodyStartPosition(title.length);
  while (b < body.length && fits(body[b] as string, start + b)) b++;
  return { title: t, body: b };
}

/**
 * The exact and folded token streams of an article, cut so both engines keep every position. The
 * exact and folded streams are cut at the same place, so they stay aligned word for word.
 */
export function indexStreams(fields: IndexFields): IndexStreams {
  const titleExact = tokenize(fields.title);
  const bodyExact = tokenize(fields.body);
  const titleFolded = titleExact.map(foldToken);
  const bodyFolded = bodyExact.map(foldToken);
  // Folding only merges tokens, so a folded lexeme occurs at least as often as each of its exact
  // spellings at every point: the folded stream reaches a limit first, and its cut serves both.
  const { title: titleLength, body: bodyLength } = cutAtLimits(titleFolded, bodyFolded);
  return {
    title: { exact: titleExact.slice(0, titleLength), folded: titleFolded.slice(0, titleLength) },
    body: { exact: bodyExact.slice(0, bodyLength), folded: bodyFolded.slice(0, bodyLength) },
  };
}

/** Quotes a lexeme for PostgreSQL's tsvector/tsquery input syntax. */
export function quoteLexeme(token: string): string {
  // Tokens are letters and digits: the escapes below are for input that is not a token.
  if (!/['\\]/.test(token)) return `'${token}'`;
  return `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * The pair lexeme of two neighbouring tokens (`'thuong thanh'`): tokens never hold a space, so a pair
 * can never be mistaken for a token.
 */
export function pairLexeme(first: string, second: string): string {
  return `${first} ${second}`;
}

// ---- rank keys ---------------------------------------------------------------------------------

/** Article ids up to 2.097.151 fit beside the publish second in a rank key (53 bits in all). */
export const RANK_ID_SPAN = 2 ** 21;
/** Seconds are counted from 2000-01-01 UTC (earlier articles get negative keys; both engines accept them). */
const RANK_EPOCH_MS = Date.UTC(2000, 0, 1);

function rankSecond(instant: string | Date): number {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return Math.floor((ms - RANK_EPOCH_MS) / 1000);
}

/**
 * The number an article is ordered by in the index, newest first: its publish second, then its id.
 * It is the FTS5 rowid on SQLite (FTS5 reads rowids in order and stops at the LIMIT, so "the newest
 * ten matches" costs ten matches, not all of them) and `rank_key` on PostgreSQL.
 */
export function rankKey(publishedAt: string, articleId: number): number {
  if (!Number.isInteger(articleId) || articleId < 1 || articleId >= RANK_ID_SPAN)
    throw new RangeError(`search index: article id ${articleId} is outside 1…${RANK_ID_SPAN - 1}`);
  return rankSecond(publishedAt) * RANK_ID_SPAN + articleId;
}

/** The first key of a second: keys below it were published in earlier seconds. */
export function rankKeyAt(instant: string | Date): number {
  return rankSecond(instant) * RANK_ID_SPAN;
}

export function articleIdOfKey(key: number): number {
  return ((key % RANK_ID_SPAN) + RANK_ID_SPAN) % RANK_ID_SPAN;
}
