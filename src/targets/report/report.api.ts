import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import { access, errorResponse, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { idParam } from "../targets-responses.schema.js";
import { draftPeriodReport } from "./period-report.service.js";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const reportRoute = createRoute({
  method: "get",
  path: "/api/v1/units/{id}/report",
  operationId: "getUnitPeriodReport",
  ...access(
    "read",
    "`result.read` or `result.enter` on the unit (unit_admin, data_officer, department_officer, leader, viewer).",
    "Dự thảo “Báo cáo kết quả thực hiện nhiệm vụ” của kỳ (6 tháng, 9 tháng, năm, nhiệm kỳ) dạng Word: bảng số liệu (kế hoạch, thực hiện, % đạt, cùng kỳ năm trước), đoạn văn tổng hợp, và các chỗ [trong ngoặc vuông] để cán bộ bổ sung trước khi ban hành. `form=party` theo mẫu văn bản của Đảng (HD 36-HD/VPTW), mặc định theo NĐ 30/2020/NĐ-CP.",
  ),
  tags: ["Chỉ tiêu và kết quả"],
  summary: "Dự thảo báo cáo kết quả thực hiện nhiệm vụ của một đơn vị trong một kỳ (Word)",
  request: {
    params: z.object({ id: idParam("id") }),
    query: z.object({
      period: z.string().openapi({ example: "2019-6T", description: "Năm, nhiệm kỳ hoặc mã kỳ (2019-6T…)" }),
      form: z.enum(["state", "party"]).default("state").openapi({ description: "Mẫu Nhà nước hoặc Đảng" }),
    }),
  },
  responses: {
    200: {
      description: "A .docx file.",
      content: { [DOCX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses(401, 403),
    404: errorResponse("Không có đơn vị này, hoặc chưa có chỉ tiêu, số liệu nào cho kỳ riêng này."),
    422: errorResponse("Kỳ không hợp lệ (trường `period`)."),
  },
});

/** The period's report as Word, downloaded from the evaluation page and the API. */
export function registerReportApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { period, form } = c.req.valid("query");
    const report = await draftPeriodReport(
      c.var.ctx.database.db,
      { unitId: id, periodKey: period.trim(), form },
      await actorOf(c),
      c.var.ctx.evaluationStanding,
    );
    // The Word writer (the `docx` package) is loaded on the first export, not with every page.
    const { periodReportToDocx } = await import("./period-report.docx.js");
    const bytes = await periodReportToDocx(report);
    const name = `Bao-cao-${period.replace(/[^A-Za-z0-9]+/g, "-")}.docx`;
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: { "content-type": DOCX_TYPE, "content-disposition": `attachment; filename="${name}"` },
    });
  });
}
