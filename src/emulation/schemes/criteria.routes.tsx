import type { OpenAPIHono } from "@hono/zod-openapi";
import { authorize } from "../../core/access/policy.js";
import { actorOrAnonymousOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { formText, idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta, requireActor } from "../../core/http/request.js";
import { listDepartments } from "../assessments/assessments.repo.js";
import { belowTarget } from "../emulation-access.rules.js";
import { periodEndDate } from "../emulation-period.rules.js";
import { formNumber } from "../emulation-request.js";
import { scoreUsage } from "./criteria.repo.js";
import { deleteCriterion, updateCriterion } from "./criteria.service.js";
import { deletionRefusal, subtreeIds } from "./criteria-edit.rules.js";
import type { CriterionInput } from "./criteria-input.rules.js";
import { CriterionEditPage, criterionValues } from "./criterion-edit.views.js";
import { listCriteria } from "./schemes.repo.js";
import { loadScheme } from "./schemes.service.js";

const PAGE = "/quan-tri/thi-dua";
const FIELDS = [
  "parentId",
  "code",
  "name",
  "maxPoints",
  "fixedPoints",
  "kind",
  "indicatorCode",
  "organisationId",
  "rule",
] as const;

/** A criterion typed into the form: its text values, the numbers that did not parse, and the input. */
export function criterionForm(body: Record<string, unknown>): {
  values: Record<string, string>;
  errors: Record<string, string>;
  input: CriterionInput & { parentId: number | null };
} {
  const values: Record<string, string> = Object.fromEntries(FIELDS.map((k) => [k, formText(body, k)]));
  const errors: Record<string, string> = {};
  const maxPoints = formNumber(values.maxPoints ?? "", "maxPoints", errors) ?? Number.NaN;
  const fixedPoints = formNumber(values.fixedPoints ?? "", "fixedPoints", errors);
  const input = {
    parentId: idParam(values.parentId),
    code: (values.code ?? "").trim(),
    name: values.name ?? "",
    maxPoints,
    fixedPoints,
    kind: values.kind ?? "",
    indicatorCode: values.indicatorCode || null,
    organisationId: idParam(values.organisationId),
    rule: values.rule || null,
  };
  return { values, errors, input };
}

type State = { values?: Record<string, string>; errors?: Record<string, string>; problem?: string | null };

async function renderEdit(c: AppCtx, state: State = {}, status: 200 | 409 | 422 = 200) {
  requireActor(c);
  const ctx = await actorOrAnonymousOf(c);
  const db = c.var.ctx.database.db;
  const scheme = await loadScheme(db, idParam(c.req.param("id")) ?? 0);
  if (ctx.actor) authorize(ctx.actor, "emulation.manage", belowTarget(ctx, scheme.ownerUnitId), ctx.today);
  const criterionId = idParam(c.req.param("criterionId")) ?? 0;
  const [criteria, usage, departments] = await Promise.all([
    listCriteria(db, scheme.id),
    scoreUsage(db, scheme.id),
    listDepartments(db, null, periodEndDate(scheme.periodKey)),
  ]);
  const criterion = criteria.find((x) => x.id === criterionId);
  if (!criterion) throw new NotFoundError("Không tìm thấy tiêu chí.");
  const below = subtreeIds(criteria, criterion.id);
  const ownerPath = ctx.hierarchy.pathForToday(scheme.ownerUnitId, ctx.today);
  const data = {
    scheme,
    criterion,
    groups: criteria.filter((x) => x.kind === "group" && !below.has(x.id)),
    departments: departments.filter((d) => ownerPath.includes(d.unitId)),
    usage: usage.get(criterion.id) ?? null,
    refusal: deletionRefusal(criteria, criterion.id, usage),
  };
  return c.html(
    <CriterionEditPage
      meta={pageMeta(c, `Sửa tiêu chí ${criterion.code}`)}
      data={data}
      values={state.values ?? criterionValues(criterion)}
      errors={state.errors}
      problem={state.problem}
    />,
    status,
  );
}

/** Editing and deleting one criterion of a scheme: `/quan-tri/thi-dua/:id/tieu-chi/:criterionId`. */
export function registerCriteriaPages(app: OpenAPIHono<AppEnv>): void {
  const path = `${PAGE}/:id/tieu-chi/:criterionId`;

  app.get(path, (c) => renderEdit(c));

  app.post(path, async (c) => {
    requireActor(c);
    const { values, errors, input } = criterionForm(await c.req.parseBody());
    const schemeId = idParam(c.req.param("id")) ?? 0;
    const criterionId = idParam(c.req.param("criterionId")) ?? 0;
    try {
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await updateCriterion(c.var.ctx.database.db, await actorOrAnonymousOf(c), schemeId, criterionId, input);
    } catch (error) {
      if (error instanceof AppError && error.fields && (error.status === 422 || error.status === 409))
        return renderEdit(c, { values, errors: error.fields }, error.status);
      throw error;
    }
    return c.redirect(`${PAGE}/${schemeId}?ok=1`, 303);
  });

  app.post(`${path}/xoa`, async (c) => {
    requireActor(c);
    const schemeId = idParam(c.req.param("id")) ?? 0;
    const criterionId = idParam(c.req.param("criterionId")) ?? 0;
    try {
      await deleteCriterion(c.var.ctx.database.db, await actorOrAnonymousOf(c), schemeId, criterionId);
    } catch (error) {
      if (error instanceof AppError && error.status === 409)
        return renderEdit(c, { problem: error.message }, 409);
      throw error;
    }
    return c.redirect(`${PAGE}/${schemeId}?ok=xoa`, 303);
  });
}
