import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta, todayOf } from "../../core/http/request.js";
import { buildEvaluationWorkbook } from "../../targets/exchange/evaluation-export.xlsx.js";
import { periodKindOf } from "../../targets/period.rules.js";
import { baseOfQuery } from "../../targets/targets-request.js";
import { TARGETS_CSS_PATH } from "../../targets/targets-styles.routes.js";
import { unitTitle } from "../../targets/unit-wording.rules.js";
import { openDataCsv } from "./open-data.csv.js";
import { defaultOpenDataPeriod, loadOpenData } from "./open-data.service.js";
import { OpenDataPage } from "./open-data.views.js";

/**
 * `/du-lieu-mo/:unitId?ky=2019`: a unit's open data (approved figures of public indicators), with
 * CSV and XLSX downloads of the same rows. Public: no sign-in, the same for every visitor.
 */

const unitIdOf = (raw: string) => requireId(raw, "Không tìm thấy đơn vị.");

async function periodOf(c: AppCtx, unitId: number): Promise<string> {
  const raw = (c.req.query("ky") ?? "").trim();
  if (raw === "") return defaultOpenDataPeriod(c.var.ctx.database.db, unitId, todayOf(c));
  if (!periodKindOf(raw)) {
    const message = "Kỳ không hợp lệ: nhập năm (2019) hoặc nhiệm kỳ (2015-2020).";
    throw new ValidationError({ ky: message }, message);
  }
  return raw;
}

/** File names stay ASCII: browsers differ on non-ASCII names. */
function fileName(unitId: number, periodKey: string, extension: string): string {
  return `du-lieu-mo-${unitId}-${periodKey.replace(/[^A-Za-z0-9-]/g, "_")}.${extension}`;
}

export function registerOpenDataRoutes(app: OpenAPIHono<AppEnv>): void {
  // The file routes first: `:unitId` alone must not swallow them.
  app.get("/du-lieu-mo/:unitId/du-lieu.csv", async (c) => {
    const unitId = unitIdOf(c.req.param("unitId"));
    const periodKey = await periodOf(c, unitId);
    const data = await loadOpenData(c.var.ctx.database.db, unitId, periodKey, baseOfQuery(c));
    c.header("Content-Disposition", `attachment; filename="${fileName(unitId, periodKey, "csv")}"`);
    return c.body(openDataCsv(periodKey, data.rows), 200, { "Content-Type": "text/csv; charset=utf-8" });
  });

  app.get("/du-lieu-mo/:unitId/du-lieu.xlsx", async (c) => {
    const unitId = unitIdOf(c.req.param("unitId"));
    const periodKey = await periodOf(c, unitId);
    const data = await loadOpenData(c.var.ctx.database.db, unitId, periodKey, baseOfQuery(c));
    // The targets module's workbook, from the public evaluation: only open-data indicators are in it.
    const workbook = await buildEvaluationWorkbook({ ...data.evaluation, indicators: data.rows });
    c.header("Content-Disposition", `attachment; filename="${fileName(unitId, periodKey, "xlsx")}"`);
    return c.body(new Uint8Array(workbook), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  });

  app.get("/du-lieu-mo/:unitId", async (c) => {
    const unitId = unitIdOf(c.req.param("unitId"));
    const periodKey = await periodOf(c, unitId);
    const data = await loadOpenData(c.var.ctx.database.db, unitId, periodKey, baseOfQuery(c));
    const title = `Dữ liệu mở: ${unitTitle(data.evaluation.unit)}, ${data.evaluation.period.label}`;
    const meta = pageMeta(c, title, {
      description: `Số liệu thực hiện chỉ tiêu đã phê duyệt của ${unitTitle(data.evaluation.unit)}, tải về CSV và Excel.`,
      head: <link rel="stylesheet" href={TARGETS_CSS_PATH} />,
    });
    return c.html(<OpenDataPage meta={meta} data={data} />);
  });
}
