/**
 * Saving a conclusion notice with its numbered items and the directives made from them, all or
 * nothing in one transaction, each record audited; reading a notice with its directives.
 */

import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { mayOnUnit } from "../core/access/needs.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { withTransaction } from "../core/db/transaction.js";
import { mayReadFile } from "../core/files/files.service.js";
import { isIsoDate } from "../core/format/vi-date.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { capitaliseFirst } from "../core/text/sentence.js";
import { AREA_CODES } from "../directives/areas.js";
import type { Deadline } from "../directives/deadline.js";
import type { DirectiveRecord } from "../directives/directives.model.js";
import { listDirectives, type PartyInput, updateDirective } from "../directives/directives.repo.js";
import { createDirectiveIn } from "../directives/directives.service.js";
import { sqlClock } from "../directives/timeliness-sql.js";
import { getSessionFor } from "../sessions/sessions.service.js";
import { type PartyToCheck, partyAt } from "../units/parties.rules.js";
import { checkPartiesAt } from "../units/parties.service.js";
import {
  deleteItem,
  directiveCountsByItem,
  findNotice,
  insertItem,
  insertNotice,
  type NoticeHeader,
  type NoticeRecord,
  updateItem,
  updateNoticeHeader,
} from "./conclusions.repo.js";

export interface DirectiveDraft {
  /** Defaults to the item's text. */
  title?: string | null;
  lead: PartyInput;
  coordinators: PartyInput[];
  deadline: Deadline;
}

export interface NoticeItemInput {
  number: string;
  area: string;
  text: string;
  /** Index (in `items`) of the item this one is a sub-item of. */
  parentIndex?: number | null;
  directives: DirectiveDraft[];
}

export interface NoticeInput extends NoticeHeader {
  items: NoticeItemInput[];
  /** The leader who gave the directives; defaults to the signer. */
  assignerPersonId?: number | null;
  assignerName?: string | null;
  /** The stored Word or PDF file the notice was imported from (import/notice-import.service.ts). */
  sourceFileId?: number | null;
}

function validate(input: NoticeInput): void {
  const fields: Record<string, string> = {};
  if (!input.number.trim()) fields.number = "Vui lòng nhập số thông báo (ví dụ 136-TB/QU).";
  if (!isIsoDate(input.issuedOn)) fields.issuedOn = "Ngày ban hành không hợp lệ.";
  if (!input.signerName.trim()) fields.signerName = "Vui lòng nhập người ký.";
  if (!input.title.trim()) fields.title = "Vui lòng nhập trích yếu.";
  if (input.items.length === 0) fields.items = "Thông báo cần ít nhất một nội dung kết luận.";
  input.items.forEach((item, i) => {
    if (!item.text.trim()) fields[`items.${i}.text`] = "Vui lòng nhập nội dung kết luận.";
    if (!(AREA_CODES as readonly string[]).includes(item.area))
      fields[`items.${i}.area`] = "Lĩnh vực không hợp lệ.";
    const p = item.parentIndex;
    if (p !== null && p !== undefined && (p < 0 || p >= i))
      fields[`items.${i}.parentIndex`] = "Mục cha phải đứng trước.";
  });
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/** Saves the notice, its items and their directives. Returns the notice id. */
export async function saveNotice(db: Kysely<DB>, input: NoticeInput, ctx: ActorContext): Promise<number> {
  validate(input);
  if (!mayOnUnit(ctx.actor, "directive.assign", input.issuingUnitId, ctx.hierarchy, ctx.today)) {
    throw new ForbiddenError("Bạn không có quyền ban hành kết luận thay mặt đơn vị này.");
  }
  if (input.sessionId) {
    await getSessionFor(db, input.sessionId, ctx).catch((error: unknown) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ sessionId: "Không tìm thấy buổi làm việc này." });
      throw error;
    });
  }
  // Every lead and coordinator must exist on the issue date, each organisation in its unit.
  const parties: PartyToCheck[] = input.items.flatMap((item, i) =>
    item.directives.flatMap((draft, j) => [
      partyAt(`items.${i}.directives.${j}.lead`, draft.lead),
      ...draft.coordinators.map((c, k) => partyAt(`items.${i}.directives.${j}.coordinators.${k}`, c)),
    ]),
  );
  await checkPartiesAt(db, ctx.hierarchy, parties, input.issuedOn);
  // The original must be a file its saver may open (a notice shows its name and links it).
  if (input.sourceFileId && !(await mayReadFile(db, input.sourceFileId, ctx)))
    throw new ValidationError({ sourceFileId: "Không tìm thấy tệp gốc của thông báo." });
  return withTransaction(db, async (trx) => {
    const noticeId = await insertNotice(trx, input, ctx.actor.userId, ctx.now);
    const itemIds: number[] = [];
    let directiveCount = 0;
    for (const [i, item] of input.items.entries()) {
      const parentItemId =
        item.parentIndex !== null && item.parentIndex !== undefined
          ? (itemIds[item.parentIndex] ?? null)
          : null;
      const itemId = await insertItem(trx, {
        noticeId,
        parentItemId,
        number: item.number,
        area: item.area,
        text: item.text.trim(),
        sortOrder: i,
      });
      itemIds.push(itemId);
      for (const draft of item.directives) {
        await createDirectiveIn(
          trx,
          {
            // A directive reads as a sentence even when the item's words start mid-sentence
            // ("phường chủ động…" after "Giao"): "Phường chủ động…".
            title: capitaliseFirst(draft.title?.trim() || item.text.trim()),
            lead: draft.lead,
            coordinators: draft.coordinators,
            deadline: draft.deadline,
            assigningUnitId: input.issuingUnitId,
            assignerPersonId: input.assignerPersonId ?? input.signerPersonId,
            assignerName: input.assignerName ?? input.signerName,
            noticeId,
            itemId,
            givenOn: input.issuedOn,
          },
          ctx,
        );
        directiveCount += 1;
      }
    }
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "create",
      entityType: "conclusion_notice",
      entityId: noticeId,
      unitId: input.issuingUnitId,
      after: {
        number: input.number,
        issuedOn: input.issuedOn,
        items: input.items.length,
        directives: directiveCount,
        sourceFileId: input.sourceFileId ?? null,
      },
      at: ctx.now,
      ip: ctx.ip,
    });
    return noticeId;
  });
}

