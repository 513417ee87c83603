/**
 * Use cases of the annual programme of work: add and correct entries of a unit's programme, read and
 * list them. Whoever may manage the owner unit's sessions manages its programme (session.manage);
 * every change is audited with before and after in the same transaction.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { mayOnUnit, readableUnits } from "../core/access/needs.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import {
  findProgramItem,
  insertProgramItem,
  listProgramItems,
  listProgrammeYears,
  type ProgramItem,
  type ProgramItemInput,
  unitExists,
  updateProgramItem,
} from "./programme.repo.js";
import { programItemErrors } from "./programme.rules.js";

type ReadContext = Omit<ActorContext, "now">;

async function check(db: Kysely<DB>, input: ProgramItemInput, ctx: ReadContext): Promise<void> {
  const fields = programItemErrors(input);
  if (!(await unitExists(db, input.ownerUnitId))) fields.ownerUnitId = "Không có đơn vị này.";
  if (input.hostUnitId !== null && !(await unitExists(db, input.hostUnitId)))
    fields.hostUnitId = "Không có đơn vị này.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  if (!mayManageProgramme(ctx, input.ownerUnitId))
    throw new ForbiddenError("Bạn không có quyền lập chương trình công tác của đơn vị này.");
}

export function mayManageProgramme(ctx: ReadContext, ownerUnitId: number): boolean {
  return mayOnUnit(ctx.actor, "session.manage", ownerUnitId, ctx.hierarchy, ctx.today);
}

export async function createProgramItem(
  db: Kysely<DB>,
  input: ProgramItemInput,
  ctx: ActorContext,
): Promise<number> {
  const clean = { ...input, title: input.title.trim() };
  await check(db, clean, ctx);
  return withTransaction(db, async (trx) => {
    const id = await insertProgramItem(trx, { ...clean, now: ctx.now });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "create",
      entityType: "work_program_item",
      entityId: id,
      unitId: clean.ownerUnitId,
      after: clean,
      at: ctx.now,
      ip: ctx.ip,
    });
    return id;
  });
}

/** The entry if the actor may read its owner or its planned host unit; 404 otherwise. */
export async function getProgramItemFor(db: Kysely<DB>, id: number, ctx: ReadContext): Promise<ProgramItem> {
  const item = await findProgramItem(db, id);
  const readable =
    item &&
    [item.ownerUnitId, item.hostUnitId].some(
      (unit) => unit !== null && mayOnUnit(ctx.actor, "session.read", unit, ctx.hierarchy, ctx.today),
    );
  if (!item || !readable) throw new NotFoundError("Không tìm thấy nội dung này trong chương trình công tác.");
  return item;
}

/** Corrects an entry; the actor must manage both the old and the new owner unit. */
export async function editProgramItem(
  db: Kysely<DB>,
  id: number,
  input: ProgramItemInput,
  ctx: ActorContext,
): Promise<void> {
  const before = await getProgramItemFor(db, id, ctx);
  if (!mayManageProgramme(ctx, before.ownerUnitId)) throw new ForbiddenError();
  const clean = { ...input, title: input.title.trim() };
  await check(db, clean, ctx);
  const was: ProgramItemInput = {
    ownerUnitId: before.ownerUnitId,
    year: before.year,
    title: before.title,
    plannedMonth: before.plannedMonth,
    hostUnitId: before.hostUnitId,
  };
  await withTransaction(db, async (trx) => {
    await updateProgramItem(trx, id, clean);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "update",
      entityType: "work_program_item",
      entityId: id,
      unitId: clean.ownerUnitId,
      before: was,
      after: clean,
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}

/** A year's programme as the actor may read it, optionally of one owner unit. */
export async function searchProgramItems(
  db: Kysely<DB>,
  query: { year: number; ownerUnitId?: number },
  ctx: ReadContext,
): Promise<ProgramItem[]> {
  return listProgramItems(db, {
    scope: readableUnits(ctx.actor, ctx.hierarchy, ctx.today),
    ownerUnitId: query.ownerUnitId,
    year: query.year,
  });
}

/** The years with entries the actor may read, newest first. */
export function programmeYears(db: Kysely<DB>, ctx: ReadContext): Promise<number[]> {
  return listProgrammeYears(db, readableUnits(ctx.actor, ctx.hierarchy, ctx.today));
}
