import type { ServerResponse } from "node:http";
import type { Context } from "hono";

/**
 * The headers every response carries unless its route says otherwise (security headers, and the
 * pipeline's defaults such as `Cache-Control: no-store`), computed once at start-up.
 *
 * Where they are written matters for speed. Hono's `secureHeaders` edits the finished response after
 * the handler; any header Hono holds makes @hono/node-server build a WHATWG `Headers`, sort it and
 * copy it out, and an edit after the handler turns its light response into a full `Response`.
 * Together that cost about half the throughput of a cached page (BENCHMARKS.md). So when the app
 * runs on node-server, they are set on Node's own response object before the handler: node-server
 * writes the route's headers with `writeHead`, which merges them over these (a route's own
 * `Cache-Control` wins). Without it (`app.request` in tests) they become headers Hono copies into
 * the response it builds, and `ensureDefaultHeaders` adds them to a handler's own `new Response`.
 * The security values are those `secureHeaders` sends by default, with our Content-Security-Policy,
 * and `X-Frame-Options: DENY` to agree with its `frame-ancestors 'none'` (older browsers read only the
 * former). `/media/*` overrides Cross-Origin-Resource-Policy for published photos (media.routes.ts).
 */

export type HeaderList = [string, string][];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Article bodies may show photos hosted elsewhere over https (the sanitiser keeps only https or /media/).
  "img-src 'self' data: https:",
  "style-src 'self'",
  "script-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

export function securityHeaderList(options: { hsts: boolean }): HeaderList {
  const headers: HeaderList = [
    ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Origin-Agent-Cluster", "?1"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Content-Type-Options", "nosniff"],
    ["X-DNS-Prefetch-Control", "off"],
    ["X-Download-Options", "noopen"],
    ["X-Frame-Options", "DENY"],
    ["X-Permitted-Cross-Domain-Policies", "none"],
    ["X-XSS-Protection", "0"],
  ];
  if (options.hsts) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return headers;
}

/** Node's response object when the app runs on @hono/node-server. */
function nodeResponseOf(c: Context): ServerResponse | undefined {
  const bindings = c.env as { outgoing?: unknown } | undefined;
  const outgoing = bindings?.outgoing;
  return outgoing && typeof (outgoing as ServerResponse).setHeader === "function"
    ? (outgoing as ServerResponse)
    : undefined;
}

/**
 * Sets default headers before the handler runs. Returns false when they went to Hono instead of
 * Node's response: the caller must then `ensureDefaultHeaders` after the handler.
 */
export function setDefaultHeaders(c: Context, list: HeaderList): boolean {
  const outgoing = nodeResponseOf(c);
  if (outgoing) {
    for (const [name, value] of list) outgoing.setHeader(name, value);
    return true;
  }
  for (const [name, value] of list) c.header(name, value);
  return false;
}

/**
 * Without node-server: adds the defaults a handler's own `new Response(…)` lacks (Hono copies its
 * prepared headers only into responses it builds). The first header of the list tells which case it is.
 */
export function ensureDefaultHeaders(c: Context, list: HeaderList): void {
  const first = list[0];
  if (!first || c.res.headers.has(first[0])) return;
  for (const [name, value] of list) if (!c.res.headers.has(name)) c.header(name, value);
}
