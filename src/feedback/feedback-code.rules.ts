/**
 * Tracking codes of feedback: "PA-" and six characters of an alphabet without the look-alikes
 * (0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V), so a code read aloud over the phone or copied from paper comes
 * back right. 23 letters and digits → 23^6 ≈ 148 million codes; a collision is retried by the caller.
 */

export const CODE_ALPHABET = "34679ACDEFGHJKMNPQRTWXY";
export const CODE_PREFIX = "PA-";
export const CODE_LENGTH = 6;

/** A code from random bytes (one byte per character, reduced without bias by rejection). */
export function codeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = "";
  for (const b of bytes) {
    if (b >= limit) continue;
    out += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (out.length === CODE_LENGTH) return `${CODE_PREFIX}${out}`;
  }
  return null;
}

/**
 * The code a person typed, in its stored form: case, spaces and dashes ignored, the prefix optional.
 * Null when it cannot be a code (wrong length, or a character outside the alphabet).
 */
export function normaliseCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\u00a0_.–-]+/g, "");
  const body = compact.startsWith("PA") ? compact.slice(2) : compact;
  if (body.length !== CODE_LENGTH) return null;
  for (const ch of body) if (!CODE_ALPHABET.includes(ch)) return null;
  return `${CODE_PREFIX}${body}`;
}
