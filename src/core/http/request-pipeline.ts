import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import type { AppContext } from "../app-context.js";
import type { AppEnv } from "./env.js";
import { refuseUnstorableAddress, refuseUnstorableBody } from "./input-guard.js";
import {
  ensureDefaultHeaders,
  type HeaderList,
  securityHeaderList,
  setDefaultHeaders,
} from "./security-headers.js";

/** A 10 MB photo plus the form around it: the photo's own limit is checked with a message next to the field. */
const MAX_UPLOAD_BYTES = 12 * 1024 * 1024;

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * How a request proves who it is: given by the composition root (the accounts room's middlewares),
 * so the floor runs them without knowing sessions, tokens or users.
 */
export interface RequestIdentity {
  /** Sets `c.var.auth` (actor or anonymous) before calling `next`. */
  authenticate: MiddlewareHandler<AppEnv>;
  /** Refuses a cookie-authenticated change without the form's token; calls `next` otherwise. */
  verifyCsrf: MiddlewareHandler<AppEnv>;
}

/** The headers every routed response starts with (and the cached-page fast path sends the same). */
export function defaultResponseHeaders(secureCookies: boolean): HeaderList {
  return [
    ...securityHeaderList({ hsts: secureCookies }),
    // Pages carry the user's name and CSRF token: no shared cache may keep them unless a route says so.
    ["Cache-Control", "no-store"],
    // Responses differ by the compression the client takes (compressedWhenAsked).
    ["Vary", "Accept-Encoding"],
  ];
}

/**
 * What every request goes through before its route, as one middleware: the app context, default
 * headers (security, `Cache-Control: no-store`, `Vary`), refusing text no database can store, who is
 * calling, and for changes the body limit, the CSRF check and dropping the page cache.
 *
 * One function rather than a chain of Hono middlewares, and a read does only what it needs: no body
 * limit (reading the body builds a full Request on node-server), no CSRF check, nothing after the
 * handler. Each of those cost a share of a cached page's throughput (BENCHMARKS.md).
 */
export function requestPipeline(ctx: AppContext, identity: RequestIdentity): MiddlewareHandler<AppEnv> {
  const { authenticate, verifyCsrf } = identity;
  const defaults = defaultResponseHeaders(ctx.config.secureCookies);
  const limitBody = bodyLimit({ maxSize: MAX_UPLOAD_BYTES });
  return async (c, next) => {
    c.set("ctx", ctx);
    const onNode = setDefaultHeaders(c, defaults);
    refuseUnstorableAddress(c);
    if (READ_METHODS.has(c.req.method)) {
      await authenticate(c, next);
    } else {
      await limitBody(c, async () => {
        await authenticate(c, async () => {
          await verifyCsrf(c, async () => {
            await refuseUnstorableBody(c);
            await next();
          });
        });
      });
      // Any accepted change may show on a public page (an article, a rating, a unit's name): the
      // cached pages are dropped rather than tracked one by one, since writes are rare beside reads.
      if (c.res.status < 400) ctx.pageCache.invalidate();
    }
    if (!onNode) ensureDefaultHeaders(c, defaults);
  };
}

/**
 * Hono's compression, for clients that ask for it. Others skip it entirely: it reads the finished
 * response's headers, which on node-server means building a full `Headers` object.
 */
export function compressedWhenAsked(): MiddlewareHandler<AppEnv> {
  const compressResponse = compress();
  return (c, next) => (c.req.header("accept-encoding") ? compressResponse(c, next) : next());
}

/**
 * Before `serveStatic`: the security headers and a day of caching, set ahead so the file response
 * carries them. A missing file falls through to the routes, whose pipeline makes it `no-store`.
 */
export function staticFileHeaders(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const defaults: HeaderList = [
    ...securityHeaderList({ hsts: ctx.config.secureCookies }),
    ["Cache-Control", "public, max-age=86400"],
  ];
  return async (c, next) => {
    const onNode = setDefaultHeaders(c, defaults);
    await next();
    if (!onNode) ensureDefaultHeaders(c, defaults);
  };
}
