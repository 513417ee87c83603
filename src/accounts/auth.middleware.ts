import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../core/http/env.js";
import { AppError } from "../core/http/errors.js";
import type { AppCtx } from "../core/http/request.js";
import {
  anonCsrfCookieName,
  anonCsrfSetCookie,
  sessionCookieName,
  usableAnonCsrfToken,
} from "./anonymous-visitor.js";
import { resolveApiToken, resolveSession } from "./auth.service.js";
import { newRandomToken } from "./random-token.js";

export { sessionCookieName };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function setSessionCookie(c: AppCtx, value: string, maxAgeSeconds: number): void {
  const secure = c.var.ctx.config.secureCookies;
  setCookie(c, sessionCookieName(secure), value, {
    httpOnly: true,
    sameSite: "Lax",
    secure,
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: AppCtx): void {
  setSessionCookie(c, "", 0);
}

/**
 * Works out who is calling: a bearer API token, a session cookie, or nobody. Anonymous visitors get
 * a CSRF cookie once a page needs their token, so that the login form itself is protected.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { database, config, now } = c.get("ctx");
  // Uploaded photos are public and cached for a year: no session lookup, no cookie.
  if (c.req.path.startsWith("/media/")) {
    c.set("auth", { actor: null, via: null, sessionId: null, csrfToken: "" });
    return next();
  }
  const authorization = c.req.header("authorization");
  if (authorization?.startsWith("Bearer ")) {
    const actor = await resolveApiToken(database.db, authorization.slice("Bearer ".length).trim());
    if (!actor) throw new AppError(401, "invalid_token", "Mã truy cập API không hợp lệ hoặc đã bị thu hồi.");
    c.set("auth", { actor, via: "token", sessionId: null, csrfToken: "" });
    return next();
  }
  const cookieValue = getCookie(c, sessionCookieName(config.secureCookies));
  if (cookieValue) {
    const session = await resolveSession(database.db, cookieValue, now());
    if (session) {
      c.set("auth", {
        actor: session.actor,
        via: "session",
        sessionId: session.sessionId,
        csrfToken: session.csrfToken,
      });
      return next();
    }
  }
  const csrfName = anonCsrfCookieName(config.secureCookies);
  const cookieToken = getCookie(c, csrfName);
  let anonToken = usableAnonCsrfToken(cookieToken);
  c.set("auth", {
    actor: null,
    via: null,
    sessionId: null,
    // Made on first use, while a page or form is rendered: a feed, robots.txt or an API read sets no
    // cookie, so shared caches may keep them and readers who never see a form are not tracked.
    get csrfToken() {
      if (anonToken === null) {
        anonToken = newRandomToken();
        // The same cookie the cached-page fast path gives (anonymous-visitor.ts).
        c.header("Set-Cookie", anonCsrfSetCookie(anonToken, config.secureCookies), { append: true });
      }
      return anonToken;
    },
  });
  return next();
};

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function submittedToken(c: AppCtx): Promise<string | undefined> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    const value = body._csrf;
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}

/**
 * Every state change made with a cookie must echo the CSRF token (form field `_csrf` or header
 * `X-CSRF-Token`). Bearer-token calls carry no ambient credential, so they are exempt.
 */
export const verifyCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || c.var.auth.via === "token") return next();
  // An anonymous API call (a citizen's feedback) acts with no one's rights: there is nothing a forged
  // request could borrow, and an API client has no page to read a token from.
  if (c.var.auth.actor === null && c.req.path.startsWith("/api/")) return next();
  const token = await submittedToken(c);
  if (!token || !sameToken(token, c.var.auth.csrfToken)) {
    throw new AppError(
      403,
      "csrf_failed",
      "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.",
    );
  }
  return next();
};
