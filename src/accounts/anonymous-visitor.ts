import { parse, serialize } from "hono/utils/cookie";
import { newRandomToken } from "./random-token.js";

/**
 * What a request's cookies say about an anonymous visitor, from the raw `Cookie` header: whether it
 * may be a signed-in user, and its CSRF token. Shared by the auth middleware and the cached-page fast
 * path (server.ts), which answers before Hono and must hand out the same cookie the same way.
 */

/** `__Host-` cookies cannot be set by a sibling subdomain, but browsers accept them only over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-gb_session" : "gb_session";
}

export function anonCsrfCookieName(secure: boolean): string {
  return secure ? "__Host-gb_csrf" : "gb_csrf";
}

/** A shorter value was not made here (tokens are 32+ characters): a new one is given instead. */
const MIN_CSRF_TOKEN_LENGTH = 32;

export function usableAnonCsrfToken(value: string | undefined): string | null {
  return value && value.length >= MIN_CSRF_TOKEN_LENGTH ? value : null;
}

function serializeAnonCsrf(token: string, secure: boolean): string {
  return serialize(anonCsrfCookieName(secure), token, { httpOnly: true, sameSite: "Lax", secure, path: "/" });
}

/** What comes after the value in the cookie, serialized once (each new reader of an article gets it). */
const AFTER_VALUE = [false, true].map((secure) =>
  serializeAnonCsrf("", secure).slice(anonCsrfCookieName(secure).length + 1),
);
/** Tokens made here (base64url) need no escaping in a cookie. */
const PLAIN_TOKEN = /^[A-Za-z0-9_-]+$/;

/** The `Set-Cookie` value that gives an anonymous visitor their CSRF token. */
export function anonCsrfSetCookie(token: string, secure: boolean): string {
  if (!PLAIN_TOKEN.test(token)) return serializeAnonCsrf(token, secure);
  return `${anonCsrfCookieName(secure)}=${token}${AFTER_VALUE[Number(secure)]}`;
}

/**
 * Whether the request carries a session cookie with a value: such a request may be a signed-in
 * user's and is never answered from the anonymous fast path (an expired session is rare enough to
 * take the slower way).
 */
export function mayBeSignedIn(cookieHeader: string | undefined, secure: boolean): boolean {
  if (!cookieHeader) return false;
  const name = sessionCookieName(secure);
  if (!cookieHeader.includes(name)) return false;
  return Boolean(parse(cookieHeader, name)[name]);
}

/** The visitor's CSRF token from their cookie, or a new one with the cookie that gives it. */
export function anonCsrfForVisit(
  cookieHeader: string | undefined,
  secure: boolean,
): { token: string; setCookie: string | null } {
  const name = anonCsrfCookieName(secure);
  const existing = cookieHeader?.includes(name) ? usableAnonCsrfToken(parse(cookieHeader, name)[name]) : null;
  if (existing) return { token: existing, setCookie: null };
  const token = newRandomToken();
  return { token, setCookie: anonCsrfSetCookie(token, secure) };
}
