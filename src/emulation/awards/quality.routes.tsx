import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, can, grantedRoots } from "../../core/access/policy.js";
import { actorOrAnonymousOf } from "../../core/http/actor.js";
import { access, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, ForbiddenError } from "../../core/http/errors.js";
import { formText, idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta, requireActor } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { listOrganisationsAt } from "../../units/units.repo.js";
import { QualityRatingInputSchema } from "../emulation.schema.js";
import { belowTarget } from "../emulation-access.rules.js";
import { defaultEmulationYear, formNumber } from "../emulation-request.js";
import { listParentUnits } from "../ranking/ranking.repo.js";
import type { RatingRow } from "./quality.repo.js";
import { readQualityRatings, saveQualityRating } from "./quality.service.js";
import { QualityPage } from "./quality.views.js";
import { QUALITY_LEVEL_LABELS } from "./quality-level.rules.js";
import { qualityRulesByCode, qualityRulesForYear, qualityRulesTitle } from "./quality-rule-sets.rules.js";

const PAGE = "/quan-tri/xep-loai";

const RatingSchema = z
  .object({
    id: z.number().int(),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    organisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    year: z.string(),
    score: z.number(),
    scoreLevel: z.string().openapi({ description: "Mức theo điểm" }),
    conditionsLevel: z.string().openapi({ description: "Mức sau khi xét điều kiện, trước tỷ lệ" }),
    conditions: z.array(
      z.object({ code: z.string(), label: z.string(), passed: z.boolean(), explanation: z.string() }),
    ),
    quotaOutcome: z.string().openapi({ description: "not_applicable | kept | moved_down | tie_at_limit" }),
    level: z.string().openapi({ description: "Xếp loại cuối cùng" }),
    levelLabel: z.string(),
    ruleSet: z
      .object({ code: z.string(), title: z.string() })
      .openapi({ description: "Bộ tiêu chí xếp loại có hiệu lực cho năm được xếp loại" }),
  })
  .openapi("QualityRating");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/quality-ratings",
  operationId: "listQualityRatings",
  ...access(
    "read",
    "`result.read` on the rating unit, or `emulation.council` (leader, unit_admin) above the rated units.",
  ),
  tags: ["Thi đua"],
  summary: "Kết quả xếp loại chất lượng do một cấp xếp loại trong năm, kèm điều kiện và tỷ lệ",
  request: {
    query: z.object({
      rater: dbIdParamSchema(),
      year: z.string().openapi({ example: "2019" }),
    }),
  },
  responses: {
    200: {
      description: "Xếp loại",
      content: { "application/json": { schema: z.object({ data: z.array(RatingSchema) }) } },
    },
    ...errorResponses(401, 403, 422),
  },
});

const saveRoute = createRoute({
  method: "put",
  path: "/api/v1/quality-ratings",
  operationId: "saveQualityRatings",
  ...access("write", "`emulation.council`: leader or unit_admin of the rating level."),
  tags: ["Thi đua"],
  summary: "Ghi xếp loại chất lượng (Hội đồng cấp trên); tỷ lệ 20% được xét lại cho cả nhóm",
  request: {
    body: { content: { "application/json": { schema: QualityRatingInputSchema } }, required: true },
  },
  responses: {
    200: {
      description: "Đã ghi",
      content: { "application/json": { schema: z.object({ data: z.array(RatingSchema) }) } },
    },
    ...errorResponses(401, 403, 404, 409, 422),
  },
});

function present(r: RatingRow) {
  const rules = qualityRulesByCode(r.conditions.ruleSet);
  return {
    id: r.id,
    unit: { id: r.unitId, name: r.unitName },
    organisation: r.organisationId === null ? null : { id: r.organisationId, name: r.organisationName ?? "" },
    year: r.year,
    score: r.score,
    scoreLevel: r.scoreLevel,
    conditionsLevel: r.conditions.conditionsLevel,
    conditions: r.conditions.conditions.map(({ code, label, passed, explanation }) => ({
      code,
      label,
      passed,
      explanation,
    })),
    quotaOutcome: r.quotaOutcome,
    level: r.level,
    levelLabel: QUALITY_LEVEL_LABELS[r.level],
    ruleSet: { code: rules.code, title: qualityRulesTitle(rules) },
  };
}

/** Units whose ratings the actor may see: where they sit on the council or read results. */
async function raterUnits(c: AppCtx, ctx: ActorContext<Actor | null>) {
  const roots = grantedRoots(ctx.actor, "emulation.council", ctx.today);
  const readable = grantedRoots(ctx.actor, "result.read", ctx.today);
  if (roots === "all" || readable === "all") return listParentUnits(c.var.ctx.database.db);
  return listUnitNames(c.var.ctx.database.db, [...new Set([...roots, ...readable])]);
}