export interface NoticeView {
  notice: NoticeRecord;
  directives: DirectiveRecord[];
}

/** A notice with its directives, if the actor may read the issuing unit's records or the session. */
export async function getNoticeFor(db: Kysely<DB>, id: number, ctx: ActorContext): Promise<NoticeView> {
  const notice = await findNotice(db, id);
  if (!notice) throw new NotFoundError("Không tìm thấy thông báo kết luận này.");
  const readable =
    mayOnUnit(ctx.actor, "session.read", notice.issuingUnitId, ctx.hierarchy, ctx.today) ||
    (notice.sessionId !== null &&
      (await getSessionFor(db, notice.sessionId, ctx).then(
        () => true,
        () => false,
      )));
  if (!readable) throw new NotFoundError("Không tìm thấy thông báo kết luận này.");
  const { rows } = await listDirectives(db, {
    scope: "all",
    noticeId: id,
    clock: sqlClock(ctx.now),
    limit: 1000,
    offset: 0,
  });
  return { notice, directives: rows };
}

/** The corrected header and items of a notice; `id: null` adds an item, `remove` drops one. */
export interface NoticeEdit extends Omit<NoticeHeader, "sessionId" | "issuingUnitId"> {
  items: { id: number | null; number: string; area: string; text: string; remove: boolean }[];
}

/** Whoever may issue conclusions for the issuing unit may correct its notices. */
export function mayEditNotice(
  ctx: Omit<ActorContext, "now">,
  notice: Pick<NoticeRecord, "issuingUnitId">,
): boolean {
  return mayOnUnit(ctx.actor, "directive.assign", notice.issuingUnitId, ctx.hierarchy, ctx.today);
}

function editErrors(
  input: NoticeEdit,
  before: NoticeRecord,
  counts: Map<number, number>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!input.number.trim()) fields.number = "Vui lòng nhập số thông báo (ví dụ 136-TB/QU).";
  if (!isIsoDate(input.issuedOn)) fields.issuedOn = "Ngày ban hành không hợp lệ.";
  if (!input.signerName.trim()) fields.signerName = "Vui lòng nhập người ký.";
  if (!input.signerTitle.trim()) fields.signerTitle = "Vui lòng nhập chức vụ người ký.";
  if (!input.title.trim()) fields.title = "Vui lòng nhập trích yếu.";
  if (!input.issuingBody.trim()) fields.issuingBody = "Vui lòng nhập tên cơ quan ban hành.";
  if (!input.placeName.trim()) fields.placeName = "Vui lòng nhập địa danh.";
  const known = new Set(before.items.map((i) => i.id));
  input.items.forEach((item, i) => {
    if (item.id !== null && !known.has(item.id))
      fields[`items.${i}.id`] = "Nội dung này không thuộc thông báo.";
    if (item.remove) {
      if (item.id !== null && (counts.get(item.id) ?? 0) > 0)
        fields[`items.${i}.remove`] = "Nội dung đã được giao nhiệm vụ, không bỏ được.";
      else if (item.id !== null && before.items.some((x) => x.parentItemId === item.id))
        fields[`items.${i}.remove`] = "Nội dung còn các ý con, không bỏ được.";
      return;
    }
    if (!item.number.trim()) fields[`items.${i}.number`] = "Vui lòng nhập số thứ tự.";
    if (!item.text.trim()) fields[`items.${i}.text`] = "Vui lòng nhập nội dung kết luận.";
    if (!(AREA_CODES as readonly string[]).includes(item.area))
      fields[`items.${i}.area`] = "Lĩnh vực không hợp lệ.";
  });
  if (input.items.filter((i) => !i.remove).length === 0)
    fields.items = "Thông báo cần ít nhất một nội dung kết luận.";
  return fields;
}

