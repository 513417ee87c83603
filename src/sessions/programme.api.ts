/** `/api/v1/program-items…`: the annual programme of work that plans sessions. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponse,
  errorResponses,
  IdParamSchema,
  recordErrors,
} from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { dbIdParamSchema, dbIdSchema } from "../core/validation/input.schema.js";
import type { ProgramItem } from "./programme.repo.js";
import {
  createProgramItem,
  editProgramItem,
  getProgramItemFor,
  searchProgramItems,
} from "./programme.service.js";

const common = recordErrors();

const TAG = ["Buổi làm việc, kết luận"];

const ProgramItemInputSchema = z
  .object({
    ownerUnitId: dbIdSchema().openapi({ description: "The unit whose programme it is." }),
    year: z.number().int(),
    title: z.string().max(500),
    plannedMonth: z.number().int().nullable().default(null).openapi({ description: "1–12, or null." }),
    hostUnitId: dbIdSchema().nullable().default(null).openapi({ description: "The unit to work with." }),
  })
  .openapi("ProgramItemInput");

const ProgramItemOutSchema = ProgramItemInputSchema.extend({
  id: z.number().int(),
  sessions: z.array(z.object({ id: z.number().int(), title: z.string(), startsAt: z.string() })),
}).openapi("ProgramItem");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/program-items",
  operationId: "listProgramItems",
  ...access(
    "read",
    "Any signed-in user; only the units whose records the caller may read (`session.read`, i.e. `admin.enter`: any role on the unit or an ancestor).",
  ),
  tags: TAG,
  summary: "A year's programme of work as the caller may see it (its own units' and those planned with them)",
  request: {
    query: z.object({
      year: z.coerce.number().int().min(1990).max(2100),
      unit: dbIdParamSchema().optional().openapi({ description: "Owner unit." }),
    }),
  },
  responses: {
    ...errorResponses(422),
    200: dataResponse("Entries, by owner and month.", z.array(ProgramItemOutSchema)),
    401: common[401],
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/api/v1/program-items",
  operationId: "createProgramItem",
  ...access("write", "`session.manage`: unit_admin or leader of the owner unit."),
  tags: TAG,
  summary: "Add an entry to a unit's programme of work",
  request: { body: { required: true, content: { "application/json": { schema: ProgramItemInputSchema } } } },
  responses: {
    201: dataResponse("The entry.", ProgramItemOutSchema),
    ...common,
    422: errorResponse("Invalid fields."),
  },
});

const putRoute = createRoute({
  method: "put",
  path: "/api/v1/program-items/{id}",
  operationId: "updateProgramItem",
  ...access("write", "`session.manage`: unit_admin or leader of the owner unit."),
  tags: TAG,
  summary: "Correct an entry of the programme of work",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: ProgramItemInputSchema } } },
  },
  responses: {
    200: dataResponse("The entry.", ProgramItemOutSchema),
    ...common,
    422: errorResponse("Invalid fields."),
  },
});

function out(item: ProgramItem) {
  const { owner: _o, host: _h, ...rest } = item;
  return rest;
}

export function registerProgrammeApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const ctx = await actorOf(c);
    const q = c.req.valid("query");
    const items = await searchProgramItems(c.var.ctx.database.db, { year: q.year, ownerUnitId: q.unit }, ctx);
    return c.json({ data: items.map(out) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const id = await createProgramItem(db, c.req.valid("json"), ctx);
    return c.json({ data: out(await getProgramItemFor(db, id, ctx)) }, 201);
  });

  app.openapi(putRoute, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const id = c.req.valid("param").id;
    await editProgramItem(db, id, c.req.valid("json"), ctx);
    return c.json({ data: out(await getProgramItemFor(db, id, ctx)) }, 200);
  });
}
