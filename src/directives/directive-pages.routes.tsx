/** Admin pages of directives: list with filters, one directive with its workflow forms, files. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { readableUnits } from "../core/access/needs.js";
import { openFile, storeUpload } from "../core/files/files.service.js";
import { isIsoDate } from "../core/format/vi-date.js";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { AppError, ValidationError } from "../core/http/errors.js";
import { formText, formTexts, requireId } from "../core/http/params.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import { listPartyOptions, type PartyOption } from "../units/parties.repo.js";
import { DEADLINE_KINDS, type Deadline, type DeadlineKind, lastDayCovered } from "./deadline.js";
import { listReports } from "./directive-reports.repo.js";
import { listDirectives } from "./directives.repo.js";
import {
  actOnDirective,
  createDirective,
  editDirective,
  getDirectiveFor,
  relationsOf,
} from "./directives.service.js";
import { DIRECTIVES_HREF, DirectiveListPage, DirectivePage } from "./directives.views.js";
import { presentDirective } from "./directives-present.js";
import { extensionsOf, extensionsToDecideIds } from "./extensions/extensions.service.js";
import { describeDrill } from "./follow-up/follow-up.service.js";
import { drillConditions, drillFromPage, pageQuery } from "./follow-up/follow-up-links.rules.js";
import { myDirectiveIds } from "./my-directives.service.js";
import { TIMELINESS, type Timeliness } from "./timeliness.rules.js";
import { sqlClock } from "./timeliness-sql.js";
import {
  allowedActions,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type WorkflowAction,
  type WorkflowState,
} from "./workflow.rules.js";

const PAGE_SIZE = 50;
const NOTICES: Record<string, string> = {
  ok: "Đã ghi nhận.",
  "gia-han": "Đã gửi đề nghị gia hạn.",
  "duyet-gia-han": "Đã ghi nhận ý kiến về đề nghị gia hạn.",
  con: "Đã giao nhiệm vụ con.",
  sua: "Đã lưu điều chỉnh.",
};

async function renderDirective(
  c: AppCtx,
  id: number,
  errors?: Record<string, string>,
  status: 200 | 403 | 409 | 422 = 200,
  failedAction?: string,
) {
  const ctx = await actorOf(c);
  const db = c.var.ctx.database.db;
  const d = await getDirectiveFor(db, id, ctx);
  const [relations, reports, children, parties, extension] = await Promise.all([
    relationsOf(db, d, ctx),
    listReports(db, id),
    listDirectives(db, { scope: "all", parentId: id, clock: sqlClock(ctx.now), limit: 500, offset: 0 }),
    listPartyOptions(db, { allDates: ctx.today }),
    extensionsOf(db, d, ctx),
  ]);
  const open = d.state !== "confirmed" && d.state !== "cancelled";
  return c.html(
    <DirectivePage
      meta={pageMeta(c, d.title.length > 60 ? `${d.title.slice(0, 59)}…` : d.title)}
      d={presentDirective(d, ctx.now)}
      reports={reports}
      subtasks={children.rows.map((x) => presentDirective(x, ctx.now))}
      allowed={allowedActions(d.state, relations)}
      canAddChild={open && (relations.includes("assignee") || relations.includes("assigner"))}
      canEdit={open && relations.includes("assigner")}
      parties={parties}
      extension={extension}
      errors={errors}
      failedAction={failedAction}
      notice={NOTICES[c.req.query("ok") ?? ""] ?? null}
    />,
    status,
  );
}

export function deadlineFrom(kindRaw: string, dateRaw: string): Deadline {
  const kind: DeadlineKind = (DEADLINE_KINDS as readonly string[]).includes(kindRaw)
    ? (kindRaw as DeadlineKind)
    : "none";
  if (kind === "none" || kind === "recurring") return { kind, date: null, phrase: null };
  if (!isIsoDate(dateRaw)) throw new ValidationError({ deadlineDate: "Vui lòng chọn ngày hết hạn." });
  return { kind, date: lastDayCovered(kind, dateRaw) ?? dateRaw, phrase: null };
}

export function partyOf(key: string, parties: PartyOption[]) {
  const p = parties.find((x) => x.key === key);
  return p ? { unitId: p.unitId, organisationId: p.organisationId } : null;
}

/** Runs a form's use case; a refusal or bad input re-renders the directive with the message. */
export async function orShow(
  c: AppCtx,
  id: number,
  work: () => Promise<string>,
  failedAction?: () => Promise<string>,
) {
  try {
    return c.redirect(await work(), 303);
  } catch (error) {
    if (error instanceof AppError && (error.status === 403 || error.status === 409 || error.status === 422)) {
      const action = failedAction ? await failedAction() : undefined;
      return renderDirective(c, id, error.fields ?? { action: error.message }, error.status, action);
    }
    throw error;
  }
}

