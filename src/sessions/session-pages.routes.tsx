/** Admin pages of working sessions: list, new (with what is still open with the unit), edit, view. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { mayAnywhere } from "../core/access/needs.js";
import { storeUpload } from "../core/files/files.service.js";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { ForbiddenError, ValidationError } from "../core/http/errors.js";
import { formText, requireId } from "../core/http/params.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import { listPartyOptions, listPeopleAt } from "../units/parties.repo.js";
import { plannedDate, plannedLabel } from "./programme.rules.js";
import { getProgramItemFor } from "./programme.service.js";
import { loadSessionSections, type SessionExtensions } from "./session.extension.js";
import {
  type FormValues,
  readSessionForm,
  SESSION_FORM_FIELDS,
  sessionFormValues,
} from "./session-form.rules.js";
import { SessionFormPage } from "./session-form.views.js";
import type { SessionInput } from "./sessions.model.js";
import {
  createSession,
  editSession,
  getSessionFor,
  mayManageSession,
  searchSessions,
} from "./sessions.service.js";
import { SESSIONS_HREF, SessionListPage, SessionPage } from "./sessions.views.js";

async function formValues(c: AppCtx): Promise<FormValues> {
  const body = await c.req.parseBody();
  return Object.fromEntries(SESSION_FORM_FIELDS.map((k) => [k, formText(body, k)]));
}

/** The document uploaded with the form, stored and added to the session's documents (none: nothing). */
async function addUpload(c: AppCtx, input: SessionInput): Promise<void> {
  const body = await c.req.parseBody();
  const file = body.documentFile;
  if (!(file instanceof File) || file.size === 0) return;
  const ctx = await actorOf(c);
  // Filed under the host unit: its officers and the offices above it may read it.
  const fileId = await storeUpload(c.var.ctx.database.db, c.var.ctx.config.dataDir, file, {
    unitId: input.hostUnitId,
    userId: ctx.actor.userId,
    now: ctx.now,
  });
  const title = formText(body, "documentTitle").trim() || file.name;
  if (fileId) input.documents.push({ title, kind: "file", fileId });
}

/** The upload's error is about the form's file field. */
function formFieldsOf(fields: Record<string, string>): Record<string, string> {
  const { file, ...rest } = fields;
  return file ? { ...rest, documentFile: file } : rest;
}

async function renderForm(
  c: AppCtx,
  extensions: SessionExtensions,
  action: string,
  values: FormValues,
  options: { errors?: Record<string, string>; preview?: boolean; status?: 200 | 422 } = {},
) {
  const ctx = await actorOf(c);
  const db = c.var.ctx.database.db;
  const date = values.date || ctx.today;
  const [parties, people] = await Promise.all([
    listPartyOptions(db, { allDates: ctx.today }),
    listPeopleAt(db, date),
  ]);
  const host = parties.find((p) => p.key === values.host);
  const hostSections =
    options.preview && host
      ? await Promise.all(
          extensions.hostSections.map((s) => s.load(db, { unitId: host.unitId, name: host.name }, ctx)),
        )
      : [];
  const title = action.endsWith("/moi") ? "Tạo buổi làm việc" : "Sửa buổi làm việc";
  // A form naming an entry the person may not read shows no entry (the save then refuses it).
  const programme = /^[1-9]\d{0,9}$/.test(values.programItem ?? "")
    ? await getProgramItemFor(db, Number(values.programItem), ctx).catch(() => null)
    : null;
  return c.html(
    <SessionFormPage
      meta={pageMeta(c, title)}
      action={action}
      values={values}
      errors={options.errors}
      parties={parties}
      people={people}
      hostSections={hostSections}
      preview={options.preview}
      programme={
        programme ? { id: programme.id, title: programme.title, when: plannedLabel(programme) } : null
      }
      programmeError={options.errors?.programItemId}
    />,
    options.status ?? 200,
  );
}

async function readOrFail(c: AppCtx, values: FormValues) {
  const db = c.var.ctx.database.db;
  const today = (await actorOf(c)).today;
  const date = values.date || today;
  const [parties, people] = await Promise.all([
    listPartyOptions(db, { allDates: today }),
    listPeopleAt(db, date),
  ]);
  return readSessionForm(values, { parties, people });
}

