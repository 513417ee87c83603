import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere, grantedRoots } from "../../core/access/policy.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, hierarchyOf, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { defaultYear } from "../../core/period/default-year.rules.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { evaluateUnitOnBase } from "../comparable/comparable-base.service.js";
import { trendYears, unitTrend } from "../compare/unit-trend.service.js";
import { UnitTrendSection } from "../compare/unit-trend.views.js";
import { EVALUATION_CHOOSER, UnitPeriodChooserPage } from "../entry/entry-chooser.views.js";
import { PERIOD_KEY_MESSAGE, periodKindOf } from "../period.rules.js";
import { listPeriodKeysWithData } from "../period-keys.repo.js";
import { reportPath } from "../report/report-paths.js";
import { baseOfQuery, canReadOnBase, canReadUnit } from "../targets-request.js";
import { TARGETS_CSS_PATH } from "../targets-styles.routes.js";
import { unitTitle } from "../unit-wording.rules.js";
import { narrativeFor } from "./evaluation.service.js";
import { EvaluationPage } from "./evaluation.views.js";

/** The default period of the evaluation page: last year until the year's figures exist, i.e. always last year. */
export function defaultPeriodOf(c: AppCtx): string {
  return String(Number(todayOf(c).slice(0, 4)) - 1);
}

/**
 * The period a chooser opens on: the latest year holding a target or a result of the units offered
 * (all units when null), not an empty current year; last year when there is none.
 */
export async function latestPeriodOf(c: AppCtx, unitIds: readonly number[] | null): Promise<string> {
  const keys = await listPeriodKeysWithData(c.var.ctx.database.db, unitIds);
  return defaultYear(keys, todayOf(c), defaultPeriodOf(c));
}

/**
 * Periods offered in period pickers: from 2015 to this year, the three recent terms, and the six and
 * nine months and the quarters of this year and last year (any other key can be typed).
 */
export function periodChoices(c: AppCtx): string[] {
  const year = Number(todayOf(c).slice(0, 4));
  const years = Array.from({ length: year - 2015 + 1 }, (_, i) => String(year - i));
  const parts = [year, year - 1].flatMap((y) => [
    `${y}-9T`,
    `${y}-6T`,
    `${y}-Q4`,
    `${y}-Q3`,
    `${y}-Q2`,
    `${y}-Q1`,
  ]);
  return [...years, "2025-2030", "2020-2025", "2015-2020", ...parts];
}

/** Reads `?ky=`, or the default period; a malformed key is a 422 with a message the page shows. */
export function periodParam(c: AppCtx): string {
  const key = (c.req.query("ky") ?? "").trim() || defaultPeriodOf(c);
  if (!periodKindOf(key)) {
    const message = PERIOD_KEY_MESSAGE;
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
        defaultPeriod={await latestPeriodOf(c, ids)}
      />,
    );
  });

  app.get("/don-vi/:id/danh-gia", async (c) => {
    const unitId = idParam(c.req.param("id"));
    if (!unitId) throw new NotFoundError();
    const periodKey = periodParam(c);
    const base = baseOfQuery(c);
    const full = await canReadOnBase(c, unitId, periodKey, base);
    const db = c.var.ctx.database.db;
    const [evaluation, standing] = await Promise.all([
      evaluateUnitOnBase(db, { unitId, periodKey, base, publicOnly: !full, today: todayOf(c) }),
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
    const trend = await unitTrend(db, {
      unitId,
      unitName: unitTitle(evaluation.unit),
      periodKey,
      choices: evaluation.indicators.map((e) => e.indicator),
      wanted: c.req.query("xu-huong"),
    });
    const years = trendYears(periodKey);
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
        base={evaluation.base}
        comparableAsked={base === "comparable"}
        reportHref={full ? reportPath(unitId, periodKey) : null}
        trend={
          trend ? (
            <UnitTrendSection
              trend={trend}
              action={`/don-vi/${unitId}/danh-gia`}
              periodKey={periodKey}
              compareHref={
                full && years
                  ? `/quan-tri/chi-tieu/so-sanh?chi-tieu=${encodeURIComponent(trend.indicator.code)}&tu=${years[0]}&den=${years[1]}`
                  : null
              }
            />
          ) : null
        }
      />,
    );
  });
}
