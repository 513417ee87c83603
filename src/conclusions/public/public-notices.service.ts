/**
 * Public accountability for conclusions: the owner of a notice publishes it (choosing the items shown
 * and whether the public part of the progress reports shows), changes or withdraws that choice, each
 * step audited in its transaction; anyone reads a published notice as it stands now.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { withTransaction } from "../../core/db/transaction.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { listPublicReports } from "../../directives/directive-reports.repo.js";
import { listDirectives } from "../../directives/directives.repo.js";
import { presentDirective } from "../../directives/directives-present.js";
import { sqlClock } from "../../directives/timeliness-sql.js";
import { findNotice, type NoticeRecord } from "../conclusions.repo.js";
import { getNoticeFor, mayEditNotice } from "../conclusions.service.js";
import { documentSystemOf } from "../document-format.rules.js";
import {
  deletePublication,
  findNoticeSession,
  findPublication,
  listPublishedNoticesOfSessions,
  listPublishedNoticesOfUnit,
  type NoticeSessionRow,
  type Publication,
  type PublishedNoticeRow,
  savePublication,
} from "./public-notices.repo.js";
import { type PublicItem, type PublicSummary, publicItems, summarise } from "./public-state.rules.js";

export interface PublicationInput {
  /** The items shown; null: all of them. */
  itemIds: number[] | null;
  showReports: boolean;
  /** A Party organisation's notice stays internal unless this is set: the owner's explicit choice. */
  confirmParty: boolean;
}

/** Is the notice a Party organisation's document (internal unless its owner explicitly chooses)? */
export function isPartyNotice(notice: Pick<NoticeRecord, "issuingBody">): boolean {
  return documentSystemOf(notice.issuingBody) === "party";
}

export const PARTY_WARNING =
  "Đây là văn bản của tổ chức Đảng. Theo mặc định văn bản của Đảng chỉ lưu hành nội bộ; chỉ công khai khi cấp có thẩm quyền đã cho phép.";

/** The notice and its publication, for its owner (404 when not readable, 403 when not the owner). */
export async function getPublicationFor(
  db: Kysely<DB>,
  noticeId: number,
  ctx: ActorContext,
): Promise<{ notice: NoticeRecord; publication: Publication | null; party: boolean }> {
  const { notice } = await getNoticeFor(db, noticeId, ctx);
  if (!mayEditNotice(ctx, notice))
    throw new ForbiddenError("Chỉ đơn vị ban hành thông báo mới được công khai thông báo này.");
  const publication = (await findPublication(db, noticeId)) ?? null;
  return { notice, publication, party: isPartyNotice(notice) };
}

/** Publishes the notice or changes what it shows; 422 on an item of another notice or a Party notice unconfirmed. */
export async function publishNotice(
  db: Kysely<DB>,
  noticeId: number,
  input: PublicationInput,
  ctx: ActorContext,
): Promise<Publication> {
  const { notice, publication, party } = await getPublicationFor(db, noticeId, ctx);
  const known = new Set(notice.items.map((i) => i.id));
  const itemIds = input.itemIds ?? [...known];
  const fields: Record<string, string> = {};
  const stray = itemIds.findIndex((id) => !known.has(id));
  if (stray >= 0) fields[`itemIds.${stray}`] = "Nội dung này không thuộc thông báo.";
  else if (itemIds.length === 0) fields.itemIds = "Chọn ít nhất một nội dung kết luận để công khai.";
  if (party && !input.confirmParty) fields.confirmParty = PARTY_WARNING;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return withTransaction(db, async (trx) => {
    await savePublication(trx, {
      noticeId,
      showReports: input.showReports,
      itemIds,
      userId: ctx.actor.userId,
      now: ctx.now,
    });
    const after = (await findPublication(trx, noticeId)) as Publication;
    await recordAudit(trx, {
      actor: ctx.actor,
      action: publication ? "update_publication" : "publish_notice",
      entityType: "conclusion_notice",
      entityId: noticeId,
      unitId: notice.issuingUnitId,
      before: publication ? { showReports: publication.showReports, itemIds: publication.itemIds } : null,
      after: { showReports: after.showReports, itemIds: after.itemIds, partyNotice: party },
      at: ctx.now,
      ip: ctx.ip,
    });
    return after;
  });
}

