/** `/api/v1/sessions…` and `/api/v1/conclusions…`: working sessions, the conclusion reader, notices. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import {
  access,
  DateSchema,
  dataResponse,
  errorResponse,
  errorResponses,
  IdParamSchema,
  recordErrors,
} from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import type { AppCtx } from "../core/http/request.js";
import { loadSessionSections, type SessionExtensions } from "./session.extension.js";
import type { SessionDetail, SessionInput } from "./sessions.model.js";
import { SessionDetailOutSchema, SessionInputSchema, SessionOutSchema } from "./sessions.schema.js";
import { createSession, editSession, getSessionFor, searchSessions } from "./sessions.service.js";

const common = recordErrors();

const TAG = ["Buổi làm việc, kết luận"];

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/sessions",
  operationId: "listSessions",
  ...access(
    "read",
    "Any signed-in user; only the sessions the caller may read (`session.read`, i.e. `admin.enter`: any role on the unit or an ancestor).",
  ),
  tags: TAG,
  summary: "Working sessions the caller may see, newest first",
  request: {
    query: z.object({
      unit: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: "Held with (hosted by) this unit." }),
      from: DateSchema.optional(),
      to: DateSchema.optional().openapi({ description: "Inclusive." }),
    }),
  },
  responses: {
    ...errorResponses(422),
    200: dataResponse("Sessions.", z.array(SessionOutSchema)),
    401: common[401],
  },
});

/**
 * The routes that answer with one whole session: its own record and the parts the rooms above add
 * (session.extension.ts), documented as one "WorkingSessionDetail".
 */
function detailRoutes(extensions: SessionExtensions) {
  const detail = SessionDetailOutSchema.extend(
    Object.fromEntries(extensions.sections.map((s) => [s.key, s.schema])),
  ).openapi("WorkingSessionDetail");
  const createRouteDef = createRoute({
    method: "post",
    path: "/api/v1/sessions",
    operationId: "createSession",
    ...access("write", "`session.manage`: unit_admin or leader of the host unit."),
    tags: TAG,
    summary: "Create a working session with attendees, agenda, documents and opinions",
    request: { body: { required: true, content: { "application/json": { schema: SessionInputSchema } } } },
    responses: {
      201: dataResponse("The session.", detail),
      ...common,
      422: errorResponse("Invalid fields."),
    },
  });

  const getRoute = createRoute({
    method: "get",
    path: "/api/v1/sessions/{id}",
    operationId: "getSession",
    ...access(
      "read",
      "`session.read` (`admin.enter`: any role on the unit or an ancestor) on the host or a unit worked with.",
    ),
    tags: TAG,
    summary:
      "One session with its notices, proposals and what is still open from earlier sessions with the unit",
    request: { params: IdParamSchema },
    responses: {
      ...errorResponses(422),
      200: dataResponse("The session.", detail),
      ...common,
    },
  });

  const putRoute = createRoute({
    method: "put",
    path: "/api/v1/sessions/{id}",
    operationId: "updateSession",
    ...access("write", "`session.manage`: unit_admin or leader of the host unit."),
    tags: TAG,
    summary: "Replace a session's details and lists",
    request: {
      params: IdParamSchema,
      body: { required: true, content: { "application/json": { schema: SessionInputSchema } } },
    },
    responses: {
      200: dataResponse("The session.", detail),
      ...common,
      422: errorResponse("Invalid fields."),
    },
  });
  return { createRouteDef, getRoute, putRoute };
}

/** ISO with offset (API) → ISO UTC (storage). */
function toStored(input: z.infer<typeof SessionInputSchema>): SessionInput {
  return {
    ...input,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: input.endsAt ? new Date(input.endsAt).toISOString() : null,
  };
}

async function sessionOut(c: AppCtx, extensions: SessionExtensions, s: SessionDetail) {
  const ctx = await actorOf(c);
  const { json } = await loadSessionSections(extensions, c.var.ctx.database.db, s, ctx);
  const { ownerUnitId: _owner, ...rest } = s;
  return { ...rest, ...json };
}

export function registerSessionApi(app: OpenAPIHono<AppEnv>, extensions: SessionExtensions): void {
  const { createRouteDef, getRoute, putRoute } = detailRoutes(extensions);
  app.openapi(listRoute, async (c) => {
    const ctx = await actorOf(c);
    const q = c.req.valid("query");
    const to = q.to
      ? new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000).toISOString()
      : undefined;
    const from = q.from ? new Date(`${q.from}T00:00:00+07:00`).toISOString() : undefined;
    const rows = await searchSessions(c.var.ctx.database.db, { hostUnitId: q.unit, from, to }, ctx);
    return c.json({ data: rows.map(({ ownerUnitId: _o, ...s }) => s) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const id = await createSession(db, toStored(c.req.valid("json")), ctx);
    return c.json({ data: await sessionOut(c, extensions, await getSessionFor(db, id, ctx)) }, 201);
  });

  app.openapi(getRoute, async (c) => {
    const ctx = await actorOf(c);
    return c.json(
      {
        data: await sessionOut(
          c,
          extensions,
          await getSessionFor(c.var.ctx.database.db, c.req.valid("param").id, ctx),
        ),
      },
      200,
    );
  });

  app.openapi(putRoute, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const id = c.req.valid("param").id;
    await editSession(db, id, toStored(c.req.valid("json")), ctx);
    return c.json({ data: await sessionOut(c, extensions, await getSessionFor(db, id, ctx)) }, 200);
  });
}
