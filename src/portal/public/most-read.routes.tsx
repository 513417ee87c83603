import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { pageMeta } from "../../core/http/request.js";
import { DEFAULT_MOST_READ_PERIOD, isMostReadPeriod, MOST_READ_PERIODS } from "./most-read.rules.js";
import { mostReadArticles } from "./most-read.service.js";
import { MostReadPage } from "./most-read.views.js";

/** `/doc-nhieu-nhat?ky=ngay|tuan|thang|nam|tat-ca`: the most-read ranking of a period. */
export function registerMostReadRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/doc-nhieu-nhat", async (c) => {
    const raw = c.req.query("ky") ?? DEFAULT_MOST_READ_PERIOD;
    if (!isMostReadPeriod(raw)) throw new NotFoundError("Khoảng thời gian không tồn tại.");
    const rows = await mostReadArticles(c.var.ctx.database.db, raw, c.var.ctx.now(), 20);
    const meta = pageMeta(c, `Đọc nhiều nhất – ${MOST_READ_PERIODS[raw].label}`);
    return c.html(<MostReadPage meta={meta} period={raw} rows={rows} />);
  });
}
