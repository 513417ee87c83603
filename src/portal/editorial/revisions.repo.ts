import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** Saved states of articles (article_revisions): written on every save that changed something. */

/** The note of the rolling revision the editor's autosave keeps (autosave.service.ts). */
export const AUTOSAVE_NOTE = "Tự động lưu";

/** The non-text fields a revision keeps, as JSON. */
export interface RevisionFields {
  slug: string;
  categoryId: number | null;
  unitId: number;
  publishedAt: string | null;
  /** Tag names as shown. */
  tags: string[];
  sessionIds: number[];
  linkedUnitIds: number[];
  images: {
    mediaId: number;
    storageKey: string;
    caption: string;
    altText: string;
    position: number | null;
  }[];
}

export interface RevisionContent {
  title: string;
  lead: string | null;
  bodyHtml: string;
  fields: RevisionFields;
}

export interface RevisionRow extends RevisionContent {
  id: number;
  articleId: number;
  number: number;
  status: string;
  authorUserId: number | null;
  authorName: string;
  note: string | null;
  createdAt: string;
}

function parseFields(json: string): RevisionFields {
  const raw = JSON.parse(json) as Partial<RevisionFields>;
  return {
    slug: raw.slug ?? "",
    categoryId: raw.categoryId ?? null,
    unitId: raw.unitId ?? 0,
    publishedAt: raw.publishedAt ?? null,
    tags: raw.tags ?? [],
    sessionIds: raw.sessionIds ?? [],
    linkedUnitIds: raw.linkedUnitIds ?? [],
    images: raw.images ?? [],
  };
}

function select(db: Kysely<DB>) {
  return db.selectFrom("article_revisions").selectAll();
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>): RevisionRow {
  return {
    id: r.id,
    articleId: r.article_id,
    number: Number(r.number),
    title: r.title,
    lead: r.lead,
    bodyHtml: r.body_html,
    fields: parseFields(r.fields_json),
    status: r.status,
    authorUserId: r.author_user_id,
    authorName: r.author_name,
    note: r.note,
    createdAt: r.created_at,
  };
}

/**
 * Adds the next revision of an article (number = last + 1). Run it in the transaction of the save;
 * the unique (article, number) pair makes a concurrent save fail rather than share a number.
 */
export async function insertRevision(
  db: Kysely<DB>,
  revision: RevisionContent & {
    articleId: number;
    status: string;
    author: { userId: number | null; name: string };
    note: string | null;
    at: string;
  },
): Promise<number> {
  const last = await db
    .selectFrom("article_revisions")
    .select((eb) => eb.fn.max<number>("number").as("n"))
    .where("article_id", "=", revision.articleId)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  await db
    .insertInto("article_revisions")
    .values({
      article_id: revision.articleId,
      number,
      title: revision.title,
      lead: revision.lead,
      body_html: revision.bodyHtml,
      fields_json: JSON.stringify(revision.fields),
      status: revision.status,
      author_user_id: revision.author.userId,
      author_name: revision.author.name,
      note: revision.note,
      created_at: revision.at,
    })
    .execute();
  return number;
}

/** Every revision of an article, newest first. */
export async function listRevisions(db: Kysely<DB>, articleId: number): Promise<RevisionRow[]> {
  const rows = await select(db).where("article_id", "=", articleId).orderBy("number", "desc").execute();
  return rows.map(toRow);
}

export async function findRevision(
  db: Kysely<DB>,
  articleId: number,
  number: number,
): Promise<RevisionRow | undefined> {
  const row = await select(db)
    .where("article_id", "=", articleId)
    .where("number", "=", number)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** The newest revision of an article, if it has any (articles from before revisions have none). */
export async function latestRevision(db: Kysely<DB>, articleId: number): Promise<RevisionRow | undefined> {
  const row = await select(db)
    .where("article_id", "=", articleId)
    .orderBy("number", "desc")
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function countRevisions(db: Kysely<DB>, articleId: number): Promise<number> {
  const row = await db
    .selectFrom("article_revisions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("article_id", "=", articleId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rewrites a revision's text in place (the rolling autosave revision, never a saved one). */
export async function updateRevisionText(
  db: Kysely<DB>,
  revisionId: number,
  text: { title: string; lead: string | null; bodyHtml: string; at: string },
): Promise<void> {
  await db
    .updateTable("article_revisions")
    .set({ title: text.title, lead: text.lead, body_html: text.bodyHtml, created_at: text.at })
    .where("id", "=", revisionId)
    .execute();
}
