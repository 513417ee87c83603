import { type AppCtx } from "../core/http/request.js";
import type { ArticleStore } from "./article-write.helpers.js";
import { mediaDirOf } from "./media.service.js";

/** Where this app keeps articles and photos. */
export function articleStoreOf(c: AppCtx): ArticleStore {
  return { db: c.var.ctx.database.db, mediaDir: mediaDirOf(c.var.ctx.config) };
}
