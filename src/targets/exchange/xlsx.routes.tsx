import type { OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, todayOf } from "../../core/http/request.js";
import { evaluateUnitOnBase } from "../comparable/comparable-base.service.js";
import { renderEntry } from "../entry/entry.routes.js";
import { loadEntrySheet } from "../entry/entry.service.js";
import { periodParam } from "../evaluation/evaluation.routes.js";
import { baseOfQuery, canReadOnBase } from "../targets-request.js";
import { buildEntryTemplate } from "./entry-template.xlsx.js";
import { buildEvaluationWorkbook } from "./evaluation-export.xlsx.js";
import { ImportRejected } from "./results-import.xlsx.js";
import { importEntryWorkbook } from "./xlsx.service.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** ASCII file names (browsers differ on non-ASCII), e.g. "so-lieu-5-2019.xlsx". */
function sendXlsx(c: AppCtx, buffer: Buffer, fileName: string) {
  c.header("Content-Type", XLSX);
  c.header("Content-Disposition", `attachment; filename="${fileName}"`);
  return c.body(new Uint8Array(buffer));
}

export function registerXlsxRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/quan-tri/so-lieu/:unitId/:period/mau.xlsx", async (c) => {
    const unitId = idParam(c.req.param("unitId"));
    if (!unitId) throw new NotFoundError();
    const version = c.req.query("phien-ban") === "estimate" ? "estimate" : "final";
    const periodKey = c.req.param("period");
    const sheet = await loadEntrySheet(
      c.var.ctx.database.db,
      { unitId, periodKey, version },
      await actorOf(c),
    );
    return sendXlsx(c, await buildEntryTemplate(sheet), `so-lieu-${unitId}-${periodKey}.xlsx`);
  });

  app.post("/quan-tri/so-lieu/:unitId/:period/nhap-xlsx", async (c) => {
    const unitId = idParam(c.req.param("unitId"));
    if (!unitId) throw new NotFoundError();
    const periodKey = c.req.param("period");
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const file = (await c.req.parseBody()).file;
    try {
      if (!(file instanceof File) || file.size === 0)
        throw new ImportRejected(["Chưa chọn tệp Excel để tải lên."]);
      await importEntryWorkbook(
        db,
        { unitId, periodKey, buffer: Buffer.from(await file.arrayBuffer()) },
        ctx,
      );
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      const sheet = await loadEntrySheet(db, { unitId, periodKey, version: "final" }, ctx);
      return renderEntry(c, sheet, { importErrors: error.lines, importErrorCount: error.total }, 422);
    }
    return c.redirect(`/quan-tri/so-lieu/${unitId}/${encodeURIComponent(periodKey)}?ok=xlsx`, 303);
  });

  app.get("/don-vi/:id/danh-gia.xlsx", async (c) => {
    const unitId = idParam(c.req.param("id"));
    if (!unitId) throw new NotFoundError();
    const periodKey = periodParam(c);
    // The same base as the page it is downloaded from (`co-so=quy-doi`: the comparable base).
    const base = baseOfQuery(c);
    const evaluation = await evaluateUnitOnBase(c.var.ctx.database.db, {
      unitId,
      periodKey,
      base,
      publicOnly: !(await canReadOnBase(c, unitId, periodKey, base)),
      today: todayOf(c),
    });
    return sendXlsx(c, await buildEvaluationWorkbook(evaluation), `danh-gia-${unitId}-${periodKey}.xlsx`);
  });
}
