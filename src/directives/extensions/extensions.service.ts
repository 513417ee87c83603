/**
 * Deadline extensions (xin gia hạn): the lead unit asks for a later last day with a reason, the
 * assigning side grants or refuses it with a reason. Each step runs in one transaction with its audit
 * event, a line in the directive's history and the notifications; a grant moves the directive's
 * deadline, so timeliness, reminders and follow-up figures all read the granted date.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { isValidAt } from "../../core/access/hierarchy.rules.js";
import { mayAnywhere } from "../../core/access/needs.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { withTransaction } from "../../core/db/transaction.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import type { Deadline } from "../deadline.js";
import { extensionRightsTo } from "../directive-access.rules.js";
import { insertReport } from "../directive-reports.repo.js";
import type { DirectiveRecord } from "../directives.model.js";
import { listDirectiveParties, updateDirective } from "../directives.repo.js";
import { getDirectiveFor } from "../directives.service.js";
import { notifyStep } from "../reminders/notifications.repo.js";
import { sqlClock } from "../timeliness-sql.js";
import {
  decideExtension,
  type ExtensionRecord,
  findExtension,
  insertExtension,
  listExtensions,
  pendingRequestedBy,
} from "./extensions.repo.js";
import {
  checkDecision,
  checkRequest,
  decisionHistoryText,
  type ExtensionDecision,
  grantedDeadline,
  type Refusal,
  requestHistoryText,
} from "./extensions.rules.js";

function rightsOf(d: DirectiveRecord, ctx: Omit<ActorContext, "now">) {
  return extensionRightsTo(
    ctx.actor,
    {
      leadUnitId: d.lead.unitId,
      leadOrganisationId: d.lead.organisationId,
      assigningUnitId: d.assigningUnitId,
      coordinatorUnitIds: [],
    },
    ctx.hierarchy,
    ctx.today,
  );
}

function refuse(refusal: Refusal | null): void {
  if (refusal === null) return;
  if ("conflict" in refusal) throw new ConflictError(refusal.conflict);
  throw new ValidationError(refusal.fields);
}

/** Does the lead unit still exist today (extensions apply to live units; the others await hand-over)? */
function leadUnitLive(d: DirectiveRecord, ctx: Pick<ActorContext, "hierarchy" | "today">): boolean {
  const unit = ctx.hierarchy.unit(d.lead.unitId);
  return unit === undefined || isValidAt(unit, ctx.today);
}

/** The deadline the directive was given: the one the first granted request replaced, else the current one. */
export function originalDeadlineOf(d: DirectiveRecord, extensions: ExtensionRecord[]): Deadline {
  return extensions.find((e) => e.status === "granted")?.previousDeadline ?? d.deadline;
}

function notifyAbout(d: DirectiveRecord) {
  return {
    id: d.id,
    title: d.title,
    leadUnitId: d.lead.unitId,
    leadOrganisationId: d.lead.organisationId,
    assigningUnitId: d.assigningUnitId,
    createdBy: d.createdBy,
  };
}

/**
 * The lead unit asks for the new last day `requestedDate` with `reason`. 403 unless the actor acts
 * for the lead unit (not for the assigner), 409 when the directive is finished, submitted, paused,
 * without deadline, awaiting hand-over or already has a request waiting, 422 for a date in the past
 * or not after the current deadline, or no reason.
 */
export async function requestExtension(
  db: Kysely<DB>,
  directiveId: number,
  input: { requestedDate: string; reason: string },
  ctx: ActorContext,
): Promise<ExtensionRecord> {
  return withTransaction(db, async (trx) => {
    const d = await getDirectiveFor(trx, directiveId, ctx);
    if (!rightsOf(d, ctx).request)
      throw new ForbiddenError("Chỉ đơn vị chủ trì nhiệm vụ mới được đề nghị gia hạn.");
    const existing = await listExtensions(trx, d.id);
    refuse(
      checkRequest(
        {
          state: d.state,
          deadline: d.deadline,
          leadUnitLive: leadUnitLive(d, ctx),
          hasPending: existing.some((e) => e.status === "pending"),
          today: ctx.today,
        },
        input.requestedDate,
        input.reason,
      ),
    );
    const reason = input.reason.trim();
    const id = await insertExtension(trx, {
      directiveId: d.id,
      requestedDate: input.requestedDate,
      reason,
      requestedBy: ctx.actor.userId,
      requesterName: ctx.actor.displayName,
      at: ctx.now,
      previousDeadline: d.deadline,
    });
    await insertReport(trx, {
      directiveId: d.id,
      action: "request_extension",
      percent: null,
      text: requestHistoryText(input.requestedDate, d.deadline, reason),
      fromState: d.state,
      toState: d.state,
      reportedBy: ctx.actor.userId,
      reporterName: ctx.actor.displayName,
      at: ctx.now,
      fileIds: [],
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "request_extension",
      entityType: "directive",
      entityId: d.id,
      unitId: d.lead.unitId,
      before: { deadline: d.deadline },
      after: { extensionId: id, requestedDate: input.requestedDate, reason },
      at: ctx.now,
      ip: ctx.ip,
    });
    await notifyStep(trx, "extension_requested", notifyAbout(d), ctx);
    return (await findExtension(trx, d.id, id)) as ExtensionRecord;
  });
}

