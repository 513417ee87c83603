import type { OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { requireId } from "../core/http/params.js";
import { publishNoticeToLibrary } from "./notice-library.service.js";

/** POST from the notice page: publish it to the document library, then back to the notice. */
export function registerNoticeLibraryRoutes(app: OpenAPIHono<AppEnv>): void {
  app.post("/quan-tri/thong-bao-ket-luan/:id/thu-vien", async (c) => {
    const id = requireId(c.req.param("id"), "Không tìm thấy thông báo này.");
    await publishNoticeToLibrary(c.var.ctx.database.db, c.var.ctx.config.dataDir, id, await actorOf(c));
    return c.redirect(`/quan-tri/thong-bao-ket-luan/${id}?ok=thu-vien`, 303);
  });
}