async function renderPage(
  c: AppCtx,
  query: { raterId: number | null; year: string },
  extra: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string | null } = {},
  status: 200 | 422 = 200,
) {
  requireActor(c);
  const db = c.var.ctx.database.db;
  const ctx = await actorOrAnonymousOf(c);
  const raters = await raterUnits(c, ctx);
  if (raters.length === 0) throw new ForbiddenError();
  const rater = raters.find((r) => r.id === query.raterId) ?? raters[0] ?? null;
  const groups = rater ? await readQualityRatings(db, ctx, rater.id, query.year) : [];
  const canDecide =
    rater !== null &&
    ctx.actor !== null &&
    can(ctx.actor, "emulation.council", belowTarget(ctx, rater.id), ctx.today);
  const subjects: { value: string; label: string }[] = [];
  if (rater && canDecide) {
    const date = `${query.year}-12-31`;
    const children = await listUnitNames(db, ctx.hierarchy.childrenAt(rater.id, date));
    for (const unit of children.sort((a, b) => a.name.localeCompare(b.name, "vi"))) {
      subjects.push({ value: `u:${unit.id}`, label: unit.name });
      for (const o of await listOrganisationsAt(db, unit.id, date)) {
        if (o.kind === "party_committee") subjects.push({ value: `o:${unit.id}:${o.id}`, label: o.name });
      }
    }
  }
  const rules = /^\d{4}$/.test(query.year) ? qualityRulesForYear(query.year) : null;
  const data = { raters, rater, year: query.year, groups, subjects, canDecide, rules, ...extra };
  return c.html(
    <QualityPage meta={pageMeta(c, `Xếp loại chất lượng năm ${query.year}`)} data={data} />,
    status,
  );
}

export function registerQualityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(PAGE, async (c) =>
    renderPage(
      c,
      {
        raterId: idParam(c.req.query("don-vi")),
        year: c.req.query("nam")?.trim() || (await defaultEmulationYear(c, "quality")),
      },
      {
        notice: c.req.query("ok") ? "Đã ghi kết quả xếp loại." : null,
      },
    ),
  );

  app.post(PAGE, async (c) => {
    requireActor(c);
    const body = await c.req.parseBody();
    const keys = ["subject", "score", "tasks.total", "tasks.onTime", "tasks.exceeded", "note"];
    const values = Object.fromEntries(keys.map((k) => [k, formText(body, k)]));
    const query = { raterId: idParam(formText(body, "rater")), year: formText(body, "year").trim() };
    const errors: Record<string, string> = {};
    const [, unitText, orgText] = /^[uo]:(\d+)(?::(\d+))?$/.exec(values.subject ?? "") ?? [];
    if (!unitText) errors.subject = "Vui lòng chọn đơn vị, tổ chức được xếp loại.";
    const score = formNumber(values.score ?? "", "score", errors);
    if (score === null) errors.score = "Vui lòng nhập điểm.";
    const counts = ["tasks.total", "tasks.onTime", "tasks.exceeded"].map((k) =>
      formNumber(values[k] ?? "", k, errors),
    );
    const typed = counts.some((n) => n !== null);
    try {
      if (Object.keys(errors).length > 0) throw new AppError(422, "validation_failed", "", errors);
      await saveQualityRating(
        db(c),
        await actorOrAnonymousOf(c),
        {
          unitId: Number(unitText),
          organisationId: orgText ? Number(orgText) : null,
          year: query.year,
          score: score as number,
          tasks: typed
            ? {
                total: counts[0] ?? Number.NaN,
                onTime: counts[1] ?? Number.NaN,
                exceeded: counts[2] ?? Number.NaN,
              }
            : null,
          note: values.note || null,
        },
        c.var.ctx.evaluationSource,
      );
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.fields) {
        const fields = { ...error.fields };
        if (fields.unitId || fields.organisationId)
          fields.subject = (fields.unitId ?? fields.organisationId) as string;
        return renderPage(c, query, { values, errors: fields }, 422);
      }
      throw error;
    }
    return c.redirect(`${PAGE}?don-vi=${query.raterId ?? ""}&nam=${query.year}&ok=1`, 303);
  });

  app.openapi(listRoute, async (c) => {
    requireActor(c);
    const { rater, year } = c.req.valid("query");
    const groups = await readQualityRatings(db(c), await actorOrAnonymousOf(c), rater, year);
    return c.json({ data: groups.flatMap((g) => g.rows.map(present)) }, 200);
  });

  app.openapi(saveRoute, async (c) => {
    requireActor(c);
    const body = c.req.valid("json");
    const ctx = await actorOrAnonymousOf(c);
    await saveQualityRating(
      db(c),
      ctx,
      {
        ...body,
        organisationId: body.organisationId ?? null,
        tasks: body.tasks ?? null,
        note: body.note ?? null,
      },
      c.var.ctx.evaluationSource,
    );
    const rater = ctx.hierarchy.parentAt(body.unitId, `${body.year}-12-31`) as number;
    const groups = await readQualityRatings(db(c), ctx, rater, body.year);
    return c.json({ data: groups.flatMap((g) => g.rows.map(present)) }, 200);
  });
}

const db = (c: AppCtx) => c.var.ctx.database.db;
