/** Queries of conclusion notices and their numbered items. */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";

export interface NoticeHeader {
  sessionId: number | null;
  number: string;
  issuedOn: string;
  issuingUnitId: number;
  issuingBody: string;
  parentBody: string | null;
  placeName: string;
  title: string;
  preamble: string | null;
  signerPersonId: number | null;
  signerName: string;
  signerTitle: string;
  signingAuthority: string | null;
  recipients: string | null;
}

export interface NoticeItemRow {
  id: number;
  parentItemId: number | null;
  number: string;
  area: string;
  text: string;
}

export interface NoticeRecord extends NoticeHeader {
  id: number;
  /** The Word or PDF file it was imported from. */
  sourceFileId: number | null;
  items: NoticeItemRow[];
}

/** The header's columns a person may correct (not its session or issuing unit). */
function headerColumns(n: Omit<NoticeHeader, "sessionId" | "issuingUnitId">) {
  return {
    number: n.number,
    issued_on: n.issuedOn,
    issuing_body: n.issuingBody,
    parent_body: n.parentBody,
    place_name: n.placeName,
    title: n.title,
    preamble: n.preamble,
    signer_person_id: n.signerPersonId,
    signer_name: n.signerName,
    signer_title: n.signerTitle,
    signing_authority: n.signingAuthority,
    recipients: n.recipients,
  };
}

export async function insertNotice(
  db: Kysely<DB>,
  n: NoticeHeader & { sourceFileId?: number | null },
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .insertInto("conclusion_notices")
    .values({
      session_id: n.sessionId,
      issuing_unit_id: n.issuingUnitId,
      ...headerColumns(n),
      source_file_id: n.sourceFileId ?? null,
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertItem(
  db: Kysely<DB>,
  item: {
    noticeId: number;
    parentItemId: number | null;
    number: string;
    area: string;
    text: string;
    sortOrder: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("conclusion_items")
    .values({
      notice_id: item.noticeId,
      parent_item_id: item.parentItemId,
      number: item.number,
      area: item.area,
      text: item.text,
      sort_order: item.sortOrder,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findNotice(db: Kysely<DB>, id: number): Promise<NoticeRecord | undefined> {
  const n = await db.selectFrom("conclusion_notices").selectAll().where("id", "=", id).executeTakeFirst();
  if (!n) return undefined;
  const items = await db
    .selectFrom("conclusion_items")
    .selectAll()
    .where("notice_id", "=", id)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return {
    id: n.id,
    sessionId: n.session_id,
    number: n.number,
    issuedOn: n.issued_on,
    issuingUnitId: n.issuing_unit_id,
    issuingBody: n.issuing_body,
    parentBody: n.parent_body,
    placeName: n.place_name,
    title: n.title,
    preamble: n.preamble,
    signerPersonId: n.signer_person_id,
    signerName: n.signer_name,
    signerTitle: n.signer_title,
    signingAuthority: n.signing_authority,
    recipients: n.recipients,
    sourceFileId: n.source_file_id,
    items: items.map((i) => ({
      id: i.id,
      parentItemId: i.parent_item_id,
      number: i.number,
      area: i.area,
      text: i.text,
    })),
  };
}

export interface NoticeSummary {
  id: number;
  number: string;
  issuedOn: string;
  title: string;
  sessionId: number | null;
  issuingUnitId: number;
}

/** Notices of a session, or of the given issuing units (null: all), newest first. */
export async function listNotices(
  db: Kysely<DB>,
  f: { sessionId?: number; issuingUnitIds: number[] | null; limit: number },
): Promise<NoticeSummary[]> {
  if (f.issuingUnitIds !== null && f.issuingUnitIds.length === 0) return [];
  let q = db
    .selectFrom("conclusion_notices")
    .select(["id", "number", "issued_on", "title", "session_id", "issuing_unit_id"]);
  if (f.sessionId !== undefined) q = q.where("session_id", "=", f.sessionId);
  if (f.issuingUnitIds !== null) q = q.where("issuing_unit_id", "in", f.issuingUnitIds);
  const rows = await q.orderBy("issued_on", "desc").orderBy("id", "desc").limit(f.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    issuedOn: r.issued_on,
    title: r.title,
    sessionId: r.session_id,
    issuingUnitId: r.issuing_unit_id,
  }));
}

/** Corrects the header of a notice (not its session or issuing unit). */
export async function updateNoticeHeader(
  db: Kysely<DB>,
  id: number,
  n: Omit<NoticeHeader, "sessionId" | "issuingUnitId">,
  now: Date,
): Promise<void> {
  await db
    .updateTable("conclusion_notices")
    .set({
      ...headerColumns(n),
      updated_at: now.toISOString(),
    })
    .where("id", "=", id)
    .execute();
}

export async function updateItem(
  db: Kysely<DB>,
  id: number,
  item: { number: string; area: string; text: string; sortOrder: number },
): Promise<void> {
  await db
    .updateTable("conclusion_items")
    .set({ number: item.number, area: item.area, text: item.text, sort_order: item.sortOrder })
    .where("id", "=", id)
    .execute();
}

export async function deleteItem(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom("conclusion_items").where("id", "=", id).execute();
}

/** How many directives were made from each item of a notice (items without any are absent). */
export async function directiveCountsByItem(db: Kysely<DB>, noticeId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("directives")
    .select((eb) => ["item_id", eb.fn.countAll<number | string>().as("n")])
    .where("notice_id", "=", noticeId)
    .where("item_id", "is not", null)
    .groupBy("item_id")
    .execute();
  return new Map(rows.map((r) => [r.item_id as number, Number(r.n)]));
}
