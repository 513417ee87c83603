/** Admin pages of the annual programme of work: a year's entries per unit, add an entry, correct one. */

import type { OpenAPIHono } from "@hono/zod-openapi";
import { mayAnywhere, readableUnits } from "../core/access/needs.js";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { ForbiddenError, ValidationError } from "../core/http/errors.js";
import { formText, requireId } from "../core/http/params.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import { defaultYear } from "../core/period/default-year.rules.js";
import { listPartyOptions } from "../units/parties.repo.js";
import {
  createProgramItem,
  editProgramItem,
  getProgramItemFor,
  mayManageProgramme,
  programmeYears,
  searchProgramItems,
} from "./programme.service.js";
import { PROGRAMME_HREF, ProgrammeFormPage, ProgrammePage, programmeListHref } from "./programme.views.js";
import {
  PROGRAMME_FORM_FIELDS,
  type ProgrammeFormValues,
  programmeFormValues,
  readProgrammeForm,
} from "./programme-form.rules.js";

/** Units (not organisations) for the pickers: every unit, and those the person may plan for. */
async function unitChoices(c: AppCtx) {
  const ctx = await actorOf(c);
  const units = (await listPartyOptions(c.var.ctx.database.db, { allDates: ctx.today })).filter(
    (p) => p.organisationId === null,
  );
  const owners = units.filter((u) => mayManageProgramme(ctx, u.unitId));
  return { ctx, units, owners };
}

async function renderForm(
  c: AppCtx,
  action: string,
  values: ProgrammeFormValues,
  options: {
    errors?: Record<string, string>;
    status?: 200 | 422;
    sessions?: { id: number; title: string; startsAt: string }[];
  } = {},
) {
  const { units, owners } = await unitChoices(c);
  const title = action.endsWith("/moi")
    ? "Thêm nội dung chương trình công tác"
    : "Sửa nội dung chương trình công tác";
  return c.html(
    <ProgrammeFormPage
      meta={pageMeta(c, title)}
      action={action}
      values={values}
      errors={options.errors}
      owners={owners}
      units={units}
      sessions={options.sessions}
    />,
    options.status ?? 200,
  );
}

async function postedValues(c: AppCtx): Promise<ProgrammeFormValues> {
  const body = await c.req.parseBody();
  return Object.fromEntries(PROGRAMME_FORM_FIELDS.map((k) => [k, formText(body, k)]));
}

/** Service field names → the form's. */
const FORM_NAMES: Record<string, string> = {
  ownerUnitId: "owner",
  hostUnitId: "host",
  plannedMonth: "month",
  year: "year",
  title: "title",
};

function formErrors(error: ValidationError): Record<string, string> {
  return Object.fromEntries(Object.entries(error.fields ?? {}).map(([k, v]) => [FORM_NAMES[k] ?? k, v]));
}

export function registerProgrammePages(app: OpenAPIHono<AppEnv>): void {
  app.get(PROGRAMME_HREF, async (c) => {
    const { ctx, units, owners } = await unitChoices(c);
    const db = c.var.ctx.database.db;
    const yearRaw = c.req.query("nam") ?? "";
    const unitRaw = c.req.query("don_vi") ?? "";
    const scope = readableUnits(ctx.actor, ctx.hierarchy, ctx.today);
    const readable = units.filter((u) => scope === "all" || scope.includes(u.unitId));
    const unit = readable.find((u) => String(u.unitId) === unitRaw)?.unitId;
    const years = await programmeYears(db, ctx);
    // No year asked for: the latest year with entries, not an empty current year.
    const year = Number(/^\d{4}$/.test(yearRaw) ? yearRaw : defaultYear(years, ctx.today));
    const items = await searchProgramItems(db, { year, ownerUnitId: unit }, ctx);
    const ok = c.req.query("ok");
    return c.html(
      <ProgrammePage
        meta={pageMeta(c, `Chương trình công tác năm ${year}`)}
        year={year}
        unit={unit === undefined ? "" : String(unit)}
        units={readable}
        items={items}
        years={years}
        manageable={new Set(owners.map((o) => o.unitId))}
        notice={
          ok === "tao" ? "Đã thêm nội dung vào chương trình." : ok === "sua" ? "Đã lưu thay đổi." : null
        }
      />,
    );
  });

  app.get(`${PROGRAMME_HREF}/moi`, async (c) => {
    const ctx = await actorOf(c);
    if (!mayAnywhere(ctx.actor, "session.manage", ctx.today)) throw new ForbiddenError();
    const year = c.req.query("nam") ?? ctx.today.slice(0, 4);
    const unit = c.req.query("don_vi");
    return renderForm(c, `${PROGRAMME_HREF}/moi`, { year, owner: unit ? `u${unit}` : "" });
  });

  app.post(`${PROGRAMME_HREF}/moi`, async (c) => {
    const values = await postedValues(c);
    const { ctx, units, owners } = await unitChoices(c);
    const action = `${PROGRAMME_HREF}/moi`;
    const { input, errors } = readProgrammeForm(values, {
      ownerUnitIds: new Set(owners.map((o) => o.unitId)),
      unitIds: new Set(units.map((u) => u.unitId)),
    });
    if (!input) return renderForm(c, action, values, { errors, status: 422 });
    try {
      await createProgramItem(c.var.ctx.database.db, input, ctx);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(c, action, values, { errors: formErrors(error), status: 422 });
      throw error;
    }
    return c.redirect(`${programmeListHref(input.year, input.ownerUnitId)}&ok=tao`, 303);
  });

  app.get(`${PROGRAMME_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const item = await getProgramItemFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), "Không tìm thấy nội dung này."),
      ctx,
    );
    if (!mayManageProgramme(ctx, item.ownerUnitId)) throw new ForbiddenError();
    return renderForm(c, `${PROGRAMME_HREF}/${item.id}/sua`, programmeFormValues(item), {
      sessions: item.sessions,
    });
  });

  app.post(`${PROGRAMME_HREF}/:id/sua`, async (c) => {
    const db = c.var.ctx.database.db;
    const { ctx, units, owners } = await unitChoices(c);
    const item = await getProgramItemFor(
      db,
      requireId(c.req.param("id"), "Không tìm thấy nội dung này."),
      ctx,
    );
    if (!mayManageProgramme(ctx, item.ownerUnitId)) throw new ForbiddenError();
    const values = await postedValues(c);
    const action = `${PROGRAMME_HREF}/${item.id}/sua`;
    const { input, errors } = readProgrammeForm(values, {
      ownerUnitIds: new Set(owners.map((o) => o.unitId)),
      unitIds: new Set(units.map((u) => u.unitId)),
    });
    if (!input) return renderForm(c, action, values, { errors, status: 422, sessions: item.sessions });
    try {
      await editProgramItem(db, item.id, input, ctx);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(c, action, values, {
          errors: formErrors(error),
          status: 422,
          sessions: item.sessions,
        });
      throw error;
    }
    return c.redirect(`${programmeListHref(input.year, input.ownerUnitId)}&ok=sua`, 303);
  });
}
