import { bodyStartPosition, pairLexeme, quoteLexeme } from "./search-text.rules.js";

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

/** Reused between calls: a vector is written here, then copied out at its size. */
let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * The vector in the binary format of `tsvector_recv` (PostgreSQL's src/backend/utils/adt/tsvector.c):
 * the number of lexemes (int32), then per lexeme its UTF-8 bytes ending in a zero byte, the number
 * of positions (uint16) and each position word (uint16), big-endian. The server sorts the lexemes
 * itself; it refuses positions out of order, which `tsvectorEntries` never gives.
 *
 * A Buffer bound as a statement parameter goes to the server in binary format (node-postgres), so
 * `${tsvectorBinary(…)}::tsvector` in a statement is read by `tsvector_recv`.
 */
export function tsvectorBinary(title: string[], body: string[], shape: VectorShape): Buffer {
  const entries = tsvectorEntries(title, body, shape);
  let at = 4;
  for (const [lexeme, positions] of entries) {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (tokens hold no surrogates).
    const most = at + lexeme.length * 3 + 3 + positions.length * 2;
    if (most > scratch.length) {
      const larger = Buffer.allocUnsafe(Math.max(most, scratch.length * 2));
      scratch.copy(larger, 0, 0, at);
      scratch = larger;
    }
    at += scratch.write(lexeme, at, "utf8");
    scratch[at++] = 0;
    scratch.writeUInt16BE(positions.length, at);
    at += 2;
    for (const p of positions) {
      scratch[at] = p >>> 8;
      scratch[at + 1] = p & 0xff;
      at += 2;
    }
  }
  scratch.writeInt32BE(entries.size, 0);
  return Buffer.from(scratch.subarray(0, at));
}
