/** Admin pages of conclusions: paste → review and correct → save as a notice with directives; view a notice. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { findFile } from "../core/files/files.repo.js";
import { mayReadFile } from "../core/files/files.service.js";
import { vnDateString } from "../core/format/vi-date.js";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { AppError, ForbiddenError, ValidationError } from "../core/http/errors.js";
import { formText, requireId } from "../core/http/params.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import type { DirectiveOut } from "../directives/directives-present.js";
import { presentDirective } from "../directives/directives-present.js";
import type { SessionDetail } from "../sessions/sessions.model.js";
import { getSessionFor, mayManageSession } from "../sessions/sessions.service.js";
import { SESSIONS_HREF } from "../sessions/sessions.views.js";
import { listPartyOptions, listPeopleAt } from "../units/parties.repo.js";
import { levelLabel, unitDisplayName } from "../units/unit-labels.js";
import { findUnitById } from "../units/units.repo.js";
import {
  emptyRow,
  type ReviewValues,
  readReviewValues,
  reviewToNotice,
  rowsFromParsed,
} from "./conclusion-form.rules.js";
import { contextUnits } from "./conclusions.api.js";
import { directiveCountsByItem } from "./conclusions.repo.js";
import { editNotice, getNoticeFor, mayEditNotice, saveNotice } from "./conclusions.service.js";
import { NoticePage, ReviewPage } from "./conclusions.views.js";
import { noticeHeaderHints } from "./import/notice-header.rules.js";
import { importNoticeFile, loadNoticeSource, type NoticeSource } from "./import/notice-import.service.js";
import { PastePage } from "./import/notice-upload.views.js";
import { NOTICES_HREF, NoticeEditPage } from "./notice-edit.views.js";
import {
  formErrorsOf,
  type NoticeEditValues,
  noticeEditInput,
  noticeEditValues,
  readNoticeEditValues,
} from "./notice-edit-form.rules.js";
import { mayPublishNotice, noticeDocumentId } from "./notice-library.service.js";
import { NoticeLibraryPanel } from "./notice-library.views.js";
import { noticeTitleFor } from "./notice-title.rules.js";
import { parseConclusionText } from "./reader/reader.service.js";

async function sessionToConclude(c: AppCtx): Promise<SessionDetail> {
  const ctx = await actorOf(c);
  const s = await getSessionFor(
    c.var.ctx.database.db,
    requireId(c.req.param("id"), "Không tìm thấy buổi làm việc này."),
    ctx,
  );
  if (!mayManageSession(ctx, s))
    throw new ForbiddenError("Bạn không có quyền nhập kết luận cho buổi làm việc này.");
  return s;
}

/** Header defaults from the session: the visiting body issues, its chair signs, on the session's day. */
function headerDefaults(s: SessionDetail): Record<string, string> {
  const issuing = s.visiting ?? s.host;
  const body = s.visiting?.organisation ?? `${levelLabel(issuing.level)} ${issuing.name}`;
  return {
    number: "",
    issuedOn: vnDateString(s.startsAt),
    issuingUnit: `u${issuing.id}`,
    issuingBody: body.toUpperCase(),
    parentBody: "",
    placeName: issuing.name,
    title: noticeTitleFor(s.title),
    preamble: "",
    signer: s.chairPersonId ? String(s.chairPersonId) : "",
    signerName: s.chairName,
    signerTitle: (s.chairTitle ?? "").split(",")[0]?.trim() ?? "",
    signingAuthority: "",
    recipients: `${s.host.level === "ward" ? "Đảng ủy, UBND phường" : "Đơn vị"} ${s.host.name}\nCác phòng, ban liên quan`,
  };
}

