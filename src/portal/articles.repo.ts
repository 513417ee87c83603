import type { Kysely, Selectable } from "kysely";
import type { ArticlesTable, DB } from "../core/db/schema.js";
import { unitDisplayName } from "../units/unit-labels.js";

/** Article statuses; "published" articles show once their publish time has come. */
export const ARTICLE_STATUSES = ["draft", "published"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export function isArticleStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
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
    status: r.status === "published" ? "published" : "draft",
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

/**
 * Adds buffered view counts. Additive (`views + n`), never a read-modify-write, so flushes from
 * several processes sharing one database do not overwrite each other.
 */
export async function addArticleViews(db: Kysely<DB>, counts: Map<number, number>): Promise<void> {
  if (counts.size === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const [articleId, n] of counts) {
      await trx
        .updateTable("articles")
        .set((eb) => ({ views: eb("views", "+", n) }))
        .where("id", "=", articleId)
        .execute();
    }
  });
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

function publishedBy(db: Kysely<DB>, nowIso: string) {
  return db
    .selectFrom("articles")
    .where("status", "=", "published")
    .where("published_at", "is not", null)
    .where("published_at", "<=", nowIso);
}

/** How many articles readers can see at `nowIso`. */
export async function countPublishedArticles(db: Kysely<DB>, nowIso: string): Promise<number> {
  const row = await publishedBy(db, nowIso)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published articles, newest first (ties by id, newest first), for one page of a list. */
export async function listPublishedArticles(
  db: Kysely<DB>,
  query: { nowIso: string; limit: number; offset: number },
): Promise<ArticleSummary[]> {
  const rows = await publishedBy(db, query.nowIso)
    .select(["id", "slug", "title", "lead", "published_at", "views"])
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    publishedAt: r.published_at as string,
    views: Number(r.views),
  }));
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

/** One article by slug, whatever its status: the caller decides who may see it. */
export async function findArticleBySlug(db: Kysely<DB>, slug: string): Promise<ArticleDetailRow | undefined> {
  const row = await detailQuery(db).where("articles.slug", "=", slug).executeTakeFirst();
  return row
    ? {
        ...toRecord(row),
        unitName: unitDisplayName({ name: row.unit_name, level: row.unit_level }),
        categoryName: row.category_name,
        categorySlug: row.category_slug,
      }
    : undefined;
}

export async function findArticleDetailById(
  db: Kysely<DB>,
  id: number,
): Promise<ArticleDetailRow | undefined> {
  const row = await detailQuery(db).where("articles.id", "=", id).executeTakeFirst();
  return row
    ? {
        ...toRecord(row),
        unitName: unitDisplayName({ name: row.unit_name, level: row.unit_level }),
        categoryName: row.category_name,
        categorySlug: row.category_slug,
      }
    : undefined;
}

export async function findArticleById(db: Kysely<DB>, id: number): Promise<ArticleRecord | undefined> {
  const row = await db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

// ---- images ------------------------------------------------------------------------------------

export interface ArticleImageRow {
  id: number;
  articleId: number;
  mediaId: number;
  storageKey: string;
  caption: string;
  altText: string;
  position: number | null;
  sortOrder: number;
}

/** Photos of these articles in display order. */
export async function listImagesOfArticles(db: Kysely<DB>, articleIds: number[]): Promise<ArticleImageRow[]> {
  if (articleIds.length === 0) return [];
  const rows = await db
    .selectFrom("article_images")
    .innerJoin("media", "media.id", "article_images.media_id")
    .select([
      "article_images.id",
      "article_images.article_id",
      "article_images.media_id",
      "media.storage_key",
      "article_images.caption",
      "article_images.alt_text",
      "article_images.position",
      "article_images.sort_order",
    ])
    .where("article_images.article_id", "in", articleIds)
    .orderBy("article_images.article_id")
    .orderBy("article_images.sort_order")
    .orderBy("article_images.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    mediaId: r.media_id,
    storageKey: r.storage_key,
    caption: r.caption,
    altText: r.alt_text,
    position: r.position === null ? null : Number(r.position),
    sortOrder: Number(r.sort_order),
  }));
}

