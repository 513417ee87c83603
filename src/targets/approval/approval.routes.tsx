import type { OpenAPIHono } from "@hono/zod-openapi";
import { canAnywhere } from "../../core/access/policy.js";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { type FieldErrors, ForbiddenError, ValidationError } from "../../core/http/errors.js";
import { idParam } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { listIndicators } from "../catalogue/indicators.repo.js";
import { loadEntryContexts } from "../entry/entry-context.service.js";
import { listResultsByStatus, listResultsForUnit } from "../entry/results.repo.js";
import { periodKindOf } from "../period.rules.js";
import { TARGETS_CSS_PATH } from "../targets-styles.routes.js";
import { ApprovalPage, type QueueGroup } from "./approval.views.js";
import { approvableUnits } from "./approval-queue.service.js";
import { approveResults, reopenResults, returnResults } from "./results-workflow.service.js";

const QUEUE_LIMIT = 2000;
const NOTICES: Record<string, string> = {
  duyet: "Đã phê duyệt. Số liệu đã khóa.",
  "tra-lai": "Đã trả lại số liệu cho đơn vị.",
  "mo-lai": "Đã mở lại số liệu để đơn vị sửa.",
};

/** Units whose figures the caller may approve; 403 for whoever may approve nowhere. */
async function approvableUnitsOf(c: AppCtx) {
  const ctx = await actorOf(c);
  if (!canAnywhere(ctx.actor, "result.approve", ctx.today)) throw new ForbiddenError();
  return approvableUnits(c.var.ctx.database.db, ctx);
}

async function render(c: AppCtx, extra: { errors?: FieldErrors } = {}, status: 200 | 409 | 422 = 200) {
  const db = c.var.ctx.database.db;
  const units = await approvableUnitsOf(c);
  const byId = new Map(units.map((u) => [u.id, u]));
  const submitted = await listResultsByStatus(db, {
    statuses: ["submitted"],
    unitIds: [...byId.keys()],
    limit: QUEUE_LIMIT,
  });
  const groups = new Map<string, QueueGroup>();
  for (const row of submitted) {
    const key = `${row.unitId}|${row.periodKey}`;
    const unit = byId.get(row.unitId);
    if (!unit) continue;
    const group: QueueGroup = groups.get(key) ?? {
      unit,
      periodKey: row.periodKey,
      rows: [],
      contexts: new Map(),
    };
    group.rows.push(row);
    groups.set(key, group);
  }
  const reopenUnit = idParam(c.req.query("don-vi"));
  const reopenPeriod = (c.req.query("ky") ?? "").trim();
  const reopenRows =
    reopenUnit && byId.has(reopenUnit) && periodKindOf(reopenPeriod)
      ? (await listResultsForUnit(db, reopenUnit, [reopenPeriod], { approvedOnly: true })).filter(
          (r) => r.status === "approved",
        )
      : [];
  const contextsOf = (unitId: number, periodKey: string, end: string | undefined) =>
    end ? loadEntryContexts(db, { unitId, periodKey, parentId: { at: end } }) : Promise.resolve(new Map());
  for (const group of groups.values()) {
    group.contexts = await contextsOf(group.unit.id, group.periodKey, group.rows[0]?.periodEnd);
  }
  const reopenContexts =
    reopenUnit && reopenRows.length > 0
      ? await contextsOf(reopenUnit, reopenPeriod, reopenRows[0]?.periodEnd)
      : new Map();
  const indicators = new Map((await listIndicators(db)).map((i) => [i.id, i]));
  const meta = pageMeta(c, "Phê duyệt số liệu", { head: <link rel="stylesheet" href={TARGETS_CSS_PATH} /> });
  return c.html(
    <ApprovalPage
      meta={meta}
      groups={[...groups.values()]}
      indicators={indicators}
      units={units}
      reopen={{ unitId: reopenUnit, periodKey: reopenPeriod, rows: reopenRows, contexts: reopenContexts }}
      errors={extra.errors}
      notice={NOTICES[c.req.query("ok") ?? ""] ?? null}
    />,
    status,
  );
}

export function registerApprovalPages(app: OpenAPIHono<AppEnv>): void {
  app.get("/quan-tri/phe-duyet", (c) => render(c));

  app.post("/quan-tri/phe-duyet", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const raw = body.id;
    const ids = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .map((v) => Number(v))
      .filter(Number.isInteger);
    const action = typeof body["hanh-dong"] === "string" ? body["hanh-dong"] : "";
    const reasons = Array.isArray(body.reason) ? body.reason : [body.reason];
    const reason = reasons.find((r): r is string => typeof r === "string" && r.trim() !== "") ?? "";
    const db = c.var.ctx.database.db;
    const ctx = await actorOf(c);
    try {
      if (action === "duyet") await approveResults(db, ids, ctx);
      else if (action === "tra-lai") await returnResults(db, ids, reason, ctx);
      else if (action === "mo-lai") await reopenResults(db, ids, reason, ctx);
      else throw new ValidationError({ action: "Thao tác không hợp lệ." });
    } catch (error) {
      if (error instanceof ValidationError) return render(c, { errors: error.fields }, 422);
      throw error;
    }
    return c.redirect(`/quan-tri/phe-duyet?ok=${action}`, 303);
  });
}
