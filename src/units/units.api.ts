import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { access } from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { clientIp, requireActor, todayOf } from "../core/http/request.js";
import {
  ErrorBodySchema,
  UnitAtQuerySchema,
  UnitDetailSchema,
  UnitIdParamSchema,
  UnitListQuerySchema,
  UnitProfileInputSchema,
  UnitProfileSchema,
  UnitSummarySchema,
} from "./units.schema.js";
import { getUnitDetail, searchUnitsAt, updateUnitProfile } from "./units.service.js";

/** `/api/v1/units…`: validated by Zod at the edge, documented in the OpenAPI document. */

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBodySchema } },
});

const listUnitsRoute = createRoute({
  method: "get",
  path: "/api/v1/units",
  operationId: "listUnits",
  ...access("public", "Anyone: units are public."),
  tags: ["Đơn vị hành chính"],
  summary: "Units valid at a date, optionally searched by name",
  request: { query: UnitListQuerySchema },
  responses: {
    200: {
      description: "The units valid at `at` (default today in Vietnam), each with its parent at that date.",
      content: { "application/json": { schema: z.object({ data: z.array(UnitSummarySchema) }) } },
    },
    422: errorResponse("Bad `at` or `q` (field paths `query.at`, `query.q`)."),
  },
});

const getUnitRoute = createRoute({
  method: "get",
  path: "/api/v1/units/{id}",
  operationId: "getUnit",
  ...access("public", "Anyone: units are public."),
  tags: ["Đơn vị hành chính"],
  summary: "One unit with its parent, organisations, leaders and succession links at a date",
  request: { params: UnitIdParamSchema, query: UnitAtQuerySchema },
  responses: {
    200: {
      description:
        "The unit. `at` is the date its parent, organisations and leaders are read at: the requested date, or the unit's last (first) valid day when it did not exist then.",
      content: { "application/json": { schema: z.object({ data: UnitDetailSchema }) } },
    },
    404: errorResponse("No unit with this id."),
    422: errorResponse("Bad id or `at`."),
  },
});

const patchUnitRoute = createRoute({
  method: "patch",
  path: "/api/v1/units/{id}",
  operationId: "updateUnit",
  ...access(
    "write",
    "`unit.update`: unit_admin of the unit or of an ancestor (system_admin anywhere).",
    "Needs a bearer API token (or a session cookie with the `X-CSRF-Token` header). The change is recorded in the audit log with the values before and after.",
  ),
  tags: ["Đơn vị hành chính"],
  summary: "Update a unit's contact details and introduction (unit admins of the unit or an ancestor)",
  request: {
    params: UnitIdParamSchema,
    body: { required: true, content: { "application/json": { schema: UnitProfileInputSchema } } },
  },
  responses: {
    200: {
      description: "The profile after the change.",
      content: { "application/json": { schema: z.object({ data: UnitProfileSchema }) } },
    },
    401: errorResponse("Not signed in."),
    403: errorResponse("The caller may not update this unit."),
    404: errorResponse("No unit with this id."),
    422: errorResponse("Invalid fields, e.g. `body.email`."),
  },
});

export function registerUnitApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listUnitsRoute, async (c) => {
    const { q, at } = c.req.valid("query");
    const units = await searchUnitsAt(c.var.ctx.database.db, { at: at ?? todayOf(c), q });
    return c.json(
      {
        data: units.map((u) => ({
          id: u.id,
          name: u.name,
          level: u.level,
          code: u.code,
          validFrom: u.validFrom,
          validTo: u.validTo,
          parentId: u.parentId,
        })),
      },
      200,
    );
  });

  app.openapi(getUnitRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { at } = c.req.valid("query");
    const d = await getUnitDetail(c.var.ctx.database.db, id, { requested: at, today: todayOf(c) });
    return c.json(
      {
        data: {
          id: d.unit.id,
          name: d.unit.name,
          level: d.unit.level,
          code: d.unit.code,
          validFrom: d.unit.validFrom,
          validTo: d.unit.validTo,
          parentId: d.parent?.id ?? null,
          at: d.at,
          address: d.unit.address,
          phone: d.unit.phone,
          email: d.unit.email,
          intro: d.unit.intro,
          organisations: d.organisations.map((o) => ({ id: o.id, kind: o.kind, name: o.name })),
          leaders: d.leaders.map((l) => ({ name: l.name, title: l.title, organisation: l.organisation })),
          successions: d.successions,
        },
      },
      200,
    );
  });

  app.openapi(patchUnitRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid("param");
    const result = await updateUnitProfile(c.var.ctx.database.db, {
      actor,
      unitId: id,
      changes: c.req.valid("json"),
      today: todayOf(c),
      now: c.var.ctx.now(),
      ip: clientIp(c),
    });
    return c.json({ data: { id, ...result.after } }, 200);
  });
}