export function registerDirectivePages(app: OpenAPIHono<AppEnv>): void {
  app.get(DIRECTIVES_HREF, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const q = (k: string) => c.req.query(k) ?? "";
    // The follow-up page's figures open this list with the same filter (follow-up-links.rules.ts).
    const drill = drillFromPage((k) => c.req.query(k));
    const { unit, status, timeliness, ...extra } = drill;
    const filters = {
      unit: unit === undefined ? "" : String(unit),
      state: status ?? "",
      timeliness: timeliness ?? "",
      mine: q("cua_toi") === "1",
      extensionsToDecide: q("gia_han") === "cho_duyet",
      page: Math.max(1, Number(q("trang")) || 1),
      extra: [...new URLSearchParams(pageQuery(extra))],
      extraLabels: await describeDrill(db, extra),
    };
    const scope = readableUnits(ctx.actor, ctx.hierarchy, ctx.today);
    const conditions = {
      ...drillConditions(drill),
      ...(drill.under === undefined
        ? {}
        : { leadUnitIds: ctx.hierarchy.unitIdsUnder([drill.under], ctx.today) }),
    };
    // "Của tôi": only those the caller assigned or leads (my-directives.service.ts), as the dashboard counts.
    let ids = filters.mine ? await myDirectiveIds(db, ctx, conditions) : undefined;
    // "Gia hạn chờ duyệt": the requests the caller must decide, as the dashboard counts them.
    if (filters.extensionsToDecide) {
      const waiting = await extensionsToDecideIds(db, ctx);
      ids = ids ? ids.filter((id) => waiting.includes(id)) : waiting;
    }
    const { rows, total } = await listDirectives(db, {
      scope,
      ids,
      ...conditions,
      clock: sqlClock(ctx.now),
      limit: PAGE_SIZE,
      offset: (filters.page - 1) * PAGE_SIZE,
    });
    const units = (await listPartyOptions(db, { allDates: ctx.today })).filter(
      (p) => p.organisationId === null && (scope === "all" || scope.includes(p.unitId)),
    );
    return c.html(
      <DirectiveListPage
        meta={pageMeta(c, "Nhiệm vụ")}
        rows={rows.map((d) => presentDirective(d, ctx.now))}
        total={total}
        pageSize={PAGE_SIZE}
        filters={filters}
        units={units}
      />,
    );
  });

  app.get(`${DIRECTIVES_HREF}/:id`, (c) =>
    renderDirective(c, requireId(c.req.param("id"), "Không tìm thấy nhiệm vụ này.")),
  );

  app.post(`${DIRECTIVES_HREF}/:id/thao-tac`, async (c) => {
    const id = requireId(c.req.param("id"), "Không tìm thấy nhiệm vụ này.");
    return orShow(
      c,
      id,
      async () => {
        const ctx = await actorOf(c);
        const db = c.var.ctx.database.db;
        const body = await c.req.parseBody();
        const action = formText(body, "action");
        if (!(WORKFLOW_ACTIONS as readonly string[]).includes(action))
          throw new ValidationError({ action: "Thao tác không hợp lệ." });
        const d = await getDirectiveFor(db, id, ctx);
        const percentRaw = formText(body, "percent").trim();
        const percent = percentRaw === "" ? null : Number(percentRaw);
        if (percent !== null && !Number.isInteger(percent))
          throw new ValidationError({ percent: "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100." });
        const parties = action === "reassign" ? await listPartyOptions(db, { allDates: ctx.today }) : [];
        const upload = body.file;
        const fileId =
          upload instanceof File
            ? await storeUpload(db, c.var.ctx.config.dataDir, upload, {
                unitId: d.lead.unitId,
                userId: ctx.actor.userId,
                now: ctx.now,
              })
            : null;
        await actOnDirective(
          db,
          id,
          {
            action: action as WorkflowAction,
            text: formText(body, "text"),
            percent,
            newLead: partyOf(formText(body, "newLead"), parties) ?? undefined,
            fileIds: fileId ? [fileId] : [],
            public: formText(body, "public") === "1",
          },
          ctx,
        );
        return `${DIRECTIVES_HREF}/${id}?ok=ok`;
      },
      async () => formText(await c.req.parseBody(), "action"),
    );
  });

  app.post(`${DIRECTIVES_HREF}/:id/nhiem-vu-con`, async (c) => {
    const id = requireId(c.req.param("id"), "Không tìm thấy nhiệm vụ này.");
    return orShow(c, id, async () => {
      const ctx = await actorOf(c);
      const db = c.var.ctx.database.db;
      const body = await c.req.parseBody();
      const lead = partyOf(formText(body, "lead"), await listPartyOptions(db, { allDates: ctx.today }));
      if (!lead) throw new ValidationError({ lead: "Vui lòng chọn đơn vị chủ trì." });
      const parent = await getDirectiveFor(db, id, ctx);
      const childId = await createDirective(
        db,
        {
          title: formText(body, "title"),
          lead,
          coordinators: [],
          deadline: deadlineFrom(formText(body, "deadlineKind"), formText(body, "deadlineDate")),
          assigningUnitId: parent.lead.unitId,
          assignerPersonId: null,
          assignerName: ctx.actor.displayName,
          noticeId: parent.noticeId,
          parentId: id,
        },
        ctx,
      );
      return `${DIRECTIVES_HREF}/${childId}?ok=con`;
    });
  });

  app.post(`${DIRECTIVES_HREF}/:id/sua`, async (c) => {
    const id = requireId(c.req.param("id"), "Không tìm thấy nhiệm vụ này.");
    return orShow(c, id, async () => {
      const ctx = await actorOf(c);
      const db = c.var.ctx.database.db;
      const body = await c.req.parseBody({ all: true });
      const parties = await listPartyOptions(db, { allDates: ctx.today });
      const coordinators = formTexts(body, "coordinators").flatMap((k) => partyOf(k, parties) ?? []);
      await editDirective(
        db,
        id,
        {
          deadline: deadlineFrom(formText(body, "deadlineKind"), formText(body, "deadlineDate")),
          coordinators,
        },
        ctx,
      );
      return `${DIRECTIVES_HREF}/${id}?ok=sua`;
    });
  });

  app.get("/quan-tri/tep/:id", async (c) => {
    const ctx = await actorOf(c);
    return openFile(
      c.var.ctx.database.db,
      c.var.ctx.config.dataDir,
      requireId(c.req.param("id"), "Không tìm thấy tệp này."),
      ctx,
    );
  });
}
