import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { registerApprovalPages } from "./approval/approval.routes.js";
import { registerTargetAdminPages } from "./assignment/target-admin.routes.js";
import { registerCataloguePages } from "./catalogue/catalogue.routes.js";
import { registerCompareApi } from "./compare/compare.api.js";
import { registerComparePages } from "./compare/compare.routes.js";
import { registerEntryPages } from "./entry/entry.routes.js";
import { registerEntryScript } from "./entry/entry-script.routes.js";
import { registerEvaluationPages } from "./evaluation/evaluation.routes.js";
import { registerDhis2Routes } from "./exchange/dhis2.routes.js";
import { registerXlsxRoutes } from "./exchange/xlsx.routes.js";
import { registerReportApi } from "./report/report.api.js";
import { registerTargetApi } from "./targets.api.js";
import { registerTargetAssets } from "./targets-styles.routes.js";

/** Targets, results and evaluation pages and API. */
export function registerTargetRoutes(app: OpenAPIHono<AppEnv>): void {
  registerTargetAssets(app);
  registerEntryScript(app);
  registerTargetApi(app);
  registerCompareApi(app);
  registerReportApi(app);
  registerDhis2Routes(app);
  // The .xlsx paths before the pages whose `:period` parameter would also match them.
  registerXlsxRoutes(app);
  registerEvaluationPages(app);
  // The fixed paths /quan-tri/chi-tieu/giao and /so-sanh before the catalogue's /quan-tri/chi-tieu/:id.
  registerComparePages(app);
  registerTargetAdminPages(app);
  registerCataloguePages(app);
  registerEntryPages(app);
  registerApprovalPages(app);
}
