import type { Kysely, Selectable } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { type ArticleStatus, isArticleStatus, READER_VISIBLE_STATUSES } from "./article-workflow.rules.js";
import type { ArticlesTable } from "./articles.tables.js";

/** Articles' own rows: reading for the public pages, writing for the editorial services. */

// Photos of articles live in their own repository; re-exported for the modules that read both.
export {
  type ArticleImageRow,
  deleteArticleImages,
  insertArticleImage,
  listImagesOfArticles,
  updateArticleImage,
} from "./article-images.repo.js";
export { ARTICLE_STATUSES, type ArticleStatus, isArticleStatus } from "./article-workflow.rules.js";

/** A stored status this version does not know (written by a newer one) reads as a draft: never public. */
function statusOf(value: string): ArticleStatus {
  return isArticleStatus(value) ? value : "draft";
}

export interface ArticleRecord {
  id: number;
  slug: string;
  title: string;
  lead: string | null;
  bodyHtml: string;
  status: ArticleStatus;
  /** ISO-8601 UTC. */
  publishedAt: string | null;
  authorId: number | null;
  unitId: number;
  categoryId: number | null;
  views: number;
  createdAt: string;
  updatedAt: string;
}

function toRecord(r: Selectable<ArticlesTable>): ArticleRecord {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    bodyHtml: r.body_html,
    status: statusOf(r.status),
    publishedAt: r.published_at,
    authorId: r.author_id,
    unitId: r.unit_id,
    categoryId: r.category_id,
    views: Number(r.views),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Writable article columns, camel-cased. */
export interface ArticleValues {
  slug: string;
  title: string;
  lead: string | null;
  bodyHtml: string;
  status: ArticleStatus;
  publishedAt: string | null;
  unitId: number;
  categoryId: number | null;
}

function toColumns(values: ArticleValues) {
  return {
    slug: values.slug,
    title: values.title,
    lead: values.lead,
    body_html: values.bodyHtml,
    status: values.status,
    published_at: values.publishedAt,
    unit_id: values.unitId,
    category_id: values.categoryId,
  };
}

/** The stored view count of one article (without the views still buffered in memory). */
export async function findArticleViews(db: Kysely<DB>, id: number): Promise<number | undefined> {
  const row = await db.selectFrom("articles").select("views").where("id", "=", id).executeTakeFirst();
  return row ? Number(row.views) : undefined;
}

/**
 * Adds buffered view counts. Additive (`views + n`), never a read-modify-write, so flushes from
 * several processes sharing one database do not overwrite each other.
 */
export async function addArticleViews(db: Kysely<DB>, counts: Map<number, number>): Promise<void> {
  if (counts.size === 0) return;
  const write = async (trx: Kysely<DB>) => {
    for (const [articleId, n] of counts) {
      await trx
        .updateTable("articles")
        .set((eb) => ({ views: eb("views", "+", n) }))
        .where("id", "=", articleId)
        .execute();
    }
  };
  // Inside a caller's transaction (the flush also writes the day's counts) or in one of its own.
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

// ---- public reading ----------------------------------------------------------------------------

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  lead: string | null;
  publishedAt: string;
  views: number;
}

/**
 * The articles readers may see at `nowIso` (a visible status, a publish time that has come), as a
 * query every public list, feed and ranking starts from. Columns are qualified so callers may join.
 */
export function readerVisibleArticles(db: Kysely<DB>, nowIso: string) {
  return db
    .selectFrom("articles")
    .where("articles.status", "in", [...READER_VISIBLE_STATUSES])
    .where("articles.published_at", "is not", null)
    .where("articles.published_at", "<=", nowIso);
}

export function toArticleSummary(r: {
  id: number;
  slug: string;
  title: string;
  lead: string | null;
  published_at: string | null;
  views: number;
}): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    publishedAt: r.published_at as string,
    views: Number(r.views),
  };
}