/**
 * Corrects a notice: its header, the number, area and text of its items, items added or dropped (only
 * those no directive was made from). Directives stay consistent with what they were made from: one
 * titled with its item's text takes the corrected text, and one given by the signer takes the
 * corrected signer. All in one transaction; the notice and every directive changed are audited with
 * before and after.
 */
export async function editNotice(
  db: Kysely<DB>,
  id: number,
  input: NoticeEdit,
  ctx: ActorContext,
): Promise<void> {
  const before = await findNotice(db, id);
  if (!before) throw new NotFoundError("Không tìm thấy thông báo kết luận này.");
  if (!mayEditNotice(ctx, before))
    throw new ForbiddenError("Bạn không có quyền sửa thông báo kết luận của đơn vị này.");
  await withTransaction(db, async (trx) => {
    const counts = await directiveCountsByItem(trx, id);
    const fields = editErrors(input, before, counts);
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
    const header = {
      number: input.number.trim(),
      issuedOn: input.issuedOn,
      issuingBody: input.issuingBody.trim(),
      parentBody: input.parentBody?.trim() || null,
      placeName: input.placeName.trim(),
      title: input.title.trim(),
      preamble: input.preamble?.trim() || null,
      signerPersonId: input.signerPersonId,
      signerName: input.signerName.trim(),
      signerTitle: input.signerTitle.trim(),
      signingAuthority: input.signingAuthority?.trim() || null,
      recipients: input.recipients?.trim() || null,
    };
    await updateNoticeHeader(trx, id, header, ctx.now);
    const oldText = new Map(before.items.map((i) => [i.id, i.text]));
    const newText = new Map<number, string>();
    let order = 0;
    for (const item of input.items) {
      if (item.remove) {
        if (item.id !== null) await deleteItem(trx, item.id);
        continue;
      }
      const values = {
        number: item.number.trim(),
        area: item.area,
        text: item.text.trim(),
        sortOrder: order,
      };
      order += 1;
      if (item.id === null) {
        await insertItem(trx, { noticeId: id, parentItemId: null, ...values });
      } else {
        await updateItem(trx, item.id, values);
        if (values.text !== oldText.get(item.id)) newText.set(item.id, values.text);
      }
    }
    const signerChanged =
      header.signerName !== before.signerName || header.signerPersonId !== before.signerPersonId;
    const { rows: directives } = await listDirectives(trx, {
      scope: "all",
      noticeId: id,
      clock: sqlClock(ctx.now),
      limit: 1000,
      offset: 0,
    });
    for (const d of directives) {
      const text = d.itemId === null ? undefined : newText.get(d.itemId);
      const old = oldText.get(d.itemId as number);
      const titledByItem = old !== undefined && (d.title === old || d.title === capitaliseFirst(old));
      const retitle = text !== undefined && titledByItem ? capitaliseFirst(text) : undefined;
      const reassign =
        signerChanged && d.assignerName === before.signerName && d.assignerPersonId === before.signerPersonId
          ? { personId: header.signerPersonId, name: header.signerName }
          : undefined;
      if (retitle === undefined && reassign === undefined) continue;
      await updateDirective(trx, d.id, { title: retitle, assigner: reassign }, ctx.now);
      await recordAudit(trx, {
        actor: ctx.actor,
        action: "update",
        entityType: "directive",
        entityId: d.id,
        unitId: d.lead.unitId,
        before: {
          ...(retitle !== undefined ? { title: d.title } : {}),
          ...(reassign ? { assignerPersonId: d.assignerPersonId, assignerName: d.assignerName } : {}),
        },
        after: {
          ...(retitle !== undefined ? { title: retitle } : {}),
          ...(reassign ? { assignerPersonId: reassign.personId, assignerName: reassign.name } : {}),
          reason: `Sửa thông báo kết luận ${header.number}`,
        },
        at: ctx.now,
        ip: ctx.ip,
      });
    }
    const { items: beforeItems, id: _id, ...beforeHeader } = before;
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "update",
      entityType: "conclusion_notice",
      entityId: id,
      unitId: before.issuingUnitId,
      before: {
        ...beforeHeader,
        items: beforeItems.map(({ id: itemId, number, area, text }) => ({ id: itemId, number, area, text })),
      },
      after: { ...header, items: input.items },
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}
