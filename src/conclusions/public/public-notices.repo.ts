/** Queries of published conclusion notices: what is shown, and which notices a unit or session has public. */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

export interface Publication {
  noticeId: number;
  showReports: boolean;
  publishedBy: number | null;
  publishedAt: string;
  updatedAt: string;
  /** The items readers see, in id order. */
  itemIds: number[];
}

export async function findPublication(db: Kysely<DB>, noticeId: number): Promise<Publication | undefined> {
  const row = await db
    .selectFrom("notice_publications")
    .selectAll()
    .where("notice_id", "=", noticeId)
    .executeTakeFirst();
  if (!row) return undefined;
  const items = await db
    .selectFrom("notice_public_items")
    .select("item_id")
    .where("notice_id", "=", noticeId)
    .orderBy("item_id")
    .execute();
  return {
    noticeId,
    showReports: row.show_reports === 1,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    itemIds: items.map((i) => i.item_id),
  };
}

/**
 * Publishes a notice, or changes what a published one shows: the first publication keeps its date,
 * the items shown become exactly these.
 */
export async function savePublication(
  db: Kysely<DB>,
  p: { noticeId: number; showReports: boolean; itemIds: readonly number[]; userId: number; now: Date },
): Promise<void> {
  const at = p.now.toISOString();
  await db
    .insertInto("notice_publications")
    .values({
      notice_id: p.noticeId,
      show_reports: p.showReports ? 1 : 0,
      published_by: p.userId,
      published_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column("notice_id").doUpdateSet({ show_reports: p.showReports ? 1 : 0, updated_at: at }),
    )
    .execute();
  await db.deleteFrom("notice_public_items").where("notice_id", "=", p.noticeId).execute();
  const ids = [...new Set(p.itemIds)];
  if (ids.length > 0)
    await db
      .insertInto("notice_public_items")
      .values(ids.map((itemId) => ({ notice_id: p.noticeId, item_id: itemId })))
      .execute();
}

/** Withdraws a publication (its items go with it). */
export async function deletePublication(db: Kysely<DB>, noticeId: number): Promise<void> {
  await db.deleteFrom("notice_public_items").where("notice_id", "=", noticeId).execute();
  await db.deleteFrom("notice_publications").where("notice_id", "=", noticeId).execute();
}

export interface NoticeSessionRow {
  id: number;
  title: string;
  startsAt: string;
  place: string;
  hostUnitId: number;
}

/** The working session a notice concludes, as its public page names it. */
export async function findNoticeSession(
  db: Kysely<DB>,
  sessionId: number | null,
): Promise<NoticeSessionRow | undefined> {
  if (sessionId === null) return undefined;
  return db
    .selectFrom("working_sessions")
    .select(["id", "title", "starts_at as startsAt", "place", "host_unit_id as hostUnitId"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
}

export interface PublishedNoticeRow {
  id: number;
  number: string;
  issuedOn: string;
  title: string;
  sessionId: number | null;
}

const publishedNotices = (db: Kysely<DB>) =>
  db
    .selectFrom("conclusion_notices as n")
    .innerJoin("notice_publications as p", "p.notice_id", "n.id")
    .leftJoin("working_sessions as s", "s.id", "n.session_id")
    .select(["n.id", "n.number", "n.issued_on as issuedOn", "n.title", "n.session_id as sessionId"])
    .orderBy("n.issued_on", "desc")
    .orderBy("n.id", "desc");

/** Published notices about a unit: those of sessions it hosted, and those it issued; newest first. */
export function listPublishedNoticesOfUnit(db: Kysely<DB>, unitId: number): Promise<PublishedNoticeRow[]> {
  return publishedNotices(db)
    .where((eb) => eb.or([eb("s.host_unit_id", "=", unitId), eb("n.issuing_unit_id", "=", unitId)]))
    .execute();
}

/** Published notices concluding these sessions. */
export async function listPublishedNoticesOfSessions(
  db: Kysely<DB>,
  sessionIds: readonly number[],
): Promise<PublishedNoticeRow[]> {
  if (sessionIds.length === 0) return [];
  return publishedNotices(db)
    .where("n.session_id", "in", [...sessionIds])
    .execute();
}
