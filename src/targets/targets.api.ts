import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import type { DB } from "../core/db/schema.js";
import { actorOf } from "../core/http/actor.js";
import { access, errorResponse, errorResponses } from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { NotFoundError } from "../core/http/errors.js";
import { requireActor, todayOf } from "../core/http/request.js";
import { dbIdParamSchema } from "../core/validation/input.schema.js";
import {
  approveResults,
  reopenResults,
  returnResults,
  submitResults,
} from "./approval/results-workflow.service.js";
import { listTargetsForUnit } from "./assignment/targets.repo.js";
import { setTarget } from "./assignment/targets.service.js";
import { findIndicatorById, listIndicators } from "./catalogue/indicators.repo.js";
import { createIndicator, editIndicator } from "./catalogue/indicators.service.js";
import { evaluateUnitOnBase } from "./comparable/comparable-base.service.js";
import { listResultsForUnit, type ResultRow } from "./entry/results.repo.js";
import { saveResults } from "./entry/results.service.js";
import { findParentIdAt } from "./evaluation/evaluation.repo.js";
import { defaultWindow } from "./period.rules.js";
import {
  IndicatorInputSchema,
  PERIOD_KEY_DESCRIPTION,
  ResultsBatchSchema,
  TargetInputSchema,
} from "./targets.schema.js";
import { presentEvaluation, presentIndicator, presentResult, presentTarget } from "./targets-present.js";
import { canReadOnBase, canReadUnit } from "./targets-request.js";
import {
  BaseQuery,
  IdsBody,
  IdsWithReasonBody,
  IndicatorSchema,
  idParam,
  ResultSchema,
  TargetSchema,
  UnitEvaluationSchema,
} from "./targets-responses.schema.js";

const TAG = "Chỉ tiêu và kết quả";
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const writeErrors = {
  401: errorResponse("Chưa đăng nhập hoặc mã API không hợp lệ."),
  403: errorResponse("Không có quyền với đơn vị này (hoặc thiếu X-CSRF-Token)."),
  409: errorResponse("Xung đột: số liệu đã phê duyệt (cần mở lại), đang chờ duyệt, hoặc mã đã dùng."),
  422: errorResponse("Dữ liệu không hợp lệ, kèm đường dẫn trường (`body.values.0.value`)."),
};
const periodQuery = z.string().openapi({
  example: "2019-6T",
  description: PERIOD_KEY_DESCRIPTION,
  examples: ["2019", "2015-2020", "2019-07", "2019-Q3", "2019-6T", "2019-9T"],
});

const evaluationRoute = createRoute({
  method: "get",
  path: "/api/v1/units/{id}/evaluation",
  operationId: "getUnitEvaluation",
  ...access(
    "optional",
    "Anyone; `result.read` or `result.enter` on the unit (unit_admin, data_officer, department_officer, leader, viewer) adds the non-public indicators.",
    "Chỉ dùng số liệu đã phê duyệt. Khách (không đăng nhập) chỉ thấy các chỉ tiêu công khai. Các số không áp dụng là null. " +
      "Mỗi chỉ tiêu có `targets` (mọi chỉ tiêu giao: cấp trên, HĐND, kế hoạch của đơn vị, mỗi chỉ tiêu một % riêng), " +
      "`samePeriod` (cùng kỳ năm trước: số liệu, tăng giảm theo đơn vị tính và theo %) và, với tháng, quý, n tháng đầu năm " +
      "hoặc nhiệm kỳ chưa kết thúc, `progress` (tiến độ so với chỉ tiêu cả năm / cả nhiệm kỳ; trạng thái `on_track` hoặc `behind`). " +
      "Số liệu được làm tròn theo số chữ số thập phân của chỉ tiêu (`precision`), tỷ lệ % hai chữ số.",
  ),
  tags: [TAG],
  summary: "Đánh giá kết quả thực hiện chỉ tiêu của một đơn vị trong một kỳ",
  request: {
    params: z.object({ id: idParam("id") }),
    query: z.object({ period: periodQuery, base: BaseQuery }),
  },
  responses: {
    ...errorResponses(401),
    200: json(z.object({ data: UnitEvaluationSchema }), "Kết quả đánh giá."),
    404: errorResponse("Không có đơn vị này."),
    422: errorResponse("Kỳ không hợp lệ (trường `period`)."),
  },
});

const listIndicatorsRoute = createRoute({
  method: "get",
  path: "/api/v1/indicators",
  operationId: "listIndicators",
  ...access("optional", "Anyone; signed-in users also see the non-public indicators."),
  tags: [TAG],
  summary: "Danh mục chỉ tiêu (khách: chỉ các chỉ tiêu công khai)",
  responses: {
    ...errorResponses(401),
    200: json(z.object({ data: z.array(IndicatorSchema) }), "Danh mục chỉ tiêu."),
  },
});

const createIndicatorRoute = createRoute({
  method: "post",
  path: "/api/v1/indicators",
  operationId: "createIndicator",
  ...access("write", "`indicator.manage`: unit_admin (system_admin anywhere)."),
  tags: [TAG],
  summary: "Thêm chỉ tiêu vào danh mục",
  request: { body: { required: true, content: { "application/json": { schema: IndicatorInputSchema } } } },
  responses: {
    201: json(z.object({ data: IndicatorSchema }), "Đã thêm."),
    ...writeErrors,
  },
});

