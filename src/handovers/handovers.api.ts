/** `/api/v1/handovers`: the open work of units that no longer exist, and the decisions handing it over. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import { access, dataResponse, errorResponse, errorResponses } from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { listHandoverQueue } from "./handover-queue.service.js";
import type { QueueItem } from "./handovers.model.js";
import {
  AppliedDecisionSchema,
  HandoverDecisionsSchema,
  HandoverItemSchema,
  HandoverQuerySchema,
} from "./handovers.schema.js";
import { applyHandoverDecisions } from "./handovers.service.js";

const TAG = ["Bàn giao"];
const WHO =
  "`handover.decide`: unit_admin of a successor unit, or of a unit above it (the province), for the items whose proposed successors include it.";

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/handovers",
  operationId: "listHandovers",
  ...access(
    "read",
    WHO,
    "Open directives, proposals, programme entries and targets of a unit that no longer exists, each with the successors proposed from the succession links.",
  ),
  tags: TAG,
  summary: "Công việc chờ bàn giao của đơn vị đã sắp xếp",
  request: { query: HandoverQuerySchema },
  responses: {
    200: dataResponse("The items waiting, by kind.", z.array(HandoverItemSchema)),
    ...errorResponses(401, 403, 404, 422),
  },
});

const applyRoute = createRoute({
  method: "post",
  path: "/api/v1/handovers",
  operationId: "applyHandovers",
  ...access(
    "write",
    `${WHO} Moving or splitting also needs it on every receiving unit.`,
    "Applies the decisions all together or none: each is audited and recorded with its legal basis; a moved directive's history shows “Tiếp nhận từ phường … (legal basis)”.",
  ),
  tags: TAG,
  summary: "Quyết định bàn giao: chuyển, chia hoặc kết thúc",
  request: {
    body: { required: true, content: { "application/json": { schema: HandoverDecisionsSchema } } },
  },
  responses: {
    200: dataResponse("What was applied, in the order given.", z.array(AppliedDecisionSchema)),
    ...errorResponses(401, 403),
    422: errorResponse(
      "Invalid decisions (field paths such as `decisions.0.toUnitIds`); nothing was written.",
    ),
  },
});

export function presentQueueItem(item: QueueItem) {
  return {
    kind: item.kind,
    id: item.id,
    title: item.title,
    fromUnit: {
      unitId: item.fromUnit.unitId,
      name: unitDisplayName(item.fromUnit),
      validTo: item.fromUnit.validTo,
    },
    proposedSuccessors: item.proposedSuccessors.map((x) => ({
      unitId: x.unitId,
      name: unitDisplayName(x),
      populationShare: x.populationShare,
      legalBasis: x.legalBasis,
    })),
  };
}

export function registerHandoversApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const ctx = await actorOf(c);
    const items = await listHandoverQueue(c.var.ctx.database.db, { unitId: c.req.valid("query").unit }, ctx);
    return c.json({ data: items.map(presentQueueItem) }, 200);
  });

  app.openapi(applyRoute, async (c) => {
    const ctx = await actorOf(c);
    const applied = await applyHandoverDecisions(c.var.ctx.database.db, c.req.valid("json").decisions, ctx);
    return c.json({ data: applied }, 200);
  });
}