async function renderReview(
  c: AppCtx,
  s: SessionDetail,
  values: ReviewValues,
  errors?: Record<string, string>,
  status: 200 | 422 = 200,
  imported: { source?: NoticeSource | null; warning?: string } = {},
) {
  const db = c.var.ctx.database.db;
  const date = vnDateString(s.startsAt);
  const sourceId = Number(values.header.sourceFileId) || null;
  const [parties, people, source] = await Promise.all([
    listPartyOptions(db, date),
    listPeopleAt(db, date),
    // Shown again from the stored original when the form comes back (a row added, a field refused).
    imported.source !== undefined || !sourceId
      ? (imported.source ?? null)
      : actorOf(c).then((ctx) => loadNoticeSource(db, c.var.ctx.config.dataDir, sourceId, ctx)),
  ]);
  return c.html(
    <ReviewPage
      meta={pageMeta(c, "Kiểm tra kết luận")}
      sessionId={s.id}
      values={values}
      parties={parties}
      people={people}
      errors={errors}
      source={source}
      warning={imported.warning}
    />,
    status,
  );
}

async function renderEdit(
  c: AppCtx,
  id: number,
  values: NoticeEditValues,
  errors?: Record<string, string>,
  status: 200 | 422 = 200,
) {
  const ctx = await actorOf(c);
  const db = c.var.ctx.database.db;
  const { notice } = await getNoticeFor(db, id, ctx);
  if (!mayEditNotice(ctx, notice)) throw new ForbiddenError("Bạn không có quyền sửa thông báo này.");
  const [people, counts, unit] = await Promise.all([
    listPeopleAt(db, notice.issuedOn),
    directiveCountsByItem(db, notice.id),
    findUnitById(db, notice.issuingUnitId),
  ]);
  return c.html(
    <NoticeEditPage
      meta={pageMeta(c, `Sửa thông báo ${notice.number}`)}
      notice={notice}
      values={values}
      people={people}
      counts={counts}
      issuingUnitName={unit ? unitDisplayName(unit) : ""}
      errors={errors}
    />,
    status,
  );
}