const updateIndicatorRoute = createRoute({
  method: "put",
  path: "/api/v1/indicators/{id}",
  operationId: "updateIndicator",
  ...access("write", "`indicator.manage`: unit_admin (system_admin anywhere)."),
  tags: [TAG],
  summary: "Sửa chỉ tiêu (tên mới áp dụng từ `wordingFrom`, lịch sử giữ tên cũ)",
  request: {
    params: z.object({ id: idParam("id") }),
    body: { required: true, content: { "application/json": { schema: IndicatorInputSchema } } },
  },
  responses: {
    200: json(z.object({ data: IndicatorSchema }), "Đã sửa."),
    404: errorResponse("Không có chỉ tiêu này."),
    ...writeErrors,
  },
});

const listTargetsRoute = createRoute({
  method: "get",
  path: "/api/v1/targets",
  operationId: "listTargets",
  ...access("read", "Any signed-in user."),
  tags: [TAG],
  summary:
    "Chỉ tiêu giao cho một đơn vị trong một kỳ (của đơn vị và chung cho các đơn vị trực thuộc cấp trên; cấp trên giao, HĐND giao, kế hoạch của đơn vị)",
  request: { query: z.object({ unit: dbIdParamSchema(), period: periodQuery }) },
  responses: {
    ...errorResponses(422),
    200: json(z.object({ data: z.array(TargetSchema) }), "Mọi lần điều chỉnh."),
    401: errorResponse("Chưa đăng nhập."),
  },
});

const createTargetRoute = createRoute({
  method: "post",
  path: "/api/v1/targets",
  operationId: "createTarget",
  ...access(
    "write",
    "`target.manage` for `assignedBy: higher` (the default): unit_admin or leader of a unit above the target's unit; `target.plan` for `council` and `own`: unit_admin or leader of the unit or above (system_admin anywhere).",
  ),
  tags: [TAG],
  summary: "Giao hoặc điều chỉnh chỉ tiêu (mỗi lần thêm một bản điều chỉnh)",
  request: { body: { required: true, content: { "application/json": { schema: TargetInputSchema } } } },
  responses: {
    ...errorResponses(404),
    201: json(z.object({ data: TargetSchema }), "Đã giao."),
    ...writeErrors,
  },
});

const listResultsRoute = createRoute({
  method: "get",
  path: "/api/v1/results",
  operationId: "listResults",
  ...access(
    "optional",
    "Anyone: approved figures of public indicators; `result.read` or `result.enter` on the unit adds drafts and non-public indicators.",
    "Khách và người ngoài đơn vị: chỉ số liệu đã phê duyệt của chỉ tiêu công khai (dữ liệu mở).",
  ),
  tags: [TAG],
  summary: "Số liệu của một đơn vị trong một kỳ",
  request: { query: z.object({ unit: dbIdParamSchema(), period: periodQuery }) },
  responses: {
    ...errorResponses(401, 422),
    200: json(z.object({ data: z.array(ResultSchema) }), "Số liệu."),
  },
});

const saveResultsRoute = createRoute({
  method: "post",
  path: "/api/v1/results",
  operationId: "saveResults",
  ...access(
    "write",
    "`result.enter`: data_officer of the unit (system_admin anywhere).",
    "`value: null` xóa số liệu nháp. `submit: true` gửi duyệt luôn. Số liệu đã phê duyệt bị khóa (409). Số liệu ngoài giới hạn của chỉ tiêu: 422 tại `values.i.value`; số liệu chênh lệch quá hệ số cảnh báo so với cùng kỳ năm trước hoặc kế hoạch cần `confirmed: true` (nếu không: 422 `confirmation_required` tại `values.i.confirmed`).",
  ),
  tags: [TAG],
  summary: "Nhập số liệu của một đơn vị cho một kỳ (tất cả hoặc không gì cả)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": { schema: ResultsBatchSchema.extend({ submit: z.boolean().optional() }) },
      },
    },
  },
  responses: {
    ...errorResponses(404),
    200: json(z.object({ data: z.array(ResultSchema) }), "Đã lưu."),
    ...writeErrors,
  },
});

const WORKFLOW_ACCESS = {
  submit: "`result.enter`: data_officer of the unit (system_admin anywhere).",
  approve: "`result.approve`: unit_admin or leader of a unit above the unit (system_admin anywhere).",
  return: "`result.approve`: unit_admin or leader of a unit above the unit (system_admin anywhere).",
  reopen: "`result.approve`: unit_admin or leader of a unit above the unit (system_admin anywhere).",
} as const;

function workflowRoute(
  step: "submit" | "approve" | "return" | "reopen",
  summary: string,
  withReason: boolean,
) {
  return createRoute({
    method: "post",
    path: `/api/v1/results/${step}`,
    operationId: `${step}Results`,
    ...access("write", WORKFLOW_ACCESS[step]),
    tags: [TAG],
    summary,
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: withReason ? IdsWithReasonBody : IdsBody } },
      },
    },
    responses: {
      ...errorResponses(404),
      200: json(z.object({ data: z.array(ResultSchema) }), "Đã chuyển trạng thái."),
      ...writeErrors,
    },
  });
}

