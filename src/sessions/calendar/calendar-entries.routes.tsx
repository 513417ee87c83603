/** Admin pages of the leaders' calendar entries: a week, add an entry, correct or delete one. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ForbiddenError, ValidationError } from "../../core/http/errors.js";
import { formText, formTexts, requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { ungrouped } from "../../core/views/picker.js";
import { listPeopleAt } from "../../units/parties.repo.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import {
  calendarUnitsOf,
  createCalendarEntry,
  editCalendarEntry,
  getCalendarEntryFor,
  removeCalendarEntry,
  searchCalendarEntries,
} from "./calendar-entries.service.js";
import { CALENDAR_ADMIN_HREF, CalendarAdminPage, CalendarEntryFormPage } from "./calendar-entries.views.js";
import {
  type CalendarEntryFormValues,
  ENTRY_FORM_FIELDS,
  entryFormValues,
  readEntryForm,
} from "./calendar-entry-form.rules.js";
import { weekDays, weekOfQuery, weekRange } from "./week.rules.js";

const NOT_FOUND = "Không tìm thấy mục lịch này.";

/** The units whose calendar the person keeps and the people offered (positions of `date`). */
async function choices(c: AppCtx, date: string) {
  const ctx = await actorOf(c);
  if (!canAnywhere(ctx.actor, "calendar.manage", ctx.today)) throw new ForbiddenError();
  const db = c.var.ctx.database.db;
  const all = await listUnitNames(db, null);
  const kept = new Set(
    calendarUnitsOf(
      ctx,
      all.map((u) => u.id),
    ),
  );
  const units = all.filter((u) => kept.has(u.id));
  const people = await listPeopleAt(db, date);
  return { ctx, units, people };
}

async function renderForm(
  c: AppCtx,
  action: string,
  values: CalendarEntryFormValues,
  options: { errors?: Record<string, string>; status?: 200 | 422; deleteAction?: string } = {},
) {
  const { ctx, units, people } = await choices(c, values.date || (await actorOf(c)).today);
  return c.html(
    <CalendarEntryFormPage
      meta={pageMeta(c, options.deleteAction ? "Sửa mục lịch công tác" : "Thêm mục lịch công tác")}
      action={action}
      values={values}
      errors={options.errors}
      units={unitPickerGroups(units, ctx.today)}
      people={ungrouped(
        people
          .filter((x) => x.titles !== "")
          .map((x) => ({ value: String(x.id), label: `${x.name} (${x.titles.split(", ")[0]})` })),
      )}
      deleteAction={options.deleteAction}
    />,
    options.status ?? 200,
  );
}

async function posted(c: AppCtx): Promise<CalendarEntryFormValues> {
  const body = await c.req.parseBody({ all: true });
  return {
    ...Object.fromEntries(ENTRY_FORM_FIELDS.map((k) => [k, formText(body, k)])),
    people: formTexts(body, "people"),
  };
}

/** Reads and saves the posted form; re-renders it with the messages when something is wrong. */
async function save(
  c: AppCtx,
  action: string,
  write: (input: NonNullable<ReturnType<typeof readEntryForm>["input"]>) => Promise<unknown>,
  deleteAction?: string,
) {
  const values = await posted(c);
  const { units, people } = await choices(c, values.date || (await actorOf(c)).today);
  const { input, errors } = readEntryForm(values, {
    unitIds: new Set(units.map((u) => u.id)),
    personIds: new Set(people.map((p) => p.id)),
  });
  if (!input) return renderForm(c, action, values, { errors, status: 422, deleteAction });
  try {
    await write(input);
  } catch (error) {
    if (error instanceof ValidationError)
      return renderForm(c, action, values, { errors: error.fields ?? {}, status: 422, deleteAction });
    throw error;
  }
  return c.redirect(`${CALENDAR_ADMIN_HREF}?tuan=${values.date}&ok=1`, 303);
}

export function registerCalendarEntryPages(app: OpenAPIHono<AppEnv>): void {
  app.get(CALENDAR_ADMIN_HREF, async (c) => {
    const ctx = await actorOf(c);
    if (!canAnywhere(ctx.actor, "calendar.manage", ctx.today)) throw new ForbiddenError();
    const db = c.var.ctx.database.db;
    const monday = weekOfQuery(c.req.query("tuan"), ctx.today);
    const entries = await searchCalendarEntries(db, weekRange(monday), ctx);
    const names = await listUnitNames(db, [...new Set(entries.map((e) => e.unitId))]);
    const facts = new Map(
      entries.map((e) => {
        const unit = names.find((u) => u.id === e.unitId);
        return [`entry-${e.id}`, { unit: unit ? unitDisplayName(unit) : "", isPublic: e.isPublic }];
      }),
    );
    const events = entries.map((e) => ({
      key: `entry-${e.id}`,
      title: e.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      allDay: e.allDay,
      place: e.place,
      host: e.host,
      people: [],
    }));
    return c.html(
      <CalendarAdminPage
        meta={pageMeta(c, "Lịch công tác lãnh đạo")}
        monday={monday}
        days={weekDays(monday, events)}
        facts={facts}
        notice={c.req.query("ok") ? "Đã lưu lịch công tác." : null}
      />,
    );
  });

  app.get(`${CALENDAR_ADMIN_HREF}/moi`, async (c) => {
    const { ctx, units } = await choices(c, (await actorOf(c)).today);
    const day = c.req.query("ngay") ?? "";
    // The site's own ward when the person keeps its calendar (its office keeps its groups' too).
    const site = await c.var.ctx.siteIdentity?.();
    const preferred = units.find((u) => u.id === site?.unitId) ?? (units.length === 1 ? units[0] : undefined);
    return renderForm(c, `${CALENDAR_ADMIN_HREF}/moi`, {
      unit: preferred ? String(preferred.id) : "",
      date: /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : ctx.today,
      isPublic: "1",
    });
  });

  app.post(`${CALENDAR_ADMIN_HREF}/moi`, async (c) =>
    save(c, `${CALENDAR_ADMIN_HREF}/moi`, async (input) =>
      createCalendarEntry(c.var.ctx.database.db, input, await actorOf(c)),
    ),
  );

  app.get(`${CALENDAR_ADMIN_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const entry = await getCalendarEntryFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), NOT_FOUND),
      ctx,
    );
    return renderForm(c, `${CALENDAR_ADMIN_HREF}/${entry.id}/sua`, entryFormValues(entry), {
      deleteAction: `${CALENDAR_ADMIN_HREF}/${entry.id}/xoa`,
    });
  });

  app.post(`${CALENDAR_ADMIN_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const entry = await getCalendarEntryFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), NOT_FOUND),
      ctx,
    );
    return save(
      c,
      `${CALENDAR_ADMIN_HREF}/${entry.id}/sua`,
      (input) => editCalendarEntry(c.var.ctx.database.db, entry.id, input, ctx),
      `${CALENDAR_ADMIN_HREF}/${entry.id}/xoa`,
    );
  });

  app.post(`${CALENDAR_ADMIN_HREF}/:id/xoa`, async (c) => {
    const ctx = await actorOf(c);
    const id = requireId(c.req.param("id"), NOT_FOUND);
    await removeCalendarEntry(c.var.ctx.database.db, id, ctx);
    return c.redirect(`${CALENDAR_ADMIN_HREF}?ok=1`, 303);
  });
}
