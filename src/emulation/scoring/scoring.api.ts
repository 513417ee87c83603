import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOrAnonymousOf } from "../../core/http/actor.js";
import { access, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { requireActor } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { NewSchemeSchema, SaveScoresSchema, ScoreSheetSchema, StageSchema } from "../emulation.schema.js";
import { STAGES } from "../schemes/criteria-tree.rules.js";
import { createScheme } from "../schemes/schemes.service.js";
import { loadScoreSheet, type ScoreSheet, saveStageScores } from "./scoring.service.js";

const createSchemeRoute = createRoute({
  method: "post",
  path: "/api/v1/emulation/schemes",
  operationId: "createScheme",
  ...access(
    "write",
    "`emulation.manage`: unit_admin of a unit above the scored units (system_admin anywhere).",
  ),
  tags: ["Thi đua"],
  summary: "Tạo bảng chấm điểm thi đua (kèm cây tiêu chí)",
  request: { body: { content: { "application/json": { schema: NewSchemeSchema } }, required: true } },
  responses: {
    201: {
      description: "Đã tạo",
      content: { "application/json": { schema: z.object({ data: z.object({ id: z.number().int() }) }) } },
    },
    ...errorResponses(401, 403, 409, 422),
  },
});

const params = z.object({
  schemeId: dbIdParamSchema().openapi({ param: { name: "schemeId", in: "path" } }),
  unitId: dbIdParamSchema().openapi({ param: { name: "unitId", in: "path" } }),
});

const sheetRoute = createRoute({
  method: "get",
  path: "/api/v1/emulation/schemes/{schemeId}/units/{unitId}/scores",
  operationId: "getScoreSheet",
  ...access(
    "read",
    "`result.read` on the unit (unit_admin, data_officer, department_officer, leader, viewer), or a scoring role for it: `emulation.self_score`, `emulation.review` or `emulation.council`.",
  ),
  tags: ["Thi đua"],
  summary: "Điểm của một đơn vị theo từng tiêu chí và từng bước (tự chấm, thẩm định, Hội đồng)",
  request: { params },
  responses: {
    200: {
      description: "Phiếu chấm điểm",
      content: { "application/json": { schema: z.object({ data: ScoreSheetSchema }) } },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

const saveRoute = createRoute({
  method: "put",
  path: "/api/v1/emulation/schemes/{schemeId}/units/{unitId}/scores/{stage}",
  operationId: "saveScores",
  ...access(
    "write",
    "By stage: `emulation.self_score` (data_officer, unit_admin of the unit), `emulation.review` (department_officer, leader above it), `emulation.council` (leader, unit_admin above it).",
    "self: đơn vị tự chấm (emulation.self_score); review: cán bộ phòng, ban chấm tiêu chí thuộc lĩnh vực của mình hoặc lãnh đạo cấp trên (emulation.review); council: Hội đồng cấp trên chốt điểm (emulation.council), tiêu chí tính tự động được chốt theo số liệu hiện có. Điểm vượt điểm tối đa: 422 với fields `scores.<i>.points`.",
  ),
  tags: ["Thi đua"],
  summary: "Ghi điểm một bước chấm (tất cả hoặc không gì cả)",
  request: {
    params: params.extend({ stage: StageSchema.openapi({ param: { name: "stage", in: "path" } }) }),
    body: { content: { "application/json": { schema: SaveScoresSchema } }, required: true },
  },
  responses: {
    200: {
      description: "Đã ghi",
      content: {
        "application/json": {
          schema: z.object({ data: z.object({ changed: z.number().int(), sheet: ScoreSheetSchema }) }),
        },
      },
    },
    ...errorResponses(401, 403, 404, 409, 422),
  },
});

/** The score sheet as JSON: one row per criterion with each stage's points. */
export function presentSheet(sheet: ScoreSheet) {
  const stageScore = (stage: (typeof STAGES)[number], criterionId: number) => {
    const row = sheet.stored[stage].get(criterionId);
    return row
      ? { points: row.points, comment: row.comment, scoredBy: row.scoredByName, scoredAt: row.scoredAt }
      : null;
  };
  return {
    scheme: {
      id: sheet.scheme.id,
      name: sheet.scheme.name,
      period: sheet.scheme.periodKey,
      maxPoints: sheet.scheme.maxPoints,
    },
    unitId: sheet.unitId,
    criteria: sheet.rows.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      code: n.code,
      name: n.name,
      kind: n.kind,
      maxPoints: n.maxPoints,
      depth: n.depth,
      computed: sheet.computed.get(n.id) ?? null,
      self: stageScore("self", n.id),
      review: stageScore("review", n.id),
      council: stageScore("council", n.id),
      editable: STAGES.filter((s) => sheet.editable[s].has(n.id)),
    })),
    totals: Object.fromEntries(
      STAGES.map((s) => [s, { total: sheet.totals[s].total, complete: sheet.totals[s].complete }]),
    ),
  };
}

export function registerScoringApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createSchemeRoute, async (c) => {
    requireActor(c);
    const body = c.req.valid("json");
    const id = await createScheme(c.var.ctx.database.db, await actorOrAnonymousOf(c), {
      name: body.name,
      periodKey: body.period,
      ownerUnitId: body.ownerUnitId,
      maxPoints: body.maxPoints,
      criteria: body.criteria,
    });
    return c.json({ data: { id } }, 201);
  });

  app.openapi(sheetRoute, async (c) => {
    requireActor(c);
    const { schemeId, unitId } = c.req.valid("param");
    const sheet = await loadScoreSheet(
      c.var.ctx.database.db,
      await actorOrAnonymousOf(c),
      schemeId,
      unitId,
      c.var.ctx.evaluationSource,
    );
    return c.json({ data: presentSheet(sheet) }, 200);
  });

  app.openapi(saveRoute, async (c) => {
    requireActor(c);
    const { schemeId, unitId, stage } = c.req.valid("param");
    const db = c.var.ctx.database.db;
    const ctx = await actorOrAnonymousOf(c);
    const entries = c.req
      .valid("json")
      .scores.map((s) => ({ criterionId: s.criterionId, points: s.points, comment: s.comment ?? null }));
    const changed = await saveStageScores(
      db,
      ctx,
      { schemeId, unitId, stage, entries },
      c.var.ctx.evaluationSource,
    );
    return c.json(
      {
        data: {
          changed,
          sheet: presentSheet(await loadScoreSheet(db, ctx, schemeId, unitId, c.var.ctx.evaluationSource)),
        },
      },
      200,
    );
  });
}
