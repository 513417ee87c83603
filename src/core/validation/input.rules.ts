/**
 * What the databases can store, checked before anything reaches them. Pure: no I/O.
 *
 * PostgreSQL refuses what SQLite keeps (a NUL in text, an id past its 32-bit `integer`) with an
 * error that would surface as a 500; both engines must answer the same, so both refuse it here.
 */

/** The largest PostgreSQL `integer` (and `serial` id): 2^31 − 1. */
export const MAX_DB_ID = 2_147_483_647;

export const ID_NOT_VALID = "Mã phải là số nguyên từ 1 đến 2.147.483.647.";
export const TEXT_NOT_STORABLE =
  "Có ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ), hãy nhập lại nội dung này.";

/** An id from a path or query string ("12"), or null for anything that cannot be a stored id. */
export function parseDbId(raw: string | null | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_DB_ID ? id : null;
}

// NUL, or half of a surrogate pair without its other half (JSON may carry "\ud800" alone; PostgreSQL
// stores NUL nowhere and the UTF-8 encoder would silently turn a lone half into U+FFFD).
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text has a character no engine should be asked to store. */
export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * The dotted path (`body.values.0.source`) of the first string, or object key, in a parsed JSON value
 * that has an unstorable character; null when every string is fine.
 */
export function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === "string") return isUnstorableText(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (isUnstorableText(key)) return path;
      const found = findUnstorableText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
