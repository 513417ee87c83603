import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import { access, dataResponse, errorResponse, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { precisionOf } from "../catalogue/indicator.model.js";
import { roundOrNull } from "../evaluation/exact.math.js";
import { sortRows } from "./compare.rules.js";
import { ComparisonQuery, ComparisonSchema } from "./compare.schema.js";
import { compareIndicator } from "./compare.service.js";
import { wholeHeading } from "./compare-text.rules.js";

const comparisonRoute = createRoute({
  method: "get",
  path: "/api/v1/indicators/{code}/comparison",
  operationId: "getIndicatorComparison",
  ...access(
    "read",
    "`result.read` or `result.enter` on every unit asked (unit_admin, data_officer, department_officer, leader, viewer).",
    "So sánh một chỉ tiêu giữa các đơn vị qua các năm (hoặc quý, tháng, lũy kế): chỉ số liệu đã phê duyệt (số chính thức, nếu không có thì số ước), " +
      "kèm dòng gộp của các đơn vị theo danh mục (tổng với chỉ tiêu số lượng; bình quân gia quyền theo dân số với tỷ lệ, bình quân cộng khi thiếu quyền số). " +
      "Dòng gộp chỉ có số khi mọi đơn vị đã có số liệu của kỳ.",
  ),
  tags: ["Chỉ tiêu và kết quả"],
  summary: "So sánh một chỉ tiêu giữa các đơn vị qua các kỳ",
  request: {
    params: z.object({
      code: z
        .string()
        .min(1)
        .max(64)
        .openapi({
          param: { name: "code", in: "path" },
          example: "THU_NS",
          description: "Mã chỉ tiêu (hoặc id).",
        }),
    }),
    query: ComparisonQuery,
  },
  responses: {
    ...errorResponses(401, 403),
    200: dataResponse("Bảng so sánh.", ComparisonSchema),
    404: errorResponse("Không có đơn vị được hỏi."),
    422: errorResponse("Chỉ tiêu, năm, cột hoặc danh sách đơn vị không hợp lệ (kèm đường dẫn trường)."),
  },
});

/** `units=12,13` as ids; an id no database row can have is refused on the field. */
function unitIdsOf(units: string | undefined): number[] | null {
  if (!units) return null;
  const ids = units.split(",").map((v) => idParam(v));
  if (ids.some((id) => id === null))
    throw new ValidationError({ "query.units": "Mã đơn vị không hợp lệ." }, "Mã đơn vị không hợp lệ.");
  return ids as number[];
}

/** GET /api/v1/indicators/{code}/comparison. */
export function registerCompareApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(comparisonRoute, async (c) => {
    const { code } = c.req.valid("param");
    const q = c.req.valid("query");
    const comparison = await compareIndicator(c.var.ctx.database.db, await actorOf(c), {
      indicator: code,
      unitIds: unitIdsOf(q.units),
      from: q.from === undefined ? undefined : Number(q.from),
      to: q.to === undefined ? undefined : Number(q.to),
      kind: q.columns ?? "year",
    }).catch((error: unknown) => {
      // The service names its inputs (indicator, from, units); the API names where they came from.
      if (!(error instanceof ValidationError) || !error.fields) throw error;
      const fields = Object.fromEntries(
        Object.entries(error.fields).map(([k, v]) => [k === "indicator" ? "path.code" : `query.${k}`, v]),
      );
      throw new ValidationError(fields, error.message);
    });
    const { indicator, table } = comparison;
    const digits = precisionOf(indicator);
    const cell = (x: { value: number | null; estimate: boolean }) => ({
      value: roundOrNull(x.value, digits),
      estimate: x.estimate,
    });
    const sort = q.sort === undefined || q.sort === "name" ? "ten" : q.sort;
    return c.json(
      {
        data: {
          indicator: {
            id: indicator.id,
            code: indicator.code,
            name: indicator.name,
            unitOfMeasure: indicator.unitOfMeasure,
            direction: indicator.direction,
            rule: table.rule,
          },
          from: comparison.from,
          to: comparison.to,
          columns: table.columns,
          rows: sortRows(table, sort, q.order ?? "asc").map((r) => ({
            unitId: r.unitId,
            name: r.name,
            cells: r.cells.map(cell),
          })),
          whole: {
            label: wholeHeading(comparison),
            parentId: comparison.parent?.id ?? null,
            cells: table.whole.map((w) => ({ ...cell(w), method: w.method, present: w.present })),
          },
        },
      },
      200,
    );
  });
}
