/**
 * Use cases of working sessions: create and edit (with attendees, agenda, documents and opinions as
 * whole lists), read, list. Authorisation through directives.access.ts (the central policy), one
 * audit event per change in the same transaction.
 */

import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { mayOnUnit, maySeeSession, readableUnits } from "../core/access/needs.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { mayReadFile } from "../core/files/files.service.js";
import { vnDateString } from "../core/format/vi-date.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { type PartyToCheck, partyAt } from "../units/parties.rules.js";
import { partyErrorsAt } from "../units/parties.service.js";
import { findProgramItem } from "./programme.repo.js";
import type { SessionDetail, SessionInput, SessionSummary } from "./sessions.model.js";
import { existingUnitIds, findSession, insertSession, listSessions, updateSession } from "./sessions.repo.js";

/** The unit whose session it is: the visiting delegation's, else the host's. */
export function ownerOf(input: Pick<SessionInput, "hostUnitId" | "visitingUnitId">): number {
  return input.visitingUnitId ?? input.hostUnitId;
}

async function checkReferences(
  db: Kysely<DB>,
  input: SessionInput,
  ctx: Omit<ActorContext, "now">,
  keptProgramItemId: number | null = null,
): Promise<void> {
  const unitIds = [input.hostUnitId, input.visitingUnitId].filter((x): x is number => typeof x === "number");
  const found = await existingUnitIds(db, unitIds);
  const fields: Record<string, string> = {};
  if (!found.includes(input.hostUnitId)) fields.hostUnitId = "Không có đơn vị này.";
  if (input.visitingUnitId && !found.includes(input.visitingUnitId))
    fields.visitingUnitId = "Không có đơn vị này.";
  if (input.programItemId && input.programItemId !== keptProgramItemId) {
    // Holding a session under an entry marks the entry as done: only whoever plans for its unit may.
    const item = await findProgramItem(db, input.programItemId);
    if (!item) fields.programItemId = "Không có nội dung này trong chương trình công tác.";
    else if (!mayManage(ctx, item.ownerUnitId))
      fields.programItemId = "Nội dung này thuộc chương trình công tác của đơn vị khác.";
  }
  if (input.endsAt && input.endsAt < input.startsAt) fields.endsAt = "Giờ kết thúc phải sau giờ bắt đầu.";
  // Host, visitors, attendees and speakers: each organisation in its unit, all existing that day.
  const parties: PartyToCheck[] = [
    {
      unitPath: "hostUnitId",
      organisationPath: "hostOrganisationId",
      unitId: input.hostUnitId,
      organisationId: input.hostOrganisationId ?? null,
    },
    ...(input.visitingUnitId || input.visitingOrganisationId
      ? [
          {
            unitPath: "visitingUnitId",
            organisationPath: "visitingOrganisationId",
            unitId: input.visitingUnitId ?? null,
            organisationId: input.visitingOrganisationId ?? null,
          },
        ]
      : []),
    ...(input.attendees ?? []).map((a, i) => partyAt(`attendees.${i}`, { ...a, unitId: a.unitId ?? null })),
    ...(input.opinions ?? []).map((o, i) => partyAt(`opinions.${i}`, { ...o, unitId: null })),
  ];
  for (const [i, d] of (input.documents ?? []).entries()) {
    if (d.fileId && !(await mayReadFile(db, d.fileId, ctx)))
      fields[`documents.${i}.fileId`] = "Không tìm thấy tệp này.";
  }
  const partyFields = await partyErrorsAt(db, ctx.hierarchy, parties, vnDateString(input.startsAt));
  for (const [path, message] of Object.entries(partyFields)) fields[path] ??= message;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

function mayManage(ctx: Omit<ActorContext, "now">, ownerUnitId: number): boolean {
  return mayOnUnit(ctx.actor, "session.manage", ownerUnitId, ctx.hierarchy, ctx.today);
}

export async function createSession(db: Kysely<DB>, input: SessionInput, ctx: ActorContext): Promise<number> {
  const owner = ownerOf(input);
  if (!mayManage(ctx, owner))
    throw new ForbiddenError("Bạn không có quyền tạo buổi làm việc cho đơn vị này.");
  await checkReferences(db, input, ctx);
  return withTransaction(db, async (trx) => {
    const id = await insertSession(trx, input, owner, ctx.actor.userId, ctx.now);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "create",
      entityType: "working_session",
      entityId: id,
      unitId: owner,
      after: input,
      at: ctx.now,
      ip: ctx.ip,
    });
    return id;
  });
}

/** The session if the actor may read it (owner or host unit); 404 otherwise. */
export async function getSessionFor(
  db: Kysely<DB>,
  id: number,
  ctx: Omit<ActorContext, "now">,
): Promise<SessionDetail> {
  const s = await findSession(db, id);
  if (
    !s ||
    !maySeeSession(ctx.actor, { ownerUnitId: s.ownerUnitId, hostUnitId: s.host.id }, ctx.hierarchy, ctx.today)
  )
    throw new NotFoundError("Không tìm thấy buổi làm việc này.");
  return s;
}

export function mayManageSession(
  ctx: Omit<ActorContext, "now">,
  s: Pick<SessionSummary, "ownerUnitId">,
): boolean {
  return mayManage(ctx, s.ownerUnitId);
}

export async function editSession(
  db: Kysely<DB>,
  id: number,
  input: SessionInput,
  ctx: ActorContext,
): Promise<void> {
  const before = await getSessionFor(db, id, ctx);
  const owner = ownerOf(input);
  if (!mayManage(ctx, before.ownerUnitId) || !mayManage(ctx, owner)) throw new ForbiddenError();
  await checkReferences(db, input, ctx, before.programItemId);
  await withTransaction(db, async (trx) => {
    await updateSession(trx, id, input, owner, ctx.now);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "update",
      entityType: "working_session",
      entityId: id,
      unitId: owner,
      before,
      after: input,
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}

/** Sessions the actor may read, newest first; optionally with one unit, or in a time window. */
export async function searchSessions(
  db: Kysely<DB>,
  query: { hostUnitId?: number; from?: string; to?: string; limit?: number },
  ctx: Omit<ActorContext, "now">,
): Promise<SessionSummary[]> {
  return listSessions(db, {
    scope: readableUnits(ctx.actor, ctx.hierarchy, ctx.today),
    hostUnitId: query.hostUnitId,
    from: query.from,
    to: query.to,
    limit: query.limit ?? 200,
  });
}
