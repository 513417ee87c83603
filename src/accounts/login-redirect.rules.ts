/** Where to go after signing in when `next` is missing or not a page of this site. */
export const ADMIN_HOME = "/quan-tri";

// Browsers read "\" as "/" and drop tabs and line breaks from URLs, so "/\evil" and "/<TAB>/evil"
// are "//evil", another host; control characters would also break the Location header.
const UNSAFE_CHARACTER = /[\\\u0000-\u001f\u007f]/;
// The same, percent-encoded: a proxy or a second decoding step could turn them back into the above.
const UNSAFE_ENCODED = /%(5c|[01][0-9a-f]|7f)/i;

/**
 * The path to send a person to after login: only a page of this site (an open redirect after login
 * would lend the site's name to a phishing link). The value is resolved against the site's own
 * origin with the URL parser, as a browser would, and what is returned is the parser's path, not the
 * raw input, so that "/..//evil" and the like cannot come out as "//evil".
 */
export function safeNext(value: unknown, origin: URL): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return ADMIN_HOME;
  if (UNSAFE_CHARACTER.test(value) || UNSAFE_ENCODED.test(value)) return ADMIN_HOME;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return ADMIN_HOME;
  }
  if (url.origin !== origin.origin) return ADMIN_HOME;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || UNSAFE_CHARACTER.test(path)) return ADMIN_HOME;
  return path;
}