export async function insertArticleImage(
  db: Kysely<DB>,
  image: {
    articleId: number;
    mediaId: number;
    caption: string;
    altText: string;
    position: number | null;
    sortOrder: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("article_images")
    .values({
      article_id: image.articleId,
      media_id: image.mediaId,
      caption: image.caption,
      alt_text: image.altText,
      position: image.position,
      sort_order: image.sortOrder,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticleImage(
  db: Kysely<DB>,
  image: { id: number; articleId: number; caption: string; altText: string; position: number | null },
): Promise<void> {
  await db
    .updateTable("article_images")
    .set({ caption: image.caption, alt_text: image.altText, position: image.position })
    .where("id", "=", image.id)
    .where("article_id", "=", image.articleId)
    .execute();
}

export async function deleteArticleImages(
  db: Kysely<DB>,
  articleId: number,
  imageIds: number[],
): Promise<void> {
  if (imageIds.length === 0) return;
  await db
    .deleteFrom("article_images")
    .where("article_id", "=", articleId)
    .where("id", "in", imageIds)
    .execute();
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

// ---- editor's list -----------------------------------------------------------------------------

export interface EditorArticleRow {
  id: number;
  slug: string;
  title: string;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  views: number;
  unitId: number;
  /** With its level: "Phường Thượng Thanh". */
  unitName: string;
  authorId: number | null;
  authorName: string | null;
}

/**
 * Articles owned by the given units (`"all"` for a system admin), most recently changed first.
 * Scoped by the caller: an empty unit list returns nothing.
 */
export async function listArticlesOfUnits(
  db: Kysely<DB>,
  scope: { unitIds: number[] | "all"; limit: number; offset: number },
): Promise<{ rows: EditorArticleRow[]; total: number }> {
  if (scope.unitIds !== "all" && scope.unitIds.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom("articles");
  if (scope.unitIds !== "all") base = base.where("articles.unit_id", "in", scope.unitIds);
  const [rows, count] = await Promise.all([
    base
      .innerJoin("units", "units.id", "articles.unit_id")
      .leftJoin("users", "users.id", "articles.author_id")
      .select([
        "articles.id",
        "articles.slug",
        "articles.title",
        "articles.status",
        "articles.published_at",
        "articles.updated_at",
        "articles.views",
        "articles.unit_id",
        "units.name as unit_name",
        "units.level as unit_level",
        "articles.author_id",
        "users.display_name as author_name",
      ])
      .orderBy("articles.updated_at", "desc")
      .orderBy("articles.id", "desc")
      .limit(scope.limit)
      .offset(scope.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status === "published" ? "published" : "draft",
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      views: Number(r.views),
      unitId: r.unit_id,
      unitName: unitDisplayName({ name: r.unit_name, level: r.unit_level }),
      authorId: r.author_id,
      authorName: r.author_name,
    })),
  };
}

// ---- lookups the editor needs ------------------------------------------------------------------

export interface CategoryRow {
  id: number;
  slug: string;
  name: string;
}

export async function listCategories(db: Kysely<DB>): Promise<CategoryRow[]> {
  return db
    .selectFrom("categories")
    .select(["id", "slug", "name"])
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
}

export async function categoryExists(db: Kysely<DB>, id: number): Promise<boolean> {
  return (
    (await db.selectFrom("categories").select("id").where("id", "=", id).executeTakeFirst()) !== undefined
  );
}

/** Names and levels of the given units (for the owning-unit select). */
export async function listUnitNames(
  db: Kysely<DB>,
  unitIds: number[],
): Promise<{ id: number; name: string; level: string }[]> {
  if (unitIds.length === 0) return [];
  return db.selectFrom("units").select(["id", "name", "level"]).where("id", "in", unitIds).execute();
}
