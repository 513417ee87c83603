/** `/api/v1/proposals…`: proposals (kiến nghị, đề xuất), their answers, and directives made from them. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponse,
  errorResponses,
  IdParamSchema,
  recordErrors,
} from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import {
  AnswerInputSchema,
  DirectiveInputSchema,
  ProposalEditSchema,
  ProposalInputSchema,
} from "../directives.schema.js";
import { getDirectiveFor } from "../directives.service.js";
import { presentDirective, presentProposal } from "../directives-present.js";
import { DirectiveOutSchema, ProposalOutSchema } from "../directives-responses.schema.js";
import { PROPOSAL_STATUSES } from "./proposals.repo.js";
import {
  answerProposal,
  editProposal,
  getProposalFor,
  makeDirectiveFromProposal,
  raiseProposal,
  searchProposals,
} from "./proposals.service.js";

const TAG = ["Kiến nghị, đề xuất"];
const common = recordErrors("proposal");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/proposals",
  operationId: "listProposals",
  ...access("read", "Any signed-in user; only the proposals raised by or addressed to the caller's units."),
  tags: TAG,
  summary: "Proposals the caller may see (raised by or addressed to its units)",
  request: {
    query: z.object({
      unit: dbIdParamSchema().optional().openapi({ description: "Raised by this unit." }),
      status: z.enum(PROPOSAL_STATUSES).optional(),
      session: dbIdParamSchema().optional(),
    }),
  },
  responses: {
    ...errorResponses(422),
    200: dataResponse("Proposals, oldest first.", z.array(ProposalOutSchema)),
    401: common[401],
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/api/v1/proposals",
  operationId: "createProposal",
  ...access("write", "`proposal.raise`: data_officer, unit_admin or leader of the raising unit."),
  tags: TAG,
  summary: "Record a proposal raised by a unit, addressed to departments",
  request: { body: { required: true, content: { "application/json": { schema: ProposalInputSchema } } } },
  responses: {
    201: dataResponse("The proposal.", ProposalOutSchema),
    ...common,
    422: errorResponse("Invalid fields."),
  },
});

const putRoute = createRoute({
  method: "put",
  path: "/api/v1/proposals/{id}",
  operationId: "updateProposal",
  ...access("write", "`proposal.raise` on the raising unit."),
  tags: TAG,
  summary: "Correct a proposal's unit, wording, answer deadline and addressees (the answer stays)",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: ProposalEditSchema } } },
  },
  responses: {
    ...errorResponses(409),
    200: dataResponse("The proposal.", ProposalOutSchema),
    ...common,
    422: errorResponse("Invalid fields."),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/proposals/{id}",
  operationId: "getProposal",
  ...access("read", "Signed-in users of the raising unit or of an addressed department."),
  tags: TAG,
  summary: "One proposal",
  request: { params: IdParamSchema },
  responses: {
    ...errorResponses(422),
    200: dataResponse("The proposal.", ProposalOutSchema),
    ...common,
  },
});

const answerRoute = createRoute({
  method: "post",
  path: "/api/v1/proposals/{id}/answer",
  operationId: "answerProposal",
  ...access(
    "write",
    "`proposal.answer_department` (department_officer of an addressed department) or `proposal.answer` (leader, unit_admin of the unit).",
  ),
  tags: TAG,
  summary: "Answer a proposal and set its status (an addressed department, or the office of its unit)",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: AnswerInputSchema } } },
  },
  responses: {
    ...errorResponses(409),
    200: dataResponse("The proposal after the answer.", ProposalOutSchema),
    ...common,
    422: errorResponse("Empty answer."),
  },
});

const directiveRoute = createRoute({
  method: "post",
  path: "/api/v1/proposals/{id}/directive",
  operationId: "createDirectiveFromProposal",
  ...access("write", "`directive.assign`: unit_admin or leader of the assigning unit."),
  tags: TAG,
  summary: "Turn a proposal into a directive (once)",
  request: {
    params: IdParamSchema,
    body: {
      required: true,
      content: { "application/json": { schema: DirectiveInputSchema.omit({ parentId: true }) } },
    },
  },
  responses: {
    ...errorResponses(409),
    201: dataResponse("The new directive.", DirectiveOutSchema),
    ...common,
    422: errorResponse("Already a directive."),
  },
});

export function registerProposalApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const ctx = await actorOf(c);
    const q = c.req.valid("query");
    const rows = await searchProposals(
      c.var.ctx.database.db,
      { fromUnitId: q.unit, status: q.status, sessionId: q.session },
      ctx,
    );
    return c.json({ data: rows.map(presentProposal) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const ctx = await actorOf(c);
    const id = await raiseProposal(c.var.ctx.database.db, c.req.valid("json"), ctx);
    return c.json({ data: presentProposal(await getProposalFor(c.var.ctx.database.db, id, ctx)) }, 201);
  });

  app.openapi(getRoute, async (c) => {
    const ctx = await actorOf(c);
    return c.json(
      { data: presentProposal(await getProposalFor(c.var.ctx.database.db, c.req.valid("param").id, ctx)) },
      200,
    );
  });

  app.openapi(putRoute, async (c) => {
    const ctx = await actorOf(c);
    const p = await editProposal(c.var.ctx.database.db, c.req.valid("param").id, c.req.valid("json"), ctx);
    return c.json({ data: presentProposal(p) }, 200);
  });

  app.openapi(answerRoute, async (c) => {
    const ctx = await actorOf(c);
    const p = await answerProposal(c.var.ctx.database.db, c.req.valid("param").id, c.req.valid("json"), ctx);
    return c.json({ data: presentProposal(p) }, 200);
  });

  app.openapi(directiveRoute, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const directiveId = await makeDirectiveFromProposal(
      db,
      c.req.valid("param").id,
      c.req.valid("json"),
      ctx,
    );
    return c.json({ data: presentDirective(await getDirectiveFor(db, directiveId, ctx), ctx.now) }, 201);
  });
}
