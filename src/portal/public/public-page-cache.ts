import type { HtmlEscapedString } from "hono/utils/html";
import { compileTemplate, fillTemplate, hole, type Template } from "../../core/http/page-cache.js";
import type { AppCtx } from "../../core/http/request.js";

/**
 * How the public routes use the page cache (core/http/page-cache.ts): which requests may be served
 * from it, and how a page is rendered once with holes and filled for each visit.
 */

const CSRF_HOLE = hole("csrf");
/** Put where a page prints its view count; filled with this visit's count. */
export const VIEWS_HOLE = hole("views");

/**
 * The cache key of a request that may be served from the cache, or null. Only anonymous GETs: a
 * signed-in user's pages carry their name and menu, and HEAD requests are rare enough to render.
 */
export function anonymousPageKey(c: AppCtx): string | null {
  if (c.req.method !== "GET" || c.var.auth.actor !== null) return null;
  // The path and query as sent, without parsing a URL on every visit.
  const url = c.req.url;
  const query = url.indexOf("?");
  return query < 0 ? c.req.path : c.req.path + url.slice(query);
}

type Rendered = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * Renders a page as anyone would see it: the visitor's CSRF token (in its forms, if it has any)
 * becomes a hole, so the HTML can be kept and served to the next visitor with their own token.
 */
export async function renderTemplate(c: AppCtx, render: () => Rendered): Promise<Template> {
  const auth = c.var.auth;
  // Not `{ ...auth }`: spreading would read the visitor's lazy token and give them a cookie.
  c.set("auth", { actor: auth.actor, via: auth.via, sessionId: auth.sessionId, csrfToken: CSRF_HOLE });
  try {
    // A JSX node renders to a string, or to a promise of one when a component inside is async.
    const node = await render();
    return compileTemplate(await node.toString());
  } finally {
    c.set("auth", auth);
  }
}

const HTML_CONTENT_TYPE = { "Content-Type": "text/html; charset=UTF-8" };

/** The HTML response for this visit: the template with its holes filled. */
export function respondWithTemplate(
  c: AppCtx,
  template: Template,
  values: Record<string, string> = {},
): Response {
  // Read the token only for a page that prints it: reading it gives a new visitor a cookie.
  const filled: Record<string, string> = { ...values };
  if (template.names.includes("csrf")) filled.csrf = c.var.auth.csrfToken;
  return c.body(fillTemplate(template, filled), 200, HTML_CONTENT_TYPE);
}

/**
 * A public page as anonymous visitors see it: from the cache when it is there; otherwise `load`
 * reads what the page shows (and may throw, e.g. a 404, which is never kept) and returns how to
 * render it, and the rendered page is kept. Signed-in users always get a fresh page of their own.
 */
export async function servePublicPage(c: AppCtx, load: () => Promise<() => Rendered>): Promise<Response> {
  const { pageCache } = c.var.ctx;
  const key = anonymousPageKey(c);
  const cached = key ? pageCache.get<null>(key) : undefined;
  if (cached) return respondWithTemplate(c, cached.template);
  const render = await load();
  if (!key) return c.html(render());
  const template = await renderTemplate(c, render);
  pageCache.set(key, { template, facts: null });
  return respondWithTemplate(c, template);
}
