/** Admin pages of proposals: list, record, answer, turn into a directive. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { mayOnUnit } from "../../core/access/needs.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { AppError, ForbiddenError, ValidationError } from "../../core/http/errors.js";
import { formText, formTexts, requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { sessionParties } from "../../sessions/sessions.repo.js";
import { listPartyOptions, type PartyOption } from "../../units/parties.repo.js";
import { deadlineFrom, partyOf } from "../directive-pages.routes.js";
import { presentProposal } from "../directives-present.js";
import { PROPOSAL_STATUSES, type ProposalStatus } from "./proposals.repo.js";
import {
  answerableAddressees,
  answerProposal,
  editProposal,
  getProposalFor,
  makeDirectiveFromProposal,
  mayRecordProposal,
  type ProposalEdit,
  raiseProposal,
  searchProposals,
} from "./proposals.service.js";
import { PROPOSALS_HREF, ProposalFormPage, ProposalListPage, ProposalPage } from "./proposals.views.js";
import { proposalsAnswerableBy } from "./proposals-to-answer.service.js";

async function renderProposal(
  c: AppCtx,
  id: number,
  errors?: Record<string, string>,
  status: 200 | 403 | 422 = 200,
) {
  const ctx = await actorOf(c);
  const db = c.var.ctx.database.db;
  const p = await getProposalFor(db, id, ctx);
  const [answerable, parties, canEdit] = await Promise.all([
    answerableAddressees(db, p, ctx),
    listPartyOptions(db, { allDates: ctx.today }),
    mayRecordProposal(db, p.from.unitId, p.sessionId, ctx),
  ]);
  const assigningUnits = parties.filter(
    (o) =>
      o.organisationId === null &&
      mayOnUnit(ctx.actor, "directive.assign", o.unitId, ctx.hierarchy, ctx.today),
  );
  const ok = c.req.query("ok");
  return c.html(
    <ProposalPage
      meta={pageMeta(c, "Kiến nghị")}
      p={presentProposal(p)}
      canAnswer={answerable.length > 0}
      canEdit={canEdit}
      assigningUnits={assigningUnits}
      parties={parties}
      errors={errors}
      notice={
        ok === "tra-loi"
          ? "Đã gửi trả lời."
          : ok === "tao"
            ? "Đã ghi kiến nghị."
            : ok === "sua"
              ? "Đã lưu thay đổi của kiến nghị."
              : null
      }
    />,
    status,
  );
}

type Body = Record<string, string | File | (string | File)[]>;

/** The proposal form's posted values, kept to show again. */
function proposalValues(body: Body) {
  return {
    from: formText(body, "from"),
    topic: formText(body, "topic"),
    text: formText(body, "text"),
    answerDue: formText(body, "answerDue"),
    addressees: formTexts(body, "addressees"),
  };
}

/** The values as the service's input; an unknown raising unit is a field error. */
function proposalInput(values: ReturnType<typeof proposalValues>, parties: PartyOption[]): ProposalEdit {
  const from = partyOf(values.from, parties);
  if (!from) throw new ValidationError({ from: "Vui lòng chọn đơn vị kiến nghị." });
  return {
    from,
    topic: values.topic,
    text: values.text.trim() || null,
    answerDue: values.answerDue || null,
    addressees: values.addressees.flatMap((k) => partyOf(k, parties) ?? []),
  };
}

async function orShow(c: AppCtx, id: number, work: () => Promise<string>) {
  try {
    return c.redirect(await work(), 303);
  } catch (error) {
    if (error instanceof AppError && (error.status === 403 || error.status === 422))
      return renderProposal(c, id, error.fields ?? { answer: error.message }, error.status);
    throw error;
  }
}

