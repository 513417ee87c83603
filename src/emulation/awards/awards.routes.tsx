import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, can, grantedRoots } from "../../core/access/policy.js";
import { actorOrAnonymousOf } from "../../core/http/actor.js";
import { access, errorResponses } from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, ValidationError } from "../../core/http/errors.js";
import { formText, idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta, requireActor } from "../../core/http/request.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { AwardProposalInputSchema, AwardProposalSchema } from "../emulation.schema.js";
import { unitTarget } from "../emulation-access.rules.js";
import { defaultEmulationYear } from "../emulation-request.js";
import { awardRulesForYear } from "./award-rule-sets.rules.js";
import { AWARD_STATUSES, awardTitleLabel, isAwardStatus } from "./award-titles.model.js";
import { type AwardProposalRow, findAwardProposal } from "./awards.repo.js";
import { listVisibleAwardProposals, proposeAward, setAwardStatus } from "./awards.service.js";
import { AwardsPage } from "./awards.views.js";

const PAGE = "/quan-tri/khen-thuong";

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/award-proposals",
  operationId: "listAwardProposals",
  ...access("read", "`award.propose` (leader, unit_admin above the units) or `result.read` on them."),
  tags: ["Thi đua"],
  summary: "Danh sách đề nghị khen thưởng của một năm (trong phạm vi được xem)",
  request: {
    query: z.object({
      year: z
        .string()
        .regex(/^\d{4}$/, "Năm gồm 4 chữ số.")
        .openapi({ example: "2019" }),
    }),
  },
  responses: {
    200: {
      description: "Đề nghị khen thưởng",
      content: { "application/json": { schema: z.object({ data: z.array(AwardProposalSchema) }) } },
    },
    ...errorResponses(401, 403, 422),
  },
});

const createProposalRoute = createRoute({
  method: "post",
  path: "/api/v1/award-proposals",
  operationId: "createAwardProposal",
  ...access("write", "`award.propose`: leader or unit_admin of a unit above the proposed unit."),
  tags: ["Thi đua"],
  summary: "Đề nghị khen thưởng một đơn vị (cấp trên đề nghị)",
  request: {
    body: { content: { "application/json": { schema: AwardProposalInputSchema } }, required: true },
  },
  responses: {
    201: {
      description: "Đã ghi",
      content: { "application/json": { schema: z.object({ data: AwardProposalSchema }) } },
    },
    ...errorResponses(401, 403, 404, 409, 422),
  },
});

