import type { Context } from "hono";
import { loadHierarchy } from "../access/hierarchy.repo.js";
import type { Hierarchy } from "../access/hierarchy.rules.js";
import type { Actor } from "../access/policy.js";
import { vnDateString } from "../format/vi-date.js";
import type { PageMeta } from "../views/layout.js";
import type { AppEnv } from "./env.js";
import { UnauthorizedError } from "./errors.js";
import { forwardedClientIp } from "./forwarded-for.rules.js";

export type AppCtx = Context<AppEnv>;

/** Today's date in Vietnam (`YYYY-MM-DD`), from the app clock. */
export function todayOf(c: AppCtx): string {
  return vnDateString(c.var.ctx.now());
}

/** The signed-in actor, or a 401 (the error handler sends people to the login page). */
export function requireActor(c: AppCtx): Actor {
  const actor = c.var.auth.actor;
  if (!actor) throw new UnauthorizedError();
  return actor;
}

/**
 * The caller's address. Behind TRUST_PROXY=N reverse proxies, the X-Forwarded-For entry the
 * outermost of them appended (N from the right: the entries before it are the client's to forge),
 * otherwise the socket's peer.
 */
export function clientIp(c: AppCtx): string {
  const forwarded = forwardedClientIp(c.req.header("x-forwarded-for"), c.var.ctx.config.trustProxyHops);
  if (forwarded) return forwarded;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

/** What every page layout needs about the request. */
export function pageMeta(c: AppCtx, title: string, extra: Partial<PageMeta> = {}): PageMeta {
  return {
    title,
    siteName: c.var.ctx.config.siteName,
    auth: c.var.auth,
    today: todayOf(c),
    menuCounts: c.var.menuCounts,
    site: c.var.ctx.siteIdentity,
    ...extra,
  };
}

const HIERARCHY_KEY = Symbol("hierarchy");

/** The unit hierarchy, loaded at most once per request. */
export async function hierarchyOf(c: AppCtx): Promise<Hierarchy> {
  const store = c as unknown as Record<symbol, Promise<Hierarchy> | undefined>;
  store[HIERARCHY_KEY] ??= loadHierarchy(c.var.ctx.database.db);
  return store[HIERARCHY_KEY];
}

/** True when the client wants JSON (the API, or fetch with Accept: application/json). */
export function wantsJson(c: AppCtx): boolean {
  return c.req.path.startsWith("/api/") || (c.req.header("accept") ?? "").startsWith("application/json");
}
