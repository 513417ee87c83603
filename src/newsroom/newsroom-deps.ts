import type { AppCtx } from "../core/http/request.js";
import { mediaDirOf } from "../portal/media/media.service.js";
import type { NewsroomDeps } from "./session-article.service.js";

/** What the newsroom's use cases need from the app context: the database, the files, emulation's standing. */
export function newsroomDeps(c: AppCtx): NewsroomDeps {
  const { database, config, evaluationStanding } = c.var.ctx;
  return {
    db: database.db,
    mediaDir: mediaDirOf(config),
    dataDir: config.dataDir,
    standing: evaluationStanding,
  };
}
