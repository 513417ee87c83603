import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { NotFoundError, ValidationError } from "../core/http/errors.js";
import { type AppCtx, pageMeta, todayOf } from "../core/http/request.js";
import { EvaluationPage } from "./evaluation.pages.js";
import { evaluateUnit, narrativeFor } from "./evaluation.service.js";
import { periodKindOf } from "./period.rules.js";
import { TARGETS_CSS_PATH } from "./targets.assets.js";
import { canReadUnit, idParam } from "./targets.http.js";
import { unitTitle } from "./unit-wording.js";

/** The default period of the evaluation page: last year until the year's figures exist, i.e. always last year. */
export function defaultPeriodOf(c: AppCtx): string {
  return String(Number(todayOf(c).slice(0, 4)) - 1);
}

/** Years and terms offered in period pickers: from 2015 to this year, and the three recent terms. */
export function periodChoices(c: AppCtx): string[] {
  const year = Number(todayOf(c).slice(0, 4));
  const years = Array.from({ length: year - 2015 + 1 }, (_, i) => String(year - i));
  return [...years, "2025-2030", "2020-2025", "2015-2020"];
}

/** Reads `?ky=`, or the default period; a malformed key is a 422 with a message the page shows. */
export function periodParam(c: AppCtx): string {
  const key = (c.req.query("ky") ?? "").trim() || defaultPeriodOf(c);
  if (!periodKindOf(key)) {
    const message = "Kỳ không hợp lệ: nhập năm (2019), nhiệm kỳ (2015-2020) hoặc mã kỳ riêng.";
    throw new ValidationError({ ky: message }, message);
  }
  return key;
}

export function registerEvaluationPages(app: OpenAPIHono<AppEnv>): void {
  app.get("/don-vi/:id/danh-gia", async (c) => {
    const unitId = idParam(c.req.param("id"));
    if (!unitId) throw new NotFoundError();
    const periodKey = periodParam(c);
    const full = await canReadUnit(c, unitId);
    const evaluation = await evaluateUnit(c.var.ctx.database.db, { unitId, periodKey, publicOnly: !full });
    const style = c.req.query("cach-viet") === "thong-dung" ? "customary" : "precise";
    const narrative = style === "precise" ? evaluation.narrative : narrativeFor(evaluation, "customary");
    const title = `Kết quả thực hiện chỉ tiêu ${evaluation.period.label}: ${unitTitle(evaluation.unit)}`;
    const meta = pageMeta(c, title, {
      description: narrative ?? title,
      head: <link rel="stylesheet" href={TARGETS_CSS_PATH} />,
    });
    return c.html(
      <EvaluationPage
        meta={meta}
        evaluation={evaluation}
        publicOnly={!full}
        style={style}
        narrative={narrative}
        periods={periodChoices(c)}
      />,
    );
  });
}
