import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere, grantedRoots } from "../../core/access/policy.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, hierarchyOf, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { EVALUATION_CHOOSER, UnitPeriodChooserPage } from "../entry/entry-chooser.views.js";
import { periodKindOf } from "../period.rules.js";
import { canReadUnit } from "../targets-request.js";
import { TARGETS_CSS_PATH } from "../targets-styles.routes.js";
import { unitTitle } from "../unit-wording.rules.js";
import { evaluateUnit, narrativeFor } from "./evaluation.service.js";
import { EvaluationPage } from "./evaluation.views.js";
import { reportPath } from "./report-paths.js";

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
  // The admin menu's way in: pick one of the units whose figures the user follows, and a period.
  app.get(EVALUATION_CHOOSER.action, async (c) => {
    const actor = requireActor(c);
    const today = todayOf(c);
    if (!canAnywhere(actor, "result.read", today)) throw new ForbiddenError();
    const unitId = idParam(c.req.query("don-vi"));
    const ky = (c.req.query("ky") ?? "").trim();
    if (unitId && periodKindOf(ky))
      return c.redirect(`/don-vi/${unitId}/danh-gia?ky=${encodeURIComponent(ky)}`, 303);
    const roots = grantedRoots(actor, "result.read", today);
    const ids = roots === "all" ? null : (await hierarchyOf(c)).unitIdsUnder(roots, today);
    return c.html(
      <UnitPeriodChooserPage
        meta={pageMeta(c, EVALUATION_CHOOSER.heading)}
        text={EVALUATION_CHOOSER}
        units={await listUnitNames(c.var.ctx.database.db, ids)}
        periods={periodChoices(c)}
        defaultPeriod={defaultPeriodOf(c)}
      />,
    );
  });

  app.get("/don-vi/:id/danh-gia", async (c) => {
    const unitId = idParam(c.req.param("id"));
    if (!unitId) throw new NotFoundError();
    const periodKey = periodParam(c);
    const full = await canReadUnit(c, unitId);
    const db = c.var.ctx.database.db;
    const [evaluation, standing] = await Promise.all([
      evaluateUnit(db, { unitId, periodKey, publicOnly: !full }),
      c.var.ctx.evaluationStanding.standing(db, {
        unitId,
        periodKey,
        hierarchy: await hierarchyOf(c),
        publicOnly: !full,
      }),
    ]);
    const style = c.req.query("cach-viet") === "thong-dung" ? "customary" : "precise";
    const narrative =
      style === "precise" && !standing ? evaluation.narrative : narrativeFor(evaluation, style, standing);
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
        reportHref={full ? reportPath(unitId, periodKey) : null}
      />,
    );
  });
}