export function registerConclusionPages(app: OpenAPIHono<AppEnv>): void {
  app.get(`${SESSIONS_HREF}/:id/ket-luan`, async (c) => {
    const s = await sessionToConclude(c);
    return c.html(<PastePage meta={pageMeta(c, "Nhập kết luận")} sessionId={s.id} sessionTitle={s.title} />);
  });

  app.post(`${SESSIONS_HREF}/:id/ket-luan/doc`, async (c) => {
    const s = await sessionToConclude(c);
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const body = await c.req.parseBody();
    let text = formText(body, "text");
    const refuse = (errors: { error?: string; fileError?: string }) =>
      c.html(
        <PastePage
          meta={pageMeta(c, "Nhập kết luận")}
          sessionId={s.id}
          sessionTitle={s.title}
          text={text}
          {...errors}
        />,
        422,
      );
    // A file input left empty still posts an unnamed, empty file.
    let source: NoticeSource | null = null;
    if (body.file instanceof File && (body.file.size > 0 || body.file.name)) {
      try {
        ({ text, source } = await importNoticeFile(db, c.var.ctx.config.dataDir, body.file, {
          unitId: s.host.id,
          ctx,
        }));
      } catch (error) {
        if (error instanceof ValidationError && error.fields?.file)
          return refuse({ fileError: error.fields.file });
        throw error;
      }
    }
    if (!text.trim()) return refuse({ error: "Vui lòng tải lên tệp thông báo hoặc dán nội dung kết luận." });
    const items = await parseConclusionText(db, text, {
      date: vnDateString(s.startsAt),
      contextUnitIds: contextUnits(ctx.hierarchy, ctx.today, s),
    });
    const notFound =
      "Không tìm thấy danh sách kết luận nào (đánh số 1., a), Một là, Thứ nhất…). Kiểm tra lại nội dung đã dán.";
    if (items.length === 0 && !source) return refuse({ error: notFound });
    const defaultLead = s.hostOrganisationId ? `o${s.hostOrganisationId}` : `u${s.host.id}`;
    // An imported file states its own number and date: they fill the header (still to be checked).
    const header = {
      ...headerDefaults(s),
      ...(source ? { ...noticeHeaderHints(text), sourceFileId: String(source.fileId) } : {}),
    };
    return renderReview(
      c,
      s,
      { header, rows: items.length > 0 ? rowsFromParsed(items, defaultLead) : [emptyRow()] },
      undefined,
      200,
      {
        source,
        warning:
          items.length === 0
            ? "Không tìm thấy danh sách kết luận nào trong tệp. Nhập các nội dung theo bản gốc bên cạnh."
            : undefined,
      },
    );
  });

  app.post(`${SESSIONS_HREF}/:id/ket-luan`, async (c) => {
    const s = await sessionToConclude(c);
    const body = await c.req.parseBody({ all: true });
    const values = readReviewValues(body);
    if (formText(body, "_action") === "add-row") {
      values.rows.push(emptyRow());
      return renderReview(c, s, values);
    }
    const parties = await listPartyOptions(c.var.ctx.database.db, vnDateString(s.startsAt));
    const { input, errors } = reviewToNotice(values, { sessionId: s.id, parties });
    if (!input) return renderReview(c, s, values, errors, 422);
    try {
      const id = await saveNotice(c.var.ctx.database.db, input, await actorOf(c));
      return c.redirect(`/quan-tri/thong-bao-ket-luan/${id}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.fields)
        return renderReview(c, s, values, error.fields, 422);
      throw error;
    }
  });

  app.get("/quan-tri/thong-bao-ket-luan/:id", async (c) => {
    const ctx = await actorOf(c);
    const { notice, directives } = await getNoticeFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), "Không tìm thấy thông báo này."),
      ctx,
    );
    const out = directives.map((d) => presentDirective(d, ctx.now));
    const byItem = new Map<number, DirectiveOut[]>();
    for (const d of out) if (d.itemId !== null) byItem.set(d.itemId, [...(byItem.get(d.itemId) ?? []), d]);
    const ok = c.req.query("ok");
    const db = c.var.ctx.database.db;
    const file =
      notice.sourceFileId && (await mayReadFile(db, notice.sourceFileId, ctx))
        ? await findFile(db, notice.sourceFileId)
        : undefined;
    return c.html(
      <NoticePage
        source={file && notice.sourceFileId ? { id: notice.sourceFileId, name: file.originalName } : null}
        meta={pageMeta(c, `Thông báo ${notice.number}`)}
        notice={notice}
        directives={out}
        itemsDirectives={byItem}
        canEdit={mayEditNotice(ctx, notice)}
        message={ok === "sua" ? "Đã lưu thay đổi của thông báo." : null}
        library={
          <NoticeLibraryPanel
            noticeId={notice.id}
            documentId={await noticeDocumentId(db, notice.id)}
            canPublish={mayPublishNotice(ctx, notice)}
            csrfToken={c.var.auth.csrfToken}
          />
        }
      />,
    );
  });

  app.get(`${NOTICES_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const { notice } = await getNoticeFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), "Không tìm thấy thông báo này."),
      ctx,
    );
    if (!mayEditNotice(ctx, notice)) throw new ForbiddenError("Bạn không có quyền sửa thông báo này.");
    return renderEdit(c, notice.id, noticeEditValues(notice));
  });

  app.post(`${NOTICES_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const id = requireId(c.req.param("id"), "Không tìm thấy thông báo này.");
    const values = readNoticeEditValues(await c.req.parseBody());
    try {
      await editNotice(c.var.ctx.database.db, id, noticeEditInput(values), ctx);
    } catch (error) {
      if (error instanceof ValidationError && error.fields)
        return renderEdit(c, id, values, formErrorsOf(error.fields, values), 422);
      throw error;
    }
    return c.redirect(`${NOTICES_HREF}/${id}?ok=sua`, 303);
  });
}
