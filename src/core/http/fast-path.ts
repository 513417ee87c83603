import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, gzipSync } from "node:zlib";
import { forwardedClientIp } from "./forwarded-for.rules.js";
import { type PageCache, type PageVisit, type Template, templatePieces } from "./page-cache.js";
import type { HeaderList } from "./security-headers.js";

/**
 * The cached-page fast path: an anonymous GET whose page is in the page cache is answered here, at
 * the `node:http` level, before the request is turned into the framework's Request, context and
 * middleware chain. Those cost most of a cached visit (BENCHMARKS.md, "Pages near the ceiling"):
 * the page itself is only bytes joined around a few holes.
 *
 * It answers exactly what the routes would (same key, headers, holes, cookie); anything it is not
 * sure of (a possible session, a bearer token, HEAD, a miss, a page whose visit needs the database)
 * goes on to the framework untouched. Entries are only ever made by the routes (servePublicPage and
 * the article page), after their checks.
 */
export interface FastPathOptions {
  pageCache: PageCache;
  /** The routed responses' default headers (request-pipeline.ts). */
  headers: HeaderList;
  trustProxyHops: number;
  /** From the accounts room: whether the request may carry a signed-in session. */
  mayBeSignedIn(cookieHeader: string | undefined): boolean;
  /** From the accounts room: the visitor's CSRF token, and the cookie that gives a new one. */
  csrfForVisit(cookieHeader: string | undefined): { token: string; setCookie: string | null };
}

/** Below this size compression is not worth it (Hono's `compress` uses the same threshold). */
const COMPRESS_THRESHOLD_BYTES = 1024;

/** Whether a client's Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (name?.trim().toLowerCase() !== "gzip") continue;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  }
  return false;
}

/**
 * A cached page's compressed bytes are kept while its filled values stay the same (pages without
 * holes, or an article whose view count did not move): most visits then compress nothing.
 */
const lastCompressed = new WeakMap<Template, { key: string; body: Buffer }>();

function gzipOf(
  template: Template,
  values: Record<string, string>,
  pieces: Buffer[],
  byteLength: number,
): Buffer {
  const key = template.names.map((name) => values[name] ?? "").join("\u0000");
  const kept = lastCompressed.get(template);
  if (kept && kept.key === key) return kept.body;
  const body = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, byteLength);
  const compressed = gzipSync(body as Buffer, { level: constants.Z_DEFAULT_COMPRESSION });
  lastCompressed.set(template, { key, body: compressed });
  return compressed;
}

/** Node joins a repeated X-Forwarded-For into one string; other headers may come as a list. */
function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

export interface FastPath {
  /** Answers a request and returns true, or returns false to pass it on. */
  (req: IncomingMessage, res: ServerResponse): boolean;
  /** How many requests it answered (for the server's stats and the tests). */
  readonly served: number;
}

export function createFastPath(options: FastPathOptions): FastPath {
  const { pageCache, trustProxyHops } = options;
  const defaults = options.headers.flat();
  let served = 0;
  const answer = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET") return false;
    const url = req.url;
    // The routes key pages by their decoded path: a path with escapes is left to them.
    if (!url || url.charCodeAt(0) !== 47 /* "/" */) return false;
    const query = url.indexOf("?");
    if (url.indexOf("%") >= 0 && (query < 0 || url.indexOf("%") < query)) return false;
    const headers = req.headers;
    if (headers.authorization !== undefined) return false;
    const cookie = headers.cookie;
    if (options.mayBeSignedIn(cookie)) return false;
    const entry = pageCache.get<unknown>(url);
    if (!entry) return false;

    let values: Record<string, string> = {};
    if (entry.onVisit) {
      const visit: PageVisit = {
        clientIp:
          forwardedClientIp(headerText(headers["x-forwarded-for"]), trustProxyHops) ??
          req.socket.remoteAddress ??
          "unknown",
        userAgent: headers["user-agent"],
      };
      const filled = entry.onVisit(visit);
      if (filled === null) return false;
      values = filled;
    } else if (entry.template.names.some((name) => name !== "csrf")) {
      // A hole only a route knows how to fill.
      return false;
    }
    const out: string[] = [...defaults, "Content-Type", "text/html; charset=UTF-8"];
    if (entry.template.names.includes("csrf")) {
      const csrf = options.csrfForVisit(cookie);
      values = { ...values, csrf: csrf.token };
      if (csrf.setCookie) out.push("Set-Cookie", csrf.setCookie);
    }
    const { pieces, byteLength } = templatePieces(entry.template, values);
    if (byteLength >= COMPRESS_THRESHOLD_BYTES && acceptsGzip(headers["accept-encoding"])) {
      const body = gzipOf(entry.template, values, pieces, byteLength);
      out.push("Content-Encoding", "gzip", "Content-Length", String(body.length));
      res.writeHead(200, out);
      res.end(body);
    } else {
      // The pieces as they are, not joined into a copy of the page for each visit (a 21 KiB article
      // page copied per visit was most of its allocation and garbage collection under load).
      out.push("Content-Length", String(byteLength));
      res.writeHead(200, out);
      const last = pieces.length - 1;
      for (let i = 0; i < last; i++) res.write(pieces[i]);
      res.end(pieces[last]);
    }
    served++;
    return true;
  };
  return Object.defineProperty(answer, "served", { get: () => served }) as FastPath;
}
