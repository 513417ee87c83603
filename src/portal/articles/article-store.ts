import { type AppCtx } from "../../core/http/request.js";
import { mediaDirOf } from "../media/media.service.js";
import type { ArticleStore } from "./article-write.service.js";

/** Where this app keeps articles and photos. */
export function articleStoreOf(c: AppCtx): ArticleStore {
  return { db: c.var.ctx.database.db, mediaDir: mediaDirOf(c.var.ctx.config) };
}
