import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { can, canAnywhere } from "../../core/access/policy.js";
import { actorOrAnonymousOf } from "../../core/http/actor.js";
import { access, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { formText, idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta, requireActor, todayOf } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { AssessmentSchema, SaveAssessmentsSchema } from "../emulation.schema.js";
import { unitTarget } from "../emulation-access.rules.js";
import { isPeriodKey, periodEndDate } from "../emulation-period.rules.js";
import { defaultEmulationYear, formNumber } from "../emulation-request.js";
import { type AssessmentRow, listAssessmentsOfUnit, listDepartments } from "./assessments.repo.js";
import {
  type AssessmentEntry,
  departmentsOfActor,
  readDepartmentAssessments,
  saveDepartmentAssessments,
} from "./assessments.service.js";
import { AssessmentFormPage } from "./assessments.views.js";
import { assignDepartmentStaff } from "./department-staff.service.js";
import { assessmentSentence } from "./unit-assessments.section.js";

const PAGE = "/quan-tri/danh-gia-phong-ban";

const unitAssessmentsRoute = createRoute({
  method: "get",
  path: "/api/v1/units/{id}/assessments",
  operationId: "listUnitAssessments",
  ...access("public", "Anyone: assessments are public."),
  tags: ["Thi đua"],
  summary: "Đánh giá của các phòng, ban, đoàn thể đối với một đơn vị (công khai)",
  request: {
    params: z.object({
      id: dbIdParamSchema().openapi({ param: { name: "id", in: "path" } }),
    }),
    query: z.object({ period: z.string().optional().openapi({ example: "2019" }) }),
  },
  responses: {
    200: {
      description: "Các đánh giá",
      content: { "application/json": { schema: z.object({ data: z.array(AssessmentSchema) }) } },
    },
    ...errorResponses(404, 422),
  },
});

const saveAssessmentsRoute = createRoute({
  method: "put",
  path: "/api/v1/assessments",
  operationId: "saveAssessments",
  ...access("write", "`assessment.write`: department_officer of the assessing department."),
  tags: ["Thi đua"],
  summary:
    "Phòng, ban ghi đánh giá các đơn vị thuộc lĩnh vực của mình trong một kỳ (tất cả hoặc không gì cả)",
  request: { body: { content: { "application/json": { schema: SaveAssessmentsSchema } }, required: true } },
  responses: {
    200: {
      description: "Đã ghi",
      content: {
        "application/json": { schema: z.object({ data: z.object({ changed: z.number().int() }) }) },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

function presentAssessment(row: AssessmentRow) {
  return {
    organisation: { id: row.organisationId, name: row.organisationName },
    unit: { id: row.unitId, name: row.unitName },
    period: row.periodKey,
    score: row.score,
    rank: row.rank,
    comment: row.comment,
    text: assessmentSentence(row),
  };
}

async function renderForm(
  c: AppCtx,
  query: { organisationId: number | null; periodKey: string },
  extra: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string | null } = {},
  status: 200 | 409 | 422 = 200,
) {
  const actor = requireActor(c);
  const today = todayOf(c);
  const canManageStaff = canAnywhere(actor, "user.manage", today);
  if (!canAnywhere(actor, "assessment.write", today) && !canManageStaff) throw new ForbiddenError();
  const db = c.var.ctx.database.db;
  const ctx = await actorOrAnonymousOf(c);
  const departments = isPeriodKey(query.periodKey)
    ? await departmentsOfActor(db, ctx, periodEndDate(query.periodKey))
    : [];
  const staffDepartments = canManageStaff
    ? (await listDepartments(db, null, today)).filter((d) =>
        can(actor, "user.manage", unitTarget(ctx, d.unitId), today),
      )
    : [];
  const chosen = departments.find((d) => d.id === query.organisationId) ?? departments[0] ?? null;
  let units: { id: number; name: string; level: string }[] = [];
  let rows: AssessmentRow[] = [];
  if (chosen) {
    const read = await readDepartmentAssessments(db, ctx, chosen.id, query.periodKey);
    units = (await listUnitNames(db, read.units)).sort((a, b) => a.name.localeCompare(b.name, "vi"));
    rows = read.rows;
  }
  const data = {
    departments,
    department: chosen,
    periodKey: query.periodKey,
    units,
    rows,
    staffDepartments,
    ...extra,
  };
  return c.html(<AssessmentFormPage meta={pageMeta(c, "Đánh giá của phòng, ban")} data={data} />, status);
}

/** Reads the form's per-unit fields into entries, collecting vi-VN number errors by field name. */
function entriesFromForm(
  body: Record<string, unknown>,
  errors: Record<string, string>,
): { entries: AssessmentEntry[]; values: Record<string, string> } {
  const values: Record<string, string> = {};
  const entries: AssessmentEntry[] = [];
  for (const key of Object.keys(body)) {
    const match = /^score-(\d+)$/.exec(key);
    if (!match) continue;
    const unitId = Number(match[1]);
    for (const field of ["score", "rank", "comment"])
      values[`${field}-${unitId}`] = formText(body, `${field}-${unitId}`);
    const score = formNumber(values[`score-${unitId}`] ?? "", `score-${unitId}`, errors);
    const rank = formNumber(values[`rank-${unitId}`] ?? "", `rank-${unitId}`, errors);
    entries.push({ unitId, score, rank, comment: values[`comment-${unitId}`] || null });
  }
  return { entries, values };
}

export function registerAssessmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(PAGE, async (c) =>
    renderForm(
      c,
      {
        organisationId: idParam(c.req.query("phong")),
        periodKey: c.req.query("ky")?.trim() || (await defaultEmulationYear(c, "assessments")),
      },
      {
        notice:
          c.req.query("ok") === "1"
            ? "Đã lưu đánh giá."
            : c.req.query("ok") === "can-bo"
              ? "Đã gắn cán bộ với phòng, ban."
              : null,
      },
    ),
  );

  app.post(PAGE, async (c) => {
    requireActor(c);
    const body = await c.req.parseBody();
    const query = {
      organisationId: idParam(formText(body, "phong")),
      periodKey: formText(body, "ky").trim(),
    };
    const errors: Record<string, string> = {};
    const { entries, values } = entriesFromForm(body, errors);
    try {
      if (query.organisationId === null) throw new NotFoundError("Không tìm thấy phòng, ban đánh giá.");
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await saveDepartmentAssessments(c.var.ctx.database.db, await actorOrAnonymousOf(c), {
        organisationId: query.organisationId,
        periodKey: query.periodKey,
        entries,
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Service errors are keyed entries.<i>.<field>; the form shows them beside <field>-<unitId>.
      const fields: Record<string, string> = {};
      for (const [key, message] of Object.entries(error.fields ?? {})) {
        const match = /^entries\.(\d+)\.(\w+)$/.exec(key);
        const entry = match ? entries[Number(match[1])] : undefined;
        fields[entry && match ? `${match[2] === "unitId" ? "score" : match[2]}-${entry.unitId}` : key] =
          message;
      }
      return renderForm(c, query, { values, errors: fields }, 422);
    }
    return c.redirect(
      `${PAGE}?phong=${query.organisationId}&ky=${encodeURIComponent(query.periodKey)}&ok=1`,
      303,
    );
  });

  app.post(`${PAGE}/can-bo`, async (c) => {
    requireActor(c);
    const body = await c.req.parseBody();
    const organisationId = idParam(formText(body, "organisationId")) ?? 0;
    try {
      await assignDepartmentStaff(c.var.ctx.database.db, await actorOrAnonymousOf(c), {
        username: formText(body, "username"),
        organisationId,
      });
    } catch (error) {
      if (error instanceof AppError && error.fields && (error.status === 422 || error.status === 409)) {
        return renderForm(
          c,
          { organisationId: null, periodKey: await defaultEmulationYear(c, "assessments") },
          { errors: error.fields },
          error.status,
        );
      }
      throw error;
    }
    return c.redirect(`${PAGE}?ok=can-bo`, 303);
  });

  app.openapi(unitAssessmentsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const [unit] = await listUnitNames(c.var.ctx.database.db, [id]);
    if (!unit) throw new NotFoundError("Không tìm thấy đơn vị.");
    const rows = await listAssessmentsOfUnit(c.var.ctx.database.db, id, c.req.valid("query").period);
    return c.json({ data: rows.map(presentAssessment) }, 200);
  });

  app.openapi(saveAssessmentsRoute, async (c) => {
    requireActor(c);
    const body = c.req.valid("json");
    const changed = await saveDepartmentAssessments(c.var.ctx.database.db, await actorOrAnonymousOf(c), {
      organisationId: body.organisationId,
      periodKey: body.period,
      entries: body.entries.map((e) => ({
        unitId: e.unitId,
        score: e.score ?? null,
        rank: e.rank ?? null,
        comment: e.comment ?? null,
      })),
    });
    return c.json({ data: { changed } }, 200);
  });
}