export function registerSessionPages(app: OpenAPIHono<AppEnv>, extensions: SessionExtensions): void {
  app.get(SESSIONS_HREF, async (c) => {
    const ctx = await actorOf(c);
    const sessions = await searchSessions(c.var.ctx.database.db, {}, ctx);
    return c.html(
      <SessionListPage
        meta={pageMeta(c, "Buổi làm việc")}
        sessions={sessions}
        canCreate={mayAnywhere(ctx.actor, "session.manage", ctx.today)}
      />,
    );
  });

  app.get(`${SESSIONS_HREF}/moi`, async (c) => {
    const ctx = await actorOf(c);
    if (!mayAnywhere(ctx.actor, "session.manage", ctx.today)) throw new ForbiddenError();
    const values: FormValues = {
      kind: "working_visit",
      host: c.req.query("host") ?? "",
      date: ctx.today,
      time: "14:00",
    };
    const fromProgramme = c.req.query("chuong_trinh");
    if (fromProgramme) {
      // A session held under an entry of the programme of work: its wording, unit and month.
      const item = await getProgramItemFor(
        c.var.ctx.database.db,
        requireId(fromProgramme, "Không tìm thấy nội dung này."),
        ctx,
      );
      values.programItem = String(item.id);
      values.title = item.title;
      values.date = plannedDate(item, ctx.today);
      if (!values.host) values.host = `u${item.hostUnitId ?? item.ownerUnitId}`;
      if (item.hostUnitId !== null && item.hostUnitId !== item.ownerUnitId)
        values.visiting = `u${item.ownerUnitId}`;
    }
    return renderForm(c, extensions, `${SESSIONS_HREF}/moi`, values, { preview: true });
  });

  app.post(`${SESSIONS_HREF}/moi`, async (c) => {
    const values = await formValues(c);
    const { input, errors } = await readOrFail(c, values);
    if (!input)
      return renderForm(c, extensions, `${SESSIONS_HREF}/moi`, values, {
        errors,
        preview: true,
        status: 422,
      });
    try {
      await addUpload(c, input);
      const id = await createSession(c.var.ctx.database.db, input, await actorOf(c));
      return c.redirect(`${SESSIONS_HREF}/${id}?ok=tao`, 303);
    } catch (error) {
      if (error instanceof ValidationError && error.fields)
        return renderForm(c, extensions, `${SESSIONS_HREF}/moi`, values, {
          errors: formFieldsOf(error.fields),
          preview: true,
          status: 422,
        });
      throw error;
    }
  });

  app.get(`${SESSIONS_HREF}/:id`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const s = await getSessionFor(db, requireId(c.req.param("id"), "Không tìm thấy buổi làm việc này."), ctx);
    const { views } = await loadSessionSections(extensions, db, s, ctx);
    const ok = c.req.query("ok");
    return c.html(
      <SessionPage
        meta={pageMeta(c, s.title)}
        session={s}
        sections={views}
        canManage={mayManageSession(ctx, s)}
        notice={ok === "tao" ? "Đã tạo buổi làm việc." : ok === "sua" ? "Đã lưu thay đổi." : null}
      />,
    );
  });

  app.get(`${SESSIONS_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const s = await getSessionFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), "Không tìm thấy buổi làm việc này."),
      ctx,
    );
    if (!mayManageSession(ctx, s)) throw new ForbiddenError();
    return renderForm(c, extensions, `${SESSIONS_HREF}/${s.id}/sua`, sessionFormValues(s));
  });

  app.post(`${SESSIONS_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const s = await getSessionFor(db, requireId(c.req.param("id"), "Không tìm thấy buổi làm việc này."), ctx);
    const values = await formValues(c);
    const { input, errors } = await readOrFail(c, values);
    const action = `${SESSIONS_HREF}/${s.id}/sua`;
    if (!input) return renderForm(c, extensions, action, values, { errors, status: 422 });
    // Uploaded files are not in the form: keep them.
    input.documents.push(...s.documents.filter((d) => d.kind === "file"));
    try {
      await addUpload(c, input);
      await editSession(db, s.id, input, ctx);
    } catch (error) {
      if (error instanceof ValidationError && error.fields)
        return renderForm(c, extensions, action, values, { errors: formFieldsOf(error.fields), status: 422 });
      throw error;
    }
    return c.redirect(`${SESSIONS_HREF}/${s.id}?ok=sua`, 303);
  });
}
