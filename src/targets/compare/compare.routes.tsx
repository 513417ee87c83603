import type { OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { TARGETS_CSS_PATH } from "../targets-styles.routes.js";
import { comparisonCsv } from "./compare.csv.js";
import { type ColumnKind, columnKindOfParam, type SortDirection, sortRows } from "./compare.rules.js";
import { type Comparison, compareIndicator } from "./compare.service.js";
import { ComparePage } from "./compare.views.js";
import { buildComparisonWorkbook } from "./compare.xlsx.js";
import { chartColumnIndex, unitsBarChart, wholeTrendChart } from "./compare-chart.rules.js";
import { COMPARE_PATH, type CompareState } from "./compare-href.rules.js";

const YEAR_MESSAGE = "Năm phải là số có 4 chữ số, ví dụ 2019.";

function yearOf(raw: string | undefined, field: string): number | undefined {
  const text = (raw ?? "").trim();
  if (text === "") return undefined;
  if (!/^\d{4}$/.test(text)) throw new ValidationError({ [field]: YEAR_MESSAGE }, YEAR_MESSAGE);
  return Number(text);
}

/** The page's query (`chi-tieu`, `don-vi`…, `tu`, `den`, `cot`, `sap-xep`, `chieu`), checked. */
async function readComparison(c: AppCtx): Promise<{ comparison: Comparison; state: CompareState }> {
  const rawUnits = (c.req.queries("don-vi") ?? []).flatMap((v) => v.split(",")).filter((v) => v.trim());
  const unitIds = rawUnits.map((v) => idParam(v.trim()));
  if (unitIds.some((id) => id === null))
    throw new ValidationError({ "don-vi": "Mã đơn vị không hợp lệ." }, "Mã đơn vị không hợp lệ.");
  const kind: ColumnKind | null = columnKindOfParam(c.req.query("cot"));
  if (!kind) throw new ValidationError({ cot: "Cách chia cột không hợp lệ." }, "Cách chia cột không hợp lệ.");
  const comparison = await compareIndicator(c.var.ctx.database.db, await actorOf(c), {
    indicator: (c.req.query("chi-tieu") ?? "").trim() || undefined,
    unitIds: unitIds.length > 0 ? (unitIds as number[]) : null,
    from: yearOf(c.req.query("tu"), "tu"),
    to: yearOf(c.req.query("den"), "den"),
    kind,
  });
  const direction: SortDirection = c.req.query("chieu") === "giam" ? "desc" : "asc";
  const state: CompareState = {
    indicator: comparison.indicator.code,
    unitIds: unitIds.length > 0 ? (unitIds as number[]) : null,
    from: comparison.from,
    to: comparison.to,
    kind,
    sort: c.req.query("sap-xep") ?? "ten",
    direction,
  };
  return { comparison, state };
}

const fileName = (comparison: Comparison, ext: string) =>
  `so-sanh-${comparison.indicator.code.toLowerCase()}-${comparison.from}-${comparison.to}.${ext}`;

/** Compare and trend: the page, its Excel and CSV files. */
export function registerComparePages(app: OpenAPIHono<AppEnv>): void {
  app.get(`${COMPARE_PATH}.xlsx`, async (c) => {
    const { comparison, state } = await readComparison(c);
    const rows = sortRows(comparison.table, state.sort, state.direction);
    c.header("Content-Disposition", `attachment; filename="${fileName(comparison, "xlsx")}"`);
    return c.body(new Uint8Array(await buildComparisonWorkbook(comparison, rows)), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  });

  app.get(`${COMPARE_PATH}.csv`, async (c) => {
    const { comparison, state } = await readComparison(c);
    const rows = sortRows(comparison.table, state.sort, state.direction);
    c.header("Content-Disposition", `attachment; filename="${fileName(comparison, "csv")}"`);
    return c.body(comparisonCsv(comparison, rows), 200, { "Content-Type": "text/csv; charset=utf-8" });
  });

  app.get(COMPARE_PATH, async (c) => {
    const { comparison, state } = await readComparison(c);
    const rows = sortRows(comparison.table, state.sort, state.direction);
    const index = chartColumnIndex(comparison, state.sort);
    return c.html(
      <ComparePage
        meta={pageMeta(c, `So sánh: ${comparison.indicator.name}`, {
          head: <link rel="stylesheet" href={TARGETS_CSS_PATH} />,
        })}
        comparison={comparison}
        state={state}
        rows={rows}
        barChart={index >= 0 ? unitsBarChart(comparison, rows, index) : null}
        trendChart={wholeTrendChart(comparison)}
      />,
    );
  });
}
