/**
 * Saving a conclusion notice with its numbered items and the directives made from them, all or
 * nothing in one transaction, each record audited; reading a notice with its directives.
 */

import type { Kysely } from "kysely";
import { recordAudit } from "../accounts/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { isIsoDate } from "../core/format/vi-date.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { AREA_CODES } from "../directives/areas.js";
import type { Deadline } from "../directives/deadline.js";
import { mayOnUnit } from "../directives/directives.access.js";
import type { DirectiveRecord } from "../directives/directives.model.js";
import { listDirectives, type PartyInput } from "../directives/directives.repo.js";
import { type ActContext, createDirectiveIn } from "../directives/directives.service.js";
import { sqlClock } from "../directives/directives.timeliness-sql.js";
import {
  findNotice,
  insertItem,
  insertNotice,
  type NoticeHeader,
  type NoticeRecord,
} from "./conclusions.repo.js";
import { getSessionFor } from "./sessions.service.js";
import { withTransaction } from "./transaction.js";

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
export async function saveNotice(db: Kysely<DB>, input: NoticeInput, ctx: ActContext): Promise<number> {
  validate(input);
  if (!mayOnUnit(ctx.actor, "directive.assign", input.issuingUnitId, ctx.hierarchy, ctx.today)) {
    throw new ForbiddenError("Bạn không có quyền ban hành kết luận thay mặt đơn vị này.");
  }
  if (input.sessionId) await getSessionFor(db, input.sessionId, ctx);
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
            title: draft.title?.trim() || item.text.trim(),
            lead: draft.lead,
            coordinators: draft.coordinators,
            deadline: draft.deadline,
            assigningUnitId: input.issuingUnitId,
            assignerPersonId: input.assignerPersonId ?? input.signerPersonId,
            assignerName: input.assignerName ?? input.signerName,
            noticeId,
            itemId,
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
export async function getNoticeFor(db: Kysely<DB>, id: number, ctx: ActContext): Promise<NoticeView> {
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