async function mustFindIndicator(db: Kysely<DB>, id: number) {
  const indicator = await findIndicatorById(db, id);
  if (!indicator) throw new NotFoundError("Không tìm thấy chỉ tiêu.");
  return indicator;
}

/** The JSON API of indicators, targets, results, their workflow, and evaluation. */
export function registerTargetApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(evaluationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { period, base } = c.req.valid("query");
    const evaluation = await evaluateUnitOnBase(c.var.ctx.database.db, {
      unitId: id,
      periodKey: period,
      base: base ?? "own",
      publicOnly: !(await canReadOnBase(c, id, period, base ?? "own")),
      today: todayOf(c),
    });
    return c.json({ data: presentEvaluation(evaluation) }, 200);
  });

  app.openapi(listIndicatorsRoute, async (c) => {
    const indicators = await listIndicators(c.var.ctx.database.db, { publicOnly: !c.var.auth.actor });
    return c.json({ data: indicators.map(presentIndicator) }, 200);
  });

  app.openapi(createIndicatorRoute, async (c) => {
    const db = c.var.ctx.database.db;
    const id = await createIndicator(db, c.req.valid("json"), await actorOf(c));
    return c.json({ data: presentIndicator(await mustFindIndicator(db, id)) }, 201);
  });

  app.openapi(updateIndicatorRoute, async (c) => {
    const db = c.var.ctx.database.db;
    const { id } = c.req.valid("param");
    await editIndicator(db, id, c.req.valid("json"), await actorOf(c));
    return c.json({ data: presentIndicator(await mustFindIndicator(db, id)) }, 200);
  });

  app.openapi(listTargetsRoute, async (c) => {
    requireActor(c);
    const { unit, period } = c.req.valid("query");
    const db = c.var.ctx.database.db;
    const asOf = defaultWindow(period)?.end ?? c.var.ctx.now().toISOString().slice(0, 10);
    const parentId = await findParentIdAt(db, unit, asOf);
    const rows = await listTargetsForUnit(db, { unitId: unit, parentId, periodKeys: [period] });
    return c.json({ data: rows.map(presentTarget) }, 200);
  });

  app.openapi(createTargetRoute, async (c) => {
    const row = await setTarget(c.var.ctx.database.db, c.req.valid("json"), await actorOf(c));
    return c.json({ data: presentTarget(row) }, 201);
  });

  app.openapi(listResultsRoute, async (c) => {
    const { unit, period } = c.req.valid("query");
    const db = c.var.ctx.database.db;
    const full = await canReadUnit(c, unit);
    const indicators = await listIndicators(db, { publicOnly: !full });
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const rows = await listResultsForUnit(db, unit, [period], { approvedOnly: !full });
    return c.json(
      { data: rows.filter((r) => byId.has(r.indicatorId)).map((r) => presentResult(r, byId)) },
      200,
    );
  });

  app.openapi(saveResultsRoute, async (c) => {
    const db = c.var.ctx.database.db;
    const { submit, ...batch } = c.req.valid("json");
    const outcome = await saveResults(db, batch, await actorOf(c), {
      submit: submit ?? false,
      warnings: true,
    });
    const byId = new Map((await listIndicators(db)).map((i) => [i.id, i]));
    const submitted = new Map(outcome.submitted.map((r) => [r.id, r]));
    return c.json({ data: outcome.saved.map((r) => presentResult(submitted.get(r.id) ?? r, byId)) }, 200);
  });

  type StepBody = { ids: number[]; reason?: string };
  const registerStep = (
    route: ReturnType<typeof workflowRoute>,
    run: (db: Kysely<DB>, body: StepBody, ctx: ActorContext) => Promise<ResultRow[]>,
  ) =>
    app.openapi(route, async (c) => {
      const db = c.var.ctx.database.db;
      const rows = await run(db, c.req.valid("json") as StepBody, await actorOf(c));
      const byId = new Map((await listIndicators(db)).map((i) => [i.id, i]));
      return c.json({ data: rows.map((r) => presentResult(r, byId)) }, 200);
    });
  registerStep(workflowRoute("submit", "Gửi duyệt số liệu", false), (db, b, ctx) =>
    submitResults(db, b.ids, ctx),
  );
  registerStep(workflowRoute("approve", "Phê duyệt số liệu (cấp trên của đơn vị)", false), (db, b, ctx) =>
    approveResults(db, b.ids, ctx),
  );
  registerStep(workflowRoute("return", "Trả lại số liệu chờ duyệt, kèm lý do", true), (db, b, ctx) =>
    returnResults(db, b.ids, b.reason, ctx),
  );
  registerStep(workflowRoute("reopen", "Mở lại số liệu đã phê duyệt để sửa, kèm lý do", true), (db, b, ctx) =>
    reopenResults(db, b.ids, b.reason, ctx),
  );
}
