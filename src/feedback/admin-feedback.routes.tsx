/** The ward's pages: `/quan-tri/phan-anh` (its queue), one feedback, its handling, moderation and photos. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { can, canAnywhere } from "../core/access/policy.js";
import { openFile } from "../core/files/files.service.js";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { formText } from "../core/http/params.js";
import { type AppCtx, pageMeta, todayOf } from "../core/http/request.js";
import { unitDisplayName } from "../units/unit-labels.js";
import { FeedbackPage, type HandlingValues, QUEUE_HREF, QueuePage } from "./admin-feedback.views.js";
import { isFeedbackState, isFeedbackTopic, isFeedbackVisibility } from "./feedback.model.js";
import type { FeedbackRecord } from "./feedback.repo.js";
import { currentWards } from "./feedback.service.js";
import {
  feedbackScope,
  getFeedbackFor,
  handleFeedback,
  moderateFeedback,
  organisationsOf,
  searchFeedbacks,
} from "./feedback-queue.service.js";

const HEAD = <link rel="stylesheet" href="/static/feedback.css" />;

function requireQueue(c: AppCtx): void {
  if (!canAnywhere(c.var.auth.actor, "feedback.handle", todayOf(c)))
    throw new ForbiddenError("Bạn không có quyền xử lý phản ánh của người dân.");
}

async function renderFeedback(
  c: AppCtx,
  f: FeedbackRecord,
  options: {
    values?: HandlingValues;
    errors?: Record<string, string>;
    status?: 200 | 422;
    ok?: string | null;
  } = {},
) {
  const ctx = await actorOf(c);
  const organisations = await organisationsOf(c.var.ctx.database.db, f, ctx.today);
  const mayModerate = can(
    ctx.actor,
    "feedback.moderate",
    { unitPath: ctx.hierarchy.pathForToday(f.unitId, ctx.today) },
    ctx.today,
  );
  return c.html(
    <FeedbackPage
      meta={pageMeta(c, `Phản ánh ${f.code}`, { head: HEAD })}
      f={f}
      organisations={organisations}
      values={
        options.values ?? {
          state: f.state,
          organisationId: f.organisationId ? String(f.organisationId) : "",
          answer: f.answer ?? "",
          answerPublic: f.answerPublic,
        }
      }
      errors={options.errors}
      mayModerate={mayModerate}
      ok={options.ok}
    />,
    options.status ?? 200,
  );
}

export function registerAdminFeedbackRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get(QUEUE_HREF, async (c) => {
    requireQueue(c);
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const q = (k: string) => c.req.query(k) ?? "";
    const filter = {
      unit: q("don_vi"),
      state: q("trang_thai"),
      topic: q("linh_vuc"),
      visibility: q("hien_thi"),
      overdue: q("qua_han") === "1",
      waiting: q("cho_tra_loi") === "1",
    };
    const rows = await searchFeedbacks(
      db,
      {
        unitId: /^\d{1,9}$/.test(filter.unit) ? Number(filter.unit) : undefined,
        state: isFeedbackState(filter.state) ? filter.state : undefined,
        topic: isFeedbackTopic(filter.topic) ? filter.topic : undefined,
        visibility: isFeedbackVisibility(filter.visibility) ? filter.visibility : undefined,
        overdueOn: filter.overdue ? ctx.today : undefined,
        waiting: filter.waiting || undefined,
      },
      ctx,
    );
    const scope = feedbackScope(ctx);
    const wards = await currentWards(db, ctx.today);
    const inScope = scope === "all" ? wards : wards.filter((w) => scope.includes(w.id));
    const units = inScope.map((w) => ({ id: w.id, label: unitDisplayName(w) }));
    return c.html(
      <QueuePage
        meta={pageMeta(c, "Phản ánh, kiến nghị", { head: HEAD })}
        rows={rows}
        units={units}
        filter={filter}
      />,
    );
  });

  app.get(`${QUEUE_HREF}/:code`, async (c) => {
    const ctx = await actorOf(c);
    const f = await getFeedbackFor(c.var.ctx.database.db, c.req.param("code"), ctx);
    return renderFeedback(c, f, { ok: c.req.query("ok") === "1" ? "Đã lưu." : null });
  });

  app.post(`${QUEUE_HREF}/:code`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const body = await c.req.parseBody();
    const values: HandlingValues = {
      state: formText(body, "state"),
      organisationId: formText(body, "organisationId"),
      answer: formText(body, "answer"),
      answerPublic: formText(body, "answerPublic") === "1",
    };
    const f = await getFeedbackFor(db, c.req.param("code"), ctx);
    try {
      if (!isFeedbackState(values.state)) throw new ValidationError({ state: "Vui lòng chọn tình trạng." });
      await handleFeedback(
        db,
        f.code,
        {
          state: values.state,
          organisationId: /^\d{1,9}$/.test(values.organisationId) ? Number(values.organisationId) : null,
          answer: values.answer,
          answerPublic: values.answerPublic,
        },
        ctx,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderFeedback(c, f, { values, errors: error.fields, status: 422 });
    }
    return c.redirect(`${QUEUE_HREF}/${f.code}?ok=1`, 303);
  });

  app.post(`${QUEUE_HREF}/:code/kiem-duyet`, async (c) => {
    const ctx = await actorOf(c);
    const visibility = formText(await c.req.parseBody(), "visibility");
    if (!isFeedbackVisibility(visibility))
      throw new ValidationError({ visibility: "Vui lòng chọn một mục." });
    const f = await moderateFeedback(c.var.ctx.database.db, c.req.param("code"), visibility, ctx);
    return c.redirect(`${QUEUE_HREF}/${f.code}?ok=1`, 303);
  });

  app.get(`${QUEUE_HREF}/:code/anh/:n`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const f = await getFeedbackFor(db, c.req.param("code"), ctx);
    const fileId = f.photoFileIds[Number(c.req.param("n")) - 1];
    if (fileId === undefined) throw new NotFoundError("Không tìm thấy ảnh này.");
    const response = await openFile(db, c.var.ctx.config.dataDir, fileId, ctx);
    // Shown in the page: inline rather than as a download.
    response.headers.set("content-disposition", "inline");
    return response;
  });
}
