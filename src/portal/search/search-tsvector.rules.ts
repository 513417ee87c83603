import { bodyStartPosition, MAX_POSITION, pairLexeme, quoteLexeme } from "./search-text.rules.js";

/**
 * PostgreSQL tsvectors of an article's token streams, written here rather than by `to_tsvector`,
 * whose parser would split tokens its own way. Pure functions.
 *
 * Positions are explicit: title tokens at 1…n weighted A, body tokens from `bodyStartPosition` on
 * (weight D, the default). Beside every token, the pair it starts with the next token of its field
 * can be a lexeme of its own at the same position (`'thuong thanh':1A`). GIN indexes keep lexemes
 * but no positions, so a two-syllable phrase ("hộ nghèo") asked as the pair lexeme is answered by the
 * index alone, with no row to read again; a longer one is a chain of pairs (`'a b' <-> 'b c'`),
 * whose index candidates are few and almost all true. No pair spans the title and the body.
 *
 * A rebuild sends the vectors in PostgreSQL's binary form (`tsvectorBinary`, read by the server's
 * `tsvector_recv`): no literal to build here and none for the server to parse, which were most of
 * the PostgreSQL build's time; `tsvectorLiteral` is the same vector as text, the definition the
 * tests hold the binary form to.
 */

/** Weight A in a position word: the top two bits (D is 0). */
const WEIGHT_A = 3 << 14;
const POSITION_BITS = 0x3fff;

/** Whether neighbouring tokens also become pair lexemes. */
export interface VectorShape {
  pairs: boolean;
}

/**
 * Each lexeme with its positions as PostgreSQL stores them (position in the low 14 bits, weight in
 * the top two), in order of first occurrence; positions ascend within a lexeme.
 */
export function tsvectorEntries(title: string[], body: string[], shape: VectorShape): Map<string, number[]> {
  const entries = new Map<string, number[]>();
  const add = (lexeme: string, at: number) => {
    const positions = entries.get(lexeme);
    if (positions === undefined) entries.set(lexeme, [at]);
    else positions.push(at);
  };
  const addField = (tokens: string[], start: number, weight: number) => {
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      const at = (start + i) | weight;
      const token = tokens[i] as string;
      add(token, at);
      if (shape.pairs && i + 1 < n) add(pairLexeme(token, tokens[i + 1] as string), at);
    }
  };
  addField(title, 1, WEIGHT_A);
  addField(body, bodyStartPosition(title.length), 0);
  return entries;
}

/** The vector in tsvector's text syntax: `'thanh':2A,4 'thanh pho':4`. */
export function tsvectorLiteral(
  title: string[],
  body: string[],
  shape: VectorShape = { pairs: true },
): string {
  const out: string[] = [];
  for (const [lexeme, positions] of tsvectorEntries(title, body, shape))
    out.push(
      `${quoteLexeme(lexeme)}:${positions.map((p) => `${p & POSITION_BITS}${p >= WEIGHT_A ? "A" : ""}`).join(",")}`,
    );
  return out.join(" ");
}

/**
 * The vector in the binary format of `tsvector_recv` (PostgreSQL's src/backend/utils/adt/tsvector.c):
 * the number of lexemes (int32), then per lexeme its UTF-8 bytes ending in a zero byte, the number
 * of positions (uint16) and each position word (uint16), big-endian. The server sorts the lexemes
 * itself; it refuses positions out of order, which are never written.
 *
 * A Buffer bound as a statement parameter goes to the server in binary format (node-postgres), so
 * `${tsvectorBinary(…)}::tsvector` in a statement is read by `tsvector_recv`.
 *
 * The largest part of a PostgreSQL rebuild's own work, so written for speed: each distinct token
 * gets a number, a pair is found by its two numbers (no string made for it), and lexemes are copied
 * from UTF-8 bytes kept per token.
 */
export function tsvectorBinary(title: string[], body: string[], shape: VectorShape): Buffer {
  const last = body.length > 0 ? bodyStartPosition(title.length) + body.length - 1 : title.length;
  if (last > MAX_POSITION)
    throw new RangeError("tsvector: positions past 16383 (cut the streams with indexStreams)");
  const words: Uint8Array[] = [];
  const ids = new Map<string, number>();
  /** Per entry: its token (or a pair's first token), the pair's second token or -1, its positions. */
  const firsts: number[] = [];
  const seconds: number[] = [];
  const positions: number[][] = [];
  const entryOfWord: number[] = [];
  const entryOfPair = new Map<number, number>();
  const addField = (tokens: string[], start: number, weight: number) => {
    let before = -1;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      let id = ids.get(token);
      if (id === undefined) {
        id = words.length;
        ids.set(token, id);
        words.push(utf8Of(token));
        entryOfWord.push(-1);
      }
      const at = (start + i) | weight;
      const entry = entryOfWord[id] as number;
      if (entry < 0) {
        entryOfWord[id] = firsts.length;
        firsts.push(id);
        seconds.push(-1);
        positions.push([at]);
      } else (positions[entry] as number[]).push(at);
      if (shape.pairs && before >= 0) {
        // The pair of the previous token and this one, at the previous token's position.
        const key = before * ID_SPAN + id;
        const pair = entryOfPair.get(key);
        if (pair === undefined) {
          entryOfPair.set(key, firsts.length);
          firsts.push(before);
          seconds.push(id);
          positions.push([at - 1]);
        } else (positions[pair] as number[]).push(at - 1);
      }
      before = id;
    }
  };
  addField(title, 1, WEIGHT_A);
  addField(body, bodyStartPosition(title.length), 0);

  let size = 4;
  for (let e = 0; e < firsts.length; e++) {
    const second = seconds[e] as number;
    size += (words[firsts[e] as number] as Uint8Array).length + 3 + 2 * (positions[e] as number[]).length;
    if (second >= 0) size += 1 + (words[second] as Uint8Array).length;
  }
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(firsts.length, 0);
  let at = 4;
  const copy = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) out[at++] = bytes[i] as number;
  };
  for (let e = 0; e < firsts.length; e++) {
    copy(words[firsts[e] as number] as Uint8Array);
    const second = seconds[e] as number;
    if (second >= 0) {
      out[at++] = 0x20;
      copy(words[second] as Uint8Array);
    }
    at = writePositions(out, at, positions[e] as number[]);
  }
  return out;
}

/**
 * Token numbers stay below this (a vector has at most 16383 positions), so that a pair's key
 * (first × span + second) is a small integer.
 */
const ID_SPAN = 1 << 14;

/** The zero byte ending a lexeme, its number of positions and the positions; the offset after. */
function writePositions(out: Buffer, offset: number, positions: number[]): number {
  let at = offset;
  out[at++] = 0;
  out[at++] = positions.length >>> 8;
  out[at++] = positions.length & 0xff;
  for (const p of positions) {
    out[at++] = p >>> 8;
    out[at++] = p & 0xff;
  }
  return at;
}

/**
 * UTF-8 bytes of tokens already seen: a language has a few thousand syllables. Bounded, so odd input
 * (numbers, names) cannot grow it without end.
 */
const UTF8 = new Map<string, Uint8Array>();
const UTF8_LIMIT = 100_000;

function utf8Of(token: string): Uint8Array {
  let bytes = UTF8.get(token);
  if (bytes === undefined) {
    bytes = Buffer.from(token, "utf8");
    if (UTF8.size >= UTF8_LIMIT) UTF8.clear();
    UTF8.set(token, bytes);
  }
  return bytes;
}
