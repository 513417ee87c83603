import { type AppCtx, clientIp, hierarchyOf, requireActor, todayOf } from "../core/http/request.js";
import type { Caller } from "./article-access.js";
import type { ArticleStore } from "./article-write.helpers.js";
import { mediaDirOf } from "./media.service.js";

/** The signed-in caller of a request, with the facts permission checks need (401 when anonymous). */
export async function callerOf(c: AppCtx): Promise<Caller> {
  const actor = requireActor(c);
  return { actor, today: todayOf(c), now: c.var.ctx.now(), hierarchy: await hierarchyOf(c), ip: clientIp(c) };
}

/** Where this app keeps articles and photos. */
export function articleStoreOf(c: AppCtx): ArticleStore {
  return { db: c.var.ctx.database.db, mediaDir: mediaDirOf(c.var.ctx.config) };
}