/** Withdraws the publication: the public page answers 404 again. 409 when it was not published. */
export async function withdrawNotice(db: Kysely<DB>, noticeId: number, ctx: ActorContext): Promise<void> {
  const { notice, publication } = await getPublicationFor(db, noticeId, ctx);
  if (!publication) throw new ConflictError("Thông báo này chưa được công khai.");
  await withTransaction(db, async (trx) => {
    await deletePublication(trx, noticeId);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: "withdraw_notice",
      entityType: "conclusion_notice",
      entityId: noticeId,
      unitId: notice.issuingUnitId,
      before: { showReports: publication.showReports, itemIds: publication.itemIds },
      after: null,
      at: ctx.now,
      ip: ctx.ip,
    });
  });
}

export interface PublicNotice {
  id: number;
  number: string;
  issuedOn: string;
  issuingBody: string;
  title: string;
  session: NoticeSessionRow | null;
  publishedAt: string;
  items: PublicItem[];
  summary: PublicSummary;
}

/** Items, directives and public reports of a published notice, as they stand at `now`. */
async function readPublished(
  db: Kysely<DB>,
  notice: NoticeRecord,
  publication: Publication,
  now: Date,
): Promise<PublicItem[]> {
  const { rows } = await listDirectives(db, {
    scope: "all",
    noticeId: notice.id,
    clock: sqlClock(now),
    limit: 1000,
    offset: 0,
  });
  const directives = rows.map((d) => presentDirective(d, now));
  const reports = publication.showReports
    ? await listPublicReports(
        db,
        directives.map((d) => d.id),
      )
    : [];
  return publicItems({
    items: notice.items,
    shownItemIds: new Set(publication.itemIds),
    directives,
    reports,
    showReports: publication.showReports,
  });
}

/** A published notice as anyone reads it (404 when it does not exist or is not published). */
export async function readPublicNotice(db: Kysely<DB>, noticeId: number, now: Date): Promise<PublicNotice> {
  const missing = () => new NotFoundError("Không tìm thấy kết luận công khai này.");
  const publication = await findPublication(db, noticeId);
  if (!publication) throw missing();
  const notice = await findNotice(db, noticeId);
  if (!notice) throw missing();
  const [items, session] = await Promise.all([
    readPublished(db, notice, publication, now),
    findNoticeSession(db, notice.sessionId),
  ]);
  return {
    id: notice.id,
    number: notice.number,
    issuedOn: notice.issuedOn,
    issuingBody: notice.issuingBody,
    title: notice.title,
    session: session ?? null,
    publishedAt: publication.publishedAt,
    items,
    summary: summarise(items),
  };
}

export interface UnitCommitments {
  notice: PublishedNoticeRow;
  summary: PublicSummary;
}

/** The published notices about a unit, each with how many of its items are done, on time, late. */
export async function listUnitCommitments(
  db: Kysely<DB>,
  unitId: number,
  now: Date,
): Promise<UnitCommitments[]> {
  const notices = await listPublishedNoticesOfUnit(db, unitId);
  return Promise.all(
    notices.map(async (row) => {
      const published = await readPublicNotice(db, row.id, now);
      return { notice: row, summary: published.summary };
    }),
  );
}

/** The public pages of the notices concluding these sessions, for an article that reports on them. */
export async function publicNoticeLinksOfSessions(
  db: Kysely<DB>,
  sessionIds: readonly number[],
): Promise<{ sessionId: number; href: string; text: string }[]> {
  const rows = await listPublishedNoticesOfSessions(db, sessionIds);
  return rows.map((n) => ({
    sessionId: n.sessionId as number,
    href: publicNoticeHref(n.id),
    text: `Theo dõi thực hiện kết luận (Thông báo ${n.number})`,
  }));
}

export function publicNoticeHref(noticeId: number): string {
  return `/ket-luan/${noticeId}`;
}
