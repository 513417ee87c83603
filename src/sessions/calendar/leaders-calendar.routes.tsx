/**
 * The public leaders' calendar: `/lich-cong-tac?don-vi=<unit>&tuan=<any day of the week>` and its
 * iCalendar feed `/lich-cong-tac.ics?don-vi=<unit>` (four weeks back, twelve ahead). Without
 * `don-vi`, the site's own ward (the site settings) is shown.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta, todayOf } from "../../core/http/request.js";
import { PickerScript } from "../../core/views/picker.js";
import { portalTitle } from "../../core/views/site-identity.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { listCalendarUnitIds } from "./leaders-calendar.repo.js";
import { publicEventsBetween } from "./leaders-calendar.service.js";
import { LEADERS_CALENDAR_HREF, LeadersCalendarPage } from "./leaders-calendar.views.js";
import { publicEventsToIcs } from "./public-ics.rules.js";
import { mondayOf, shiftWeek, weekDays, weekOfQuery, weekRange } from "./week.rules.js";

/** The unit asked for, else the site's ward; null when neither names a unit. */
async function unitAsked(c: AppCtx): Promise<number | null> {
  const asked = idParam(c.req.query("don-vi"));
  if (asked !== null) return asked;
  const site = await c.var.ctx.siteIdentity?.();
  return site?.unitId ?? null;
}

export function registerLeadersCalendarRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(LEADERS_CALENDAR_HREF, async (c) => {
    const db = c.var.ctx.database.db;
    const today = todayOf(c);
    const unitId = await unitAsked(c);
    const ids = await listCalendarUnitIds(db);
    const units = await listUnitNames(db, unitId === null || ids.includes(unitId) ? ids : [...ids, unitId]);
    const unit = unitId === null ? null : (units.find((u) => u.id === unitId) ?? null);
    if (unitId !== null && !unit) throw new NotFoundError("Không có đơn vị này.");
    const monday = weekOfQuery(c.req.query("tuan"), today);
    const events = unit ? await publicEventsBetween(db, unit.id, weekRange(monday)) : [];
    const name = unit ? unitDisplayName(unit) : null;
    return c.html(
      <LeadersCalendarPage
        meta={pageMeta(c, name ? `Lịch công tác – ${name}` : "Lịch công tác", { head: <PickerScript /> })}
        unit={unit && name ? { id: unit.id, name } : null}
        units={unitPickerGroups(units, today)}
        monday={monday}
        days={weekDays(monday, events)}
      />,
    );
  });

  app.get(`${LEADERS_CALENDAR_HREF}.ics`, async (c) => {
    const db = c.var.ctx.database.db;
    const unitId = await unitAsked(c);
    const unit = unitId === null ? undefined : (await listUnitNames(db, [unitId]))[0];
    if (!unit) throw new NotFoundError("Chưa chọn đơn vị (?don-vi=…).");
    const monday = mondayOf(todayOf(c));
    const events = await publicEventsBetween(db, unit.id, {
      from: weekRange(shiftWeek(monday, -4)).from,
      to: weekRange(shiftWeek(monday, 12)).from,
    });
    const site = await c.var.ctx.siteIdentity?.();
    const calName = `Lịch công tác ${unitDisplayName(unit)}${site ? ` – ${portalTitle(site)}` : ""}`;
    const body = await publicEventsToIcs(events, c.var.ctx.config.publicBaseUrl, calName);
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="lich-cong-tac-${unit.id}.ics"`,
    });
  });
}
