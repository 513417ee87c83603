/** `/api/v1/directives/{id}/extension-requests…`: the lead unit asks for a later deadline, the assigner decides. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponse,
  IdParamSchema,
  recordErrors,
} from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import {
  ExtensionDecisionInputSchema,
  ExtensionOutSchema,
  ExtensionParamsSchema,
  ExtensionRequestInputSchema,
} from "./extensions.schema.js";
import { decideExtensionRequest, requestExtension } from "./extensions.service.js";
import { presentExtension } from "./extensions-present.js";

const TAG = ["Nhiệm vụ"];

const requestRoute = createRoute({
  method: "post",
  path: "/api/v1/directives/{id}/extension-requests",
  operationId: "requestDirectiveExtension",
  ...access(
    "write",
    "`directive.request_extension`: data_officer or unit_admin of the lead unit, through a grant of its own (not the assigner's).",
    "The lead unit asks for a later deadline (xin gia hạn) with a reason; the assigning unit is notified. One request may wait at a time.",
  ),
  tags: TAG,
  summary: "Request a deadline extension",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: ExtensionRequestInputSchema } } },
  },
  responses: {
    201: dataResponse("The request, waiting for a decision.", ExtensionOutSchema),
    ...recordErrors("directive"),
    409: errorResponse(
      "Finished, submitted, paused, without deadline, awaiting hand-over, or a request already waits.",
    ),
    422: errorResponse("A date in the past or not after the current deadline, or no reason."),
  },
});

const decisionRoute = createRoute({
  method: "post",
  path: "/api/v1/directives/{id}/extension-requests/{requestId}/decision",
  operationId: "decideDirectiveExtension",
  ...access(
    "write",
    "`directive.decide_extension`: leader or unit_admin of the assigning unit; never the person who asked.",
    "The assigner grants or refuses a waiting request with a reason. A grant sets the deadline to the requested date; timeliness is then judged by it, and the original deadline is kept.",
  ),
  tags: TAG,
  summary: "Grant or refuse a deadline extension",
  request: {
    params: ExtensionParamsSchema,
    body: { required: true, content: { "application/json": { schema: ExtensionDecisionInputSchema } } },
  },
  responses: {
    200: dataResponse("The request with its decision.", ExtensionOutSchema),
    ...recordErrors("directive or extension request"),
    409: errorResponse("Decided already, or the directive is finished."),
    422: errorResponse("No reason, or a bad decision."),
  },
});

export function registerExtensionApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(requestRoute, async (c) => {
    const ctx = await actorOf(c);
    const e = await requestExtension(
      c.var.ctx.database.db,
      c.req.valid("param").id,
      c.req.valid("json"),
      ctx,
    );
    return c.json({ data: presentExtension(e) }, 201);
  });

  app.openapi(decisionRoute, async (c) => {
    const ctx = await actorOf(c);
    const { id, requestId } = c.req.valid("param");
    const e = await decideExtensionRequest(c.var.ctx.database.db, id, requestId, c.req.valid("json"), ctx);
    return c.json({ data: presentExtension(e) }, 200);
  });
}
