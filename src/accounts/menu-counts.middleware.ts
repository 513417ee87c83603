/**
 * The counts beside the admin menu's entries ("Phê duyệt số liệu (3)"), taken from the person's
 * dashboard cards so the two never disagree. Only for signed-in requests under /quan-tri, and lazily:
 * the cards are counted once, when a page first draws the menu (or the dashboard page asks for them).
 */
import type { MiddlewareHandler } from "hono";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import type { AppCtx } from "../core/http/request.js";
import {
  type AccountExtensions,
  type DashboardCardValue,
  loadDashboard,
  menuCountsOf,
} from "./dashboard.extension.js";

const perRequest = new WeakMap<AppCtx, Promise<DashboardCardValue[]>>();

/** The request's dashboard cards, counted at most once per request. */
export function dashboardOfRequest(c: AppCtx, extensions: AccountExtensions): Promise<DashboardCardValue[]> {
  let cards = perRequest.get(c);
  if (!cards) {
    cards = actorOf(c).then((ctx) => loadDashboard(extensions, ctx, c.var.ctx.database.db));
    perRequest.set(c, cards);
  }
  return cards;
}

export function menuCountsMiddleware(extensions: AccountExtensions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.auth.actor) {
      c.set("menuCounts", async () => menuCountsOf(extensions, await dashboardOfRequest(c, extensions)));
    }
    await next();
  };
}
