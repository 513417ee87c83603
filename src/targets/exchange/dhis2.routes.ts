import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { actorOf } from "../../core/http/actor.js";
import { access, errorResponse, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import type { AppCtx } from "../../core/http/request.js";
import { canReadUnit } from "../targets-request.js";
import { DataValueSetRejected, exportDataValues, importDataValues, resolveOrgUnit } from "./dhis2.service.js";
import {
  type DataValueSource,
  dataValuesOfCsv,
  dataValuesOfJson,
  writeDataValueSetCsv,
} from "./dhis2-format.js";

const TAG = "DHIS2 dataValueSets";

const DataValueSchema = z
  .object({
    dataElement: z.string().openapi({ example: "THU_NS", description: "Mã chỉ tiêu" }),
    period: z.string().openapi({ example: "2019" }),
    orgUnit: z
      .string()
      .openapi({ example: "00115", description: "Mã đơn vị hợp lệ trong kỳ, hoặc mã nội bộ" }),
    value: z.string().openapi({ example: "44.4" }),
    lastUpdated: z.string().optional(),
    comment: z.string().nullable().optional(),
  })
  .openapi("DataValue");

const DataValueSetSchema = z
  .object({
    period: z.string().optional(),
    orgUnit: z.string().optional(),
    dataValues: z.array(
      z.object({
        dataElement: z.string(),
        period: z.string().optional(),
        orgUnit: z.string().optional(),
        categoryOptionCombo: z.string().optional(),
        attributeOptionCombo: z.string().optional(),
        value: z.union([z.string(), z.number(), z.boolean()]),
        comment: z.string().nullable().optional(),
      }),
    ),
  })
  .openapi("DataValueSet");

const versionQuery = z
  .enum(["final", "estimate"])
  .default("final")
  .openapi({ description: "Số liệu chính thức hoặc ước thực hiện" });

const exportRoute = createRoute({
  method: "get",
  path: "/api/v1/dataValueSets",
  operationId: "exportDataValueSets",
  ...access(
    "optional",
    "Anyone: public indicators; `result.read` on the unit adds the others.",
    "Khách chỉ nhận chỉ tiêu công khai. `period` là năm, nhiệm kỳ (xuất từng năm), tháng (201907), quý (2019Q3) hoặc 6 tháng đầu năm (2019S1). CSV khi `format=csv` hoặc Accept: text/csv.",
  ),
  tags: [TAG],
  summary: "Xuất số liệu đã phê duyệt theo định dạng DHIS2 (JSON hoặc CSV)",
  request: {
    query: z.object({
      orgUnit: z.string().min(1).openapi({ example: "00115" }),
      period: z.string().min(1).openapi({ example: "2019" }),
      children: z.enum(["true", "false"]).default("false"),
      version: versionQuery,
      format: z.enum(["json", "csv"]).optional(),
    }),
  },
  responses: {
    ...errorResponses(401),
    200: {
      description: "Bộ số liệu.",
      content: {
        "application/json": { schema: z.object({ dataValues: z.array(DataValueSchema) }) },
        "text/csv": { schema: z.string() },
      },
    },
    404: errorResponse("Không tìm thấy đơn vị."),
    422: errorResponse("Kỳ không hợp lệ."),
  },
});

const importRoute = createRoute({
  method: "post",
  path: "/api/v1/dataValueSets",
  operationId: "importDataValueSets",
  ...access(
    "write",
    "`result.enter`: data_officer of every unit in the set (system_admin anywhere).",
    'Khớp theo mã chỉ tiêu (dataElement), đơn vị (orgUnit: mã hợp lệ trong kỳ hoặc mã nội bộ) và kỳ năm. Số liệu vào ở trạng thái nháp (hoặc gửi duyệt với `submit=true`). Lỗi 422 liệt kê 100 giá trị sai đầu tiên (`fields["dataValues[2]"]`, `fields["dòng 4"]`), với `problemCount` (tổng số lỗi) và `unlistedCount` (số lỗi không liệt kê).',
  ),
  tags: [TAG],
  summary: "Nhập bộ số liệu DHIS2 (JSON hoặc CSV), tất cả hoặc không gì cả",
  request: {
    query: z.object({ version: versionQuery, submit: z.enum(["true", "false"]).default("false") }),
    body: {
      content: { "application/json": { schema: DataValueSetSchema }, "text/csv": { schema: z.string() } },
    },
  },
  responses: {
    200: {
      description: "Đã nhận.",
      content: {
        "application/json": {
          schema: z.object({
            status: z.literal("SUCCESS"),
            importCount: z.object({
              imported: z.number().int(),
              updated: z.number().int(),
              ignored: z.number().int(),
              deleted: z.number().int(),
            }),
          }),
        },
      },
    },
    401: errorResponse("Chưa đăng nhập."),
    403: errorResponse("Không có quyền nhập số liệu cho một đơn vị trong bộ số liệu."),
    422: errorResponse(
      "Bộ số liệu có giá trị sai hoặc chạm số liệu đã khóa (đã duyệt, chờ duyệt); không có gì được lưu.",
    ),
  },
});

/** JSON media types, as the router recognises them (application/json, application/…+json). */
const JSON_TYPE = /^application\/([a-z-.]+\+)?json\s*(;|$)/i;

function wantsCsv(c: AppCtx, format: string | undefined): boolean {
  if (format) return format === "csv";
  return (c.req.header("accept") ?? "").includes("text/csv");
}

export function registerDhis2Routes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(exportRoute, async (c) => {
    const query = c.req.valid("query");
    const db = c.var.ctx.database.db;
    const unitId = await resolveOrgUnit(db, query.orgUnit, query.period);
    const values = await exportDataValues(db, {
      unitId,
      period: query.period,
      children: query.children === "true",
      version: query.version,
      publicOnly: !(await canReadUnit(c, unitId)),
    });
    if (wantsCsv(c, query.format)) {
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="dataValueSets-${unitId}-${query.period}.csv"`);
      return c.body(writeDataValueSetCsv(values), 200);
    }
    return c.json({ dataValues: values }, 200);
  });

  // The body is documented with its schema but not checked by Zod before the handler: Zod checks
  // every value and keeps an issue for each wrong field, and the router would list them all (a 3 MB
  // body of one million `{}` gave two million issues and took 2,2 GB; the 12 MB the body limit lets
  // through would exhaust the server). dataValuesOfJson and importDataValues check each value
  // themselves and keep the first 100 problems with a count (import-problems.rules.ts). The query is
  // still validated, by the same route without its body and hidden from the document.
  app.openAPIRegistry.registerPath(importRoute);
  const importQueryRoute = { ...importRoute, hide: true, request: { query: importRoute.request.query } };
  app.openapi(importQueryRoute, async (c) => {
    const query = c.req.valid("query");
    const ctx = await actorOf(c);
    const type = c.req.header("content-type") ?? "";
    const csv = /^text\/csv\s*(;|$)/i.test(type);
    if (type !== "" && !csv && !JSON_TYPE.test(type))
      throw new HTTPException(415, { message: "Unsupported Media Type" });
    let body: unknown = null;
    if (!csv) {
      // One piece, by JSON.parse: no streaming JSON parser is installed. The body is at most the
      // request pipeline's limit (12 MB), which bounds the parsed document (the worst, 4 million
      // `{}`, takes some 270 MB); the values are then read from it one at a time (dataValuesOfJson)
      // and the checks keep at most 100 problems, so nothing else grows with the body.
      try {
        body = await c.req.json();
      } catch {
        // As the router's JSON validator answered before.
        throw new HTTPException(400, { message: "Malformed JSON in request body" });
      }
    }
    let rows: DataValueSource;
    try {
      rows = csv ? dataValuesOfCsv(await c.req.text()) : dataValuesOfJson(body);
    } catch (error) {
      throw new ValidationError({
        body: error instanceof Error ? error.message : "Không đọc được bộ số liệu.",
      });
    }
    let count: Awaited<ReturnType<typeof importDataValues>>;
    try {
      count = await importDataValues(
        c.var.ctx.database.db,
        rows,
        { version: query.version, submit: query.submit === "true" },
        ctx,
      );
    } catch (error) {
      if (!(error instanceof DataValueSetRejected)) throw error;
      const { code, message, fields = {}, total, unlisted } = error;
      return c.json({ error: { code, message, fields, problemCount: total, unlistedCount: unlisted } }, 422);
    }
    return c.json({ status: "SUCCESS" as const, importCount: { ...count, deleted: 0 } }, 200);
  });
}