/**
 * The assigning side grants or refuses a waiting request with `reason`. 403 unless the actor may
 * decide for the assigning unit (and did not ask for it), 404 for a request of another directive,
 * 409 when it was decided already or the directive is finished. A grant sets the deadline to the
 * requested day; the deadline it replaces stays on the request.
 */
export async function decideExtensionRequest(
  db: Kysely<DB>,
  directiveId: number,
  requestId: number,
  input: { decision: ExtensionDecision; reason: string },
  ctx: ActorContext,
): Promise<ExtensionRecord> {
  return withTransaction(db, async (trx) => {
    const d = await getDirectiveFor(trx, directiveId, ctx);
    const request = await findExtension(trx, d.id, requestId);
    if (!request) throw new NotFoundError("Không tìm thấy đề nghị gia hạn này.");
    if (!rightsOf(d, ctx).decide)
      throw new ForbiddenError("Chỉ đơn vị giao nhiệm vụ mới được duyệt đề nghị gia hạn.");
    if (request.requestedBy === ctx.actor.userId)
      throw new ForbiddenError("Người đề nghị gia hạn không tự duyệt đề nghị của mình.");
    refuse(
      checkDecision(
        {
          status: request.status,
          state: d.state,
          deadline: d.deadline,
          requestedDate: request.requestedDate,
        },
        input.decision,
        input.reason,
      ),
    );
    const reason = input.reason.trim();
    const decided = await decideExtension(trx, request.id, {
      decision: input.decision,
      reason,
      by: ctx.actor.userId,
      name: ctx.actor.displayName,
      at: ctx.now,
    });
    if (!decided) throw new ConflictError("Đề nghị gia hạn này đã được xử lý.");
    const granted = input.decision === "granted";
    if (granted)
      await updateDirective(trx, d.id, { deadline: grantedDeadline(request.requestedDate) }, ctx.now);
    await insertReport(trx, {
      directiveId: d.id,
      action: granted ? "grant_extension" : "refuse_extension",
      percent: null,
      text: decisionHistoryText(input.decision, request.requestedDate, d.deadline, reason),
      fromState: d.state,
      toState: d.state,
      reportedBy: ctx.actor.userId,
      reporterName: ctx.actor.displayName,
      at: ctx.now,
      fileIds: [],
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: granted ? "grant_extension" : "refuse_extension",
      entityType: "directive",
      entityId: d.id,
      unitId: d.lead.unitId,
      before: { deadline: d.deadline, extension: { id: request.id, status: "pending" } },
      after: {
        deadline: granted ? grantedDeadline(request.requestedDate) : d.deadline,
        extension: { id: request.id, status: input.decision, reason },
      },
      at: ctx.now,
      ip: ctx.ip,
    });
    await notifyStep(trx, granted ? "extension_granted" : "extension_refused", notifyAbout(d), ctx);
    return (await findExtension(trx, d.id, request.id)) as ExtensionRecord;
  });
}

/** What a directive's page and JSON show about extensions, and what the viewer may do with them. */
export async function extensionsOf(
  db: Kysely<DB>,
  d: DirectiveRecord,
  ctx: ActorContext,
): Promise<{
  extensions: ExtensionRecord[];
  originalDeadline: Deadline;
  mayRequest: boolean;
  mayDecide: boolean;
}> {
  const extensions = await listExtensions(db, d.id);
  const rights = rightsOf(d, ctx);
  const open = d.state !== "confirmed" && d.state !== "cancelled";
  return {
    extensions,
    originalDeadline: originalDeadlineOf(d, extensions),
    mayRequest: open && rights.request && leadUnitLive(d, ctx),
    // Nobody decides their own request.
    mayDecide:
      open &&
      rights.decide &&
      !extensions.some((e) => e.status === "pending" && e.requestedBy === ctx.actor.userId),
  };
}

/** Can the actor's roles ever decide an extension (the dashboard card applies)? */
export function mayDecideExtensions(ctx: Pick<ActorContext, "actor" | "today">): boolean {
  return mayAnywhere(ctx.actor, "directive.decide_extension", ctx.today);
}

/**
 * Ids of the unfinished directives with a request waiting that the actor may decide (and did not make):
 * what the dashboard card counts and the list's `gia_han=cho_duyet` shows.
 */
export async function extensionsToDecideIds(db: Kysely<DB>, ctx: ActorContext): Promise<number[]> {
  const rows = await listDirectiveParties(db, {
    scope: "all",
    openOnly: true,
    pendingExtension: true,
    clock: sqlClock(ctx.now),
  });
  const mine = rows.filter(
    (d) => extensionRightsTo(ctx.actor, { ...d, coordinatorUnitIds: [] }, ctx.hierarchy, ctx.today).decide,
  );
  if (mine.length === 0) return [];
  const asked = new Set(await pendingRequestedBy(db, ctx.actor.userId));
  return mine.filter((d) => !asked.has(d.id)).map((d) => d.id);
}
