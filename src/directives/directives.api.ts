/** `/api/v1/directives…` and `/api/v1/follow-up`: directives, their progress and workflow, follow-up figures. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { readableUnits } from "../core/access/needs.js";
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
import { NotFoundError } from "../core/http/errors.js";
import type { AppCtx } from "../core/http/request.js";
import { listReports } from "./directive-reports.repo.js";
import { listDirectives } from "./directives.repo.js";
import {
  ActionInputSchema,
  DirectiveEditSchema,
  DirectiveInputSchema,
  DirectiveQuerySchema,
  ProgressInputSchema,
} from "./directives.schema.js";
import {
  actOnDirective,
  createDirective,
  editDirective,
  getDirectiveFor,
  relationsOf,
} from "./directives.service.js";
import { presentDirective } from "./directives-present.js";
import {
  DirectiveDetailSchema,
  DirectiveOutSchema,
  FollowUpOutSchema,
} from "./directives-responses.schema.js";
import { extensionsOf } from "./extensions/extensions.service.js";
import { presentExtension } from "./extensions/extensions-present.js";
import { FOLLOW_UP_DIMENSIONS } from "./follow-up/follow-up.repo.js";
import { type FollowUpGroupView, followUpReport, PERIOD_GRAINS } from "./follow-up/follow-up.service.js";
import { apiQuery, type DrillFilter, drillConditions } from "./follow-up/follow-up-links.rules.js";
import { sqlClock } from "./timeliness-sql.js";
import { allowedActions } from "./workflow.rules.js";

const TAG = ["Nhiệm vụ"];
const PAGE_SIZE = 100;
const common = recordErrors("directive");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/directives",
  operationId: "listDirectives",
  ...access(
    "read",
    "Any signed-in user; only the directives of units the caller may follow (assigner, lead, coordinators).",
  ),
  tags: TAG,
  summary: "Directives the caller may see, filtered by lead unit, workflow state and derived timeliness",
  request: { query: DirectiveQuerySchema },
  responses: {
    200: {
      description: "One page (100) of directives, oldest first.",
      content: {
        "application/json": {
          schema: z.object({
            data: z.array(DirectiveOutSchema),
            meta: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
          }),
        },
      },
    },
    401: common[401],
    422: errorResponse("Bad filter, e.g. `query.timeliness`."),
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/api/v1/directives",
  operationId: "createDirective",
  ...access(
    "write",
    "`directive.assign`: unit_admin or leader of the assigning unit (system_admin anywhere).",
  ),
  tags: TAG,
  summary: "Assign a directive, or a child task of one (parentId)",
  request: { body: { required: true, content: { "application/json": { schema: DirectiveInputSchema } } } },
  responses: {
    201: dataResponse("The new directive.", DirectiveOutSchema),
    ...common,
    422: errorResponse("Invalid fields."),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/directives/{id}",
  operationId: "getDirective",
  ...access("read", "Signed-in users who may see the directive (assigning, lead or coordinating unit)."),
  tags: TAG,
  summary: "One directive with its progress reports, child tasks and the actions the caller may take",
  request: { params: IdParamSchema },
  responses: {
    ...errorResponses(422),
    200: dataResponse("The directive.", DirectiveDetailSchema),
    ...common,
  },
});

const actionRoute = createRoute({
  method: "post",
  path: "/api/v1/directives/{id}/actions",
  operationId: "actOnDirective",
  ...access(
    "write",
    "The lead unit (`directive.report`: data_officer, unit_admin) receives, reports and submits; the assigner (`directive.confirm`: leader, unit_admin) confirms, returns, pauses, resumes, cancels and reassigns.",
    "The lead unit receives, reports and submits; the assigner confirms, returns, pauses, resumes, cancels and reassigns.",
  ),
  tags: TAG,
  summary:
    "Move a directive through its workflow: receive, report_progress, submit, confirm, return, pause, resume, cancel, reassign",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: ActionInputSchema } } },
  },
  responses: {
    200: dataResponse("The directive after the action.", DirectiveOutSchema),
    ...common,
    409: errorResponse("The state does not allow this action."),
    422: errorResponse("Missing percent or text."),
  },
});

const progressRoute = createRoute({
  method: "post",
  path: "/api/v1/directives/{id}/progress",
  operationId: "reportDirectiveProgress",
  ...access("write", "`directive.report`: data_officer or unit_admin of the lead unit."),
  tags: TAG,
  summary: "Report progress (percent and what was done); same as the action report_progress",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: ProgressInputSchema } } },
  },
  responses: {
    ...errorResponses(422),
    201: dataResponse("The directive after the report.", DirectiveOutSchema),
    ...common,
    409: errorResponse("Finished or paused."),
  },
});

const editRoute = createRoute({
  method: "patch",
  path: "/api/v1/directives/{id}",
  operationId: "updateDirective",
  ...access("write", "`directive.assign`: unit_admin or leader of the assigning unit."),
  tags: TAG,
  summary: "Change the title, deadline or coordinating units (the assigner only)",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: DirectiveEditSchema } } },
  },
  responses: {
    ...errorResponses(422),
    200: dataResponse("The directive after the change.", DirectiveOutSchema),
    ...common,
    409: errorResponse("Finished."),
  },
});

const followUpRoute = createRoute({
  method: "get",
  path: "/api/v1/follow-up",
  operationId: "getFollowUp",
  ...access("read", "Any signed-in user; the figures count only the directives the caller may see."),
  tags: TAG,
  summary:
    "Follow-up figures: counts by timeliness, completion %, late share of completed, overdue and longest overdue",
  request: {
    query: z.object({
      by: z.enum(FOLLOW_UP_DIMENSIONS).default("lead"),
      grain: z
        .enum(PERIOD_GRAINS)
        .default("month")
        .openapi({ description: "For by=period: month, quarter or year of the deadline." }),
      unit: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: "Only directives led by this unit or units under it." }),
    }),
  },
  responses: {
    ...errorResponses(404, 422),
    200: dataResponse("Totals and one row per group.", FollowUpOutSchema),
    401: common[401],
  },
});

async function detail(c: AppCtx, id: number) {
  const ctx = await actorOf(c);
  const db = c.var.ctx.database.db;
  const d = await getDirectiveFor(db, id, ctx);
  const [relations, reports, children, extension] = await Promise.all([
    relationsOf(db, d, ctx),
    listReports(db, id),
    listDirectives(db, { scope: "all", parentId: id, clock: sqlClock(ctx.now), limit: 500, offset: 0 }),
    extensionsOf(db, d, ctx),
  ]);
  return {
    ...presentDirective(d, ctx.now),
    originalDeadline: extension.originalDeadline,
    extensions: extension.extensions.map(presentExtension),
    allowedActions: allowedActions(d.state, relations),
    reports,
    children: children.rows.map((x) => presentDirective(x, ctx.now)),
  };
}

export function registerDirectiveApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const ctx = await actorOf(c);
    const q = c.req.valid("query");
    const { rows, total } = await listDirectives(c.var.ctx.database.db, {
      scope: readableUnits(ctx.actor, ctx.hierarchy, ctx.today),
      ...drillConditions({
        unit: q.unit,
        lead: q.lead,
        assigner: q.assigner,
        notice: q.notice,
        period: q.period,
        status: q.status,
        timeliness: q.timeliness,
      }),
      ...(q.under === undefined ? {} : { leadUnitIds: ctx.hierarchy.unitIdsUnder([q.under], ctx.today) }),
      clock: sqlClock(ctx.now),
      limit: PAGE_SIZE,
      offset: (q.page - 1) * PAGE_SIZE,
    });
    return c.json(
      {
        data: rows.map((d) => presentDirective(d, ctx.now)),
        meta: { total, page: q.page, pageSize: PAGE_SIZE },
      },
      200,
    );
  });

  app.openapi(createRouteDef, async (c) => {
    const ctx = await actorOf(c);
    const body = c.req.valid("json");
    const id = await createDirective(c.var.ctx.database.db, body, ctx);
    const d = await getDirectiveFor(c.var.ctx.database.db, id, ctx);
    return c.json({ data: presentDirective(d, ctx.now) }, 201);
  });

  app.openapi(getRoute, async (c) => c.json({ data: await detail(c, c.req.valid("param").id) }, 200));

  app.openapi(actionRoute, async (c) => {
    const ctx = await actorOf(c);
    const body = c.req.valid("json");
    const d = await actOnDirective(c.var.ctx.database.db, c.req.valid("param").id, body, ctx);
    return c.json({ data: presentDirective(d, ctx.now) }, 200);
  });

  app.openapi(progressRoute, async (c) => {
    const ctx = await actorOf(c);
    const body = c.req.valid("json");
    const d = await actOnDirective(
      c.var.ctx.database.db,
      c.req.valid("param").id,
      { action: "report_progress", ...body },
      ctx,
    );
    return c.json({ data: presentDirective(d, ctx.now) }, 201);
  });

  app.openapi(editRoute, async (c) => {
    const ctx = await actorOf(c);
    const d = await editDirective(c.var.ctx.database.db, c.req.valid("param").id, c.req.valid("json"), ctx);
    return c.json({ data: presentDirective(d, ctx.now) }, 200);
  });

  app.openapi(followUpRoute, async (c) => {
    const ctx = await actorOf(c);
    const q = c.req.valid("query");
    if (q.unit !== undefined && !ctx.hierarchy.unit(q.unit))
      throw new NotFoundError("Không tìm thấy đơn vị này.");
    const leadUnitIds = q.unit === undefined ? undefined : ctx.hierarchy.unitIdsUnder([q.unit], ctx.today);
    const report = await followUpReport(
      c.var.ctx.database.db,
      { by: q.by, grain: q.grain, leadUnitIds, under: q.unit },
      ctx,
    );
    const href = (drill: DrillFilter) => `/api/v1/directives?${apiQuery(drill)}`.replace(/\?$/, "");
    const row = (g: FollowUpGroupView) => ({
      key: g.key,
      label: g.label,
      summary: g.summary,
      href: href(g.drill),
    });
    const { by, grain, today, total } = report;
    const groups = report.groups.map((g) => ({ ...row(g), ...(g.parts ? { parts: g.parts.map(row) } : {}) }));
    return c.json({ data: { by, grain, today, total, href: href(report.drill), groups } }, 200);
  });
}
