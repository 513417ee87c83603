/** The follow-up page and its Excel export; and the open-work section for a unit's page. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { mayOnUnit, readableUnits } from "../../core/access/needs.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { type AppCtx, hierarchyOf, pageMeta, todayOf } from "../../core/http/request.js";
import { listPartyOptions } from "../../units/parties.repo.js";
import { listDirectives } from "../directives.repo.js";
import { presentDirective, presentProposal } from "../directives-present.js";
import { listProposals } from "../proposals/proposals.repo.js";
import { sqlClock } from "../timeliness-sql.js";
import { FOLLOW_UP_DIMENSIONS, type FollowUpDimension } from "./follow-up.repo.js";
import { followUpReport, PERIOD_GRAINS, type PeriodGrain } from "./follow-up.service.js";
import { FOLLOW_UP_HREF, FollowUpPage, UnitFollowUpSection } from "./follow-up.views.js";
import { followUpToXlsx, XLSX_TYPE } from "./follow-up.xlsx.js";
import { drillConditions } from "./follow-up-links.rules.js";

/** The detailed sheet's limit: far above a district's directives, below what would exhaust memory. */
const MAX_LISTED = 20_000;

async function reportFor(c: AppCtx) {
  const ctx = await actorOf(c);
  const by = (FOLLOW_UP_DIMENSIONS as readonly string[]).includes(c.req.query("theo") ?? "")
    ? (c.req.query("theo") as FollowUpDimension)
    : "lead";
  const grain = (PERIOD_GRAINS as readonly string[]).includes(c.req.query("ky") ?? "")
    ? (c.req.query("ky") as PeriodGrain)
    : "month";
  const unitRaw = c.req.query("don_vi") ?? "";
  const unit = /^\d+$/.test(unitRaw) && ctx.hierarchy.unit(Number(unitRaw)) ? Number(unitRaw) : null;
  const leadUnitIds = unit === null ? undefined : ctx.hierarchy.unitIdsUnder([unit], ctx.today);
  const report = await followUpReport(
    c.var.ctx.database.db,
    { by, grain, leadUnitIds, under: unit ?? undefined },
    ctx,
  );
  return { ctx, report, leadUnitIds, unit: unit === null ? "" : String(unit) };
}

export function registerFollowUpPages(app: OpenAPIHono<AppEnv>): void {
  app.get(FOLLOW_UP_HREF, async (c) => {
    const { ctx, report, unit } = await reportFor(c);
    const scope = readableUnits(ctx.actor, ctx.hierarchy, ctx.today);
    const units = (await listPartyOptions(c.var.ctx.database.db, { allDates: ctx.today })).filter(
      (p) => p.organisationId === null && (scope === "all" || scope.includes(p.unitId)),
    );
    return c.html(
      <FollowUpPage meta={pageMeta(c, "Theo dõi nhiệm vụ")} report={report} unit={unit} units={units} />,
    );
  });

  app.get(`${FOLLOW_UP_HREF}.xlsx`, async (c) => {
    const { ctx, report, leadUnitIds } = await reportFor(c);
    // The detailed sheet lists what the total counts: the same scope and filter as the list page.
    const { rows } = await listDirectives(c.var.ctx.database.db, {
      scope: readableUnits(ctx.actor, ctx.hierarchy, ctx.today),
      ...drillConditions(report.drill),
      leadUnitIds,
      clock: sqlClock(ctx.now),
      limit: MAX_LISTED,
      offset: 0,
    });
    const bytes = await followUpToXlsx(
      report,
      rows.map((d) => presentDirective(d, ctx.now)),
      { siteName: c.var.ctx.config.siteName, baseUrl: c.var.ctx.config.publicBaseUrl },
    );
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="theo-doi-nhiem-vu-${report.by}-${report.today}.xlsx"`,
      },
    });
  });
}

/**
 * A unit's open directives (led by it) and unfinished proposals (raised by it), for the unit page.
 * Renders nothing for visitors who may not read the unit's records (the unit page is public).
 * Use: `<UnitOpenWork c={c} unitId={id} unitName={title} />`.
 */
export async function UnitOpenWork({ c, unitId, unitName }: { c: AppCtx; unitId: number; unitName: string }) {
  const actor = c.var.auth.actor;
  const today = todayOf(c);
  const hierarchy = await hierarchyOf(c);
  if (!actor || !mayOnUnit(actor, "session.read", unitId, hierarchy, today)) return null;
  const db = c.var.ctx.database.db;
  const now = c.var.ctx.now();
  const [directives, proposals] = await Promise.all([
    listDirectives(db, {
      scope: "all",
      leadUnitId: unitId,
      openOnly: true,
      clock: sqlClock(now),
      limit: 200,
      offset: 0,
    }),
    listProposals(db, { scope: "all", fromUnitId: unitId, openOnly: true, limit: 200 }),
  ]);
  return (
    <UnitFollowUpSection
      unitName={unitName}
      directives={directives.rows.map((d) => presentDirective(d, now))}
      proposals={proposals.map(presentProposal)}
    />
  );
}