export function registerProposalPages(app: OpenAPIHono<AppEnv>): void {
  app.get(PROPOSALS_HREF, async (c) => {
    const ctx = await actorOf(c);
    const raw = c.req.query("tinh_trang") ?? "";
    const status = (PROPOSAL_STATUSES as readonly string[]).includes(raw)
      ? (raw as ProposalStatus)
      : undefined;
    // "Phải trả lời": only those the caller may answer, as the dashboard counts them.
    const toAnswer = c.req.query("phai_tra_loi") === "1";
    const rows = toAnswer
      ? await proposalsAnswerableBy(c.var.ctx.database.db, ctx, status)
      : await searchProposals(c.var.ctx.database.db, { status }, ctx);
    return c.html(
      <ProposalListPage
        meta={pageMeta(c, "Kiến nghị, đề xuất")}
        rows={rows.map(presentProposal)}
        status={raw}
        toAnswer={toAnswer}
      />,
    );
  });

  app.get(`${PROPOSALS_HREF}/moi`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const sessionId = c.req.query("buoi") ?? "";
    const session = /^[1-9]\d{0,9}$/.test(sessionId)
      ? await sessionParties(db, Number(sessionId))
      : undefined;
    const from = session
      ? session.hostOrganisationId
        ? `o${session.hostOrganisationId}`
        : `u${session.hostUnitId}`
      : "";
    return c.html(
      <ProposalFormPage
        meta={pageMeta(c, "Ghi kiến nghị")}
        values={{ buoi: session ? sessionId : "", from }}
        parties={await listPartyOptions(db, { allDates: ctx.today })}
      />,
    );
  });

  app.post(`${PROPOSALS_HREF}/moi`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const body = await c.req.parseBody({ all: true });
    const parties = await listPartyOptions(db, { allDates: ctx.today });
    const values = { ...proposalValues(body), buoi: formText(body, "buoi") };
    try {
      const id = await raiseProposal(
        db,
        {
          ...proposalInput(values, parties),
          sessionId: /^\d+$/.test(values.buoi) ? Number(values.buoi) : null,
        },
        ctx,
      );
      return c.redirect(`${PROPOSALS_HREF}/${id}?ok=tao`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return c.html(
          <ProposalFormPage
            meta={pageMeta(c, "Ghi kiến nghị")}
            values={values}
            errors={error.fields}
            parties={parties}
          />,
          422,
        );
      throw error;
    }
  });

  app.get(`${PROPOSALS_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const p = await getProposalFor(db, requireId(c.req.param("id"), "Không tìm thấy kiến nghị này."), ctx);
    if (!(await mayRecordProposal(db, p.from.unitId, p.sessionId, ctx)))
      throw new ForbiddenError("Bạn không có quyền sửa kiến nghị này.");
    const key = (x: { unitId: number; organisationId: number | null }) =>
      x.organisationId ? `o${x.organisationId}` : `u${x.unitId}`;
    return c.html(
      <ProposalFormPage
        meta={pageMeta(c, "Sửa kiến nghị")}
        action={`${PROPOSALS_HREF}/${p.id}/sua`}
        values={{
          from: key(p.from),
          topic: p.topic,
          text: p.text ?? "",
          answerDue: p.answerDue ?? "",
          addressees: p.addressees.map(key),
        }}
        parties={await listPartyOptions(db, { allDates: ctx.today })}
      />,
    );
  });

  app.post(`${PROPOSALS_HREF}/:id/sua`, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const id = requireId(c.req.param("id"), "Không tìm thấy kiến nghị này.");
    const body = await c.req.parseBody({ all: true });
    const parties = await listPartyOptions(db, { allDates: ctx.today });
    const values = proposalValues(body);
    try {
      await editProposal(db, id, proposalInput(values, parties), ctx);
      return c.redirect(`${PROPOSALS_HREF}/${id}?ok=sua`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return c.html(
          <ProposalFormPage
            meta={pageMeta(c, "Sửa kiến nghị")}
            action={`${PROPOSALS_HREF}/${id}/sua`}
            values={values}
            errors={error.fields}
            parties={parties}
          />,
          422,
        );
      throw error;
    }
  });

  app.get(`${PROPOSALS_HREF}/:id`, (c) =>
    renderProposal(c, requireId(c.req.param("id"), "Không tìm thấy kiến nghị này.")),
  );

  app.post(`${PROPOSALS_HREF}/:id/tra-loi`, async (c) => {
    const id = requireId(c.req.param("id"), "Không tìm thấy kiến nghị này.");
    return orShow(c, id, async () => {
      const body = await c.req.parseBody();
      const status = formText(body, "status");
      if (!["answered", "in_progress", "resolved"].includes(status))
        throw new ValidationError({ status: "Vui lòng chọn tình trạng." });
      await answerProposal(
        c.var.ctx.database.db,
        id,
        { answer: formText(body, "answer"), status: status as "answered" },
        await actorOf(c),
      );
      return `${PROPOSALS_HREF}/${id}?ok=tra-loi`;
    });
  });

  app.post(`${PROPOSALS_HREF}/:id/giao`, async (c) => {
    const id = requireId(c.req.param("id"), "Không tìm thấy kiến nghị này.");
    return orShow(c, id, async () => {
      const ctx = await actorOf(c);
      const db = c.var.ctx.database.db;
      const body = await c.req.parseBody();
      const parties = await listPartyOptions(db, { allDates: ctx.today });
      const lead = partyOf(formText(body, "lead"), parties);
      const assigning = partyOf(formText(body, "assigning"), parties);
      if (!lead) throw new ValidationError({ lead: "Vui lòng chọn đơn vị chủ trì." });
      if (!assigning) throw new ValidationError({ assigning: "Vui lòng chọn đơn vị giao." });
      const directiveId = await makeDirectiveFromProposal(
        db,
        id,
        {
          title: formText(body, "title"),
          lead,
          coordinators: [],
          deadline: deadlineFrom(formText(body, "deadlineKind"), formText(body, "deadlineDate")),
          assigningUnitId: assigning.unitId,
          assignerPersonId: null,
          assignerName: ctx.actor.displayName,
        },
        ctx,
      );
      return `/quan-tri/nhiem-vu/${directiveId}`;
    });
  });
}
