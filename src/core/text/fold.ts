/**
 * Accent folding for Vietnamese text, used wherever people type without diacritics and still expect a
 * match ("thuong thanh" finds "Thượng Thanh"). Unicode NFD decomposes the tone and vowel marks but not
 * đ/Đ (a letter of its own), so those are folded explicitly.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const D_STROKE = /[đĐ]/g;

/**
 * Folds text for accent-insensitive comparison: lower-case, NFD, combining marks removed, đ/Đ → d,
 * runs of whitespace collapsed to one space, and the ends trimmed.
 *
 * Folding merges different words (ma/má/mà, đang/Đảng); rank exact-accent matches above folded ones.
 * @example foldVietnamese("  Đảng ủy  Phường Thượng Thanh ") === "dang uy phuong thuong thanh"
 */
export function foldVietnamese(text: string): string {
  // Lower-case first: a few capitals (İ) lower-case to a letter plus a combining mark, removed next.
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(D_STROKE, "d")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Folds like {@link foldVietnamese} but keeps every UTF-16 position: character i of the result comes from
 * character i of the input, so a match found in the folded text can be cut out of the original text with
 * the same indices. Whitespace is not collapsed and nothing is trimmed.
 *
 * The input should be NFC (precomposed), as text pasted from documents usually is; call
 * `text.normalize("NFC")` first otherwise. A character whose fold would change the length (a lone
 * combining mark, or a rare letter whose lower case is longer) is kept unchanged.
 */
export function foldVietnameseKeepingLength(text: string): string {
  let out = "";
  for (const ch of text) {
    const folded = ch.normalize("NFD").replace(COMBINING_MARKS, "").replace(D_STROKE, "d").toLowerCase();
    if (folded.length === ch.length) {
      out += folded;
    } else {
      const lower = ch.toLowerCase();
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out;
}

/**
 * Whether the text carries any Vietnamese diacritic (a combining mark after NFD, or đ/Đ). Text typed
 * without accents needs looser matching than text where "phường" and "phương" can be told apart.
 */
export function hasVietnameseDiacritics(text: string): boolean {
  return /[đĐ]/.test(text) || /\p{M}/u.test(text.normalize("NFD"));
}
