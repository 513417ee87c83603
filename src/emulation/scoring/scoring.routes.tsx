import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import {
  type Actor,
  can,
  canAnywhere,
  grantedRoots,
  isGrantActive,
  isSystemAdmin,
} from "../../core/access/policy.js";
import { actorOrAnonymousOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { formText, idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta, requireActor } from "../../core/http/request.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { listDepartments } from "../assessments/assessments.repo.js";
import { belowTarget } from "../emulation-access.rules.js";
import { periodEndDate } from "../emulation-period.rules.js";
import { formNumber } from "../emulation-request.js";
import { listParentUnits } from "../ranking/ranking.repo.js";
import { criterionForm } from "../schemes/criteria.routes.js";
import { buildTree, flattenTree, treeIssues } from "../schemes/criteria-tree.rules.js";
import { listClusters, listCriteria, listSchemes, type SchemeRow } from "../schemes/schemes.repo.js";
import {
  addCluster,
  addCriterion,
  competingUnitIds,
  createScheme,
  loadScheme,
} from "../schemes/schemes.service.js";
import { SchemeListPage, SchemeOverviewPage } from "../schemes/schemes.views.js";
import { ScoreSheetPage, STAGE_SLUGS, stageOfSlug } from "./scoresheet.views.js";
import { loadScoreSheet, type ScoreEntry, saveStageScores, schemeTotals } from "./scoring.service.js";

const PAGE = "/quan-tri/thi-dua";
const ACTIONS = [
  "emulation.manage",
  "emulation.self_score",
  "emulation.review",
  "emulation.council",
  "result.read",
] as const;
type State = { values?: Record<string, string>; errors?: Record<string, string>; notice?: string | null };

/** A scheme concerns the actor when one of their grants sits above its owner or on/under it. */
function schemeVisible(ctx: ActorContext<Actor | null>, scheme: SchemeRow): boolean {
  const actor = ctx.actor;
  if (!actor || isSystemAdmin(actor, ctx.today)) return true;
  const ownerPath = ctx.hierarchy.pathForToday(scheme.ownerUnitId, ctx.today);
  return actor.grants.some(
    (g) =>
      isGrantActive(g, ctx.today) &&
      (ownerPath.includes(g.unitId) ||
        ctx.hierarchy.pathForToday(g.unitId, ctx.today).includes(scheme.ownerUnitId)),
  );
}

async function visibleScheme(
  c: AppCtx,
  ctx: ActorContext<Actor | null>,
  id: number | null,
): Promise<SchemeRow> {
  const scheme = await loadScheme(c.var.ctx.database.db, id ?? 0);
  if (!schemeVisible(ctx, scheme)) throw new NotFoundError("Không tìm thấy bảng chấm điểm thi đua.");
  return scheme;
}

async function renderList(c: AppCtx, state: State = {}, status: 200 | 409 | 422 = 200) {
  const actor = requireActor(c);
  const ctx = await actorOrAnonymousOf(c);
  if (!ACTIONS.some((a) => canAnywhere(actor, a, ctx.today))) throw new ForbiddenError();
  const db = c.var.ctx.database.db;
  const schemes = (await listSchemes(db, null)).filter((s) => schemeVisible(ctx, s));
  const roots = grantedRoots(actor, "emulation.manage", ctx.today);
  const owners = roots === "all" ? await listParentUnits(db) : await listUnitNames(db, roots);
  return c.html(
    <SchemeListPage
      meta={pageMeta(c, "Chấm điểm thi đua")}
      schemes={schemes}
      owners={owners}
      state={state}
    />,
    status,
  );
}

async function renderOverview(c: AppCtx, state: State = {}, status: 200 | 409 | 422 = 200) {
  requireActor(c);
  const ctx = await actorOrAnonymousOf(c);
  const db = c.var.ctx.database.db;
  const scheme = await visibleScheme(c, ctx, idParam(c.req.param("id")));
  const unitIds = competingUnitIds(ctx, scheme);
  const [criteria, clusters, names, totals, departments] = await Promise.all([
    listCriteria(db, scheme.id),
    listClusters(db, scheme.id),
    listUnitNames(db, unitIds),
    schemeTotals(db, scheme, unitIds, c.var.ctx.evaluationSource),
    listDepartments(db, null, periodEndDate(scheme.periodKey)),
  ]);
  const roots = buildTree(criteria);
  const data = {
    scheme,
    rows: flattenTree(roots),
    issues: treeIssues(roots, scheme.maxPoints),
    clusters,
    units: names
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .map((u) => ({ ...u, totals: totals.get(u.id) ?? {} })),
    departments: departments.filter((d) =>
      ctx.hierarchy.pathForToday(scheme.ownerUnitId, ctx.today).includes(d.unitId),
    ),
    canManage:
      ctx.actor !== null &&
      can(ctx.actor, "emulation.manage", belowTarget(ctx, scheme.ownerUnitId), ctx.today),
  };
  return c.html(<SchemeOverviewPage meta={pageMeta(c, scheme.name)} data={data} state={state} />, status);
}

async function renderSheet(c: AppCtx, state: State = {}, status: 200 | 422 = 200) {
  requireActor(c);
  const ctx = await actorOrAnonymousOf(c);
  const db = c.var.ctx.database.db;
  const scheme = await visibleScheme(c, ctx, idParam(c.req.param("id")));
  const unitId = idParam(c.req.param("unitId")) ?? 0;
  const sheet = await loadScoreSheet(db, ctx, scheme.id, unitId, c.var.ctx.evaluationSource);
  const [unit] = await listUnitNames(db, [unitId]);
  const asked = stageOfSlug(c.req.query("buoc") ?? c.req.param("stage"));
  const editing =
    asked && sheet.editable[asked].size > 0
      ? asked
      : ((["self", "review", "council"] as const).find((s) => sheet.editable[s].size > 0) ?? null);
  const data = { sheet, unit: unit as { id: number; name: string; level: string }, editing, ...state };
  return c.html(
    <ScoreSheetPage meta={pageMeta(c, `Chấm điểm thi đua: ${unit?.name ?? ""}`)} data={data} />,
    status,
  );
}

/** Re-renders a form on a field error (422/409); anything else goes to the error handler. */
function onFieldError(
  render: (state: State, status: 409 | 422) => Promise<Response>,
  values: Record<string, string>,
) {
  return (error: unknown) => {
    if (error instanceof AppError && error.fields && (error.status === 422 || error.status === 409))
      return render({ values, errors: error.fields }, error.status);
    throw error;
  };
}

export function registerScoringPages(app: OpenAPIHono<AppEnv>): void {
  app.get(PAGE, (c) => renderList(c, { notice: c.req.query("ok") ? "Đã tạo bảng chấm điểm." : null }));

  app.post(PAGE, async (c) => {
    requireActor(c);
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      ["name", "ownerUnitId", "periodKey", "maxPoints"].map((k) => [k, formText(body, k)]),
    );
    const errors: Record<string, string> = {};
    const maxPoints = formNumber(values.maxPoints ?? "", "maxPoints", errors) ?? Number.NaN;
    try {
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const input = {
        name: values.name ?? "",
        periodKey: (values.periodKey ?? "").trim(),
        ownerUnitId: idParam(values.ownerUnitId) ?? 0,
        maxPoints,
      };
      const id = await createScheme(c.var.ctx.database.db, await actorOrAnonymousOf(c), input);
      return c.redirect(`${PAGE}/${id}?ok=1`, 303);
    } catch (error) {
      return onFieldError((state, status) => renderList(c, state, status), values)(error);
    }
  });

  app.get(`${PAGE}/:id`, (c) => {
    const ok = c.req.query("ok");
    return renderOverview(c, { notice: ok === "xoa" ? "Đã xóa tiêu chí." : ok ? "Đã lưu." : null });
  });

  app.post(`${PAGE}/:id/tieu-chi`, async (c) => {
    requireActor(c);
    const { values, errors, input } = criterionForm(await c.req.parseBody());
    try {
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const schemeId = idParam(c.req.param("id")) ?? 0;
      await addCriterion(c.var.ctx.database.db, await actorOrAnonymousOf(c), schemeId, input);
      return c.redirect(`${PAGE}/${schemeId}?ok=1`, 303);
    } catch (error) {
      return onFieldError((state, status) => renderOverview(c, state, status), values)(error);
    }
  });

  app.post(`${PAGE}/:id/cum`, async (c) => {
    requireActor(c);
    const body = await c.req.parseBody({ all: true });
    const raw = body.unitIds;
    const unitIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) =>
      typeof v === "string" && idParam(v) ? [Number(v)] : [],
    );
    const values = { clusterName: formText(body as Record<string, unknown>, "clusterName") };
    try {
      const schemeId = idParam(c.req.param("id")) ?? 0;
      await addCluster(c.var.ctx.database.db, await actorOrAnonymousOf(c), schemeId, {
        name: values.clusterName,
        unitIds,
      });
      return c.redirect(`${PAGE}/${schemeId}?ok=1`, 303);
    } catch (error) {
      return onFieldError((state, status) => renderOverview(c, state, status), values)(error);
    }
  });

  app.get(`${PAGE}/:id/don-vi/:unitId`, (c) =>
    renderSheet(c, { notice: c.req.query("ok") ? "Đã lưu điểm." : null }),
  );

  app.post(`${PAGE}/:id/don-vi/:unitId/:stage`, async (c) => {
    requireActor(c);
    const stage = stageOfSlug(c.req.param("stage"));
    if (!stage) throw new NotFoundError();
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const entries: ScoreEntry[] = [];
    for (const key of Object.keys(body)) {
      const match = /^p-(\d+)$/.exec(key);
      if (!match) continue;
      const comment = formText(body, `c-${match[1]}`);
      values[key] = formText(body, key);
      values[`c-${match[1]}`] = comment;
      entries.push({
        criterionId: Number(match[1]),
        points: formNumber(values[key] ?? "", key, errors),
        comment: comment || null,
      });
    }
    const schemeId = idParam(c.req.param("id")) ?? 0;
    const unitId = idParam(c.req.param("unitId")) ?? 0;
    try {
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await saveStageScores(
        c.var.ctx.database.db,
        await actorOrAnonymousOf(c),
        {
          schemeId,
          unitId,
          stage,
          entries,
        },
        c.var.ctx.evaluationSource,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // The service names fields scores.<i>.points; the form shows them beside p-<criterionId>.
      const fields: Record<string, string> = {};
      for (const [key, message] of Object.entries(error.fields ?? {})) {
        const match = /^scores\.(\d+)\.(\w+)$/.exec(key);
        const entry = match ? entries[Number(match[1])] : undefined;
        fields[entry ? `p-${entry.criterionId}` : key] = message;
      }
      return renderSheet(c, { values, errors: fields }, 422);
    }
    return c.redirect(`${PAGE}/${schemeId}/don-vi/${unitId}?buoc=${STAGE_SLUGS[stage]}&ok=1`, 303);
  });
}
