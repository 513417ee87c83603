import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOrAnonymousOf } from "../../core/http/actor.js";
import { access, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { requireActor } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { CriterionUpdateSchema } from "../emulation.schema.js";
import { deleteCriterion, updateCriterion } from "./criteria.service.js";

const params = z.object({
  schemeId: dbIdParamSchema().openapi({ param: { name: "schemeId", in: "path" } }),
  criterionId: dbIdParamSchema().openapi({ param: { name: "criterionId", in: "path" } }),
});
const path = "/api/v1/emulation/schemes/{schemeId}/criteria/{criterionId}";

const updateRoute = createRoute({
  method: "put",
  path,
  operationId: "updateCriterion",
  ...access(
    "write",
    "`emulation.manage`: unit_admin of a unit above the scheme's units (system_admin anywhere).",
    "Tiêu chí đã có điểm chấm không đổi được loại và điểm tối đa không thấp hơn điểm đã chấm (422 với fields). Được ghi nhật ký thay đổi.",
  ),
  tags: ["Thi đua"],
  summary: "Sửa một tiêu chí của bảng chấm điểm",
  request: {
    params,
    body: { content: { "application/json": { schema: CriterionUpdateSchema } }, required: true },
  },
  responses: { 204: { description: "Đã sửa" }, ...errorResponses(401, 403, 404, 409, 422) },
});

const deleteRoute = createRoute({
  method: "delete",
  path,
  operationId: "deleteCriterion",
  ...access(
    "write",
    "`emulation.manage`: unit_admin of a unit above the scheme's units (system_admin anywhere).",
    "409 với lý do khi tiêu chí đã có điểm chấm hoặc còn tiêu chí con. Được ghi nhật ký thay đổi.",
  ),
  tags: ["Thi đua"],
  summary: "Xóa một tiêu chí chưa có điểm chấm và không có tiêu chí con",
  request: { params },
  responses: { 204: { description: "Đã xóa" }, ...errorResponses(401, 403, 404, 409, 422) },
});

export function registerCriteriaApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateRoute, async (c) => {
    requireActor(c);
    const { schemeId, criterionId } = c.req.valid("param");
    await updateCriterion(
      c.var.ctx.database.db,
      await actorOrAnonymousOf(c),
      schemeId,
      criterionId,
      c.req.valid("json"),
    );
    return c.body(null, 204);
  });

  app.openapi(deleteRoute, async (c) => {
    requireActor(c);
    const { schemeId, criterionId } = c.req.valid("param");
    await deleteCriterion(c.var.ctx.database.db, await actorOrAnonymousOf(c), schemeId, criterionId);
    return c.body(null, 204);
  });
}