/** How many articles readers can see at `nowIso`. */
export async function countPublishedArticles(db: Kysely<DB>, nowIso: string): Promise<number> {
  const row = await readerVisibleArticles(db, nowIso)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published articles, newest first (ties by id, newest first), for one page of a list. */
export async function listPublishedArticles(
  db: Kysely<DB>,
  query: { nowIso: string; limit: number; offset: number },
): Promise<ArticleSummary[]> {
  const rows = await readerVisibleArticles(db, query.nowIso)
    .select(["id", "slug", "title", "lead", "published_at", "views"])
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map(toArticleSummary);
}

export interface ArticleDetailRow extends ArticleRecord {
  /** With its level: "Phường Thượng Thanh". */
  unitName: string;
  categoryName: string | null;
  categorySlug: string | null;
}

function detailQuery(db: Kysely<DB>) {
  return db
    .selectFrom("articles")
    .innerJoin("units", "units.id", "articles.unit_id")
    .leftJoin("categories", "categories.id", "articles.category_id")
    .selectAll("articles")
    .select([
      "units.name as unit_name",
      "units.level as unit_level",
      "categories.name as category_name",
      "categories.slug as category_slug",
    ]);
}

function toDetail(row: Awaited<ReturnType<ReturnType<typeof detailQuery>["executeTakeFirstOrThrow"]>>) {
  return {
    ...toRecord(row),
    unitName: unitDisplayName({ name: row.unit_name, level: row.unit_level }),
    categoryName: row.category_name,
    categorySlug: row.category_slug,
  };
}

/** One article by slug, whatever its status: the caller decides who may see it. */
export async function findArticleBySlug(db: Kysely<DB>, slug: string): Promise<ArticleDetailRow | undefined> {
  const row = await detailQuery(db).where("articles.slug", "=", slug).executeTakeFirst();
  return row ? toDetail(row) : undefined;
}

export async function findArticleDetailById(
  db: Kysely<DB>,
  id: number,
): Promise<ArticleDetailRow | undefined> {
  const row = await detailQuery(db).where("articles.id", "=", id).executeTakeFirst();
  return row ? toDetail(row) : undefined;
}

export async function findArticleById(db: Kysely<DB>, id: number): Promise<ArticleRecord | undefined> {
  const row = await db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

// ---- writing -----------------------------------------------------------------------------------

export async function isSlugTaken(db: Kysely<DB>, slug: string, exceptArticleId?: number): Promise<boolean> {
  let query = db.selectFrom("articles").select("id").where("slug", "=", slug);
  if (exceptArticleId !== undefined) query = query.where("id", "!=", exceptArticleId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertArticle(
  db: Kysely<DB>,
  values: ArticleValues & { authorId: number | null; now: Date },
): Promise<number> {
  const at = values.now.toISOString();
  const row = await db
    .insertInto("articles")
    .values({ ...toColumns(values), author_id: values.authorId, views: 0, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticleRow(
  db: Kysely<DB>,
  id: number,
  values: ArticleValues,
  now: Date,
): Promise<void> {
  await db
    .updateTable("articles")
    .set({ ...toColumns(values), updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

export async function deleteArticleRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom("article_images").where("article_id", "=", id).execute();
  await db.deleteFrom("articles").where("id", "=", id).execute();
}

/**
 * Moves an article to `status` (and publish time) only if it is still in `from`: two editors
 * deciding at once, or the job and an editor, cannot both win. Returns whether this call did it.
 */
export async function changeArticleStatus(
  db: Kysely<DB>,
  id: number,
  change: { from: ArticleStatus; to: ArticleStatus; publishedAt: string | null; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("articles")
    .set({ status: change.to, published_at: change.publishedAt, updated_at: change.now.toISOString() })
    .where("id", "=", id)
    .where("status", "=", change.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Scheduled articles whose moment has come, oldest moment first. */
export async function listDueScheduledArticles(
  db: Kysely<DB>,
  nowIso: string,
  limit: number,
): Promise<{ id: number; unitId: number; publishedAt: string }[]> {
  const rows = await db
    .selectFrom("articles")
    .select(["id", "unit_id", "published_at"])
    .where("status", "=", "scheduled")
    .where("published_at", "is not", null)
    .where("published_at", "<=", nowIso)
    .orderBy("published_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, publishedAt: r.published_at as string }));
}