const statusRoute = createRoute({
  method: "patch",
  path: "/api/v1/award-proposals/{id}",
  operationId: "updateAwardProposal",
  ...access("write", "`award.propose`: leader or unit_admin of a unit above the proposed unit."),
  tags: ["Thi đua"],
  summary: "Ghi kết quả đề nghị khen thưởng",
  request: {
    params: z.object({
      id: dbIdParamSchema().openapi({ param: { name: "id", in: "path" } }),
    }),
    body: {
      content: {
        "application/json": {
          schema: z.object({ status: z.enum(["approved", "not_approved", "withdrawn"]) }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: "Đã ghi",
      content: { "application/json": { schema: z.object({ data: AwardProposalSchema }) } },
    },
    ...errorResponses(401, 403, 404, 409, 422),
  },
});

function present(p: AwardProposalRow) {
  return {
    id: p.id,
    unit: { id: p.unitId, name: p.unitName },
    year: p.year,
    title: p.title,
    titleLabel: awardTitleLabel(p.title),
    basis: p.basis,
    status: p.status,
    proposingBody: p.proposingBody,
  };
}

/** The units the actor may propose awards for (units under a grant, not the granted unit itself). */
async function proposableUnits(c: AppCtx, ctx: ActorContext<Actor | null>) {
  const roots = grantedRoots(ctx.actor, "award.propose", ctx.today);
  const ids = roots === "all" ? null : ctx.hierarchy.unitIdsUnder(roots, ctx.today);
  const units = await listUnitNames(c.var.ctx.database.db, ids);
  return units.filter((u) => ctx.actor && can(ctx.actor, "award.propose", unitTarget(ctx, u.id), ctx.today));
}

async function renderPage(
  c: AppCtx,
  year: string,
  extra: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string | null } = {},
  status: 200 | 409 | 422 = 200,
) {
  requireActor(c);
  const ctx = await actorOrAnonymousOf(c);
  const [proposals, units] = await Promise.all([
    listVisibleAwardProposals(c.var.ctx.database.db, ctx, year),
    proposableUnits(c, ctx),
  ]);
  return c.html(
    <AwardsPage
      meta={pageMeta(c, `Đề nghị khen thưởng năm ${year}`)}
      data={{
        year,
        proposals,
        units,
        rules: /^\d{4}$/.test(year) ? awardRulesForYear(year) : null,
        ...extra,
      }}
    />,
    status,
  );
}

export function registerAwardRoutes(app: OpenAPIHono<AppEnv>): void {
  const defaultYear = (c: AppCtx) => defaultEmulationYear(c, "awards");

  app.get(PAGE, async (c) =>
    renderPage(c, c.req.query("nam")?.trim() || (await defaultYear(c)), {
      notice: c.req.query("ok") ? "Đã ghi." : null,
    }),
  );

  app.post(PAGE, async (c) => {
    requireActor(c);
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      ["unitId", "year", "title", "basis", "proposingBody"].map((k) => [k, formText(body, k)]),
    );
    const year = /^\d{4}$/.test(values.year ?? "") ? (values.year as string) : await defaultYear(c);
    try {
      await proposeAward(c.var.ctx.database.db, await actorOrAnonymousOf(c), {
        unitId: idParam(values.unitId) ?? 0,
        year: values.year ?? "",
        title: values.title ?? "",
        basis: values.basis ?? "",
        proposingBody: values.proposingBody ?? "",
      });
    } catch (error) {
      if (error instanceof AppError && error.fields && (error.status === 422 || error.status === 409)) {
        return renderPage(c, year, { values, errors: error.fields }, error.status);
      }
      throw error;
    }
    return c.redirect(`${PAGE}?nam=${year}&ok=1`, 303);
  });

  app.post(`${PAGE}/:id/trang-thai`, async (c) => {
    requireActor(c);
    const status = formText(await c.req.parseBody(), "status");
    if (!isAwardStatus(status))
      throw new ValidationError({
        status: `Trạng thái phải là một trong: ${Object.values(AWARD_STATUSES).join(", ")}.`,
      });
    const db = c.var.ctx.database.db;
    const id = idParam(c.req.param("id")) ?? 0;
    await setAwardStatus(db, await actorOrAnonymousOf(c), id, status);
    const proposal = await findAwardProposal(db, id);
    return c.redirect(`${PAGE}?nam=${proposal?.year ?? (await defaultYear(c))}&ok=1`, 303);
  });

  app.openapi(listRoute, async (c) => {
    requireActor(c);
    const rows = await listVisibleAwardProposals(
      c.var.ctx.database.db,
      await actorOrAnonymousOf(c),
      c.req.valid("query").year,
    );
    return c.json({ data: rows.map(present) }, 200);
  });

  app.openapi(createProposalRoute, async (c) => {
    requireActor(c);
    const db = c.var.ctx.database.db;
    const ctx = await actorOrAnonymousOf(c);
    const id = await proposeAward(db, ctx, c.req.valid("json"));
    return c.json({ data: present((await findAwardProposal(db, id)) as AwardProposalRow) }, 201);
  });

  app.openapi(statusRoute, async (c) => {
    requireActor(c);
    const db = c.var.ctx.database.db;
    const ctx = await actorOrAnonymousOf(c);
    const { id } = c.req.valid("param");
    await setAwardStatus(db, ctx, id, c.req.valid("json").status);
    return c.json({ data: present((await findAwardProposal(db, id)) as AwardProposalRow) }, 200);
  });
}
